import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lmsValueAt, lmsValueAtRestricted, lmsZ, lmsZRestricted } from './lms.ts';
import { growthZScores, type Measurement, type ZScoreKey } from './zscores.ts';

describe('LMS formulas', () => {
  it('plain z = ((y/M)^L − 1)/(S·L), the power within a few ulp of Math.pow', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -2, max: 2, noNaN: true }).filter((l) => Math.abs(l) > 1e-4),
        fc.double({ min: 1, max: 120, noNaN: true }),
        fc.double({ min: 0.02, max: 0.2, noNaN: true }),
        fc.double({ min: 0.3, max: 3, noNaN: true }),
        (l, m, s, ratio) => {
          const y = m * ratio;
          const power = Math.pow(y / m, l);
          const exact = (power - 1) / (s * l);
          // An error of 4 ulp in the power, carried through (x − 1)/(S·L): anthro's own value
          // is only this exact too.
          const tolerance = (4 * Number.EPSILON * Math.max(1, power)) / (s * Math.abs(l));
          expect(Math.abs(lmsZ(y, l, m, s) - exact)).toBeLessThanOrEqual(tolerance);
        },
      ),
      { numRuns: 5000 },
    );
    expect(lmsValueAt(0, 0.3, 10, 0.1)).toBe(10);
    expect(lmsZ(lmsValueAt(2, 1, 50, 0.04), 1, 50, 0.04)).toBeCloseTo(2, 12);
  });

  it('restricted z continues linearly beyond ±3 SD and inverts exactly', () => {
    const [l, m, s] = [0.0264, 6.0229, 0.12545]; // wfa, girl, 100 days
    const sd2 = lmsValueAt(2, l, m, s);
    const sd3 = lmsValueAt(3, l, m, s);
    expect(lmsZRestricted(sd3 + (sd3 - sd2), l, m, s)).toBeCloseTo(4, 12);
    expect(lmsZRestricted(sd3, l, m, s)).toBeCloseTo(3, 12);
    for (const z of [-7, -4.5, -3, -1, 0, 2.5, 3, 3.2, 6]) {
      expect(lmsZRestricted(lmsValueAtRestricted(z, l, m, s), l, m, s)).toBeCloseTo(z, 10);
    }
  });
});

/** A measurement of `size` for each indicator (age-based ones at `ageDays`). */
const INDICATORS: [
  string,
  (sex: 1 | 2, ageDays: number, size: number) => Measurement,
  ZScoreKey,
  number,
  number,
][] = [
  [
    'length/height-for-age',
    (sex, ageDays, cm) => ({ sex, ageDays, lengthHeightCm: cm }),
    'heightForAge',
    40,
    130,
  ],
  ['weight-for-age', (sex, ageDays, kg) => ({ sex, ageDays, weightKg: kg }), 'weightForAge', 1, 35],
  [
    'weight-for-length/height',
    (sex, ageDays, kg) => ({
      sex,
      ageDays,
      weightKg: kg,
      lengthHeightCm: 45 + (ageDays % 750) / 10,
    }),
    'weightForLengthHeight',
    1,
    35,
  ],
  [
    'BMI-for-age',
    (sex, ageDays, kg) => ({ sex, ageDays, weightKg: kg, lengthHeightCm: 80 }),
    'bmiForAge',
    3,
    30,
  ],
  [
    'head circumference-for-age',
    (sex, ageDays, cm) => ({ sex, ageDays, headCircumferenceCm: cm }),
    'headCircumferenceForAge',
    25,
    60,
  ],
  [
    'arm circumference-for-age',
    (sex, ageDays, cm) => ({ sex, ageDays, armCircumferenceCm: cm }),
    'armCircumferenceForAge',
    6,
    30,
  ],
  [
    'triceps skinfold-for-age',
    (sex, ageDays, mm) => ({ sex, ageDays, tricepsSkinfoldMm: mm }),
    'tricepsSkinfoldForAge',
    2,
    30,
  ],
  [
    'subscapular skinfold-for-age',
    (sex, ageDays, mm) => ({ sex, ageDays, subscapularSkinfoldMm: mm }),
    'subscapularSkinfoldForAge',
    2,
    30,
  ],
];

describe.each(INDICATORS)('%s', (_name, measurement, field, min, max) => {
  it('rises with the measurement (unrounded z strictly, rounded z never falls)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(1 as const, 2 as const),
        fc.integer({ min: 91, max: 1826 }),
        fc.double({ min, max, noNaN: true }),
        fc.double({ min, max, noNaN: true }),
        (sex, ageDays, a, b) => {
          fc.pre(Math.abs(a - b) > 1e-6 * max);
          const [lo, hi] = a < b ? [a, b] : [b, a];
          const zLo = growthZScores(measurement(sex, ageDays, lo))[field];
          const zHi = growthZScores(measurement(sex, ageDays, hi))[field];
          if (zLo === null || zHi === null || typeof zLo !== 'object' || typeof zHi !== 'object')
            return;
          expect(zHi.unrounded).toBeGreaterThan(zLo.unrounded);
          expect(zHi.z).toBeGreaterThanOrEqual(zLo.z);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
