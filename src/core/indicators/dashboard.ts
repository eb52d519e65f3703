/**
 * The dashboard's indicators as data, and how each figure is made from the rollup counts
 * (docs/indicators.md §10). Rollups store, per cell and period, the counts below — children
 * counted once at their selected measurement — and every figure is computed from summed counts
 * only at the end, with its interval and small-number rule.
 */
import { weighingCoverage, weightGainRate } from './coverage.ts';
import {
  nutritionIndicatorIds,
  nutritionIndicators,
  type NutritionIndicator,
} from './prevalence.ts';
import { rateFromCounts, type ProportionFigure } from './proportion.ts';
import { publicChildFigurePolicy, type SuppressionPolicy } from './suppression.ts';

/** The count columns of a rollup row (snake_case: they are the table's columns too). */
export const rollupCountNames = [
  'measured',
  'weighed',
  'haz_n',
  'haz_lt2',
  'haz_lt3',
  'whz_n',
  'whz_lt2',
  'whz_lt3',
  'whz_gt2',
  'waz_n',
  'waz_lt2',
  'waz_lt3',
  'gained',
  'not_gained',
  'not_weighed_last_month',
  'first_weighing',
  'two_t',
] as const;
/** One of {@link rollupCountNames}. */
export type RollupCountName = (typeof rollupCountNames)[number];
/** The counts of one rollup row (a cell, a region, a sex or age group). */
export type RollupCounts = Readonly<Record<RollupCountName, number>>;

/** All counts 0: a region or period without data. */
export function emptyRollupCounts(): RollupCounts {
  return Object.fromEntries(rollupCountNames.map((n) => [n, 0])) as Record<RollupCountName, number>;
}

/** Sums rollup counts of disjoint groups of children of the same period. */
export function combineRollupCounts(...parts: readonly RollupCounts[]): RollupCounts {
  const total = Object.fromEntries(rollupCountNames.map((n) => [n, 0])) as Record<
    RollupCountName,
    number
  >;
  for (const part of parts) for (const n of rollupCountNames) total[n] += part[n];
  return total;
}

/** The indicators the dashboard computes from the registry. */
export const dashboardIndicatorIds = [
  ...nutritionIndicatorIds,
  'weighing_coverage',
  'weight_gain',
  'two_t',
] as const;
/** One of {@link dashboardIndicatorIds}. */
export type DashboardIndicator = (typeof dashboardIndicatorIds)[number];

/** How a dashboard indicator is described to its readers. */
export interface DashboardIndicatorDescription {
  readonly id: DashboardIndicator;
  readonly label: { readonly id: string; readonly en: string };
  /** `percent`: a proportion shown as %; `count`: the headline is a number of children. */
  readonly unit: 'percent' | 'count';
  readonly direction: 'lower_is_better' | 'higher_is_better';
  /** "How this is computed", shown under every figure. */
  readonly definition: { readonly id: string; readonly en: string };
}

const counted = {
  id: 'Setiap anak dihitung sekali per periode, pada pengukuran sah terakhirnya; z-skor yang ditandai tidak wajar (WHO) tidak dihitung.',
  en: 'Each child counts once per period, at its latest valid measurement; z-scores flagged as implausible (WHO) are left out.',
};

const nutritionDefinitions: Record<NutritionIndicator, { id: string; en: string }> = {
  stunting: {
    id: 'Balita 0–59 bulan dengan TB/U atau PB/U < −2 SD (pendek dan sangat pendek) dibagi balita yang diukur panjang/tingginya.',
    en: 'Children 0–59 months with length/height-for-age below −2 SD (stunted and severely stunted) divided by children whose length/height was measured.',
  },
  severe_stunting: {
    id: 'Balita 0–59 bulan dengan TB/U atau PB/U < −3 SD (sangat pendek) dibagi balita yang diukur panjang/tingginya.',
    en: 'Children 0–59 months with length/height-for-age below −3 SD divided by children whose length/height was measured.',
  },
  wasting: {
    id: 'Balita dengan BB/TB atau BB/PB < −2 SD atau edema (gizi kurang dan gizi buruk) dibagi balita yang ditimbang dan diukur.',
    en: 'Children with weight-for-length/height below −2 SD or oedema divided by children weighed and measured.',
  },
  severe_wasting: {
    id: 'Balita dengan BB/TB atau BB/PB < −3 SD atau edema (gizi buruk) dibagi balita yang ditimbang dan diukur.',
    en: 'Children with weight-for-length/height below −3 SD or oedema divided by children weighed and measured.',
  },
  underweight: {
    id: 'Balita dengan BB/U < −2 SD atau edema (berat badan kurang dan sangat kurang) dibagi balita yang ditimbang.',
    en: 'Children with weight-for-age below −2 SD or oedema divided by children weighed.',
  },
  severe_underweight: {
    id: 'Balita dengan BB/U < −3 SD atau edema (berat badan sangat kurang) dibagi balita yang ditimbang.',
    en: 'Children with weight-for-age below −3 SD or oedema divided by children weighed.',
  },
  overweight: {
    id: 'Balita dengan BB/TB atau BB/PB > +2 SD (gizi lebih dan obesitas) dibagi balita yang ditimbang dan diukur.',
    en: 'Children with weight-for-length/height above +2 SD (overweight and obese) divided by children weighed and measured.',
  },
};

