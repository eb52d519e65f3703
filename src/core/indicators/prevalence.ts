/**
 * Administrative (e-PPGBM style) prevalence of stunting, wasting, underweight and overweight
 * (DESIGN.md, Domain words: Prevalence):
 *
 *   children 0–59 months with the condition ÷ children 0–59 months measured with a valid
 *   z-score in the period, each child counted once, at its latest valid measurement.
 *
 * Decisions (also in docs/indicators.md):
 * - **Per z-score selection.** "Latest valid measurement" is chosen separately for each z-score
 *   (HAZ, WHZ, WAZ): for stunting, a child's latest measurement in the period whose HAZ is
 *   valid; for wasting, its latest with a valid WHZ. A child whose last visit had a flagged WHZ
 *   still counts for wasting with its earlier valid WHZ of the same period.
 * - **Valid** = inside the period, age 0–59 months (unrounded months = days ÷ 30.4375 < 60, as
 *   WHO anthro), z present and not flagged as implausible (WHO anthro flags).
 * - **Oedema** (bilateral pitting oedema): WHO anthro leaves weight-based z missing but, for
 *   prevalence, gives the child an auxiliary z of −3.1; so the measurement is valid for WHZ and
 *   WAZ and the child counts as wasted and severely wasted, underweight and severely
 *   underweight, not overweight. HAZ is unaffected. Any WHZ/WAZ supplied with oedema is ignored.
 * - **Latest** = greatest `measuredOn`; on the same day, greatest `sequence` (the later record).
 */
import {
  combineCounts,
  emptyCounts,
  proportionFromCounts,
  type Counts,
  type ProportionFigure,
} from './proportion.ts';
import { periodEnd, periodStart, type Period } from './period.ts';
import { publicChildFigurePolicy, type SuppressionPolicy } from './suppression.ts';

/**
 * Sex coded as WHO anthro's `csex` and the growth module: 1 = male (laki-laki), 2 = female
 * (perempuan). (Not named `Sex`, so that core/growth and core/indicators can be re-exported
 * together.)
 */
export type SexCode = 1 | 2;

/** Names of the sex groups in breakdowns. */
export type SexGroup = 'male' | 'female';

/** The breakdown group of a sex code. */
export function sexGroupOf(sex: SexCode): SexGroup {
  return sex === 1 ? 'male' : 'female';
}

/** The z-scores prevalence uses (WHO 2006 Child Growth Standards). */
export type ZScoreIndex = 'haz' | 'whz' | 'waz';

/** One measurement, reduced to what prevalence needs; extra fields are carried along. */
export interface NutritionMeasurement {
  readonly childId: string;
  /** Date of measurement, `YYYY-MM-DD` (validated at the boundary). */
  readonly measuredOn: string;
  /**
   * Tie-breaker for two measurements of a child on the same day: the greater one is the later
   * record (e.g. a database serial or an insertion counter). Should be unique per child; numbers
   * compare numerically, strings by code units, and any number sorts before any string.
   */
  readonly sequence: number | string;
  /** Age at measurement in days (may be fractional). */
  readonly ageDays: number;
  readonly sex: SexCode;
  /** Length/height-for-age z, null when not computable. */
  readonly haz: number | null;
  readonly hazFlagged: boolean;
  /** Weight-for-length/height z, null when not computable (or oedema). */
  readonly whz: number | null;
  readonly whzFlagged: boolean;
  /** Weight-for-age z, null when not computable (or oedema). */
  readonly waz: number | null;
  readonly wazFlagged: boolean;
  /** Bilateral pitting oedema observed. */
  readonly oedema: boolean;
}

/** Stable identifiers of the nutrition indicators (used in rollups, API and exports). */
export const nutritionIndicatorIds = [
  'stunting',
  'severe_stunting',
  'wasting',
  'severe_wasting',
  'underweight',
  'severe_underweight',
  'overweight',
] as const;
/** One of the nutrition indicators (see {@link nutritionIndicators}). */
export type NutritionIndicator = (typeof nutritionIndicatorIds)[number];

/** What an indicator counts: which z-score, which side of which cut-off. */
export interface NutritionIndicatorDefinition {
  readonly index: ZScoreIndex;
  /** `below`: z < cutoff; `above`: z > cutoff (strict, as WHO anthro and Permenkes 2/2020). */
  readonly comparison: 'below' | 'above';
  readonly cutoff: number;
  readonly label: { readonly id: string; readonly en: string };
  /** The rule the definition comes from. */
  readonly source: string;
}

/**
 * The indicators as data. Cut-offs: WHO 2006 Child Growth Standards; Indonesian categories
 * from Permenkes No. 2/2020 (Standar Antropometri Anak): PB/U–TB/U pendek/sangat pendek,
 * BB/PB–BB/TB gizi kurang/gizi buruk and gizi lebih, BB/U berat badan kurang/sangat kurang.
 */
