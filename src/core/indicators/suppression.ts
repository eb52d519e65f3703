/**
 * Small-number policies for public figures, as data (DESIGN.md, Working conventions: "Public
 * figures below 5 children are suppressed"; research/anchors.md §7 item 4).
 *
 * Two different rules, because the two kinds of figure carry different risks:
 * - **Figures about children** (prevalence, coverage, N/T): a small count can point at an
 *   identifiable child in a desa or posyandu, so any figure whose numerator or denominator is
 *   below the threshold (default 5) is suppressed: value, CI and the small count become null,
 *   with `suppressed: true` and a reason code.
 * - **Death counts** (AKI, AKB, AKN): in Indonesia the number of maternal and infant deaths per
 *   region is published routinely by Dinas Kesehatan (profil kesehatan); only case details
 *   (name, address, facility, cause per case) are confidential. So counts are always shown and
 *   rates come with their exact interval; a rate built on fewer than 10 deaths is flagged
 *   `unstable` (relative standard error 1/√k above about 32 %), never hidden.
 *
 * Complementary suppression (hiding a second cell so the first cannot be recovered by
 * subtraction from a total) is deliberately not done; see docs/indicators.md.
 */

/** Why a figure was suppressed. Stable snake_case codes (house rule 4). */
export type SuppressionReason = 'small_denominator' | 'small_count';

/** The suppression rule for figures about children. `minimumCount` 0 suppresses nothing. */
export interface SuppressionPolicy {
  /** Stable identifier, written next to published figures and in exports. */
  readonly id: string;
  /** Counts strictly below this are suppressed (0 included). */
  readonly minimumCount: number;
}

/** The rule for death figures: counts always shown, rates flagged below `unstableBelow`. */
export interface DeathFigurePolicy {
  readonly id: string;
  readonly showCounts: true;
  /** A rate whose death count is strictly below this is flagged `unstable`. */
  readonly unstableBelow: number;
}

/** Public rule for figures about children: numerator or denominator below 5 → suppressed. */
export const publicChildFigurePolicy: SuppressionPolicy = {
  id: 'public_child_figures_min5',
  minimumCount: 5,
};

/**
 * For signed-in staff whose role and region scope already allow them to see the child records
 * behind the figure (Dinas Kesehatan, puskesmas dashboards): nothing is suppressed.
 */
export const internalChildFigurePolicy: SuppressionPolicy = {
  id: 'internal_no_suppression',
  minimumCount: 0,
};

/** Public (and internal) rule for deaths: counts shown, rates unstable below 10 deaths. */
export const deathFigurePolicy: DeathFigurePolicy = {
  id: 'deaths_counts_public_unstable_below_10',
  showCounts: true,
  unstableBelow: 10,
};

/** All policies in one place, so that an export or an audit can list them. */
export const smallNumberPolicies = {
  publicChildFigures: publicChildFigurePolicy,
  internalChildFigures: internalChildFigurePolicy,
  deathFigures: deathFigurePolicy,
} as const;

/** A policy with another threshold (e.g. a province that publishes only from 10 children). */
export function suppressionPolicyWithMinimum(minimumCount: number): SuppressionPolicy {
  if (!Number.isInteger(minimumCount) || minimumCount < 0) {
    throw new RangeError(`minimumCount must be a whole number ≥ 0, got ${minimumCount}`);
  }
  return { id: `child_figures_min${minimumCount}`, minimumCount };
}

/**
 * The reason a proportion k of n must be suppressed under `policy`, or null when it may be
 * shown. The denominator is checked first: when n is small, k is small too, and the whole
 * figure goes.
 */
export function suppressionReasonFor(
  numerator: number,
  denominator: number,
  policy: SuppressionPolicy,
): SuppressionReason | null {
  if (denominator < policy.minimumCount) return 'small_denominator';
  if (numerator < policy.minimumCount) return 'small_count';
  return null;
}

/** A single published count of children (e.g. children with 2T) after the small-number rule. */
export interface CountFigure {
  readonly count: number | null;
  readonly suppressed: boolean;
  readonly suppressionReason: SuppressionReason | null;
}

/** Applies the small-number rule to a bare count of children: below the minimum → null. */
export function suppressedCount(count: number, policy: SuppressionPolicy): CountFigure {
  if (count < policy.minimumCount) {
    return { count: null, suppressed: true, suppressionReason: 'small_count' };
  }
  return { count, suppressed: false, suppressionReason: null };
}

/** True when a death-based rate rests on too few deaths to be read as a stable rate. */
export function isUnstableRate(deaths: number, policy: DeathFigurePolicy): boolean {
  return deaths < policy.unstableBelow;
}
