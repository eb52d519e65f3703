import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { poissonExactInterval } from './confidence-interval.ts';
import {
  combineMortalityCounts,
  infantMortalityRate,
  maternalMortalityRatio,
  mortalityIndicators,
  mortalityRate,
  neonatalMortalityRate,
  type MortalityFigure,
  type MortalityResult,
} from './mortality.ts';
import { deathFigurePolicy } from './suppression.ts';

const figure = (result: MortalityResult): MortalityFigure => {
  if (!result.ok) throw new Error(`expected a figure, got ${result.code}`);
  return result;
};

describe('multipliers', () => {
  it('AKI per 100,000, AKB and AKN per 1,000 live births', () => {
    expect(mortalityIndicators.aki.multiplier).toBe(100_000);
    expect(mortalityIndicators.akb.multiplier).toBe(1_000);
    expect(mortalityIndicators.akn.multiplier).toBe(1_000);
  });
});

describe('maternalMortalityRatio (AKI)', () => {
  it('is deaths ÷ live births × 100,000 with an exact interval, unstable below 10', () => {
    // 5 maternal deaths among 5,258 live births (a kabupaten-sized year)
    const aki = figure(maternalMortalityRatio({ deaths: 5, liveBirths: 5258 }));
    expect(aki.value).toBeCloseTo((5 / 5258) * 100_000, 10);
    expect(aki.ci.lower).toBeCloseTo((1.6234863901184204 / 5258) * 100_000, 8);
    expect(aki.ci.upper).toBeCloseTo((11.66833207932267 / 5258) * 100_000, 8);
    expect(aki.ci.method).toBe('exact_poisson');
    expect(aki).toMatchObject({ indicator: 'aki', deaths: 5, liveBirths: 5258, unstable: true });
  });

  it('shows zero deaths as 0 with an upper limit, flagged unstable', () => {
    const aki = figure(maternalMortalityRatio({ deaths: 0, liveBirths: 2127 }));
    expect(aki.value).toBe(0);
    expect(aki.ci.lower).toBe(0);
    expect(aki.ci.upper).toBeCloseTo((3.6888794541139363 / 2127) * 100_000, 8);
    expect(aki.unstable).toBe(true);
  });
});

describe('infantMortalityRate (AKB) and neonatalMortalityRate (AKN)', () => {
  it('are per 1,000 live births; stable from 10 deaths', () => {
    const akb = figure(infantMortalityRate({ deaths: 86, liveBirths: 5258 }));
    expect(akb.value).toBeCloseTo((86 / 5258) * 1000, 10);
    expect(akb.unstable).toBe(false);
    const akn = figure(neonatalMortalityRate({ deaths: 10, liveBirths: 1000 }));
    expect(akn.value).toBe(10);
    expect(akn.ci.lower).toBeCloseTo(4.795388696132434, 8);
    expect(akn.ci.upper).toBeCloseTo(18.39035604201778, 8);
    expect(akn.unstable).toBe(false);
    expect(figure(neonatalMortalityRate({ deaths: 9, liveBirths: 1000 })).unstable).toBe(true);
  });
});

describe('error values, not exceptions', () => {
  it('births_below_deaths when births are 0 or fewer than deaths', () => {
    expect(infantMortalityRate({ deaths: 0, liveBirths: 0 })).toEqual({
      ok: false,
      indicator: 'akb',
      code: 'births_below_deaths',
      field: 'liveBirths',
      deaths: 0,
      liveBirths: 0,
    });
    expect(maternalMortalityRatio({ deaths: 12, liveBirths: 11 })).toMatchObject({
      ok: false,
      code: 'births_below_deaths',
    });
    expect(figure(maternalMortalityRatio({ deaths: 11, liveBirths: 11 })).value).toBe(100_000);
  });

  it('invalid_count for negative, fractional or missing counts', () => {
    expect(mortalityRate('akn', { deaths: -1, liveBirths: 100 })).toMatchObject({
      ok: false,
      code: 'invalid_count',
      field: 'deaths',
    });
    expect(mortalityRate('akn', { deaths: 1, liveBirths: 100.5 })).toMatchObject({
      code: 'invalid_count',
      field: 'liveBirths',
    });
    expect(mortalityRate('aki', { deaths: Number.NaN, liveBirths: 100 })).toMatchObject({
      code: 'invalid_count',
    });
  });
});

describe('policy and combination', () => {
  it('honours another unstable threshold', () => {
    const strict = { ...deathFigurePolicy, id: 'unstable_below_20', unstableBelow: 20 };
    expect(figure(infantMortalityRate({ deaths: 15, liveBirths: 3000 }, strict)).unstable).toBe(
      true,
    );
  });

  it('sums counts of regions before computing the rate', () => {
    const kabupaten = [
      { deaths: 2, liveBirths: 2127 },
      { deaths: 5, liveBirths: 5258 },
      { deaths: 4, liveBirths: 3862 },
    ];
    const province = combineMortalityCounts(...kabupaten);
    expect(province).toEqual({ deaths: 11, liveBirths: 11_247 });
    expect(figure(maternalMortalityRatio(province)).unstable).toBe(false);
  });

  it('value lies in its interval, which is the count interval scaled (property)', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 0, max: 5000 })
          .chain((deaths) =>
            fc.tuple(fc.constant(deaths), fc.integer({ min: Math.max(deaths, 1), max: 2_000_000 })),
          ),
        fc.constantFrom('aki' as const, 'akb' as const, 'akn' as const),
        ([deaths, liveBirths], indicator) => {
          const rate = figure(mortalityRate(indicator, { deaths, liveBirths }));
          const count = poissonExactInterval(deaths);
          const scale = mortalityIndicators[indicator].multiplier / liveBirths;
          return (
            rate.ci.lower <= rate.value &&
            rate.value <= rate.ci.upper &&
            Math.abs(rate.ci.upper - count.upper * scale) <= 1e-9 * rate.ci.upper &&
            rate.unstable === deaths < 10
          );
        },
      ),
    );
  });
});
