import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { wilsonInterval } from './confidence-interval.ts';
import { parsePeriod, type Period } from './period.ts';
import {
  ageGroupIds,
  ageGroupOf,
  combineNutritionCounts,
  emptyNutritionCounts,
  isLaterMeasurement,
  latestValidMeasurements,
  meetsIndicator,
  nutritionCounts,
  nutritionCountsByCell,
  nutritionIndicatorIds,
  nutritionIndicators,
  nutritionPrevalence,
  nutritionPrevalenceBreakdown,
  nutritionPrevalenceFromCounts,
  oedemaAuxiliaryZ,
  prevalenceZ,
  sexGroupOf,
  stuntingPrevalence,
  type NutritionCounts,
  type NutritionIndicator,
  type NutritionMeasurement,
  type ZScoreIndex,
} from './prevalence.ts';
import { internalChildFigurePolicy } from './suppression.ts';

const august = parsePeriod('2024-08')!;
const q3 = parsePeriod('2024-Q3')!;

let nextSequence = 1;
/** A measurement with all z-scores normal, in August 2024, 400 days old. */
function buildMeasurement(overrides: Partial<NutritionMeasurement> = {}): NutritionMeasurement {
  return {
    childId: 'c1',
    measuredOn: '2024-08-10',
    sequence: nextSequence++,
    ageDays: 400,
    sex: 2,
    haz: 0,
    hazFlagged: false,
    whz: 0,
    whzFlagged: false,
    waz: 0,
    wazFlagged: false,
    oedema: false,
    ...overrides,
  };
}

const internal = internalChildFigurePolicy;
const countsOf = (ms: NutritionMeasurement[], period: Period = august) =>
  nutritionCounts(ms, period);

describe('indicator definitions', () => {
  it('use strict WHO cut-offs', () => {
    expect(meetsIndicator('stunting', -2)).toBe(false);
    expect(meetsIndicator('stunting', -2.01)).toBe(true);
    expect(meetsIndicator('severe_stunting', -3)).toBe(false);
    expect(meetsIndicator('severe_stunting', -3.01)).toBe(true);
    expect(meetsIndicator('wasting', -2.01)).toBe(true);
    expect(meetsIndicator('overweight', 2)).toBe(false);
    expect(meetsIndicator('overweight', 2.01)).toBe(true);
    expect(nutritionIndicators.underweight.index).toBe('waz');
    expect(nutritionIndicators.overweight.index).toBe('whz');
  });
});

describe('ageGroupOf (unrounded months = days ÷ 30.4375, closed on the left)', () => {
  it('puts boundary ages in the upper group', () => {
    expect(ageGroupOf(0)).toBe('00-05');
    expect(ageGroupOf(182.62)).toBe('00-05');
    expect(ageGroupOf(182.625)).toBe('06-11'); // exactly 6 months
    expect(ageGroupOf(365.25)).toBe('12-23');
    expect(ageGroupOf(730.49)).toBe('12-23');
    expect(ageGroupOf(730.5)).toBe('24-59');
    expect(ageGroupOf(1826.24)).toBe('24-59');
    expect(ageGroupOf(1826.25)).toBeNull(); // 60 months: not a balita for prevalence
    expect(ageGroupOf(-1)).toBeNull();
    expect(ageGroupOf(Number.NaN)).toBeNull();
  });
});

describe('prevalenceZ: validity per z-score', () => {
  it('drops missing and flagged z', () => {
    expect(prevalenceZ(buildMeasurement({ haz: null }), 'haz')).toBeNull();
    expect(prevalenceZ(buildMeasurement({ haz: -6.5, hazFlagged: true }), 'haz')).toBeNull();
    expect(prevalenceZ(buildMeasurement({ whz: -1.2 }), 'whz')).toBe(-1.2);
    expect(prevalenceZ(buildMeasurement({ waz: Number.NaN }), 'waz')).toBeNull();
  });

  it('gives oedema the auxiliary −3.1 for weight-based z only', () => {
    const m = buildMeasurement({ oedema: true, whz: null, waz: null, haz: -1 });
    expect(prevalenceZ(m, 'whz')).toBe(oedemaAuxiliaryZ);
    expect(prevalenceZ(m, 'waz')).toBe(-3.1);
    expect(prevalenceZ(m, 'haz')).toBe(-1);
    // a z supplied despite oedema is ignored, as WHO anthro leaves it missing
    expect(prevalenceZ(buildMeasurement({ oedema: true, whz: 2.5 }), 'whz')).toBe(-3.1);
  });
});