export const nutritionIndicators: Readonly<
  Record<NutritionIndicator, NutritionIndicatorDefinition>
> = {
  stunting: {
    index: 'haz',
    comparison: 'below',
    cutoff: -2,
    label: { id: 'Stunting (pendek dan sangat pendek)', en: 'Stunting' },
    source: 'WHO 2006: HAZ < −2; Permenkes 2/2020 PB/U–TB/U',
  },
  severe_stunting: {
    index: 'haz',
    comparison: 'below',
    cutoff: -3,
    label: { id: 'Sangat pendek', en: 'Severe stunting' },
    source: 'WHO 2006: HAZ < −3; Permenkes 2/2020 PB/U–TB/U',
  },
  wasting: {
    index: 'whz',
    comparison: 'below',
    cutoff: -2,
    label: { id: 'Wasting (gizi kurang dan gizi buruk)', en: 'Wasting' },
    source: 'WHO 2006: WHZ < −2 or oedema; Permenkes 2/2020 BB/PB–BB/TB',
  },
  severe_wasting: {
    index: 'whz',
    comparison: 'below',
    cutoff: -3,
    label: { id: 'Gizi buruk', en: 'Severe wasting' },
    source: 'WHO 2006: WHZ < −3 or oedema; Permenkes 2/2020 BB/PB–BB/TB',
  },
  underweight: {
    index: 'waz',
    comparison: 'below',
    cutoff: -2,
    label: { id: 'Berat badan kurang dan sangat kurang', en: 'Underweight' },
    source: 'WHO 2006: WAZ < −2 or oedema; Permenkes 2/2020 BB/U',
  },
  severe_underweight: {
    index: 'waz',
    comparison: 'below',
    cutoff: -3,
    label: { id: 'Berat badan sangat kurang', en: 'Severe underweight' },
    source: 'WHO 2006: WAZ < −3 or oedema; Permenkes 2/2020 BB/U',
  },
  overweight: {
    index: 'whz',
    comparison: 'above',
    cutoff: 2,
    label: { id: 'Gizi lebih dan obesitas', en: 'Overweight' },
    source: 'WHO 2006: WHZ > +2; Permenkes 2/2020 BB/PB–BB/TB',
  },
};

/**
 * The z used for a child with oedema in weight-based prevalence: WHO anthro's auxiliary value,
 * below −3 so that the child counts as severely wasted/underweight.
 */
export const oedemaAuxiliaryZ = -3.1;

/** Days per month in WHO anthro (365.25 / 12); age in months = days ÷ 30.4375, unrounded. */
export const daysPerMonth = 30.4375;

/** Age groups for breakdowns, by unrounded age in months, closed on the left. */
export const ageGroupIds = ['00-05', '06-11', '12-23', '24-59'] as const;
/** An age group of the breakdowns (WHO anthro's groups, 24–59 months merged). */
export type AgeGroup = (typeof ageGroupIds)[number];

/** Labels of the age groups (months). */
export const ageGroupLabels: Readonly<Record<AgeGroup, { id: string; en: string }>> = {
  '00-05': { id: '0–5 bulan', en: '0–5 months' },
  '06-11': { id: '6–11 bulan', en: '6–11 months' },
  '12-23': { id: '12–23 bulan', en: '12–23 months' },
  '24-59': { id: '24–59 bulan', en: '24–59 months' },
};

/**
 * Age group of an age in days (unrounded months = days ÷ 30.4375: [0, 6), [6, 12), [12, 24),
 * [24, 60)); null outside 0–59 months or for a non-finite age.
 */
export function ageGroupOf(ageDays: number): AgeGroup | null {
  if (!Number.isFinite(ageDays) || ageDays < 0) return null;
  const months = ageDays / daysPerMonth;
  if (months < 6) return '00-05';
  if (months < 12) return '06-11';
  if (months < 24) return '12-23';
  if (months < 60) return '24-59';
  return null;
}

/** True for a balita in the prevalence sense: age 0–59 months (unrounded months < 60). */
export function isUnderFive(ageDays: number): boolean {
  return ageGroupOf(ageDays) !== null;
}

/**
 * The z a measurement contributes to `index`, or null when it is not valid for that index:
 * flagged or missing z, or (for WHZ/WAZ) oedema, which gives {@link oedemaAuxiliaryZ}.
 * Age and period are checked separately.
 */
