import { describe, expect, it } from 'vitest';
import { builtinCatalogue, catalogueEntry, publishedValue, valueProblem } from './catalogue.ts';
import { dashboardIndicatorIds } from './dashboard.ts';

const row = (indicator: string, value = '15.2', extra: Partial<Record<string, string>> = {}) => ({
  region_code: '53',
  indicator,
  year: '2023',
  value,
  unit: 'percent',
  source: 'kompas-2023-05-17',
  ...extra,
});

describe('the built-in catalogue', () => {
  it('has one entry per code, and every nutrition indicator of the dashboard', () => {
    const codes = builtinCatalogue.map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const id of dashboardIndicatorIds.filter((i) => i !== 'weight_gain' && i !== 'two_t'))
      expect(catalogueEntry(id), id).toBeDefined();
    for (const e of builtinCatalogue) expect(e.code).toMatch(/^[a-z][a-z0-9_]{1,59}$/);
  });
});

describe('valueProblem', () => {
  it('keeps percent values as proportions, counts whole, rates non-negative', () => {
    expect(valueProblem('percent', 0.157)).toBeNull();
    expect(valueProblem('percent', 15.7)).toMatch(/0–1/);
    expect(valueProblem('count', 12)).toBeNull();
    expect(valueProblem('count', 1.5)).toMatch(/whole/);
    expect(valueProblem('per_100000_live_births', 316)).toBeNull();
    expect(valueProblem('per_1000_live_births', -1)).toMatch(/≥ 0/);
  });
});

describe('publishedValue (data/indicators rows)', () => {
  it('reads a survey figure as indicator, source and year, percent as 0–1', () => {
    expect(publishedValue(row('stunting_prevalence_ssgi', '37.8'))).toEqual({
      indicator: 'stunting',
      regionCode: '53',
      period: '2023',
      source: 'SSGI',
      value: 0.378,
      sourceKey: 'kompas-2023-05-17',
      note: null,
    });
    expect(publishedValue(row('stunting_prevalence_ski'))).toMatchObject({ source: 'SKI' });
    expect(publishedValue(row('stunting_prevalence_target', '14'))).toMatchObject({
      indicator: 'stunting',
      source: 'target',
      value: 0.14,
    });
  });

  it('puts the February e-PPGBM round in its weighing month and July in its month', () => {
    expect(publishedValue(row('stunting_prevalence_eppgbm_feb'))).toMatchObject({
      period: '2023-BT02',
      source: 'e-PPGBM',
    });
    expect(
      publishedValue(row('stunting_count_eppgbm_jul', '81015', { unit: 'children' })),
    ).toMatchObject({ indicator: 'stunted_children', period: '2023-07', value: 81015 });
  });

  it('reads age groups, deaths, births and rates with the reporting office as source', () => {
    expect(publishedValue(row('stunting_prevalence_ski_age_12_23m'))).toMatchObject({
      indicator: 'stunting_age_12_23m',
      source: 'SKI',
    });
    expect(
      publishedValue(
        row('infant_deaths', '40', { unit: 'deaths', source: 'nttprov-kesehatan-2018-2019' }),
      ),
    ).toMatchObject({ indicator: 'infant_deaths', source: 'Dinkes NTT', value: 40 });
    expect(
      publishedValue(row('births_alive', '90023', { source: 'nttprov-kesehatan-2018-2019' })),
    ).toMatchObject({ indicator: 'live_births' });
    expect(
      publishedValue(
        row('maternal_mortality_ratio_lfsp2020', '316', { unit: 'per_100000_live_births' }),
      ),
    ).toMatchObject({ indicator: 'maternal_mortality_ratio', source: 'LF SP2020', value: 316 });
  });

  it('says why a row cannot be read', () => {
    expect(publishedValue(row('stunting_prevalence_foo'))).toEqual({
      problem: 'unknown indicator stunting_prevalence_foo',
    });
    expect(publishedValue(row('stunting_prevalence_ssgi', ''))).toEqual({
      problem: 'value not a number',
    });
    expect(publishedValue(row('stunting_prevalence_ssgi', '140'))).toMatchObject({
      problem: expect.stringMatching(/0–1/),
    });
  });
});
