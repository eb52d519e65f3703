/**
 * The aggregate indicator store's built-in catalogue (like DHIS2 data elements) and the reading
 * of the published figures of data/indicators (SSGI, SKI, Riskesdas, e-PPGBM as announced,
 * targets, deaths and births, BPS rates) into store values: indicator × region × period × source.
 *
 * Units: `percent` values are kept as 0–1 proportions (API-SPEC.md), counts as counts, rates per
 * 1,000 or 100,000 as published. Region `00` is Indonesia (no Kemendagri code exists for the
 * nation). The source of a value is who produced the figure — a survey (`SSGI`, `SKI`…), the
 * administrative system as announced (`e-PPGBM`), a policy (`target`) or the office that
 * reported it (`Dinkes NTT`) — and its citation key says where it was read.
 */
import { formatPeriod, type Period } from './period.ts';

/** Units of stored values. */
export type StoreUnit =
  'percent' | 'count' | 'per_1000' | 'per_1000_live_births' | 'per_100000_live_births';

/** One catalogue entry. */
export interface CatalogueEntry {
  readonly code: string;
  readonly name: { readonly id: string; readonly en: string };
  readonly unit: StoreUnit;
  readonly direction: 'lower_is_better' | 'higher_is_better' | null;
  readonly definition: { readonly id: string; readonly en: string };
  /** Where the definition comes from. */
  readonly source: string | null;
}

const prevalence = (
  code: string,
  name: { id: string; en: string },
  definition: { id: string; en: string },
  source = 'WHO 2006 Child Growth Standards; Permenkes 2/2020',
): CatalogueEntry => ({
  code,
  name,
  unit: 'percent',
  direction: 'lower_is_better',
  definition,
  source,
});

const byAge = (from: number, to: number): CatalogueEntry =>
  prevalence(
    `stunting_age_${from}_${to}m`,
    { id: `Stunting umur ${from}–${to} bulan`, en: `Stunting at ${from}–${to} months` },
    {
      id: `Balita umur ${from}–${to} bulan dengan TB/U < −2 SD dibagi balita umur itu (survei).`,
      en: `Children aged ${from}–${to} months with height-for-age below −2 SD (survey).`,
    },
  );

