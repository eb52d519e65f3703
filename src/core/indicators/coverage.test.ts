import { describe, expect, it } from 'vitest';
import { wilsonInterval } from './confidence-interval.ts';
import {
  combineWeighingCounts,
  monthlyWeighingSummary,
  weighingCoverage,
  weightGainRate,
  type MonthlyWeighingCounts,
} from './coverage.ts';
import { internalChildFigurePolicy } from './suppression.ts';

describe('weighingCoverage (D/S)', () => {
  it('divides weighed by registered', () => {
    expect(weighingCoverage(45, 60)).toEqual({
      numerator: 45,
      denominator: 60,
      value: 0.75,
      ci: wilsonInterval(45, 60),
      suppressed: false,
      suppressionReason: null,
      exceedsRegistered: false,
    });
  });

  it('suppresses small numbers in public', () => {
    expect(weighingCoverage(3, 4)).toMatchObject({
      suppressed: true,
      suppressionReason: 'small_denominator',
      numerator: null,
      denominator: null,
    });
    expect(weighingCoverage(2, 40)).toMatchObject({
      suppressed: true,
      suppressionReason: 'small_count',
      numerator: null,
      denominator: 40,
    });
  });

  it('reports more weighed than registered instead of rejecting it', () => {
    expect(weighingCoverage(66, 60)).toEqual({
      numerator: 66,
      denominator: 60,
      value: 1.1,
      ci: null,
      suppressed: false,
      suppressionReason: null,
      exceedsRegistered: true,
    });
    expect(weighingCoverage(7, 3)).toMatchObject({
      numerator: 7,
      denominator: null,
      value: null,
      suppressed: true,
      suppressionReason: 'small_denominator',
      exceedsRegistered: true,
    });
    expect(weighingCoverage(4, 3)).toMatchObject({ numerator: null, denominator: null });
    expect(weighingCoverage(4, 3, internalChildFigurePolicy)).toMatchObject({
      numerator: 4,
      denominator: 3,
      suppressed: false,
    });
  });

  it('has no value without registered children (internal view)', () => {
    expect(weighingCoverage(0, 0, internalChildFigurePolicy).value).toBeNull();
  });

  it('rejects impossible counts', () => {
    expect(() => weighingCoverage(-1, 5)).toThrow(RangeError);
    expect(() => weighingCoverage(1, 2.5)).toThrow(RangeError);
  });
});

describe('weightGainRate N/(N+T)', () => {
  it('divides N by N + T', () => {
    expect(weightGainRate(30, 10)).toMatchObject({ numerator: 30, denominator: 40, value: 0.75 });
    expect(weightGainRate(30, 3).value).toBeCloseTo(30 / 33, 15);
  });
});

describe('monthlyWeighingSummary', () => {
  const month: MonthlyWeighingCounts = {
    registered: 80,
    weighed: 60,
    gained: 40,
    notGained: 12,
    notWeighedLastMonth: 5,
    firstWeighing: 3,
    notGainedTwice: 6,
  };

  it('gives D/S, N/(N+T), N/D and 2T', () => {
    const summary = monthlyWeighingSummary(month);
    expect(summary.balanced).toBe(true);
    expect(summary.coverage.value).toBe(0.75);
    expect(summary.gainedOfAssessed.value).toBeCloseTo(40 / 52, 15);
    expect(summary.gainedOfWeighed.value).toBeCloseTo(40 / 60, 15);
    expect(summary.notGainedTwice).toEqual({
      count: 6,
      suppressed: false,
      suppressionReason: null,
    });
  });

  it('suppresses a small 2T count in public', () => {
    expect(monthlyWeighingSummary({ ...month, notGainedTwice: 2 }).notGainedTwice.count).toBeNull();
  });

  it('flags D ≠ N + T + O + B and withholds N/D', () => {
    const summary = monthlyWeighingSummary({ ...month, notWeighedLastMonth: 0 });
    expect(summary.balanced).toBe(false);
    expect(summary.gainedOfWeighed.value).toBeNull();
    expect(summary.gainedOfAssessed.value).toBeCloseTo(40 / 52, 15);
  });

  it('rejects a negative count by name', () => {
    expect(() => monthlyWeighingSummary({ ...month, firstWeighing: -1 })).toThrow(/firstWeighing/);
  });

  it('combines posyandu of one month', () => {
    expect(combineWeighingCounts(month, month)).toEqual({
      registered: 160,
      weighed: 120,
      gained: 80,
      notGained: 24,
      notWeighedLastMonth: 10,
      firstWeighing: 6,
      notGainedTwice: 12,
    });
    expect(combineWeighingCounts().weighed).toBe(0);
  });
});
