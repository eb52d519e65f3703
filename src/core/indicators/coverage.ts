/**
 * Posyandu weighing indicators from monthly counts (the SKDN idea of Kemenkes growth
 * monitoring; Buku KIA; research/anchors.md §2.2):
 * - S: balita registered (sasaran) at the posyandu / desa;
 * - D: balita weighed (ditimbang) this month; D = N + T + O + B;
 * - N: weight went up (naik), T: did not (tidak naik), O: not weighed last month,
 *   B: first weighing (baru);
 * - 2T: not gained two months running (a referral trigger).
 *
 * Weighing coverage = D ÷ S ("D/S"): the share of registered children actually seen, which is
 * what makes an administrative prevalence believable or not (anchors §7 item 2).
 * Weight-gain rate = N ÷ (N + T): among children whose gain could be judged. (Kemenkes' classic
 * N/D divides by all weighed children, including O and B who cannot be N or T; both are given.)
 */
import { rateFromCounts, type ProportionFigure } from './proportion.ts';
import {
  publicChildFigurePolicy,
  suppressedCount,
  suppressionReasonFor,
  type CountFigure,
  type SuppressionPolicy,
} from './suppression.ts';

/** Coverage figure: a proportion that may exceed 1 when more children came than registered. */
export interface CoverageFigure extends ProportionFigure {
  /**
   * D > S: more children weighed than registered (children from outside the area, or an
   * out-of-date register). The value is still D ÷ S (> 1) and the interval is null, since
   * a proportion interval does not apply; the register needs checking.
   */
  readonly exceedsRegistered: boolean;
}

function checkCount(value: number, name: string): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a whole number ≥ 0, got ${value}`);
  }
}

/**
 * Weighing coverage D/S = children weighed ÷ children registered, with its Wilson interval and
 * the small-number rule of `policy` (public by default). D > S is reported, not rejected: see
 * {@link CoverageFigure.exceedsRegistered}.
 */
export function weighingCoverage(
  weighed: number,
  registered: number,
  policy: SuppressionPolicy = publicChildFigurePolicy,
): CoverageFigure {
  checkCount(weighed, 'weighed');
  checkCount(registered, 'registered');
  if (weighed <= registered) {
    return { ...rateFromCounts(weighed, registered, policy), exceedsRegistered: false };
  }
  // registered < weighed, so if anything is small it is the denominator
  if (suppressionReasonFor(weighed, registered, policy) !== null) {
    return {
      numerator: weighed < policy.minimumCount ? null : weighed,
      denominator: null,
      value: null,
      ci: null,
      suppressed: true,
      suppressionReason: 'small_denominator',
      exceedsRegistered: true,
    };
  }
  return {
    numerator: weighed,
    denominator: registered,
    value: weighed / registered,
    ci: null,
    suppressed: false,
    suppressionReason: null,
    exceedsRegistered: true,
  };
}

/**
 * Weight-gain rate N ÷ (N + T): children whose weight went up among those whose gain could be
 * judged this month (Buku KIA: naik / tidak naik), with Wilson interval and small-number rule.
 */
export function weightGainRate(
  gained: number,
  notGained: number,
  policy: SuppressionPolicy = publicChildFigurePolicy,
): ProportionFigure {
  checkCount(gained, 'gained');
  checkCount(notGained, 'notGained');
  return rateFromCounts(gained, gained + notGained, policy);
}

/** One month's SKDN counts for a posyandu or any region (additive across places). */
export interface MonthlyWeighingCounts {
  /** S: balita registered (sasaran). */
  readonly registered: number;
  /** D: balita weighed this month. */
  readonly weighed: number;
  /** N: weight went up. */
  readonly gained: number;
  /** T: weight did not go up. */
  readonly notGained: number;
  /** O: weighed this month but not last month. */
  readonly notWeighedLastMonth: number;
  /** B: weighed for the first time. */
  readonly firstWeighing: number;
  /** 2T: not gained two months running. */
  readonly notGainedTwice: number;
}

const weighingCountFields = [
  'registered',
  'weighed',
  'gained',
  'notGained',
  'notWeighedLastMonth',
  'firstWeighing',
  'notGainedTwice',
] as const satisfies readonly (keyof MonthlyWeighingCounts)[];

/** Sums monthly weighing counts of different places for the same month. */
export function combineWeighingCounts(
  ...parts: readonly MonthlyWeighingCounts[]
): MonthlyWeighingCounts {
  const sum = (field: keyof MonthlyWeighingCounts) =>
    parts.reduce((total, part) => total + part[field], 0);
  return Object.fromEntries(weighingCountFields.map((f) => [f, sum(f)])) as Record<
    keyof MonthlyWeighingCounts,
    number
  >;
}

/** The month's weighing figures, ready to show. */
export interface MonthlyWeighingSummary {
  /** D/S */
  readonly coverage: CoverageFigure;
  /** N/(N+T) */
  readonly gainedOfAssessed: ProportionFigure;
  /** N/D (the classic SKDN ratio) */
  readonly gainedOfWeighed: ProportionFigure;
  /** Number of 2T children (small counts suppressed in public). */
  readonly notGainedTwice: CountFigure;
  /**
   * D = N + T + O + B holds. When false the month's entry is incomplete or inconsistent
   * (e.g. O left blank, as often in real archives: anchors §2.2) and N/D is null.
   */
  readonly balanced: boolean;
}

/** All figures of a month's SKDN counts (validated: whole numbers ≥ 0). */
export function monthlyWeighingSummary(
  counts: MonthlyWeighingCounts,
  policy: SuppressionPolicy = publicChildFigurePolicy,
): MonthlyWeighingSummary {
  for (const field of weighingCountFields) checkCount(counts[field], field);
  const { weighed, gained, notGained, notWeighedLastMonth, firstWeighing } = counts;
  const balanced = weighed === gained + notGained + notWeighedLastMonth + firstWeighing;
  const unbalancedFigure: ProportionFigure = {
    numerator: null,
    denominator: null,
    value: null,
    ci: null,
    suppressed: false,
    suppressionReason: null,
  };
  return {
    coverage: weighingCoverage(weighed, counts.registered, policy),
    gainedOfAssessed: weightGainRate(gained, notGained, policy),
    gainedOfWeighed: balanced ? rateFromCounts(gained, weighed, policy) : unbalancedFigure,
    notGainedTwice: suppressedCount(counts.notGainedTwice, policy),
    balanced,
  };
}
