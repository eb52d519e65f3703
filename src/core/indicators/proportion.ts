/**
 * Counts and the proportions made from them: the shape shared by prevalence, weighing coverage
 * and N/T. Counts are what rollup tables store (per desa × posyandu × month × sex × age group)
 * and what is summed up the region tree; a proportion, its interval and its suppression are
 * derived only at the end, from summed counts (never sum or average published figures: a
 * suppressed or rounded figure cannot be combined).
 */
import { wilsonInterval, type ConfidenceInterval } from './confidence-interval.ts';
import {
  publicChildFigurePolicy,
  suppressionReasonFor,
  type SuppressionPolicy,
  type SuppressionReason,
} from './suppression.ts';

/** An additive tally: numerator (with the condition) and denominator (eligible, counted). */
export interface Counts {
  readonly numerator: number;
  readonly denominator: number;
}

/** The neutral element of {@link combineCounts}. */
export const emptyCounts: Counts = { numerator: 0, denominator: 0 };

/**
 * Sums tallies of disjoint groups of children (posyandu of one desa, desa of one kecamatan…).
 * Valid only when no child is in two parts: for prevalence, combine across places and
 * sex/age groups of the same period, never across months (a child measured in July and in
 * August would be counted twice; compute a quarter from the child-level records instead).
 */
export function combineCounts(...parts: readonly Counts[]): Counts {
  let numerator = 0;
  let denominator = 0;
  for (const part of parts) {
    numerator += part.numerator;
    denominator += part.denominator;
  }
  return { numerator, denominator };
}

/**
 * A proportion ready to show: value in 0–1, Wilson 95 % interval, and the small-number rule
 * applied. When `suppressed`, value and interval are null and so is every count below the
 * threshold (`numerator`, and `denominator` too for `small_denominator`).
 */
export interface ProportionFigure {
  readonly numerator: number | null;
  readonly denominator: number | null;
  /** numerator ÷ denominator in 0–1; null when suppressed or the denominator is 0. */
  readonly value: number | null;
  readonly ci: ConfidenceInterval | null;
  readonly suppressed: boolean;
  readonly suppressionReason: SuppressionReason | null;
}

/**
 * numerator ÷ denominator with its Wilson 95 % interval, after the small-number rule of
 * `policy` (default: the public rule, fewer than 5 → suppressed; pass
 * `internalChildFigurePolicy` for staff dashboards). Suppression is safe by default.
 * Counts must be whole numbers with 0 ≤ numerator ≤ denominator (RangeError otherwise:
 * such counts can only come from a bug in a tally).
 */
export function rateFromCounts(
  numerator: number,
  denominator: number,
  policy: SuppressionPolicy = publicChildFigurePolicy,
): ProportionFigure {
  const ci = wilsonInterval(numerator, denominator); // validates the counts
  const reason = suppressionReasonFor(numerator, denominator, policy);
  if (reason === 'small_denominator') {
    return {
      numerator: null,
      denominator: null,
      value: null,
      ci: null,
      suppressed: true,
      suppressionReason: reason,
    };
  }
  if (reason === 'small_count') {
    return {
      numerator: null,
      denominator,
      value: null,
      ci: null,
      suppressed: true,
      suppressionReason: reason,
    };
  }
  return {
    numerator,
    denominator,
    value: denominator === 0 ? null : numerator / denominator,
    ci,
    suppressed: false,
    suppressionReason: null,
  };
}

/** {@link rateFromCounts} for a {@link Counts} tally. */
export function proportionFromCounts(
  counts: Counts,
  policy: SuppressionPolicy = publicChildFigurePolicy,
): ProportionFigure {
  return rateFromCounts(counts.numerator, counts.denominator, policy);
}