/** Every dashboard indicator with its label, unit, direction and definition (id/en). */
export const dashboardIndicators: readonly DashboardIndicatorDescription[] = [
  ...nutritionIndicatorIds.map((id): DashboardIndicatorDescription => ({
    id,
    label: nutritionIndicators[id].label,
    unit: 'percent',
    direction: 'lower_is_better',
    definition: {
      id: `${nutritionDefinitions[id].id} ${counted.id}`,
      en: `${nutritionDefinitions[id].en} ${counted.en}`,
    },
  })),
  {
    id: 'weighing_coverage',
    label: { id: 'Cakupan penimbangan (D/S)', en: 'Weighing coverage (D/S)' },
    unit: 'percent',
    direction: 'higher_is_better',
    definition: {
      id: 'Balita yang ditimbang dalam periode (D, tiap anak sekali) dibagi balita 0–59 bulan yang terdaftar di posyandu pada akhir periode (S). Di atas 100 %: register perlu diperiksa.',
      en: 'Children weighed in the period (D, each once) divided by children 0–59 months in the posyandu register at the end of the period (S). Above 100 %: the register needs checking.',
    },
  },
  {
    id: 'weight_gain',
    label: { id: 'Berat badan naik (N/(N+T))', en: 'Weight gained (N/(N+T))' },
    unit: 'percent',
    direction: 'higher_is_better',
    definition: {
      id: 'Balita yang berat badannya naik sesuai KBM (N) dibagi balita yang kenaikannya dapat dinilai (N + T), menurut penimbangan terakhir tiap anak dalam periode.',
      en: 'Children whose weight rose by at least the minimum gain (N) divided by children whose gain could be judged (N + T), at each child’s last weighing of the period.',
    },
  },
  {
    id: 'two_t',
    label: { id: 'Tidak naik dua kali (2T)', en: 'Not gained twice (2T)' },
    unit: 'count',
    direction: 'lower_is_better',
    definition: {
      id: 'Balita yang penimbangan terakhirnya dalam periode adalah T kedua berturut-turut (perlu dirujuk); persentase dari balita yang ditimbang (D).',
      en: 'Children whose last weighing of the period was a second T in a row (to be referred); share of children weighed (D).',
    },
  },
];

/** The description of one indicator. */
export function dashboardIndicator(id: DashboardIndicator): DashboardIndicatorDescription {
  return dashboardIndicators.find((d) => d.id === id)!;
}

const nutritionCountsOf: Record<
  NutritionIndicator,
  { numerator: RollupCountName; denominator: RollupCountName }
> = {
  stunting: { numerator: 'haz_lt2', denominator: 'haz_n' },
  severe_stunting: { numerator: 'haz_lt3', denominator: 'haz_n' },
  wasting: { numerator: 'whz_lt2', denominator: 'whz_n' },
  severe_wasting: { numerator: 'whz_lt3', denominator: 'whz_n' },
  overweight: { numerator: 'whz_gt2', denominator: 'whz_n' },
  underweight: { numerator: 'waz_lt2', denominator: 'waz_n' },
  severe_underweight: { numerator: 'waz_lt3', denominator: 'waz_n' },
};

/** A dashboard figure: a proportion, with the D > S flag for weighing coverage. */
export type DashboardFigure = ProportionFigure & { readonly exceedsRegistered?: boolean };

/**
 * The figure of an indicator from summed counts (`registered` = S, needed for weighing
 * coverage only), with its Wilson interval and the small-number rule of `policy`.
 */
export function dashboardFigure(
  indicator: DashboardIndicator,
  counts: RollupCounts,
  registered: number,
  policy: SuppressionPolicy = publicChildFigurePolicy,
): DashboardFigure {
  switch (indicator) {
    case 'weighing_coverage':
      return weighingCoverage(counts.weighed, registered, policy);
    case 'weight_gain':
      return weightGainRate(counts.gained, counts.not_gained, policy);
    case 'two_t':
      return rateFromCounts(counts.two_t, counts.weighed, policy);
    default: {
      const { numerator, denominator } = nutritionCountsOf[indicator];
      return rateFromCounts(counts[numerator], counts[denominator], policy);
    }
  }
}

/**
 * The counts {@link dashboardFigure} and {@link dashboardCount} read for an indicator: a list
 * of 3,000 areas needs only these columns of each (the others may be left at 0).
 */
export function dashboardCountsUsed(indicator: DashboardIndicator): readonly RollupCountName[] {
  switch (indicator) {
    case 'weighing_coverage':
      return ['weighed'];
    case 'weight_gain':
      return ['gained', 'not_gained'];
    case 'two_t':
      return ['two_t', 'weighed'];
    default:
      return [nutritionCountsOf[indicator].numerator, nutritionCountsOf[indicator].denominator];
  }
}

/** The number of children behind an indicator's numerator (stunted, weighed, gained, 2T). */
export function dashboardCount(indicator: DashboardIndicator, counts: RollupCounts): number {
  switch (indicator) {
    case 'weighing_coverage':
      return counts.weighed;
    case 'weight_gain':
      return counts.gained;
    case 'two_t':
      return counts.two_t;
    default:
      return counts[nutritionCountsOf[indicator].numerator];
  }
}