describe('nutritionCounts: each child once, at its latest valid measurement', () => {
  it('counts a simple group', () => {
    const counts = countsOf([
      buildMeasurement({ childId: 'a', haz: -2.5, whz: -3.5, waz: -2.2 }),
      buildMeasurement({ childId: 'b', haz: -3.2, whz: 2.4, waz: 0.3 }),
      buildMeasurement({ childId: 'c', haz: 0.1, whz: -0.4, waz: -0.2 }),
    ]);
    expect(counts.stunting).toEqual({ numerator: 2, denominator: 3 });
    expect(counts.severe_stunting).toEqual({ numerator: 1, denominator: 3 });
    expect(counts.wasting).toEqual({ numerator: 1, denominator: 3 });
    expect(counts.severe_wasting).toEqual({ numerator: 1, denominator: 3 });
    expect(counts.underweight).toEqual({ numerator: 1, denominator: 3 });
    expect(counts.severe_underweight).toEqual({ numerator: 0, denominator: 3 });
    expect(counts.overweight).toEqual({ numerator: 1, denominator: 3 });
  });

  it('uses the latest measurement by date, not the worst or the first', () => {
    const counts = countsOf([
      buildMeasurement({ measuredOn: '2024-08-20', haz: -1.5 }),
      buildMeasurement({ measuredOn: '2024-08-02', haz: -2.5 }),
    ]);
    expect(counts.stunting).toEqual({ numerator: 0, denominator: 1 });
  });

  it('breaks same-day ties by the greater sequence, whatever the input order', () => {
    const first = buildMeasurement({ sequence: 7, haz: -2.5 });
    const second = buildMeasurement({ sequence: 8, haz: -1.0 });
    expect(countsOf([first, second]).stunting.numerator).toBe(0);
    expect(countsOf([second, first]).stunting.numerator).toBe(0);
    expect(isLaterMeasurement(second, first)).toBe(true);
    // string sequences compare by code units; numbers sort before strings
    const s1 = buildMeasurement({ sequence: 'm-0009', haz: -1 });
    const s2 = buildMeasurement({ sequence: 'm-0010', haz: -2.5 });
    expect(countsOf([s2, s1]).stunting.numerator).toBe(1);
    expect(
      isLaterMeasurement(buildMeasurement({ sequence: 'a' }), buildMeasurement({ sequence: 99 })),
    ).toBe(true);
  });

  it('selects per z-score: a flagged WHZ on the last visit falls back to the earlier valid WHZ', () => {
    const ms = [
      buildMeasurement({ measuredOn: '2024-08-03', haz: -1.0, whz: -2.4 }),
      buildMeasurement({ measuredOn: '2024-08-24', haz: -2.2, whz: 5.6, whzFlagged: true }),
    ];
    const selected = latestValidMeasurements(ms, august);
    expect(selected.get('c1')).toEqual({ haz: ms[1], whz: ms[0], waz: ms[1] });
    const counts = countsOf(ms);
    expect(counts.stunting).toEqual({ numerator: 1, denominator: 1 }); // from 24 August
    expect(counts.wasting).toEqual({ numerator: 1, denominator: 1 }); // from 3 August
    expect(counts.overweight).toEqual({ numerator: 0, denominator: 1 });
  });

  it('leaves a child out of an indicator when no measurement in the period is valid for it', () => {
    const counts = countsOf([buildMeasurement({ haz: null, whz: -2.5, waz: 7, wazFlagged: true })]);
    expect(counts.stunting.denominator).toBe(0);
    expect(counts.wasting).toEqual({ numerator: 1, denominator: 1 });
    expect(counts.underweight.denominator).toBe(0);
  });

  it('ignores measurements outside the period, even later valid ones', () => {
    const ms = [
      buildMeasurement({ measuredOn: '2024-08-31', haz: -2.5 }),
      buildMeasurement({ measuredOn: '2024-09-01', haz: 0 }),
      buildMeasurement({ childId: 'x', measuredOn: '2024-07-31', haz: -2.5 }),
    ];
    expect(countsOf(ms).stunting).toEqual({ numerator: 1, denominator: 1 });
    // over the quarter, child c1's latest is 1 September and child x counts too
    expect(countsOf(ms, q3).stunting).toEqual({ numerator: 1, denominator: 2 });
  });

  it('counts children 0–59 months only; a child turning 60 months falls back to an earlier visit', () => {
    const ms = [
      buildMeasurement({ childId: 'old', ageDays: 1826.25, haz: -2.5 }),
      buildMeasurement({ childId: 'edge', ageDays: 1826.24, haz: -2.5 }),
      buildMeasurement({ childId: 'turning', measuredOn: '2024-08-01', ageDays: 1820, haz: -2.5 }),
      buildMeasurement({ childId: 'turning', measuredOn: '2024-08-30', ageDays: 1849, haz: 0 }),
    ];
    expect(countsOf(ms).stunting).toEqual({ numerator: 2, denominator: 2 });
  });

  it('counts oedema as severe wasting and underweight, never overweight (WHO anthro −3.1)', () => {
    const counts = countsOf([
      buildMeasurement({ childId: 'o', oedema: true, whz: null, waz: null, haz: -0.5 }),
      buildMeasurement({ childId: 'n', whz: 0.5, waz: 0.1, haz: -0.5 }),
    ]);
    expect(counts.wasting).toEqual({ numerator: 1, denominator: 2 });
    expect(counts.severe_wasting).toEqual({ numerator: 1, denominator: 2 });
    expect(counts.underweight).toEqual({ numerator: 1, denominator: 2 });
    expect(counts.severe_underweight).toEqual({ numerator: 1, denominator: 2 });
    expect(counts.overweight).toEqual({ numerator: 0, denominator: 2 });
    expect(counts.stunting).toEqual({ numerator: 0, denominator: 2 });
  });

  it('lets an oedema visit be the latest valid WHZ even when its z is missing', () => {
    const counts = countsOf([
      buildMeasurement({ measuredOn: '2024-08-01', whz: 0.2 }),
      buildMeasurement({ measuredOn: '2024-08-20', whz: null, oedema: true }),
    ]);
    expect(counts.severe_wasting).toEqual({ numerator: 1, denominator: 1 });
  });

  it('is empty without measurements', () => {
    expect(countsOf([])).toEqual(emptyNutritionCounts());
  });
});

