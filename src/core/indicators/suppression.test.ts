import { describe, expect, it } from 'vitest';
import {
  deathFigurePolicy,
  internalChildFigurePolicy,
  isUnstableRate,
  publicChildFigurePolicy,
  smallNumberPolicies,
  suppressedCount,
  suppressionPolicyWithMinimum,
  suppressionReasonFor,
} from './suppression.ts';

describe('small-number policies as data', () => {
  it('states the public rules', () => {
    expect(publicChildFigurePolicy.minimumCount).toBe(5);
    expect(internalChildFigurePolicy.minimumCount).toBe(0);
    expect(deathFigurePolicy).toMatchObject({ showCounts: true, unstableBelow: 10 });
    expect(Object.values(smallNumberPolicies).map((p) => p.id)).toEqual([
      'public_child_figures_min5',
      'internal_no_suppression',
      'deaths_counts_public_unstable_below_10',
    ]);
  });

  it('builds a policy with another threshold', () => {
    expect(suppressionPolicyWithMinimum(10)).toEqual({
      id: 'child_figures_min10',
      minimumCount: 10,
    });
    expect(() => suppressionPolicyWithMinimum(-1)).toThrow(RangeError);
    expect(() => suppressionPolicyWithMinimum(2.5)).toThrow(RangeError);
  });
});

describe('suppressionReasonFor', () => {
  const policy = publicChildFigurePolicy;
  it('suppresses a denominator below 5 first', () => {
    expect(suppressionReasonFor(0, 4, policy)).toBe('small_denominator');
    expect(suppressionReasonFor(4, 4, policy)).toBe('small_denominator');
    expect(suppressionReasonFor(0, 0, policy)).toBe('small_denominator');
  });
  it('suppresses a numerator below 5 (0 included)', () => {
    expect(suppressionReasonFor(0, 200, policy)).toBe('small_count');
    expect(suppressionReasonFor(4, 200, policy)).toBe('small_count');
  });
  it('shows 5 and more', () => {
    expect(suppressionReasonFor(5, 5, policy)).toBeNull();
    expect(suppressionReasonFor(5, 200, policy)).toBeNull();
  });
  it('suppresses nothing under the internal policy', () => {
    expect(suppressionReasonFor(0, 0, internalChildFigurePolicy)).toBeNull();
    expect(suppressionReasonFor(1, 2, internalChildFigurePolicy)).toBeNull();
  });
});

describe('suppressedCount', () => {
  it('hides a count of children below the threshold', () => {
    expect(suppressedCount(3, publicChildFigurePolicy)).toEqual({
      count: null,
      suppressed: true,
      suppressionReason: 'small_count',
    });
    expect(suppressedCount(5, publicChildFigurePolicy)).toEqual({
      count: 5,
      suppressed: false,
      suppressionReason: null,
    });
    expect(suppressedCount(0, internalChildFigurePolicy).count).toBe(0);
  });
});

describe('isUnstableRate', () => {
  it('flags fewer than 10 deaths', () => {
    expect(isUnstableRate(0, deathFigurePolicy)).toBe(true);
    expect(isUnstableRate(9, deathFigurePolicy)).toBe(true);
    expect(isUnstableRate(10, deathFigurePolicy)).toBe(false);
  });
});
