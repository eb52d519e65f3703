import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  poissonExactInterval,
  poissonRateInterval,
  wilsonInterval,
  z95,
} from './confidence-interval.ts';
import { regularizedLowerGamma, regularizedUpperGamma } from './incomplete-gamma.ts';

const relativeError = (actual: number, expected: number) =>
  Math.abs(actual - expected) / Math.abs(expected);

describe('wilsonInterval', () => {
  it('matches the reference values of the brief to 4 decimals', () => {
    const check = (k: number, n: number, lower: number, upper: number, digits = 4) => {
      const ci = wilsonInterval(k, n)!;
      expect(ci.lower).toBeCloseTo(lower, digits);
      expect(ci.upper).toBeCloseTo(upper, digits);
    };
    check(0, 10, 0, 0.2775);
    check(5, 10, 0.2366, 0.7634);
    check(1, 100, 0.00177, 0.05449, 5);
    // the brief lists 0.2332 as the upper limit; the Wilson formula gives 0.23284 (mpmath at 40
    // digits: 0.23283559590832364; also not Clopper–Pearson 0.2353 nor Wilson-with-correction
    // 0.2385), so 0.2332 is taken as a typo.
    check(15, 100, 0.0931, 0.2328);
  });

  it('matches high-precision values (mpmath, 40 digits) to 1e-13', () => {
    const cases: [number, number, number, number][] = [
      [0, 10, 0, 0.2775327998628892],
      [5, 10, 0.236593090512564, 0.763406909487436],
      [1, 100, 0.0017674320641406483, 0.054486196178705315],
      [15, 100, 0.09305985283656631, 0.23283559590832364],
      [10, 10, 0.7224672001371109, 1],
      [1, 1, 0.20654931437723742, 1],
      [0, 1, 0, 0.7934506856227626],
      [3, 7, 0.1582198552514697, 0.7495416354723428],
      [999, 1000, 0.9943574414020421, 0.999823453629374],
      [123_456, 1_000_000, 0.12281269653142285, 0.12410219641400438],
    ];
    for (const [k, n, lower, upper] of cases) {
      const ci = wilsonInterval(k, n)!;
      expect(Math.abs(ci.lower - lower)).toBeLessThan(1e-13);
      expect(Math.abs(ci.upper - upper)).toBeLessThan(1e-13);
      expect(ci).toMatchObject({ level: 0.95, method: 'wilson' });
    }
  });

  it('is exactly 0 at k = 0 and exactly 1 at k = n; null for n = 0', () => {
    expect(wilsonInterval(0, 37)!.lower).toBe(0);
    expect(wilsonInterval(37, 37)!.upper).toBe(1);
    expect(wilsonInterval(0, 0)).toBeNull();
  });

  it('uses z = 1.959963984540054', () => {
    expect(z95).toBe(1.959963984540054);
  });

  it('rejects impossible counts', () => {
    expect(() => wilsonInterval(6, 5)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 5)).toThrow(RangeError);
    expect(() => wilsonInterval(1.5, 5)).toThrow(RangeError);
    expect(() => wilsonInterval(1, Number.NaN)).toThrow(RangeError);
  });

  it('contains p̂, stays in [0, 1] and is symmetric under k → n − k (property)', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 1_000_000 })
          .chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))),
        ([k, n]) => {
          const ci = wilsonInterval(k, n)!;
          const mirror = wilsonInterval(n - k, n)!;
          const p = k / n;
          return (
            ci.lower >= 0 &&
            ci.upper <= 1 &&
            ci.lower <= p + 1e-15 &&
            p <= ci.upper + 1e-15 &&
            Math.abs(ci.lower - (1 - mirror.upper)) < 1e-12 &&
            Math.abs(ci.upper - (1 - mirror.lower)) < 1e-12
          );
        },
      ),
    );
  });

  it('narrows as n grows at a fixed proportion (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 0, max: 10 }), (m, k10) => {
        const small = wilsonInterval(k10 * m, 10 * m)!;
        const large = wilsonInterval(k10 * m * 2, 20 * m)!;
        return large.upper - large.lower < small.upper - small.lower;
      }),
    );
  });
});

