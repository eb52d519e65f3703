import { describe, expect, it } from 'vitest';
import * as indicators from './index.ts';

describe('public API of core/indicators', () => {
  it('exports the functions callers rely on (rollups, dashboard API, deaths module)', () => {
    const functions = Object.entries(indicators)
      .filter(([, value]) => typeof value === 'function')
      .map(([name]) => name)
      .sort();
    expect(functions).toEqual(
      [
        'ageGroupOf',
        'chiSquareQuantile',
        'combineCounts',
        'combineMortalityCounts',
        'combineNutritionCounts',
        'combineRollupCounts',
        'combineWeighingCounts',
        'combineWeighingPeriodCounts',
        'dashboardCount',
        'dashboardCountsUsed',
        'dashboardFigure',
        'dashboardIndicator',
        'daysInMonth',
        'emptyNutritionCounts',
        'emptyRollupCounts',
        'emptyWeighingCounts',
        'formatPeriod',
        'infantMortalityRate',
        'inverseRegularizedLowerGamma',
        'isIsoDate',
        'isLaterMeasurement',
        'isLeapYear',
        'isPeriodComplete',
        'isSamePeriod',
        'isUnderFive',
        'isUnstableRate',
        'latestCompletePeriod',
        'latestValidMeasurements',
        'logGamma',
        'maternalMortalityRatio',
        'meetsIndicator',
        'monthlyWeighingSummary',
        'mortalityRate',
        'neonatalMortalityRate',
        'nextPeriod',
        'nutritionCounts',
        'nutritionCountsByCell',
        'nutritionPrevalence',
        'nutritionPrevalenceBreakdown',
        'nutritionPrevalenceFromCounts',
        'parsePeriod',
        'periodContains',
        'periodEnd',
        'periodLabel',
        'periodMonths',
        'periodOfDate',
        'periodStart',
        'poissonExactInterval',
        'poissonRateInterval',
        'prevalenceZ',
        'previousPeriod',
        'proportionFromCounts',
        'rateFromCounts',
        'regularizedLowerGamma',
        'regularizedUpperGamma',
        'sexGroupOf',
        'stuntingPrevalence',
        'suppressedCount',
        'suppressionPolicyWithMinimum',
        'suppressionReasonFor',
        'weighingCountsByCell',
        'underFiveMortalityRate',
        'weighingCoverage',
        'weightGainRate',
        'wilsonInterval',
      ].sort(),
    );
  });

  it('exports plain data objects and functions only (no class instances)', () => {
    for (const value of Object.values(indicators)) {
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
        expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
      }
    }
  });
});