/** Every indicator the store knows at start; users' values must name one of these codes. */
export const builtinCatalogue: readonly CatalogueEntry[] = [
  prevalence(
    'stunting',
    { id: 'Prevalensi stunting', en: 'Stunting prevalence' },
    {
      id: 'Balita 0–59 bulan dengan TB/U atau PB/U < −2 SD dibagi balita yang diukur. Survei (SSGI, SKI): sampel rumah tangga berbobot; e-PPGBM: anak yang datang ke posyandu.',
      en: 'Children 0–59 months with length/height-for-age below −2 SD divided by children measured. Surveys (SSGI, SKI): weighted household sample; e-PPGBM: children who came to posyandu.',
    },
  ),
  prevalence(
    'severe_stunting',
    { id: 'Prevalensi sangat pendek', en: 'Severe stunting prevalence' },
    { id: 'TB/U atau PB/U < −3 SD.', en: 'Length/height-for-age below −3 SD.' },
  ),
  prevalence(
    'moderate_stunting',
    { id: 'Prevalensi pendek (−3 s.d. −2 SD)', en: 'Moderate stunting prevalence' },
    { id: 'TB/U antara −3 SD dan −2 SD.', en: 'Height-for-age from −3 SD to below −2 SD.' },
  ),
  prevalence(
    'wasting',
    { id: 'Prevalensi wasting', en: 'Wasting prevalence' },
    {
      id: 'BB/TB atau BB/PB < −2 SD (atau edema).',
      en: 'Weight-for-height below −2 SD (or oedema).',
    },
  ),
  prevalence(
    'severe_wasting',
    { id: 'Prevalensi gizi buruk', en: 'Severe wasting prevalence' },
    {
      id: 'BB/TB atau BB/PB < −3 SD (atau edema).',
      en: 'Weight-for-height below −3 SD (or oedema).',
    },
  ),
  prevalence(
    'underweight',
    { id: 'Prevalensi berat badan kurang', en: 'Underweight prevalence' },
    { id: 'BB/U < −2 SD.', en: 'Weight-for-age below −2 SD.' },
  ),
  prevalence(
    'severe_underweight',
    { id: 'Prevalensi berat badan sangat kurang', en: 'Severe underweight prevalence' },
    { id: 'BB/U < −3 SD.', en: 'Weight-for-age below −3 SD.' },
  ),
  prevalence(
    'overweight',
    { id: 'Prevalensi gizi lebih', en: 'Overweight prevalence' },
    { id: 'BB/TB atau BB/PB > +2 SD.', en: 'Weight-for-height above +2 SD.' },
  ),
  byAge(0, 5),
  byAge(6, 11),
  byAge(12, 23),
  byAge(24, 35),
  byAge(36, 47),
  {
    code: 'weighing_coverage',
    name: { id: 'Cakupan penimbangan (D/S)', en: 'Weighing coverage (D/S)' },
    unit: 'percent',
    direction: 'higher_is_better',
    definition: {
      id: 'Balita ditimbang dibagi balita sasaran.',
      en: 'Children weighed divided by children targeted.',
    },
    source: 'Kemenkes, SKDN',
  },
  {
    code: 'stunted_children',
    name: { id: 'Jumlah balita stunting', en: 'Stunted children' },
    unit: 'count',
    direction: 'lower_is_better',
    definition: {
      id: 'Banyaknya balita dengan TB/U < −2 SD yang tercatat (e-PPGBM).',
      en: 'Number of children recorded with height-for-age below −2 SD (e-PPGBM).',
    },
    source: 'e-PPGBM',
  },
  {
    code: 'maternal_deaths',
    name: { id: 'Jumlah kematian ibu', en: 'Maternal deaths' },
    unit: 'count',
    direction: 'lower_is_better',
    definition: {
      id: 'Kematian perempuan selama hamil, bersalin atau 42 hari setelahnya karena sebab terkait kehamilan.',
      en: 'Deaths of women during pregnancy, childbirth or within 42 days after, from pregnancy-related causes.',
    },
    source: 'WHO ICD-MM; Dinas Kesehatan routine reports',
  },
  {
    code: 'infant_deaths',
    name: { id: 'Jumlah kematian bayi', en: 'Infant deaths' },
    unit: 'count',
    direction: 'lower_is_better',
    definition: { id: 'Kematian anak di bawah umur 1 tahun.', en: 'Deaths under 1 year of age.' },
    source: 'Dinas Kesehatan routine reports',
  },
  {
    code: 'neonatal_deaths',
    name: { id: 'Jumlah kematian neonatal', en: 'Neonatal deaths' },
    unit: 'count',
    direction: 'lower_is_better',
    definition: { id: 'Kematian bayi umur 0–28 hari.', en: 'Deaths at 0–28 days of age.' },
    source: 'Dinas Kesehatan routine reports',
  },
  {
    code: 'live_births',
    name: { id: 'Jumlah lahir hidup', en: 'Live births' },
    unit: 'count',
    direction: null,
    definition: { id: 'Bayi lahir hidup.', en: 'Babies born alive.' },
    source: 'Dinas Kesehatan',
  },
  {
    code: 'stillbirths',
    name: { id: 'Jumlah lahir mati', en: 'Stillbirths' },
    unit: 'count',
    direction: 'lower_is_better',
    definition: { id: 'Bayi lahir mati.', en: 'Babies born dead.' },
    source: 'Dinas Kesehatan',
  },
  {
    code: 'births_total',
    name: { id: 'Jumlah kelahiran', en: 'Births' },
    unit: 'count',
    direction: null,
    definition: { id: 'Lahir hidup dan lahir mati.', en: 'Live births and stillbirths.' },
    source: 'Dinas Kesehatan',
  },
  {
    code: 'maternal_mortality_ratio',
    name: { id: 'Angka Kematian Ibu (AKI)', en: 'Maternal mortality ratio' },
    unit: 'per_100000_live_births',
    direction: 'lower_is_better',
    definition: {
      id: 'Kematian ibu per 100.000 kelahiran hidup.',
      en: 'Maternal deaths per 100,000 live births.',
    },
    source: 'BPS; WHO',
  },
  {
    code: 'infant_mortality_rate',
    name: { id: 'Angka Kematian Bayi (AKB)', en: 'Infant mortality rate' },
    unit: 'per_1000_live_births',
    direction: 'lower_is_better',
    definition: {
      id: 'Kematian bayi di bawah 1 tahun per 1.000 kelahiran hidup.',
      en: 'Deaths under 1 year per 1,000 live births.',
    },
    source: 'BPS; WHO',
  },
  {
    code: 'neonatal_mortality_rate',
    name: { id: 'Angka Kematian Neonatal (AKN)', en: 'Neonatal mortality rate' },
    unit: 'per_1000_live_births',
    direction: 'lower_is_better',
    definition: {
      id: 'Kematian umur 0–28 hari per 1.000 kelahiran hidup.',
      en: 'Deaths at 0–28 days per 1,000 live births.',
    },
    source: 'BPS; WHO',
  },
  {
    code: 'child_mortality_rate_1_4',
    name: { id: 'Angka kematian anak 1–4 tahun', en: 'Child mortality rate (1–4 years)' },
    unit: 'per_1000',
    direction: 'lower_is_better',
    definition: {
      id: 'Kematian anak umur 1–4 tahun per 1.000 anak umur itu.',
      en: 'Deaths at 1–4 years per 1,000 children of that age.',
    },
    source: 'BPS',
  },
];

