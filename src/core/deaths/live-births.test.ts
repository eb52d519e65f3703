import { describe, expect, it } from 'vitest';
import { isLiveBirthPeriod, liveBirthResolver, type LiveBirthEntry } from './live-births.ts';

// A tiny tree: province 53 → kabupaten 5301, 5302 → kecamatan 530101 → desa 5301011001, 5301011002.
const tree: Record<string, string[]> = {
  '53': ['5301', '5302'],
  '5301': ['530101'],
  '530101': ['5301011001', '5301011002'],
};
const childrenOf = (code: string) => tree[code] ?? [];
const month = (m: number) => ({ kind: 'month' as const, year: 2025, month: m });
const year = { kind: 'year' as const, year: 2025 };
const entry = (
  regionCode: string,
  period: string,
  count: number,
  source: string | null = null,
): LiveBirthEntry => ({ regionCode, period, count, source });

describe('live births of a region and period', () => {
  it("uses the region's own year figure, or the sum of its months", () => {
    const months = Array.from({ length: 12 }, (_, i) =>
      entry('5302', `2025-${String(i + 1).padStart(2, '0')}`, 10, 'PWS'),
    );
    const r = liveBirthResolver({ entries: months, childrenOf }).liveBirths;
    expect(r('5302', year)).toMatchObject({
      value: 120,
      estimated: false,
      method: 'reported',
      source: 'PWS',
    });
    expect(r('5302', { kind: 'quarter', year: 2025, quarter: 2 })).toMatchObject({
      value: 30,
      estimated: false,
    });
    expect(r('5302', month(3))).toMatchObject({ value: 10, method: 'reported' });
  });

  it('adds up areas when every area below has a figure, and says how many were estimated', () => {
    const entries = [
      entry('5301011001', '2025-03', 4),
      entry('5301011002', '2025-03', 6),
      entry('5302', '2025', 365),
    ];
    const r = liveBirthResolver({ entries, childrenOf }).liveBirths;
    expect(r('530101', month(3))).toMatchObject({
      value: 10,
      estimated: false,
      method: 'sum_of_areas',
      areas: { count: 2, estimated: 0 },
    });
    expect(r('5301', month(3))).toMatchObject({ value: 10, estimated: false });
    // 5302's March is its year shared out by days: 365 × 31/365 = 31, an estimate, so the province sum is one
    expect(r('5302', month(3))).toMatchObject({
      value: 31,
      estimated: true,
      method: 'prorated_from_year',
      fromYear: 2025,
    });
    expect(r('53', month(3))).toMatchObject({
      value: 41,
      estimated: true,
      method: 'sum_of_areas',
      areas: { count: 2, estimated: 1 },
    });
  });

  it('does not add up an incomplete set of areas', () => {
    const r = liveBirthResolver({
      entries: [entry('5301011001', '2025-03', 4)],
      childrenOf,
    }).liveBirths;
    expect(r('530101', month(3))).toBeNull();
    expect(r('53', month(3))).toBeNull();
  });

  it('prefers reported areas over a prorated total of the region itself', () => {
    const entries = [
      entry('530101', '2025', 1200),
      entry('5301011001', '2025-03', 40),
      entry('5301011002', '2025-03', 60),
    ];
    const r = liveBirthResolver({ entries, childrenOf }).liveBirths;
    expect(r('530101', month(3))).toMatchObject({
      value: 100,
      estimated: false,
      method: 'sum_of_areas',
    });
    expect(r('530101', month(4))).toMatchObject({
      value: Math.round((1200 * 30) / 365),
      method: 'prorated_from_year',
    });
  });

  it('estimates from population × crude birth rate, inheriting the rate from an ancestor', () => {
    const r = liveBirthResolver({
      entries: [],
      population: [
        {
          regionCode: '5302',
          year: 2025,
          population: 480_000,
          crudeBirthRate: null,
          source: 'BPS proyeksi',
        },
        { regionCode: '53', year: 2025, population: null, crudeBirthRate: 20, source: 'BPS' },
      ],
      childrenOf,
    }).liveBirths;
    expect(r('5302', year)).toMatchObject({
      value: 9600,
      estimated: true,
      method: 'population_cbr',
      source: 'BPS proyeksi',
    });
    expect(r('5302', month(2))).toMatchObject({
      value: Math.round((9600 * 28) / 365),
      estimated: true,
    });
  });

  it('falls back to the most recent published figure, marked as an estimate unless it is that year', () => {
    const published = [
      { regionCode: '5301', year: 2019, count: 5258, source: 'Dinkes NTT' },
      { regionCode: '5301', year: 2017, count: 5000, source: 'older' },
    ];
    const r = liveBirthResolver({ entries: [], published, childrenOf }).liveBirths;
    expect(r('5301', year)).toMatchObject({
      value: 5258,
      estimated: true,
      method: 'published_figure',
      fromYear: 2019,
    });
    expect(r('5301', { kind: 'year', year: 2019 })).toMatchObject({
      value: 5258,
      estimated: false,
    });
    expect(r('5301', { kind: 'year', year: 2018 })).toMatchObject({ value: 5000, fromYear: 2017 });
    expect(r('5301', { kind: 'year', year: 2010 })).toMatchObject({ value: 5000, fromYear: 2017 });
  });

  it('accepts years and months as entry periods only', () => {
    expect(['2025', '2025-01', '2025-12'].every(isLiveBirthPeriod)).toBe(true);
    expect(['2025-13', '2025-Q1', '25', '2025-1'].some(isLiveBirthPeriod)).toBe(false);
  });
});