export function prevalenceZ(measurement: NutritionMeasurement, index: ZScoreIndex): number | null {
  if (index === 'haz') {
    return isUsableZ(measurement.haz, measurement.hazFlagged) ? measurement.haz : null;
  }
  if (measurement.oedema) return oedemaAuxiliaryZ;
  return index === 'whz'
    ? isUsableZ(measurement.whz, measurement.whzFlagged)
      ? measurement.whz
      : null
    : isUsableZ(measurement.waz, measurement.wazFlagged)
      ? measurement.waz
      : null;
}

function isUsableZ(z: number | null, flagged: boolean): z is number {
  return z !== null && Number.isFinite(z) && !flagged;
}

/** True when z meets the indicator's condition (strict inequality). */
export function meetsIndicator(indicator: NutritionIndicator, z: number): boolean {
  const definition = nutritionIndicators[indicator];
  return definition.comparison === 'below' ? z < definition.cutoff : z > definition.cutoff;
}

function compareSequence(a: number | string, b: number | string): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** True when `a` is a later record than `b` (date, then sequence). */
export function isLaterMeasurement(
  a: Pick<NutritionMeasurement, 'measuredOn' | 'sequence'>,
  b: Pick<NutritionMeasurement, 'measuredOn' | 'sequence'>,
): boolean {
  if (a.measuredOn !== b.measuredOn) return a.measuredOn > b.measuredOn;
  return compareSequence(a.sequence, b.sequence) > 0;
}

const zScoreIndexes: readonly ZScoreIndex[] = ['haz', 'whz', 'waz'];

const indicatorsOfIndex: Readonly<Record<ZScoreIndex, readonly NutritionIndicator[]>> = {
  haz: nutritionIndicatorIds.filter((id) => nutritionIndicators[id].index === 'haz'),
  whz: nutritionIndicatorIds.filter((id) => nutritionIndicators[id].index === 'whz'),
  waz: nutritionIndicatorIds.filter((id) => nutritionIndicators[id].index === 'waz'),
};

/** One child's selected measurement per z-score (null: none valid in the period). */
export interface SelectedMeasurements<M extends NutritionMeasurement> {
  haz: M | null;
  whz: M | null;
  waz: M | null;
}

/**
 * Each child's latest valid measurement in the period, per z-score: the selection step of the
 * administrative prevalence, keyed by childId. One pass, one map lookup per measurement;
 * measurements outside the period or outside 0–59 months are ignored. The result does not
 * depend on the order of the input (given unique sequences per child).
 */
export function latestValidMeasurements<M extends NutritionMeasurement>(
  measurements: Iterable<M>,
  period: Period,
): Map<string, SelectedMeasurements<M>> {
  const start = periodStart(period);
  const end = periodEnd(period);
  const selected = new Map<string, SelectedMeasurements<M>>();
  for (const m of measurements) {
    if (m.measuredOn < start || m.measuredOn > end || !isUnderFive(m.ageDays)) continue;
    let child = selected.get(m.childId);
    for (const index of zScoreIndexes) {
      if (prevalenceZ(m, index) === null) continue;
      if (child === undefined) {
        child = { haz: null, whz: null, waz: null };
        selected.set(m.childId, child);
      }
      const current = child[index];
      if (current === null || isLaterMeasurement(m, current)) child[index] = m;
    }
  }
  return selected;
}

/** Counts per indicator: the additive accumulator stored in rollups and summed up the tree. */
export type NutritionCounts = Readonly<Record<NutritionIndicator, Counts>>;

/** All indicators at 0 of 0. */
export function emptyNutritionCounts(): NutritionCounts {
  return Object.fromEntries(nutritionIndicatorIds.map((id) => [id, emptyCounts])) as Record<
    NutritionIndicator,
    Counts
  >;
}

/**
 * Sums nutrition tallies of disjoint groups of children in the same period (places, sexes, age
 * groups), indicator by indicator. Not across periods: see {@link combineCounts}.
 */
export function combineNutritionCounts(...parts: readonly NutritionCounts[]): NutritionCounts {
  return Object.fromEntries(
    nutritionIndicatorIds.map((id) => [id, combineCounts(...parts.map((part) => part[id]))]),
  ) as Record<NutritionIndicator, Counts>;
}

/**
 * Tallies per cell: each child's selected measurement (per z-score) is put in the cell that
 * `cellOf` names for that measurement (e.g. `posyandu|sex|ageGroup`), so every child counts
 * once per indicator across all cells and the cells sum to the total. This is how a rollup
 * table per desa × posyandu × sex × age group is built for one period.
 */