/** A catalogue entry by code. */
export function catalogueEntry(code: string): CatalogueEntry | undefined {
  return builtinCatalogue.find((e) => e.code === code);
}

/** A value of the store as the files and the API carry it (percent as 0–1). */
export interface StoreValue {
  indicator: string;
  regionCode: string;
  period: string;
  source: string;
  value: number;
  numerator?: number | null;
  denominator?: number | null;
  note?: string | null;
  sourceKey?: string | null;
}

/**
 * What a value must satisfy for its indicator's unit; null when fine, else what is allowed.
 * Percent values are 0–1 proportions; counts whole numbers ≥ 0; rates ≥ 0.
 */
export function valueProblem(unit: StoreUnit, value: number): string | null {
  if (!Number.isFinite(value)) return 'a number';
  if (unit === 'percent')
    return value >= 0 && value <= 1 ? null : '0–1 (a proportion: 15.7 % is 0.157)';
  if (unit === 'count') return Number.isInteger(value) && value >= 0 ? null : 'a whole number ≥ 0';
  return value >= 0 ? null : 'a rate ≥ 0';
}

// ── the published files (data/indicators) ─────────────────────────────────────────────────

/** A data row of data/indicators/*.csv (region_code,region_name,indicator,year,value,unit,source). */
export interface PublishedRow {
  region_code: string;
  indicator: string;
  year: string;
  value: string;
  unit: string;
  source: string;
}

const surveySuffixes: Record<string, string> = {
  ssgi: 'SSGI',
  ski: 'SKI',
  riskesdas: 'Riskesdas',
  ssgbi: 'SSGBI',
  eppgbm: 'e-PPGBM',
  other: 'other',
  target: 'target',
  lfsp2020: 'LF SP2020',
};

/**
 * Who reported the routine counts and rates of each cited page (README of data/indicators):
 * the store's `source` of those values.
 */
