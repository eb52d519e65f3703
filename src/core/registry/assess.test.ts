import { describe, expect, it } from 'vitest';
import { assessMeasurement, weightGainSeries } from './assess.ts';

describe('assessMeasurement', () => {
  it('gives z-scores, categories and flags of one visit', () => {
    // A girl of 24 months and 78 cm standing is severely short (HAZ < −3).
    const a = assessMeasurement({
      sex: 2,
      birthDate: '2024-11-01',
      measuredOn: '2026-11-01',
      weightKg: 9.5,
      heightCm: 78,
      measure: 'h',
    });
    expect(a.zlen).toBeLessThan(-2);
    expect(a.heightForAge).toMatch(/stunted/);
    expect(a.weightForHeight).toBe('normal');
    expect(a.implausible).toBe(false);
  });

  it('flags implausible values and names them', () => {
    const a = assessMeasurement({
      sex: 1,
      birthDate: '2025-01-15',
      measuredOn: '2026-11-05',
      weightKg: 25,
      heightCm: 78,
      measure: 'l',
    });
    expect(a.implausible).toBe(true);
    expect(a.implausibleFields).toContain('zwei');
    expect(a.fwei).toBe(true);
  });

  it('counts oedema as severe wasting and underweight (no weight-based z-scores)', () => {
    const a = assessMeasurement({
      sex: 1,
      birthDate: '2025-01-15',
      measuredOn: '2026-11-05',
      weightKg: 9,
      heightCm: 78,
      measure: 'l',
      oedema: true,
    });
    expect(a.zwei).toBeNull();
    expect(a.zwfl).toBeNull();
    expect(a.weightForHeight).toBe('severely_wasted');
    expect(a.weightForAge).toBe('severely_underweight');
    expect(a.zlen).not.toBeNull();
  });
});

describe('weightGainSeries', () => {
  it('gives B, N, T, 2T and O along a child’s visits, skipping visits without weight', () => {
    const series = weightGainSeries('2025-06-01', [
      { measuredOn: '2026-01-05', weightKg: 8.0 }, // B
      { measuredOn: '2026-02-05', weightKg: 8.4 }, // +400 g at 8 months ≥ 300: N
      { measuredOn: '2026-03-05', weightKg: 8.5 }, // +100 g: T
      { measuredOn: '2026-04-05', weightKg: 8.55 }, // +50 g: T again → 2T
      { measuredOn: '2026-05-05', weightKg: null }, // length only: no status
      { measuredOn: '2026-07-05', weightKg: 9.2 }, // no weighing in June: O
    ]);
    expect(series).toEqual([
      { weightGain: 'B', twoT: false },
      { weightGain: 'N', twoT: false },
      { weightGain: 'T', twoT: false },
      { weightGain: 'T', twoT: true },
      { weightGain: null, twoT: false },
      { weightGain: 'O', twoT: false },
    ]);
  });
});
