import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  chiSquareQuantile,
  inverseRegularizedLowerGamma,
  logGamma,
  regularizedLowerGamma,
  regularizedUpperGamma,
} from './incomplete-gamma.ts';

const relativeError = (actual: number, expected: number) =>
  Math.abs(actual - expected) / Math.abs(expected);

describe('logGamma', () => {
  it('matches factorials and Γ(1/2) = √π', () => {
    let factorial = 1;
    for (let n = 1; n <= 30; n++) {
      if (n > 1) factorial *= n - 1;
      expect(Math.abs(logGamma(n) - Math.log(factorial))).toBeLessThan(1e-12);
    }
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 14);
  });

  it('matches reference values (mpmath, 40 digits)', () => {
    // mpmath.loggamma at 40 digits
    const cases: [number, number][] = [
      [0.001, 6.907178885383853],
      [0.1, 2.252712651734206],
      [2.5, 0.2846828704729192],
      [100.5, 361.4355404677776],
      [100_001, 1051299.221899122],
    ];
    for (const [x, expected] of cases)
      expect(relativeError(logGamma(x), expected)).toBeLessThan(1e-13);
  });

  it('rejects x ≤ 0', () => {
    expect(() => logGamma(0)).toThrow(RangeError);
    expect(() => logGamma(-1)).toThrow(RangeError);
  });
});

describe('regularized incomplete gamma', () => {
  it('has closed forms for a = 1 (exponential) and P + Q = 1', () => {
    for (const x of [1e-9, 0.01, 0.5, 1, 2, 10, 40]) {
      expect(relativeError(regularizedUpperGamma(1, x), Math.exp(-x))).toBeLessThan(1e-13);
      expect(regularizedLowerGamma(1, x) + regularizedUpperGamma(1, x)).toBeCloseTo(1, 14);
    }
  });

  it('links to the Poisson distribution: P(X ≤ k; λ) = Q(k + 1, λ)', () => {
    const poissonCdf = (k: number, lambda: number) => {
      let term = Math.exp(-lambda);
      let sum = term;
      for (let j = 1; j <= k; j++) {
        term *= lambda / j;
        sum += term;
      }
      return sum;
    };
    for (const [k, lambda] of [
      [0, 3],
      [4, 2.5],
      [10, 18.39],
      [30, 25],
    ] as const) {
      expect(
        relativeError(regularizedUpperGamma(k + 1, lambda), poissonCdf(k, lambda)),
      ).toBeLessThan(1e-12);
    }
  });

  it('handles the ends', () => {
    expect(regularizedLowerGamma(3, 0)).toBe(0);
    expect(regularizedUpperGamma(3, 0)).toBe(1);
    expect(regularizedLowerGamma(3, Infinity)).toBe(1);
    expect(regularizedUpperGamma(3, Infinity)).toBe(0);
    expect(() => regularizedLowerGamma(0, 1)).toThrow(RangeError);
    expect(() => regularizedLowerGamma(1, -1)).toThrow(RangeError);
  });
});

describe('inverseRegularizedLowerGamma', () => {
  // [p, a, x] with P(a, x) = p, by bisection in mpmath at 40–50 digits (p as the double it is).
  const reference: [number, number, number][] = [
    [0.025, 0.5, 0.000491034558587628],
    [0.975, 0.5, 2.5119430936574445],
    [0.5, 3, 2.6740603137235603],
    [0.001, 0.1, 6.073048362407883e-31],
    [0.999, 200, 246.56587936997389],
    [0.025, 10_000, 9804.952467260184],
    [1e-8, 2.5, 0.0010203686124682658],
    [0.3, 0.01, 2.917417191745872e-53],
    // the double 0.9999999 is 1 − 9.99999999473644e-8; quantile for that exact value
    [0.9999999, 7, 30.19763865612138],
    [0.025, 4000, 3876.99084827249],
    [0.975, 4001, 4125.918917806662],
    [0.975, 100_001, 100621.74473974388],
    [0.025, 1, 0.025317807984289876], // −ln(0.975)
    [0.975, 1, 3.6888794541139363], // −ln(0.025)
  ];

  it.each(reference)('P⁻¹(p=%s, a=%s) = %s to 1e-10 relative', (p, a, x) => {
    expect(relativeError(inverseRegularizedLowerGamma(p, a), x)).toBeLessThan(1e-10);
  });

  it('is the inverse of P (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 5000, noNaN: true }),
        fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }),
        (a, p) => {
          const x = inverseRegularizedLowerGamma(p, a);
          const back = p > 0.5 ? 1 - regularizedUpperGamma(a, x) : regularizedLowerGamma(a, x);
          return Math.abs(back - p) <= 1e-12 * Math.max(p, 1 - p) + 1e-15;
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is increasing in p (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 2000, noNaN: true }),
        fc.double({ min: 1e-4, max: 0.9998, noNaN: true }),
        (a, p) => inverseRegularizedLowerGamma(p, a) < inverseRegularizedLowerGamma(p + 1e-4, a),
      ),
      { numRuns: 200 },
    );
  });

  it('handles p = 0, p = 1 and rejects bad arguments', () => {
    expect(inverseRegularizedLowerGamma(0, 2)).toBe(0);
    expect(inverseRegularizedLowerGamma(1, 2)).toBe(Infinity);
    expect(() => inverseRegularizedLowerGamma(1.5, 2)).toThrow(RangeError);
    expect(() => inverseRegularizedLowerGamma(0.5, 0)).toThrow(RangeError);
    expect(() => inverseRegularizedLowerGamma(Number.NaN, 1)).toThrow(RangeError);
  });
});

describe('chiSquareQuantile', () => {
  it('matches textbook values', () => {
    // scipy.stats.chi2.ppf
    expect(chiSquareQuantile(0.95, 1)).toBeCloseTo(3.841458820694124, 12);
    expect(chiSquareQuantile(0.975, 2)).toBeCloseTo(7.377758908227871, 12);
    expect(chiSquareQuantile(0.025, 10)).toBeCloseTo(3.2469727802368413, 12);
    expect(chiSquareQuantile(0.5, 30)).toBeCloseTo(29.336031516661585, 11);
  });
});
