/**
 * Weighing counts of a period from child-level records (docs/indicators.md §3): the SKDN
 * letters D, N, T, O, B and 2T, and "measured", each child counted once per period — at its
 * latest weighing (D, N, T, O, B, 2T) or its latest measurement of any kind (measured).
 *
 * For a month this is the posyandu's monthly SKDN. For a quarter or a year it is the status at
 * each child's last weighing of the period (a child weighed in July and August counts once in
 * Q3, with its August status), so D = N + T + O + B holds for every period and the quarter is
 * never the sum of its months. Registered children (S) come from the register, not from here.
 * Only children 0–59 months at the measurement count, as for prevalence.
 */
import { isLaterMeasurement, isUnderFive } from './prevalence.ts';
import { periodEnd, periodStart, type Period } from './period.ts';
import type { WeightGainCode } from '../growth/weight-gain.ts';

/** One measurement, reduced to what the weighing counts need. */
export interface WeighingMeasurement {
  readonly childId: string;
  /** YYYY-MM-DD */
  readonly measuredOn: string;
  /** Tie-break on the same day (see NutritionMeasurement.sequence). */
  readonly sequence: number | string;
  readonly ageDays: number;
  /** A weight was taken (D counts it). */
  readonly weighed: boolean;
  /** KMS status of this weighing (N, T, O, B); null when not weighed. */
  readonly weightGain: WeightGainCode | null;
  /** This weighing is the second T in a row (2T). */
  readonly twoT: boolean;
}

/** Counts of children in one period (additive across places and groups of the same period). */
export interface PeriodWeighingCounts {
  /** Children measured in the period (any measurement). */
  readonly measured: number;
  /** D: children weighed. */
  readonly weighed: number;
  /** N at the latest weighing. */
  readonly gained: number;
  /** T at the latest weighing. */
  readonly notGained: number;
  /** O at the latest weighing. */
  readonly notWeighedLastMonth: number;
  /** B at the latest weighing. */
  readonly firstWeighing: number;
  /** 2T at the latest weighing. */
  readonly notGainedTwice: number;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** All counts 0. */
export function emptyWeighingCounts(): PeriodWeighingCounts {
  return {
    measured: 0,
    weighed: 0,
    gained: 0,
    notGained: 0,
    notWeighedLastMonth: 0,
    firstWeighing: 0,
    notGainedTwice: 0,
  };
}

/**
 * Tallies per cell (`cellOf` names the cell of a measurement, e.g. posyandu|sex|age group):
 * each child's latest measurement in the period adds to `measured` of its cell, its latest
 * weighing to D and to its status letter. The cells add up to the whole.
 */
export function weighingCountsByCell<M extends WeighingMeasurement>(
  measurements: Iterable<M>,
  period: Period,
  cellOf: (measurement: M) => string,
): Map<string, PeriodWeighingCounts> {
  const start = periodStart(period);
  const end = periodEnd(period);
  const latest = new Map<string, { any: M; weighing: M | null }>();
  for (const m of measurements) {
    if (m.measuredOn < start || m.measuredOn > end || !isUnderFive(m.ageDays)) continue;
    const child = latest.get(m.childId);
    if (child === undefined) {
      latest.set(m.childId, { any: m, weighing: m.weighed ? m : null });
      continue;
    }
    if (isLaterMeasurement(m, child.any)) child.any = m;
    if (m.weighed && (child.weighing === null || isLaterMeasurement(m, child.weighing)))
      child.weighing = m;
  }
  const cells = new Map<string, Mutable<PeriodWeighingCounts>>();
  const cell = (m: M) => {
    const key = cellOf(m);
    let counts = cells.get(key);
    if (counts === undefined) {
      counts = emptyWeighingCounts();
      cells.set(key, counts);
    }
    return counts;
  };
  for (const { any, weighing } of latest.values()) {
    cell(any).measured += 1;
    if (weighing === null) continue;
    const counts = cell(weighing);
    counts.weighed += 1;
    if (weighing.weightGain === 'N') counts.gained += 1;
    else if (weighing.weightGain === 'T') counts.notGained += 1;
    else if (weighing.weightGain === 'O') counts.notWeighedLastMonth += 1;
    else if (weighing.weightGain === 'B') counts.firstWeighing += 1;
    if (weighing.twoT) counts.notGainedTwice += 1;
  }
  return cells;
}

/** Sums weighing tallies of disjoint groups of children in the same period. */
export function combineWeighingPeriodCounts(
  ...parts: readonly PeriodWeighingCounts[]
): PeriodWeighingCounts {
  const total = emptyWeighingCounts() as Mutable<PeriodWeighingCounts>;
  for (const p of parts) {
    total.measured += p.measured;
    total.weighed += p.weighed;
    total.gained += p.gained;
    total.notGained += p.notGained;
    total.notWeighedLastMonth += p.notWeighedLastMonth;
    total.firstWeighing += p.firstWeighing;
    total.notGainedTwice += p.notGainedTwice;
  }
  return total;
}
