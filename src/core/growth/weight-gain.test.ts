import { describe, expect, it } from 'vitest';
import {
  minimumWeightGainG,
  monthPeriod,
  monthPeriodOf,
  weightGainHistory,
  weightGainStatus,
  type MonthlyWeighing,
} from './weight-gain.ts';

const w = (year: number, month: number, ageMonths: number, weightKg: number): MonthlyWeighing => ({
  period: monthPeriod(year, month),
  ageMonths,
  weightKg,
});

describe('KBM', () => {
  it('by age in completed months, nearest row outside the table', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 10, 11, 24, 60, 61].map((m) => minimumWeightGainG(m))).toEqual([
      800, 800, 900, 800, 600, 500, 400, 300, 300, 200, 200, 200, 200,
    ]);
  });
});

describe('weightGainStatus (N/T/O/B, 2T)', () => {
  it('B without an earlier weighing, O when last month was missed', () => {
    expect(weightGainStatus(w(2025, 3, 5, 7), null).status).toBe('B');
    const o = weightGainStatus(w(2025, 3, 5, 7), w(2025, 1, 3, 6));
    expect(o).toEqual({
      status: 'O',
      gainG: null,
      minimumGainG: null,
      twoT: false,
      needsReferral: false,
    });
  });

  it('N when the gain reaches the KBM exactly (in whole grams), T below', () => {
    // 8.5 − 7.7 = 0.7999999999999998 kg in doubles: still 800 g
    const n = weightGainStatus(w(2025, 2, 3, 8.5), w(2025, 1, 2, 7.7));
    expect(n).toMatchObject({ status: 'N', gainG: 800, minimumGainG: 800 });
    const t = weightGainStatus(w(2025, 2, 3, 8.49), w(2025, 1, 2, 7.7));
    expect(t).toMatchObject({ status: 'T', gainG: 790, minimumGainG: 800, twoT: false });
    // Losing weight is T; over 11 months the KBM is 200 g.
    expect(weightGainStatus(w(2025, 2, 30, 12.1), w(2025, 1, 29, 12.3)).status).toBe('T');
    expect(weightGainStatus(w(2025, 2, 30, 12.5), w(2025, 1, 29, 12.3)).status).toBe('N');
  });

  it('consecutive months across a year end', () => {
    expect(weightGainStatus(w(2025, 1, 20, 11), w(2024, 12, 19, 10.5)).status).toBe('N');
  });

  it('2T: T after T, and it needs referral', () => {
    const r = weightGainStatus(w(2025, 3, 20, 10.1), w(2025, 2, 19, 10), 'T');
    expect(r).toMatchObject({ status: 'T', twoT: true, needsReferral: true });
    expect(weightGainStatus(w(2025, 3, 20, 10.3), w(2025, 2, 19, 10), 'T').twoT).toBe(false);
    expect(weightGainStatus(w(2025, 3, 20, 10.1), w(2025, 2, 19, 10), 'N').twoT).toBe(false);
  });
});

describe('weightGainHistory', () => {
  it('walks a child’s months, in input order, with O after a gap and 2T', () => {
    const weighings = [
      w(2025, 1, 6, 7.0), // B
      w(2025, 2, 7, 7.4), // +400 ≥ 300: N
      w(2025, 3, 8, 7.5), // +100 < 300: T
      w(2025, 4, 9, 7.5), // 0: T, 2T
      w(2025, 6, 11, 8.0), // gap: O
      w(2025, 7, 12, 8.2), // +200 ≥ 200: N
    ];
    const shuffled = [
      weighings[3]!,
      weighings[0]!,
      weighings[5]!,
      weighings[1]!,
      weighings[4]!,
      weighings[2]!,
    ];
    const byInput = weightGainHistory(shuffled).map((r) => r.status);
    expect(byInput).toEqual(['T', 'B', 'N', 'N', 'O', 'T']);
    const history = weightGainHistory(weighings);
    expect(history.map((r) => r.status)).toEqual(['B', 'N', 'T', 'T', 'O', 'N']);
    expect(history.map((r) => r.needsReferral)).toEqual([false, false, false, true, false, false]);
    // D = N + T + O + B: every weighing has exactly one status.
    expect(history).toHaveLength(weighings.length);
  });

  it('two weighings in one month are both compared with the month before', () => {
    const history = weightGainHistory([
      w(2025, 1, 12, 9),
      w(2025, 2, 13, 9.1),
      w(2025, 2, 13, 9.3),
    ]);
    expect(history.map((r) => r.status)).toEqual(['B', 'T', 'N']);
  });

  it('month numbers from dates', () => {
    expect(monthPeriodOf('2025-03-15')).toBe(monthPeriod(2025, 3));
    expect(monthPeriodOf('2025-13-01')).toBeNaN();
    expect(monthPeriod(2025, 1) - monthPeriod(2024, 12)).toBe(1);
  });
});
