import { describe, expect, it } from 'vitest';
import { seededRandom } from '../seeded-random.ts';
import type { WeightGainCode } from '../growth/weight-gain.ts';
import { rollupCountNames } from './dashboard.ts';
import {
  addChildRollupCells,
  changedRollupCells,
  type RollupCell,
  type RollupMeasurement,
} from './rollup-cells.ts';
import { referenceRollupCells } from './rollup-reference.test-data.ts';

const base: Omit<RollupMeasurement, 'childId' | 'measuredOn' | 'sequence'> = {
  ageDays: 400,
  sex: 1,
  haz: -2.5,
  hazFlagged: false,
  whz: 0.1,
  whzFlagged: false,
  waz: -1,
  wazFlagged: false,
  oedema: false,
  weighed: true,
  weightGain: 'N',
  twoT: false,
  regionCode: '5301042003',
  posyanduId: 'p1',
};

const cellsOf = (rows: RollupMeasurement[], sign: 1 | -1 = 1) => {
  const into = new Map<string, RollupCell>();
  addChildRollupCells(into, rows, sign);
  return into;
};

describe('addChildRollupCells', () => {
  it('counts a child measured twice in a month once, at its latest row and that row’s place', () => {
    const cells = cellsOf([
      { ...base, childId: 'c', measuredOn: '2025-03-02', sequence: 1, haz: -2.5 },
      { ...base, childId: 'c', measuredOn: '2025-03-20', sequence: 2, haz: -1.5, posyanduId: 'p2' },
    ]);
    const month = [...cells.values()].filter((c) => c.kind === 'month');
    expect(month).toHaveLength(1);
    expect(month[0]!.posyanduId).toBe('p2');
    expect(month[0]!.counts[rollupCountNames.indexOf('haz_n')]).toBe(1);
    expect(month[0]!.counts[rollupCountNames.indexOf('haz_lt2')]).toBe(0);
  });

  it('skips a flagged z for the latest valid one, and rows over 59 months altogether', () => {
    const cells = cellsOf([
      { ...base, childId: 'c', measuredOn: '2025-03-02', sequence: 1, haz: -2.5 },
      { ...base, childId: 'c', measuredOn: '2025-03-20', sequence: 2, haz: -7, hazFlagged: true },
      { ...base, childId: 'c', measuredOn: '2025-03-25', sequence: 3, ageDays: 1827 },
    ]);
    const month = [...cells.values()].find((c) => c.kind === 'month')!;
    expect(month.counts[rollupCountNames.indexOf('measured')]).toBe(1);
    expect(month.counts[rollupCountNames.indexOf('haz_lt2')]).toBe(1);
  });

  it('a state taken away with −1 and added with +1 leaves only the difference', () => {
    const before = [{ ...base, childId: 'c', measuredOn: '2025-03-02', sequence: 1 }];
    const after = [...before, { ...base, childId: 'c', measuredOn: '2025-04-02', sequence: 2 }];
    const into = cellsOf(after);
    addChildRollupCells(into, before, -1);
    const changed = changedRollupCells(into).map((c) => `${c.kind}:${c.period}`);
    // March is unchanged; April is new; Q1 unchanged; Q2 new; the year moved to April (same cell).
    expect(changed.sort()).toEqual(['month:2025-04', 'quarter:2025-Q2']);
  });

  it('counted only in the periods of the given dates, the same difference comes out', () => {
    const before = [
      { ...base, childId: 'c', measuredOn: '2025-01-10', sequence: 1 },
      { ...base, childId: 'c', measuredOn: '2025-03-02', sequence: 2, haz: -1 },
      { ...base, childId: 'c', measuredOn: '2025-05-02', sequence: 3, posyanduId: 'p2' },
    ];
    const after = [...before, { ...base, childId: 'c', measuredOn: '2025-02-02', sequence: 4 }];
    const whole = cellsOf(after);
    addChildRollupCells(whole, before, -1);
    const only = new Map<string, RollupCell>();
    addChildRollupCells(only, after, 1, ['2025-02-02']);
    addChildRollupCells(only, before, -1, ['2025-02-02']);
    expect(changedRollupCells(only)).toEqual(changedRollupCells(whole));
    expect(changedRollupCells(only).map((c) => c.period)).toEqual(['2025-02']);
  });

  for (const seed of [3, 17, 101]) {
    it(`equals the per-period definitions on random histories (seed ${seed})`, () => {
      const next = seededRandom(seed);
      const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
      const rows: RollupMeasurement[] = [];
      for (let child = 0; child < 40; child++) {
        const days = new Set<string>();
        const sex = next() < 0.5 ? 1 : 2;
        for (let k = 0; k < 1 + Math.floor(next() * 12); k++) {
          const day = `202${4 + Math.floor(next() * 2)}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`;
          if (days.has(day)) continue;
          days.add(day);
          const weighed = next() < 0.85;
          const z = () => (next() < 0.15 ? null : (next() - 0.6) * 8);
          rows.push({
            childId: `c${child}`,
            measuredOn: day,
            sequence: k,
            ageDays: Math.floor(next() * 1900),
            sex,
            haz: z(),
            hazFlagged: next() < 0.05,
            whz: z(),
            whzFlagged: next() < 0.05,
            waz: z(),
            wazFlagged: next() < 0.05,
            oedema: next() < 0.03,
            weighed,
            weightGain: weighed ? pick<WeightGainCode | null>(['N', 'T', 'O', 'B', null]) : null,
            twoT: weighed && next() < 0.1,
            regionCode: pick(['5301042003', '5301042004']),
            posyanduId: pick(['p1', 'p2', 'p3']),
          });
        }
      }
      const into = new Map<string, RollupCell>();
      for (let child = 0; child < 40; child++)
        addChildRollupCells(
          into,
          rows.filter((r) => r.childId === `c${child}`),
          1,
        );
      const actual = new Map(
        changedRollupCells(into).map((c) => [
          `${c.posyanduId}|${c.kind}|${c.period}|${c.regionCode}|${c.sex}|${c.ageGroup}`,
          c.counts,
        ]),
      );
      const expected = referenceRollupCells(rows);
      expect(actual.size).toBeGreaterThan(100);
      expect(Object.fromEntries(actual)).toEqual(Object.fromEntries(expected));
    });
  }
});
