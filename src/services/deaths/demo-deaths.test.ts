import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { deathCaseProblems, type DeathCaseFields } from '../../core/deaths/case.ts';
import { causeGroupsByCode, isCauseGroupFor } from '../../core/deaths/cause-groups.ts';
import { deathCounts } from '../../core/deaths/tally.ts';
import {
  demoAnnualBirths,
  demoCauseCodes,
  demoDeathData,
  YEARLY_BIRTH_REPORTERS,
} from '../../core/demo/deaths.ts';
import { isDemoId } from '../../core/demo/ids.ts';
import { demoRegionTree, planDemoProvince } from '../../core/demo/plan.ts';
import { referenceFile } from '../paths.ts';
import { demoCalibration } from './demo-deaths.ts';

// The real NTT tree (data/wilayah) and the published figures the demo is calibrated on.
const wilayah = parse<{ code: string; name: string; level: string; type: string }>(
  readFileSync(referenceFile('wilayah/wilayah.csv'), 'utf8'),
  { columns: true, bom: true },
)
  .filter((r) => r.code.startsWith('53'))
  .map((r) => ({ ...r, type: r.type || null }));
const published = demoCalibration();

const plan = planDemoProvince(demoRegionTree(wilayah, '53'), {
  seed: 1,
  children: 4000,
  months: 24,
  today: '2025-06-20',
  stuntingTargetsPercent: {},
});
const now = '2025-06-20T12:00:00.000Z';
const data = demoDeathData(plan, published, now);

describe('synthetic AKI-AKB data of the demo province', () => {
  it('is the same for the same seed and different for another', () => {
    expect(demoDeathData(plan, published, now)).toEqual(data);
    const other = demoDeathData(
      planDemoProvince(demoRegionTree(wilayah, '53'), { ...plan.options, seed: 2 }),
      published,
      now,
    );
    expect(
      other.cases.length === data.cases.length && other.cases[0]?.name === data.cases[0]?.name,
    ).toBe(false);
  });

  it('has live births near the published 90,023 a year, yearly totals for two kabupaten', () => {
    const annual = demoAnnualBirths(plan, published);
    expect([...annual.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(89_000);
    expect(annual.get('5302')).toBe(9833);
    const y2024 = data.liveBirths
      .filter((b) => b.period.startsWith('2024'))
      .reduce((s, b) => s + b.count, 0);
    expect(y2024).toBeGreaterThan(85_000);
    expect(y2024).toBeLessThan(95_000);
    const yearly = data.liveBirths.filter((b) => b.period.length === 4);
    expect(new Set(yearly.map((b) => b.regionCode))).toEqual(new Set(YEARLY_BIRTH_REPORTERS));
    expect(data.liveBirths.some((b) => b.period === '2025-06')).toBe(false); // the running month is not reported
  });

  it('has deaths at NTT levels: about 135 maternal and 1,065 infant deaths a year', () => {
    const year = data.cases.filter(
      (c) => c.deathDate >= '2024-06-20' && c.deathDate < '2025-06-20',
    );
    const counts = deathCounts(year.map((c) => ({ ...c, notifiedLate: c.notifiedLate })));
    expect(counts.maternal).toBeGreaterThan(95);
    expect(counts.maternal).toBeLessThan(180);
    expect(counts.infant).toBeGreaterThan(950);
    expect(counts.infant).toBeLessThan(1200);
    expect(counts.neonatal / counts.infant).toBeGreaterThan(0.7);
    expect(counts.stillbirth).toBeGreaterThan(600);
  });

  it('makes every case valid by the notification rules, with real cause codes and demo ids', () => {
    for (const code of demoCauseCodes()) expect(causeGroupsByCode.has(code), code).toBe(true);
    for (const c of data.cases) {
      const fields: DeathCaseFields = { ...c, nik: null, address: null, motherNik: null };
      expect(deathCaseProblems(fields, '2025-06-20'), c.id).toEqual([]);
      expect(isDemoId(c.id)).toBe(true);
      if (c.causeGroup)
        expect(isCauseGroupFor(c.causeGroup, c.kind, c.stillbirthTiming)).toBe(true);
    }
    expect(data.recommendations.every((r) => isDemoId(r.id))).toBe(true);
  });

  it('runs each case through the workflow in order, never after now, with some overdue and late', () => {
    const steps = (c: (typeof data.cases)[number]) =>
      [c.notifiedAt, c.verifiedAt, c.reviewedAt, c.recommendedAt, c.closedAt].filter(
        (s): s is string => s !== null,
      );
    for (const c of data.cases) {
      const s = steps(c);
      expect([...s].sort()).toEqual(s);
      expect(s.every((x) => x <= now)).toBe(true);
    }
    const statuses = new Set(data.cases.map((c) => c.status));
    expect(statuses).toEqual(
      new Set(['notified', 'verified', 'reviewed', 'recommended', 'closed']),
    );
    const late = data.cases.filter((c) => c.notifiedLate).length / data.cases.length;
    expect(late).toBeGreaterThan(0.1);
    expect(late).toBeLessThan(0.3);
    const closed = data.cases.filter((c) => c.status === 'closed').map((c) => c.id);
    const open = new Set(
      data.recommendations.filter((r) => r.doneAt === null).map((r) => r.caseId),
    );
    expect(closed.some((id) => open.has(id))).toBe(false);
  });
});