describe('nutritionPrevalence', () => {
  const group = Array.from({ length: 40 }, (_, i) =>
    buildMeasurement({ childId: `c${i}`, haz: i < 10 ? -2.5 : 0.5, whz: i < 2 ? -2.5 : 0 }),
  );

  it('gives value, Wilson interval and counts', () => {
    const prevalence = nutritionPrevalence(group, august);
    expect(prevalence.stunting).toEqual({
      numerator: 10,
      denominator: 40,
      value: 0.25,
      ci: wilsonInterval(10, 40),
      suppressed: false,
      suppressionReason: null,
    });
    expect(stuntingPrevalence(group, august)).toEqual(prevalence.stunting);
  });

  it('suppresses small counts by default and shows them to staff', () => {
    expect(nutritionPrevalence(group, august).wasting).toMatchObject({
      numerator: null,
      denominator: 40,
      value: null,
      suppressed: true,
      suppressionReason: 'small_count',
    });
    expect(nutritionPrevalence(group, august, internal).wasting).toMatchObject({
      numerator: 2,
      value: 0.05,
      suppressed: false,
    });
  });
});

describe('breakdowns by sex and age group', () => {
  it('names sex codes as anthro does (1 male, 2 female)', () => {
    expect(sexGroupOf(1)).toBe('male');
    expect(sexGroupOf(2)).toBe('female');
  });

  it('splits by sex and by the age at the selected measurement', () => {
    const ms = [
      buildMeasurement({ childId: 'a', sex: 1, ageDays: 100, haz: -2.5 }),
      buildMeasurement({ childId: 'b', sex: 1, ageDays: 200, haz: 0 }),
      buildMeasurement({ childId: 'c', sex: 2, ageDays: 400, haz: -2.5 }),
      buildMeasurement({ childId: 'd', sex: 2, ageDays: 1000, haz: -3.5 }),
      // the same child, two visits across the 6-month boundary: the later one decides its group
      buildMeasurement({
        childId: 'e',
        sex: 2,
        measuredOn: '2024-08-01',
        ageDays: 180,
        haz: 0,
      }),
      buildMeasurement({
        childId: 'e',
        sex: 2,
        measuredOn: '2024-08-29',
        ageDays: 208,
        haz: 0,
      }),
    ];
    const breakdown = nutritionPrevalenceBreakdown(ms, august, internal);
    expect(breakdown.total.stunting).toMatchObject({ numerator: 3, denominator: 5 });
    expect(breakdown.bySex.male.stunting).toMatchObject({ numerator: 1, denominator: 2 });
    expect(breakdown.bySex.female.stunting).toMatchObject({ numerator: 2, denominator: 3 });
    expect(breakdown.byAgeGroup['00-05'].stunting).toMatchObject({ numerator: 1, denominator: 1 });
    expect(breakdown.byAgeGroup['06-11'].stunting).toMatchObject({ numerator: 0, denominator: 2 });
    expect(breakdown.byAgeGroup['12-23'].stunting).toMatchObject({ numerator: 1, denominator: 1 });
    expect(breakdown.byAgeGroup['24-59'].severe_stunting).toMatchObject({
      numerator: 1,
      denominator: 1,
    });
  });

  it('suppresses small groups in public', () => {
    const ms = [buildMeasurement({ childId: 'a', sex: 1, haz: -2.5 })];
    expect(nutritionPrevalenceBreakdown(ms, august).bySex.male.stunting.suppressionReason).toBe(
      'small_denominator',
    );
  });
});

