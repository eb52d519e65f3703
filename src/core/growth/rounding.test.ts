import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundHalfUp, roundLikeR, roundLikeRNearTie } from './rounding.ts';

describe('roundLikeR (R ≥ 4 round(x, 2))', () => {
  it.each([
    // The README's examples: R differs from Math.round(x * 100) / 100 on these.
    [0.125, 0.12],
    [2.675, 2.67],
    [5.015, 5.02],
    [3.005, 3],
    [-0.125, -0.12],
    [-2.675, -2.67],
    [-5.015, -5.02],
    // Exact binary ties (k + 0.5)/100 representable: ties go to the even 100× value.
    [0.375, 0.38],
    [0.625, 0.62],
    [-0.875, -0.88],
    // Ordinary values.
    [0.0916937984324434, 0.09],
    [-2.17960818200925, -2.18],
    [-6.00499999, -6],
    [-6.005000001, -6.01],
    [5.004999, 5],
    [1e6 + 0.125, 1000000.12],
  ])('round(%d, 2) = %d', (x, expected) => {
    expect(roundLikeR(x)).toBe(expected);
  });

  it('keeps the sign of negative values that round to zero, and NaN/±Infinity as they are', () => {
    expect(Object.is(roundLikeR(-0.004), -0)).toBe(true);
    expect(Object.is(roundLikeR(0.004), 0)).toBe(true);
    expect(Object.is(roundLikeR(-0), -0)).toBe(true);
    expect(roundLikeR(NaN)).toBeNaN();
    expect(roundLikeR(Infinity)).toBe(Infinity);
    expect(roundLikeR(-Infinity)).toBe(-Infinity);
    expect(roundLikeR(1.2345e14)).toBe(1.2345e14);
  });

  it('gives exactly k/100 (the double R returns)', () => {
    expect(roundLikeR(1.234)).toBe(123 / 100);
    expect(roundLikeR(-3.996)).toBe(-400 / 100);
  });

  it('fast path = R algorithm on random doubles', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e7, max: 1e7, noNaN: true }), (x) => {
        expect(Object.is(roundLikeR(x), roundLikeRNearTie(x))).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });

  it('fast path = R algorithm right next to midpoints', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -100_000, max: 100_000 }),
        fc.integer({ min: -2000, max: 2000 }),
        (k, ulps) => {
          const x = (k + 0.5) / 100 + ulps * 1e-15;
          expect(Object.is(roundLikeR(x), roundLikeRNearTie(x))).toBe(true);
        },
      ),
      { numRuns: 20_000 },
    );
  });
});

describe('roundHalfUp (anthro round_up for ages)', () => {
  it.each([
    [730.49, 730],
    [730.5, 731],
    [730, 730],
    [0.5, 1],
    [0.49999, 0],
    [1826.24, 1826],
    [1826.5, 1827],
  ])('%d days → %d', (a, expected) => {
    expect(roundHalfUp(a)).toBe(expected);
  });
});
