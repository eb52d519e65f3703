import { describe, expect, it } from 'vitest';
import { deathKinds } from './case.ts';
import {
  causeGroupsByCode,
  causeGroupsFor,
  countsInAki,
  isCauseGroupFor,
  maternalCauseGroups,
  neonatalCauseGroups,
} from './cause-groups.ts';

describe('cause groups', () => {
  it('has the nine ICD-MM groups and the eleven ICD-PM neonatal groups, each code once', () => {
    expect(maternalCauseGroups.map((g) => g.code)).toEqual([
      'mm1',
      'mm2',
      'mm3',
      'mm4',
      'mm5',
      'mm6',
      'mm7',
      'mm8',
      'mm9',
    ]);
    expect(neonatalCauseGroups).toHaveLength(11);
    const all = deathKinds.flatMap((k) => causeGroupsFor(k).map((g) => g.code));
    expect(causeGroupsByCode.size).toBe(new Set(all).size);
    for (const group of causeGroupsByCode.values())
      expect(group.label.id && group.label.en).toBeTruthy();
  });

  it('offers antepartum or intrapartum groups by the stillbirth timing', () => {
    expect(isCauseGroupFor('a3', 'stillbirth', 'antepartum')).toBe(true);
    expect(isCauseGroupFor('i3', 'stillbirth', 'antepartum')).toBe(false);
    expect(isCauseGroupFor('i3', 'stillbirth', 'unknown')).toBe(true);
    expect(isCauseGroupFor('c_pneumonia', 'postneonatal')).toBe(true);
    expect(isCauseGroupFor('c_pneumonia', 'neonatal')).toBe(false);
  });

  it('keeps coincidental deaths out of AKI', () => {
    expect(countsInAki('mm9')).toBe(false);
    expect(countsInAki(null)).toBe(true);
    expect(countsInAki('mm7')).toBe(true);
  });
});
