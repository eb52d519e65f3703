/**
 * AKI, AKB and AKN from counts (DESIGN.md, Domain words):
 * - AKI (angka kematian ibu, maternal mortality ratio) = maternal deaths ÷ live births × 100,000;
 * - AKB (angka kematian bayi, infant mortality rate) = deaths under 1 year ÷ live births × 1,000;
 * - AKN (angka kematian neonatal) = deaths at 0–28 days ÷ live births × 1,000;
 * - AKABA (angka kematian balita) = deaths under 5 years ÷ live births × 1,000.
 *
 * At kabupaten level the counts are single or double digits (research/anchors.md §7 item 4), so
 * every rate carries its exact Poisson 95 % interval and an `unstable` flag below 10 deaths;
 * counts are always shown (death counts are public in Indonesia; see suppression.ts).
 * Bad counts are returned as error values with a stable code, not thrown: they come from
 * imported official figures and must be shown as a data problem, not crash a dashboard.
 */
import { poissonRateInterval, type ConfidenceInterval } from './confidence-interval.ts';
import { deathFigurePolicy, isUnstableRate, type DeathFigurePolicy } from './suppression.ts';

/** Stable identifiers of the mortality indicators. */
export const mortalityIndicatorIds = ['aki', 'akb', 'akn', 'akaba'] as const;
/** AKI, AKB, AKN or AKABA. */
export type MortalityIndicator = (typeof mortalityIndicatorIds)[number];

/** Each indicator as data: what is counted and per how many live births. */
export interface MortalityIndicatorDefinition {
  /** Rate per this many live births. */
  readonly multiplier: number;
  readonly deathsCounted: { readonly id: string; readonly en: string };
  readonly label: { readonly id: string; readonly en: string };
}

/** AKI per 100,000 live births; AKB, AKN and AKABA per 1,000 (Kemenkes / BPS conventions). */
export const mortalityIndicators: Readonly<
  Record<MortalityIndicator, MortalityIndicatorDefinition>
> = {
  aki: {
    multiplier: 100_000,
    deathsCounted: {
      id: 'kematian ibu (selama hamil, bersalin, atau 42 hari setelahnya, karena kehamilan)',
      en: 'maternal deaths (during pregnancy, childbirth or within 42 days, from pregnancy-related causes)',
    },
    label: { id: 'Angka Kematian Ibu (AKI)', en: 'Maternal mortality ratio (MMR)' },
  },
  akb: {
    multiplier: 1_000,
    deathsCounted: { id: 'kematian bayi umur < 1 tahun', en: 'deaths under 1 year of age' },
    label: { id: 'Angka Kematian Bayi (AKB)', en: 'Infant mortality rate (IMR)' },
  },
  akn: {
    multiplier: 1_000,
    deathsCounted: { id: 'kematian neonatal umur 0–28 hari', en: 'neonatal deaths at 0–28 days' },
    label: { id: 'Angka Kematian Neonatal (AKN)', en: 'Neonatal mortality rate (NMR)' },
  },
  akaba: {
    multiplier: 1_000,
    deathsCounted: { id: 'kematian balita umur < 5 tahun', en: 'deaths under 5 years of age' },
    label: { id: 'Angka Kematian Balita (AKABA)', en: 'Under-five mortality rate (U5MR)' },
  },
};

/** The counts a rate is made of; additive across regions of the same period. */
export interface MortalityCounts {
  readonly deaths: number;
  readonly liveBirths: number;
}

/** Sums death and birth counts of different regions for the same period. */
export function combineMortalityCounts(...parts: readonly MortalityCounts[]): MortalityCounts {
  let deaths = 0;
  let liveBirths = 0;
  for (const part of parts) {
    deaths += part.deaths;
    liveBirths += part.liveBirths;
  }
  return { deaths, liveBirths };
}

