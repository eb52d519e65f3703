import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { measurementAtZ, referenceCurves, referenceLms, SD_LINES } from './inverse.ts';
import type { GrowthTableId } from './tables.ts';
import { growthZScores, type Measurement, type ZScoreKey } from './zscores.ts';

/** Feeds the measurement at z back through the single-measurement API, in the table's position. */
const ROUND_TRIPS: [
  GrowthTableId,
  (sex: 1 | 2, key: number, y: number) => Measurement,
  ZScoreKey,
  number,
  number,
][] = [
  [
    'lhfa',
    (sex, d, y) => ({ sex, ageDays: d, lengthHeightCm: y, measure: d < 731 ? 'L' : 'H' }),
    'heightForAge',
    0,
    1825,
  ],
  ['wfa', (sex, d, y) => ({ sex, ageDays: d, weightKg: y }), 'weightForAge', 0, 1825],
  [
    'wfl',
    (sex, cm, y) => ({ sex, weightKg: y, lengthHeightCm: cm, measure: 'L' }),
    'weightForLengthHeight',
    45,
    110,
  ],
  [
    'wfh',
    (sex, cm, y) => ({ sex, weightKg: y, lengthHeightCm: cm, measure: 'H' }),
    'weightForLengthHeight',
    65,
    120,
  ],
  // BMI y with length 100 cm: weight = y kg gives cbmi = y exactly (y / 1²).
  [
    'bfa',
    (sex, d, y) => ({
      sex,
      ageDays: d,
      weightKg: y,
      lengthHeightCm: 100,
      measure: d < 731 ? 'L' : 'H',
    }),
    'bmiForAge',
    0,
    1825,
  ],
  [
    'hcfa',
    (sex, d, y) => ({ sex, ageDays: d, headCircumferenceCm: y }),
    'headCircumferenceForAge',
    0,
    1825,
  ],
  [
    'acfa',
    (sex, d, y) => ({ sex, ageDays: d, armCircumferenceCm: y }),
    'armCircumferenceForAge',
    91,
    1825,
  ],
  [
    'tsfa',
    (sex, d, y) => ({ sex, ageDays: d, tricepsSkinfoldMm: y }),
    'tricepsSkinfoldForAge',
    91,
    1825,
  ],
  [
    'ssfa',
    (sex, d, y) => ({ sex, ageDays: d, subscapularSkinfoldMm: y }),
    'subscapularSkinfoldForAge',
    91,
    1825,
  ],
];

describe.each(ROUND_TRIPS)('measurementAtZ(%s)', (table, measurement, field, minKey, maxKey) => {
  it('z-score of the measurement at z is z again (unrounded, within 1e-9), restricted LMS too', () => {
    const lengthTable = table === 'wfl' || table === 'wfh';
    fc.assert(
      fc.property(
        fc.constantFrom(1 as const, 2 as const),
        lengthTable
          ? fc.integer({ min: minKey * 100, max: maxKey * 100 }).map((k) => k / 100)
          : fc.integer({ min: minKey, max: maxKey }),
        fc.double({ min: -7, max: 7, noNaN: true }),
        (sex, key, z) => {
          const y = measurementAtZ(table, sex, key, z);
          fc.pre(Number.isFinite(y)); // very negative z may have no positive measurement
          const got = growthZScores(measurement(sex, key, y))[field];
          expect(got).not.toBeNull();
          expect(Math.abs(got!.unrounded - z)).toBeLessThan(1e-9);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('inverse', () => {
  it('gives M at z = 0 and NaN outside the tables', () => {
    expect(measurementAtZ('lhfa', 1, 0, 0)).toBe(49.8842);
    expect(measurementAtZ('wfl', 1, 45, 0)).toBe(2.441);
    expect(measurementAtZ('acfa', 1, 90, 0)).toBeNaN();
    expect(measurementAtZ('lhfa', 1, 1827, 0)).toBeNaN();
    expect(measurementAtZ('wfl', 1, 44.9, 0)).toBeNaN();
    expect(measurementAtZ('wfh', 2, 120.1, 0)).toBeNaN();
    expect(measurementAtZ('wfa', 1, -1, 0)).toBeNaN();
    expect(measurementAtZ('wfa', 3 as 1, 10, 0)).toBeNaN();
    expect(measurementAtZ('wfa', 1, 10, NaN)).toBeNaN();
    expect(referenceLms('wfl', 2, 80.43)).not.toBeNull();
  });

  it('rounds fractional ages like the z-scores do (730.5 → day 731)', () => {
    expect(measurementAtZ('lhfa', 2, 730.5, 1)).toBe(measurementAtZ('lhfa', 2, 731, 1));
    expect(measurementAtZ('lhfa', 2, 730.49, 1)).toBe(measurementAtZ('lhfa', 2, 730, 1));
  });

  it('draws the −3…+3 SD curves of a chart, in order', () => {
    const months = Array.from({ length: 61 }, (_, m) => Math.min(m * 30.4375, 1826));
    const curves = referenceCurves('wfa', 2, months);
    expect(curves).toHaveLength(SD_LINES.length);
    for (let i = 0; i < months.length; i++) {
      for (let k = 1; k < curves.length; k++)
        expect(curves[k]![i]!).toBeGreaterThan(curves[k - 1]![i]!);
    }
    // Girls' weight at birth, median 3.2322 kg.
    expect(curves[3]![0]).toBe(3.2322);
  });
});
