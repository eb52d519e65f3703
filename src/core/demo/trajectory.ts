/**
 * A demo child's path through the window, before any measurement is drawn: when it is born,
 * which posyandu it attends, which monthly weighings it comes to, and its length/height-for-age
 * z at each of them *without* its kabupaten's level. The plan runs this for every child to set
 * each kabupaten's level (so that its share of HAZ < −2 is exactly the target), and the
 * generator runs it again to draw the same child: both read the same random stream, so they
 * agree to the last bit.
 */
import { ageInMonths, DAYS_PER_MONTH } from '../growth/age.ts';
import { dayOfMonth } from './calendar.ts';
import {
  DROPOUT_SHARE,
  FIRST_WEIGHING_MIN_AGE_DAYS,
  HAZ_CHILD_SD,
  HAZ_MONTHLY_RHO,
  HAZ_MONTHLY_SD,
  hazAgeShift,
  HEIGHT_ERROR_Z,
  missProbability,
} from './model.ts';
import { normalQuantile } from './normal.ts';
import { DemoRandom } from './random.ts';

/** Random stream names (second key of DemoRandom). */
export const STREAM = { layout: 1, kabupaten: 2, child: 3, trajectory: 4 } as const;

/** (√5 − 1)/2: successive multiples mod 1 spread as evenly as possible (Kronecker sequence). */
const GOLDEN_RATIO_CONJUGATE = (Math.sqrt(5) - 1) / 2;

/** What a trajectory needs to know about the window. */
export interface TrajectoryWindow {
  seed: number;
  months: number;
  windowStartDay: number;
  todayDay: number;
  firstMonthIndex: number;
}

/** What a trajectory needs to know about the child's kabupaten (see PlannedKabupaten). */
export interface TrajectoryKabupaten {
  firstChild: number;
  children: number;
  birthRank: Uint32Array;
  latentOffset: number;
}

/** What a trajectory needs to know about the child's desa and its posyandu. */
export interface TrajectoryDesa {
  hazEffect: number;
  firstPosyandu: number;
  posyanduCount: number;
}

/**
 * One child's trajectory. The arrays have one entry per month of the window; the child comes
 * to the weighings where `attended` is 1. Reused between children (no allocation per child).
 */
export class ChildTrajectory {
  birthDay = 0;
  /** Index into the plan's posyandu list. */
  posyanduIndex = 0;
  /** The persistent HAZ latent (standard normal, stratified). */
  latent = 0;
  /** 1 when the child is weighed in that month of the window. */
  readonly attended: Uint8Array;
  /** Day number of the weighing (the posyandu's meeting day of that month). */
  readonly day: Float64Array;
  /** HAZ at the weighing minus the kabupaten's level. */
  readonly hazWithoutLevel: Float64Array;

  constructor(months: number) {
    this.attended = new Uint8Array(months);
    this.day = new Float64Array(months);
    this.hazWithoutLevel = new Float64Array(months);
  }
}

/**
 * Fills `out` with child `index`'s trajectory. Birth: in the child's birth-rank slice of the
 * span that makes it 0–59 months at some point of the window. HAZ latent: the quantile
 * frac(offset + rank·(√5 − 1)/2) of the standard normal (low-discrepancy in birth order).
 * Monthly: AR(1) fluctuation, measurement noise, missed weighings by age and the family's
 * propensity, moving away.
 */
export function childTrajectory(
  window: TrajectoryWindow,
  meetingDays: ArrayLike<number>,
  kab: TrajectoryKabupaten,
  desa: TrajectoryDesa,
  index: number,
  out: ChildTrajectory,
): ChildTrajectory {
  const rng = new DemoRandom(window.seed, STREAM.trajectory, index);
  const rank = kab.birthRank[index - kab.firstChild]!;
  const earliestBirth = window.windowStartDay - Math.floor(60 * DAYS_PER_MONTH) + 1;
  const span = window.todayDay - earliestBirth + 1;
  out.birthDay = earliestBirth + Math.floor(((rank + rng.next()) / kab.children) * span);
  out.posyanduIndex = desa.firstPosyandu + rng.int(desa.posyanduCount);
  const quantile =
    (kab.latentOffset + rank * GOLDEN_RATIO_CONJUGATE + rng.next() / kab.children) % 1;
  out.latent = normalQuantile(quantile > 0 ? quantile : 0.5 / kab.children);
  const propensity = Math.exp(0.6 * rng.normal() - 0.18);
  const dropoutDay = rng.chance(DROPOUT_SHARE)
    ? window.windowStartDay + rng.int(window.todayDay - window.windowStartDay + 1)
    : Infinity;
  const persistent = desa.hazEffect + HAZ_CHILD_SD * out.latent;
  const meetingDay = meetingDays[out.posyanduIndex]!;
  const innovation = HAZ_MONTHLY_SD * Math.sqrt(1 - HAZ_MONTHLY_RHO ** 2);
  let a = HAZ_MONTHLY_SD * rng.normal();
  for (let t = 0; t < window.months; t++) {
    out.attended[t] = 0;
    const day = dayOfMonth(window.firstMonthIndex + t, meetingDay);
    out.day[t] = day;
    const ageDays = day - out.birthDay;
    if (day > window.todayDay || ageDays < 0 || ageInMonths(ageDays) >= 60) continue;
    a = HAZ_MONTHLY_RHO * a + innovation * rng.normal();
    const noise = HEIGHT_ERROR_Z * rng.normal();
    const months = ageInMonths(ageDays);
    const missed = rng.chance(Math.min(0.9, missProbability(months) * propensity));
    if (ageDays < FIRST_WEIGHING_MIN_AGE_DAYS || day > dropoutDay || missed) continue;
    out.attended[t] = 1;
    out.hazWithoutLevel[t] = persistent + hazAgeShift(months) + a + noise;
  }
  return out;
}