describe('poissonExactInterval (Garwood)', () => {
  it('matches the reference values of the brief to 4 decimals', () => {
    // |difference| < 1e-4: the brief's 81.3639 is 81.363991… truncated rather than rounded
    const check = (k: number, lower: number, upper: number) => {
      const ci = poissonExactInterval(k);
      expect(Math.abs(ci.lower - lower)).toBeLessThan(1e-4);
      expect(Math.abs(ci.upper - upper)).toBeLessThan(1e-4);
    };
    check(0, 0, 3.6889);
    check(1, 0.0253, 5.5716);
    check(5, 1.6235, 11.6683);
    check(10, 4.7954, 18.3904);
    // the brief lists 121.6971 as the upper limit for k = 100; the exact value is 121.62679…
    // (scipy chi2.ppf(0.975, 202)/2 and an mpmath root of P(X ≤ 100; λ) = 0.025 agree;
    // P(X ≤ 100; 121.6971) = 0.02464, not 0.025), so 121.6971 is taken as a typo.
    check(100, 81.3639, 121.6268);
  });

  it('matches high-precision values to 1e-10 relative (mpmath roots, 40 digits; scipy agrees)', () => {
    const cases: [number, number, number][] = [
      [0, 0, 3.6888794541139363], // upper = −ln(0.025)
      [1, 0.025317807984289876, 5.571643390938899], // lower = −ln(0.975)
      [2, 0.24220927854396496, 7.22468766772396],
      [3, 0.6186721228956014, 8.767273069742323],
      [4, 1.0898653736263249, 10.241588675403694],
      [5, 1.6234863901184204, 11.66833207932267],
      [9, 4.115373097378334, 17.084803451419166],
      [10, 4.7953886961324335, 18.39035604201778],
      [20, 12.216519585403944, 30.8883779026746],
      [50, 37.110963737461866, 65.91876666433681],
      [100, 81.36399125092314, 121.62679379242638],
      [1000, 938.9730184076952, 1063.952136016302],
      [10_000, 9804.952467260184, 10197.951624661473],
      [100_000, 99381.15266374472, 100621.74473974388],
    ];
    for (const [k, lower, upper] of cases) {
      const ci = poissonExactInterval(k);
      if (k === 0) expect(ci.lower).toBe(0);
      else expect(relativeError(ci.lower, lower)).toBeLessThan(1e-10);
      expect(relativeError(ci.upper, upper)).toBeLessThan(1e-10);
      expect(ci).toMatchObject({ level: 0.95, method: 'exact_poisson' });
    }
  });

  it('puts 2.5 % in each tail: P(X ≥ k; lower) = P(X ≤ k; upper) = 0.025 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200_000 }), (k) => {
        const ci = poissonExactInterval(k);
        // P(X ≥ k; λ) = P(k, λ) and P(X ≤ k; λ) = Q(k + 1, λ)
        return (
          Math.abs(regularizedLowerGamma(k, ci.lower) - 0.025) < 1e-12 &&
          Math.abs(regularizedUpperGamma(k + 1, ci.upper) - 0.025) < 1e-12 &&
          ci.lower < k &&
          k < ci.upper
        );
      }),
    );
  });

  it('is increasing in k (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), (k) => {
        const a = poissonExactInterval(k);
        const b = poissonExactInterval(k + 1);
        return a.lower < b.lower && a.upper < b.upper;
      }),
    );
  });

  it('rejects impossible counts', () => {
    expect(() => poissonExactInterval(-1)).toThrow(RangeError);
    expect(() => poissonExactInterval(2.5)).toThrow(RangeError);
  });
});

describe('poissonRateInterval', () => {
  it('scales the count interval by births and multiplier', () => {
    // 5 maternal deaths in 5,258 live births (size of Kabupaten Kupang's 2019 births)
    const ci = poissonRateInterval(5, 5258, 100_000)!;
    expect(ci.lower).toBeCloseTo((1.6234863901184204 / 5258) * 100_000, 9);
    expect(ci.upper).toBeCloseTo((11.66833207932267 / 5258) * 100_000, 9);
    expect(ci.method).toBe('exact_poisson');
  });

  it('is null without births', () => {
    expect(poissonRateInterval(0, 0, 1000)).toBeNull();
    expect(poissonRateInterval(1, -3, 1000)).toBeNull();
    expect(poissonRateInterval(1, Number.NaN, 1000)).toBeNull();
  });
});