describe('rollup cells', () => {
  it('builds cells per posyandu and combines them to the desa total', () => {
    type WithPlace = NutritionMeasurement & { posyandu: string };
    const ms: WithPlace[] = [
      { ...buildMeasurement({ childId: 'a', haz: -2.5 }), posyandu: 'P1' },
      { ...buildMeasurement({ childId: 'b', haz: 0 }), posyandu: 'P1' },
      { ...buildMeasurement({ childId: 'c', haz: -2.1 }), posyandu: 'P2' },
    ];
    const cells = nutritionCountsByCell(ms, august, (m) => m.posyandu);
    expect(cells.get('P1')!.stunting).toEqual({ numerator: 1, denominator: 2 });
    expect(cells.get('P2')!.stunting).toEqual({ numerator: 1, denominator: 1 });
    const desa = combineNutritionCounts(...cells.values());
    expect(desa).toEqual(nutritionCounts(ms, august));
    expect(nutritionPrevalenceFromCounts(desa, internal).stunting.value).toBeCloseTo(2 / 3, 15);
  });

  it('puts a child measured at two posyandu in the cell of its selected measurement only', () => {
    type WithPlace = NutritionMeasurement & { posyandu: string };
    const ms: WithPlace[] = [
      { ...buildMeasurement({ measuredOn: '2024-08-05', haz: -2.5 }), posyandu: 'P1' },
      { ...buildMeasurement({ measuredOn: '2024-08-25', haz: -2.4 }), posyandu: 'P2' },
    ];
    const cells = nutritionCountsByCell(ms, august, (m) => m.posyandu);
    expect(cells.has('P1')).toBe(false);
    expect(cells.get('P2')!.stunting).toEqual({ numerator: 1, denominator: 1 });
  });
});

// ---------------------------------------------------------------------------------------------
// Properties against a straightforward reference implementation

const indexes: readonly ZScoreIndex[] = ['haz', 'whz', 'waz'];

