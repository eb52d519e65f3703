/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import {
  GROWTH_TABLE_FILES,
  generateGrowthTablesSource,
} from '../../../scripts/gen-growth-tables.ts';
import committedModule from './tables.generated.ts?raw';
import { GROWTH_TABLE_IDS, lmsRow, lmsRowIndex, LMS_TABLES } from './tables.ts';

const csvFiles = import.meta.glob<string>('../../../data/who-growth/*.csv', {
  query: '?raw',
  import: 'default',
  eager: true,
});

function csv(id: string): string[][] {
  const text = csvFiles[`../../../data/who-growth/${id}.csv`];
  if (text === undefined) throw new Error(`missing data/who-growth/${id}.csv`);
  return text
    .trim()
    .split('\n')
    .map((line) => line.split(','));
}

describe('generated LMS tables', () => {
  it('tables.generated.ts is what scripts/gen-growth-tables.ts writes (no drift)', async () => {
    // If this fails: node --import tsx scripts/gen-growth-tables.ts, and commit the result.
    expect(await generateGrowthTablesSource()).toBe(committedModule);
  });

  it('holds every WHO table', () => {
    expect(GROWTH_TABLE_IDS).toEqual(GROWTH_TABLE_FILES.map((f) => f.id));
  });

  it.each(GROWTH_TABLE_FILES.map((f) => [f.id, f.key] as const))(
    '%s decodes to exactly the doubles of the CSV text, for every row',
    (id, keyColumn) => {
      const [header, ...rows] = csv(id);
      const col = (name: string): number => header!.indexOf(name);
      const t = LMS_TABLES[id];
      expect(rows).toHaveLength(2 * t.count);
      for (const row of rows) {
        const sex = Number(row[col('sex')]) as 1 | 2;
        const keyText = row[col(keyColumn)]!;
        const key = t.keyUnit === 'day' ? Number(keyText) : Math.round(Number(keyText) * 10);
        const got = lmsRow(t, sex, key);
        expect(got).not.toBeNull();
        // Object.is: bit-for-bit the same double (also catches −0).
        expect(Object.is(got!.l, Number(row[col('l')]))).toBe(true);
        expect(Object.is(got!.m, Number(row[col('m')]))).toBe(true);
        expect(Object.is(got!.s, Number(row[col('s')]))).toBe(true);
      }
    },
  );

  it('has the key ranges of the README (0–1826 days, 91 for arm/skinfolds, 45–110 / 65–120 cm)', () => {
    const ranges = Object.fromEntries(
      GROWTH_TABLE_IDS.map((id) => [id, [LMS_TABLES[id].firstKey, LMS_TABLES[id].lastKey]]),
    );
    expect(ranges).toEqual({
      lhfa: [0, 1826],
      wfa: [0, 1826],
      bfa: [0, 1826],
      hcfa: [0, 1826],
      acfa: [91, 1826],
      tsfa: [91, 1826],
      ssfa: [91, 1826],
      wfl: [450, 1100],
      wfh: [650, 1200],
    });
  });

  it('answers −1 / null outside a table', () => {
    expect(lmsRowIndex(LMS_TABLES.acfa, 1, 90)).toBe(-1);
    expect(lmsRowIndex(LMS_TABLES.lhfa, 2, 1827)).toBe(-1);
    expect(lmsRow(LMS_TABLES.wfl, 1, 449)).toBeNull();
    expect(lmsRow(LMS_TABLES.wfh, 2, 1200)).not.toBeNull();
  });

  it('starts with the values WHO publishes (boys, length-for-age at birth: 1, 49.8842, 0.03795)', () => {
    expect(lmsRow(LMS_TABLES.lhfa, 1, 0)).toEqual({ l: 1, m: 49.8842, s: 0.03795 });
    expect(lmsRow(LMS_TABLES.wfl, 1, 450)).toEqual({ l: -0.3521, m: 2.441, s: 0.09182 });
  });
});
