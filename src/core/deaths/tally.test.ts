import { describe, expect, it } from 'vitest';
import { poissonExactInterval } from '../indicators/confidence-interval.ts';
import {
  areaAt,
  causeCounts,
  combineDeathCounts,
  deathCounts,
  deathCountsBy,
  lateNotificationCount,
  monthOfDeath,
  mortalityRates,
  placeCounts,
  type DeathFact,
} from './tally.ts';

const fact = (kind: DeathFact['kind'], extra: Partial<DeathFact> = {}): DeathFact => ({
  kind,
  status: 'verified',
  deathDate: '2025-03-10',
  regionCode: '5301042003',
  causeGroup: null,
  placeOfDeath: 'home',
  notifiedLate: false,
  ...extra,
});

describe('death counts', () => {
  it('counts each kind in its groups: infant = neonatal + post-neonatal, under-five adds children', () => {
    const counts = deathCounts([
      fact('maternal'),
      fact('neonatal'),
      fact('neonatal'),
      fact('postneonatal'),
      fact('child'),
      fact('stillbirth'),
      fact('stillbirth'),
    ]);
    expect(counts).toEqual({ maternal: 1, neonatal: 2, infant: 3, underFive: 4, stillbirth: 2 });
  });

  it('leaves ICD-MM group 9 (coincidental causes) out of maternal deaths', () => {
    expect(
      deathCounts([
        fact('maternal', { causeGroup: 'mm9' }),
        fact('maternal', { causeGroup: 'mm3' }),
      ]).maternal,
    ).toBe(1);
  });

  it('adds up over areas and months, by kode wilayah prefix', () => {
    const facts = [
      fact('maternal', { regionCode: '5301042003', deathDate: '2025-01-03' }),
      fact('maternal', { regionCode: '5301052001', deathDate: '2025-02-03' }),
      fact('neonatal', { regionCode: '5302011001', deathDate: '2025-02-28' }),
    ];
    const byKabupaten = deathCountsBy(facts, areaAt(4));
    expect(byKabupaten.get('5301')?.maternal).toBe(2);
    expect(byKabupaten.get('5302')?.neonatal).toBe(1);
    const byKecamatan = deathCountsBy(facts, areaAt(6));
    expect([...byKecamatan.keys()].sort()).toEqual(['530104', '530105', '530201']);
    const byMonth = deathCountsBy(facts, monthOfDeath);
    expect(byMonth.get('2025-02')).toEqual({
      maternal: 1,
      neonatal: 1,
      infant: 1,
      underFive: 1,
      stillbirth: 0,
    });
    expect(combineDeathCounts(...byMonth.values())).toEqual(deathCounts(facts));
  });

  it('tallies causes (uncoded apart), places and late notifications', () => {
    const facts = [
      fact('maternal', { causeGroup: 'mm3', placeOfDeath: 'facility' }),
      fact('maternal', { causeGroup: 'mm3', placeOfDeath: 'on_the_way', notifiedLate: true }),
      fact('maternal', { causeGroup: null }),
      fact('neonatal', { causeGroup: 'n9' }),
    ];
    expect(Object.fromEntries(causeCounts(facts, 'maternal'))).toEqual({ mm3: 2, uncoded: 1 });
    expect(placeCounts(facts, 'maternal')).toEqual({
      facility: 1,
      home: 1,
      on_the_way: 1,
      other: 0,
    });
    expect(lateNotificationCount(facts)).toEqual({ late: 1, total: 4 });
  });
});

describe('rates with exact Poisson intervals', () => {
  it('gives AKI per 100,000 and AKB/AKN/AKABA per 1,000 live births', () => {
    const counts = { maternal: 3, neonatal: 12, infant: 20, underFive: 25, stillbirth: 9 };
    const rates = mortalityRates(counts, 4000);
    const aki = rates.aki!;
    if (!aki.ok) throw new Error('expected a rate');
    expect(aki.value).toBeCloseTo(75, 10);
    const ci3 = poissonExactInterval(3);
    expect(aki.ci.lower).toBeCloseTo((ci3.lower / 4000) * 100_000, 10);
    expect(aki.ci.upper).toBeCloseTo((ci3.upper / 4000) * 100_000, 10);
    // 3 deaths: 0.619 to 8.767 deaths → 15.5 to 219.2 per 100,000
    expect(aki.ci.lower).toBeCloseTo(15.47, 1);
    expect(aki.ci.upper).toBeCloseTo(219.2, 1);
    expect(aki.unstable).toBe(true);
    const akb = rates.akb!;
    if (!akb.ok) throw new Error('expected a rate');
    expect(akb.value).toBe(5);
    expect(akb.unstable).toBe(false);
    expect(rates.akn?.ok && rates.akn.value).toBe(3);
    expect(rates.akaba?.ok && rates.akaba.value).toBe(6.25);
  });

  it('flags rates on fewer than 10 deaths as unstable, from 10 on stable', () => {
    const unstableAt = (deaths: number) => {
      const akn = mortalityRates(
        { maternal: 0, neonatal: deaths, infant: deaths, underFive: deaths, stillbirth: 0 },
        1000,
      ).akn!;
      if (!akn.ok) throw new Error('expected a rate');
      return akn.unstable;
    };
    expect(unstableAt(9)).toBe(true);
    expect(unstableAt(10)).toBe(false);
  });

  it('gives zero deaths a zero rate with an upper limit of 3.69 deaths', () => {
    const aki = mortalityRates(
      { maternal: 0, neonatal: 0, infant: 0, underFive: 0, stillbirth: 0 },
      1000,
    ).aki!;
    if (!aki.ok) throw new Error('expected a rate');
    expect(aki.value).toBe(0);
    expect(aki.ci.lower).toBe(0);
    expect(aki.ci.upper).toBeCloseTo(368.9, 1);
  });

  it('makes live births below the deaths a data problem, and no rate without live births', () => {
    const rates = mortalityRates(
      { maternal: 1, neonatal: 4, infant: 6, underFive: 6, stillbirth: 0 },
      5,
    );
    expect(rates.akb).toMatchObject({
      ok: false,
      code: 'births_below_deaths',
      field: 'liveBirths',
    });
    expect(rates.aki?.ok).toBe(true);
    expect(
      mortalityRates({ maternal: 1, neonatal: 0, infant: 0, underFive: 0, stillbirth: 0 }, 0).aki,
    ).toMatchObject({ ok: false, code: 'births_below_deaths' });
    expect(
      mortalityRates({ maternal: 1, neonatal: 0, infant: 0, underFive: 0, stillbirth: 0 }, null),
    ).toEqual({ aki: null, akb: null, akn: null, akaba: null });
  });
});