const reporterOfCitation: Record<string, string> = {
  'nttprov-kesehatan-2018-2019': 'Dinkes NTT',
  'siaranbali-2022-11': 'Dinkes Manggarai Barat',
  'antaramataram-2018-ntb-aki-akb': 'Dinkes NTB',
  'nusaflobamora-2024-08-15': 'Pemprov NTT',
};

const baseIndicator: Record<string, string> = {
  stunting_prevalence: 'stunting',
  severe_stunting_prevalence: 'severe_stunting',
  moderate_stunting_prevalence: 'moderate_stunting',
  wasting_prevalence: 'wasting',
  underweight_prevalence: 'underweight',
  overweight_prevalence: 'overweight',
  stunting_count: 'stunted_children',
  maternal_mortality_ratio: 'maternal_mortality_ratio',
  infant_mortality_rate: 'infant_mortality_rate',
  neonatal_mortality_rate: 'neonatal_mortality_rate',
  child_mortality_rate_1_4: 'child_mortality_rate_1_4',
};

const plainCounts: Record<string, string> = {
  maternal_deaths: 'maternal_deaths',
  infant_deaths: 'infant_deaths',
  births_alive: 'live_births',
  births_dead: 'stillbirths',
  births_total: 'births_total',
};

/**
 * A published row as a store value, or the reason it cannot be one. `stunting_prevalence_ssgi`
 * → stunting / SSGI / year; `…_eppgbm_feb` → the February weighing month (`YYYY-BT02`), `_jul`
 * → July; `…_ssgi_age_0_5m` → stunting_age_0_5m; death and birth counts and `_reported` rates
 * get the reporting office as source.
 */
export function publishedValue(row: PublishedRow): StoreValue | { problem: string } {
  const year = Number(row.year);
  if (!/^\d{4}$/.test(row.year)) return { problem: `year ${row.year}` };
  const value = Number(row.value);
  if (row.value.trim() === '' || !Number.isFinite(value)) return { problem: 'value not a number' };
  let name = row.indicator;
  let period: Period = { kind: 'year', year };
  const month = /_(feb|jul)$/.exec(name);
  if (month) {
    name = name.slice(0, -4);
    period =
      month[1] === 'feb'
        ? { kind: 'weighing_month', year, month: 2 }
        : { kind: 'month', year, month: 7 };
  }
  let indicator: string | undefined;
  let source: string | undefined;
  const age = /^stunting_prevalence_(ssgi|ski)_age_(\d+)_(\d+)m$/.exec(name);
  if (age) {
    indicator = `stunting_age_${age[2]}_${age[3]}m`;
    source = surveySuffixes[age[1]!];
  } else if (plainCounts[name]) {
    indicator = plainCounts[name];
    source = reporterOfCitation[row.source] ?? 'reported';
  } else {
    const split = /^(.*)_([a-z0-9]+)$/.exec(name);
    if (split && baseIndicator[split[1]!]) {
      indicator = baseIndicator[split[1]!];
      source =
        split[2] === 'reported'
          ? (reporterOfCitation[row.source] ?? 'reported')
          : surveySuffixes[split[2]!];
    }
  }
  if (!indicator || !source) return { problem: `unknown indicator ${row.indicator}` };
  const entry = catalogueEntry(indicator);
  if (!entry) return { problem: `indicator ${indicator} not in the catalogue` };
  // 37.8 / 100 is 0.37799999999999995 in doubles: keep the printed digits.
  const stored = entry.unit === 'percent' ? Number((value / 100).toPrecision(12)) : value;
  const problem = valueProblem(entry.unit, stored);
  if (problem) return { problem: `value: ${problem}` };
  const regionCode = row.region_code.trim();
  if (!/^\d{2}(\d{2}(\d{2}(\d{4})?)?)?$/.test(regionCode))
    return { problem: `region_code ${regionCode}` };
  return {
    indicator,
    regionCode,
    period: formatPeriod(period),
    source,
    value: stored,
    sourceKey: row.source,
    note: null,
  };
}