export function nutritionCountsByCell<M extends NutritionMeasurement>(
  measurements: Iterable<M>,
  period: Period,
  cellOf: (measurement: M) => string,
): Map<string, NutritionCounts> {
  const selected = latestValidMeasurements(measurements, period);
  const tallies = new Map<
    string,
    Record<NutritionIndicator, { numerator: number; denominator: number }>
  >();
  const tallyOf = (cell: string) => {
    let tally = tallies.get(cell);
    if (tally === undefined) {
      tally = Object.fromEntries(
        nutritionIndicatorIds.map((id) => [id, { numerator: 0, denominator: 0 }]),
      ) as Record<NutritionIndicator, { numerator: number; denominator: number }>;
      tallies.set(cell, tally);
    }
    return tally;
  };
  for (const child of selected.values()) {
    for (const index of zScoreIndexes) {
      const m = child[index];
      if (m === null) continue;
      const tally = tallyOf(cellOf(m));
      const z = prevalenceZ(m, index)!;
      for (const indicator of indicatorsOfIndex[index]) {
        const counts = tally[indicator];
        counts.denominator += 1;
        if (meetsIndicator(indicator, z)) counts.numerator += 1;
      }
    }
  }
  return tallies;
}

/** Tallies of all children together (one cell). */
export function nutritionCounts(
  measurements: Iterable<NutritionMeasurement>,
  period: Period,
): NutritionCounts {
  return nutritionCountsByCell(measurements, period, () => '').get('') ?? emptyNutritionCounts();
}

/** Prevalence figures per indicator. */
export type NutritionPrevalence = Readonly<Record<NutritionIndicator, ProportionFigure>>;

/**
 * Figures (value 0–1, Wilson 95 % interval, small-number rule of `policy`, public by default)
 * from tallies — e.g. tallies summed up the region tree.
 */
export function nutritionPrevalenceFromCounts(
  counts: NutritionCounts,
  policy: SuppressionPolicy = publicChildFigurePolicy,
): NutritionPrevalence {
  return Object.fromEntries(
    nutritionIndicatorIds.map((id) => [id, proportionFromCounts(counts[id], policy)]),
  ) as Record<NutritionIndicator, ProportionFigure>;
}

/**
 * Administrative prevalence of every nutrition indicator among children 0–59 months in the
 * period, each child counted once at its latest valid measurement (DESIGN.md: Prevalence).
 */
export function nutritionPrevalence(
  measurements: Iterable<NutritionMeasurement>,
  period: Period,
  policy: SuppressionPolicy = publicChildFigurePolicy,
): NutritionPrevalence {
  return nutritionPrevalenceFromCounts(nutritionCounts(measurements, period), policy);
}

/** Stunting prevalence (HAZ < −2) alone; see {@link nutritionPrevalence}. */
export function stuntingPrevalence(
  measurements: Iterable<NutritionMeasurement>,
  period: Period,
  policy: SuppressionPolicy = publicChildFigurePolicy,
): ProportionFigure {
  return nutritionPrevalence(measurements, period, policy).stunting;
}

/** Prevalence overall and broken down by sex and by age group (as WHO anthro's groups). */
export interface NutritionPrevalenceBreakdown {
  readonly total: NutritionPrevalence;
  readonly bySex: Readonly<Record<SexGroup, NutritionPrevalence>>;
  readonly byAgeGroup: Readonly<Record<AgeGroup, NutritionPrevalence>>;
}

/**
 * Prevalence with breakdowns by sex and by age group (0–5, 6–11, 12–23, 24–59 months). The age
 * is the age at the measurement selected for that indicator. The parts sum to the total
 * (counts), because each child is in exactly one sex and one age group per indicator.
 */
export function nutritionPrevalenceBreakdown(
  measurements: Iterable<NutritionMeasurement>,
  period: Period,
  policy: SuppressionPolicy = publicChildFigurePolicy,
): NutritionPrevalenceBreakdown {
  const cells = nutritionCountsByCell(
    measurements,
    period,
    (m) => `${sexGroupOf(m.sex)}|${ageGroupOf(m.ageDays)!}`,
  );
  const cell = (sex: SexGroup, group: AgeGroup) =>
    cells.get(`${sex}|${group}`) ?? emptyNutritionCounts();
  const sexes: readonly SexGroup[] = ['male', 'female'];
  const bySexCounts = (sex: SexGroup) =>
    combineNutritionCounts(...ageGroupIds.map((g) => cell(sex, g)));
  const byGroupCounts = (group: AgeGroup) =>
    combineNutritionCounts(...sexes.map((s) => cell(s, group)));
  return {
    total: nutritionPrevalenceFromCounts(combineNutritionCounts(...cells.values()), policy),
    bySex: {
      male: nutritionPrevalenceFromCounts(bySexCounts('male'), policy),
      female: nutritionPrevalenceFromCounts(bySexCounts('female'), policy),
    },
    byAgeGroup: Object.fromEntries(
      ageGroupIds.map((g) => [g, nutritionPrevalenceFromCounts(byGroupCounts(g), policy)]),
    ) as Record<AgeGroup, NutritionPrevalence>,
  };
}
