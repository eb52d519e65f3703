import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { wilsonInterval } from './confidence-interval.ts';
import { combineCounts, emptyCounts, proportionFromCounts, rateFromCounts } from './proportion.ts';
import { internalChildFigurePolicy, suppressionPolicyWithMinimum } from './suppression.ts';

describe('rateFromCounts', () => {
  it('gives value, Wilson interval and counts when nothing is small', () => {
    expect(rateFromCounts(15, 100)).toEqual({
      numerator: 15,
      denominator: 100,
      value: 0.15,
      ci: wilsonInterval(15, 100),
      suppressed: false,
      suppressionReason: null,
    });
  });

  it('suppresses by default (public rule): small count keeps the denominator', () => {
    expect(rateFromCounts(3, 120)).toEqual({
      numerator: null,
      denominator: 120,
      value: null,
      ci: null,
      suppressed: true,
      suppressionReason: 'small_count',
    });
  });

  it('suppresses a small denominator entirely', () => {
    expect(rateFromCounts(2, 4)).toEqual({
      numerator: null,
      denominator: null,
      value: null,
      ci: null,
      suppressed: true,
      suppressionReason: 'small_denominator',
    });
  });

  it('shows everything under the internal policy; 0 of 0 has no value', () => {
    expect(rateFromCounts(2, 4, internalChildFigurePolicy)).toMatchObject({
      numerator: 2,
      denominator: 4,
      value: 0.5,
      suppressed: false,
    });
    expect(rateFromCounts(0, 0, internalChildFigurePolicy)).toEqual({
      numerator: 0,
      denominator: 0,
      value: null,
      ci: null,
      suppressed: false,
      suppressionReason: null,
    });
  });

  it('honours another threshold', () => {
    const min10 = suppressionPolicyWithMinimum(10);
    expect(rateFromCounts(7, 50, min10).suppressionReason).toBe('small_count');
    expect(rateFromCounts(10, 50, min10).suppressed).toBe(false);
  });

  it('rejects impossible counts', () => {
    expect(() => rateFromCounts(5, 4)).toThrow(RangeError);
    expect(() => rateFromCounts(-1, 4)).toThrow(RangeError);
  });

  it('never publishes a count below the threshold (property)', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 0, max: 50 })
          .chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))),
        fc.integer({ min: 0, max: 12 }),
        ([k, n], minimum) => {
          const figure = rateFromCounts(k, n, suppressionPolicyWithMinimum(minimum));
          const shown = [figure.numerator, figure.denominator].filter((c) => c !== null);
          const consistent =
            figure.suppressed === (figure.value === null && figure.ci === null) || n === 0;
          return shown.every((c) => c >= minimum) && consistent;
        },
      ),
    );
  });
});

describe('combineCounts', () => {
  it('sums tallies; empty is neutral', () => {
    expect(
      combineCounts({ numerator: 1, denominator: 4 }, { numerator: 6, denominator: 30 }),
    ).toEqual({
      numerator: 7,
      denominator: 34,
    });
    expect(combineCounts()).toEqual(emptyCounts);
    expect(combineCounts(emptyCounts, { numerator: 2, denominator: 3 })).toEqual({
      numerator: 2,
      denominator: 3,
    });
  });

  it('lets small cells add up to a publishable figure', () => {
    const posyandu = [
      { numerator: 1, denominator: 4 },
      { numerator: 2, denominator: 3 },
      { numerator: 3, denominator: 9 },
    ];
    expect(posyandu.every((c) => proportionFromCounts(c).suppressed)).toBe(true);
    expect(proportionFromCounts(combineCounts(...posyandu))).toMatchObject({
      numerator: 6,
      denominator: 16,
      value: 0.375,
      suppressed: false,
    });
  });

  it('is associative and commutative (property)', () => {
    const counts = fc
      .integer({ min: 0, max: 1000 })
      .chain((n) =>
        fc.record({ numerator: fc.integer({ min: 0, max: n }), denominator: fc.constant(n) }),
      );
    fc.assert(
      fc.property(fc.array(counts, { maxLength: 20 }), (parts) => {
        const whole = combineCounts(...parts);
        const reversed = combineCounts(...[...parts].reverse());
        const half = Math.floor(parts.length / 2);
        const nested = combineCounts(
          combineCounts(...parts.slice(0, half)),
          combineCounts(...parts.slice(half)),
        );
        return (
          whole.numerator === reversed.numerator &&
          whole.denominator === nested.denominator &&
          whole.numerator === nested.numerator
        );
      }),
    );
  });
});