/** A mortality rate ready to show. */
export interface MortalityFigure {
  readonly ok: true;
  readonly indicator: MortalityIndicator;
  /** Shown always (not suppressed). */
  readonly deaths: number;
  readonly liveBirths: number;
  readonly multiplier: number;
  /** deaths ÷ live births × multiplier */
  readonly value: number;
  /** Exact (Garwood) Poisson 95 % interval, same scale as value. */
  readonly ci: ConfidenceInterval;
  /** Fewer deaths than the policy's `unstableBelow` (10): read the interval, not the point. */
  readonly unstable: boolean;
}

/** Stable codes of mortality data problems. */
export type MortalityErrorCode = 'births_below_deaths' | 'invalid_count';

/** A data problem instead of a rate. */
export interface MortalityError {
  readonly ok: false;
  readonly indicator: MortalityIndicator;
  /**
   * `births_below_deaths`: live births 0 or fewer than the deaths (a rate cannot be formed;
   * usually births missing for the region or period). `invalid_count`: a count is negative,
   * fractional or not a number.
   */
  readonly code: MortalityErrorCode;
  readonly field: 'deaths' | 'liveBirths';
  readonly deaths: number;
  readonly liveBirths: number;
}

/** Result of a mortality computation: a figure or an error value. */
export type MortalityResult = MortalityFigure | MortalityError;

function isCount(value: number): boolean {
  return Number.isInteger(value) && value >= 0;
}

/**
 * AKI, AKB or AKN from counts: value, exact Poisson interval and unstable flag, or an error
 * value (`invalid_count`, `births_below_deaths`).
 */
export function mortalityRate(
  indicator: MortalityIndicator,
  counts: MortalityCounts,
  policy: DeathFigurePolicy = deathFigurePolicy,
): MortalityResult {
  const { deaths, liveBirths } = counts;
  const error = (code: MortalityErrorCode, field: 'deaths' | 'liveBirths'): MortalityError => ({
    ok: false,
    indicator,
    code,
    field,
    deaths,
    liveBirths,
  });
  if (!isCount(deaths)) return error('invalid_count', 'deaths');
  if (!isCount(liveBirths)) return error('invalid_count', 'liveBirths');
  if (liveBirths === 0 || liveBirths < deaths) return error('births_below_deaths', 'liveBirths');
  const multiplier = mortalityIndicators[indicator].multiplier;
  return {
    ok: true,
    indicator,
    deaths,
    liveBirths,
    multiplier,
    value: (deaths / liveBirths) * multiplier,
    ci: poissonRateInterval(deaths, liveBirths, multiplier)!,
    unstable: isUnstableRate(deaths, policy),
  };
}

/** AKI: maternal deaths ÷ live births × 100,000, with exact Poisson 95 % interval. */
export function maternalMortalityRatio(
  counts: MortalityCounts,
  policy: DeathFigurePolicy = deathFigurePolicy,
): MortalityResult {
  return mortalityRate('aki', counts, policy);
}

/** AKB: deaths under 1 year ÷ live births × 1,000, with exact Poisson 95 % interval. */
export function infantMortalityRate(
  counts: MortalityCounts,
  policy: DeathFigurePolicy = deathFigurePolicy,
): MortalityResult {
  return mortalityRate('akb', counts, policy);
}

/** AKN: deaths at 0–28 days ÷ live births × 1,000, with exact Poisson 95 % interval. */
export function neonatalMortalityRate(
  counts: MortalityCounts,
  policy: DeathFigurePolicy = deathFigurePolicy,
): MortalityResult {
  return mortalityRate('akn', counts, policy);
}

/**
 * AKABA: deaths under 5 years ÷ live births × 1,000 (the registry form of the under-five rate:
 * deaths of one period over the births of the same period, as Profil Kesehatan computes it).
 */
export function underFiveMortalityRate(
  counts: MortalityCounts,
  policy: DeathFigurePolicy = deathFigurePolicy,
): MortalityResult {
  return mortalityRate('akaba', counts, policy);
}