/** Reference: per child and z-score, sort the valid measurements and take the last one. */
function referenceCounts(ms: NutritionMeasurement[], period: Period): NutritionCounts {
  const inPeriod = ms.filter(
    (m) =>
      m.measuredOn >= '2024-08-01' &&
      m.measuredOn <= '2024-08-31' &&
      m.ageDays >= 0 &&
      m.ageDays / 30.4375 < 60,
  );
  expect(period).toEqual(august);
  const result: Record<string, { numerator: number; denominator: number }> = {};
  for (const indicator of nutritionIndicatorIds) {
    const definition = nutritionIndicators[indicator];
    const byChild = new Map<string, NutritionMeasurement[]>();
    for (const m of inPeriod) {
      if (prevalenceZ(m, definition.index) === null) continue;
      byChild.set(m.childId, [...(byChild.get(m.childId) ?? []), m]);
    }
    let numerator = 0;
    for (const list of byChild.values()) {
      const sorted = [...list].sort((x, y) =>
        x.measuredOn === y.measuredOn
          ? Number(x.sequence) - Number(y.sequence)
          : x.measuredOn < y.measuredOn
            ? -1
            : 1,
      );
      const z = prevalenceZ(sorted.at(-1)!, definition.index)!;
      if (definition.comparison === 'below' ? z < definition.cutoff : z > definition.cutoff) {
        numerator++;
      }
    }
    result[indicator] = { numerator, denominator: byChild.size };
  }
  return result as Record<NutritionIndicator, { numerator: number; denominator: number }>;
}

const zArbitrary = fc.option(
  fc.integer({ min: -700, max: 700 }).map((v) => v / 100),
  { nil: null, freq: 5 },
);
const measurementArbitrary = fc.record({
  childId: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
  // few distinct dates, so that same-day ties are common; some outside August
  measuredOn: fc.constantFrom(
    '2024-07-31',
    '2024-08-01',
    '2024-08-02',
    '2024-08-15',
    '2024-08-31',
    '2024-09-01',
  ),
  ageDays: fc.integer({ min: -5, max: 1900 }),
  sex: fc.constantFrom(1 as const, 2 as const),
  haz: zArbitrary,
  hazFlagged: fc.boolean(),
  whz: zArbitrary,
  whzFlagged: fc.boolean(),
  waz: zArbitrary,
  wazFlagged: fc.boolean(),
  oedema: fc.boolean(),
});
const measurementsArbitrary = fc.array(measurementArbitrary, { maxLength: 40 }).chain((list) =>
  fc
    .shuffledSubarray(
      list.map((_, i) => i),
      { minLength: list.length, maxLength: list.length },
    )
    .map((sequences) =>
      list.map((m, i): NutritionMeasurement => ({ ...m, sequence: sequences[i]! })),
    ),
);

describe('prevalence properties', () => {
  it('agrees with the reference implementation', () => {
    fc.assert(
      fc.property(measurementsArbitrary, (ms) => {
        expect(nutritionCounts(ms, august)).toEqual(referenceCounts(ms, august));
      }),
      { numRuns: 300 },
    );
  });

  it('does not depend on input order', () => {
    fc.assert(
      fc.property(
        measurementsArbitrary.chain((ms) =>
          fc.tuple(
            fc.constant(ms),
            fc.shuffledSubarray(ms, { minLength: ms.length, maxLength: ms.length }),
          ),
        ),
        ([ms, shuffled]) => {
          expect(nutritionCounts(shuffled, august)).toEqual(nutritionCounts(ms, august));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('counts each child at most once; breakdown cells sum to the total', () => {
    fc.assert(
      fc.property(measurementsArbitrary, (ms) => {
        const total = nutritionCounts(ms, august);
        const children = new Set(ms.map((m) => m.childId)).size;
        for (const id of nutritionIndicatorIds) {
          expect(total[id].numerator).toBeLessThanOrEqual(total[id].denominator);
          expect(total[id].denominator).toBeLessThanOrEqual(children);
        }
        const cells = nutritionCountsByCell(ms, august, (m) => `${m.sex}|${ageGroupOf(m.ageDays)}`);
        expect(combineNutritionCounts(...cells.values())).toEqual(total);
        const breakdown = nutritionPrevalenceBreakdown(ms, august, internal);
        for (const id of nutritionIndicatorIds) {
          const sexSum =
            breakdown.bySex.male[id].denominator! + breakdown.bySex.female[id].denominator!;
          const ageSum = ageGroupIds.reduce(
            (s, g) => s + breakdown.byAgeGroup[g][id].denominator!,
            0,
          );
          expect(sexSum).toBe(total[id].denominator);
          expect(ageSum).toBe(total[id].denominator);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('z-score indexes are all covered by the indicator list', () => {
    expect(new Set(nutritionIndicatorIds.map((id) => nutritionIndicators[id].index))).toEqual(
      new Set(indexes),
    );
  });
});
