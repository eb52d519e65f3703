/**
 * The statistical model of the demo province: each child's length/height-for-age z (HAZ) and
 * weight-for-length/height z (WHZ) at a given age are
 *
 *   HAZ = base(kabupaten) + desaEffect + ageProfile(age) + σᵤ·u + a(t)
 *   WHZ = whzBase(kabupaten) + desaEffect' + whzAgeProfile(age) + σ_w·w + b(t)
 *
 * with u, w the child's persistent latent (standard normal), a(t), b(t) small month-to-month
 * AR(1) fluctuations, and the measurement drawn from the z with the growth engine's inverse
 * (core/growth/inverse.ts). `base` is set per kabupaten so that exactly the target share of
 * its weighings in the window has HAZ < −2 (the kabupaten's published SSGI 2021 prevalence;
 * see plan.ts).
 * docs/demo-data.md explains every number here.
 */
/** SD of the child's persistent HAZ latent (between-child spread within a desa). */
export const HAZ_CHILD_SD = 1.0;
/** SD of the desa effect on HAZ (villages differ; centred within each kabupaten). */
export const HAZ_DESA_SD = 0.3;
/** Month-to-month HAZ fluctuation: stationary SD and lag-1 autocorrelation. */
export const HAZ_MONTHLY_SD = 0.15;
export const HAZ_MONTHLY_RHO = 0.9;
/** Measurement error of length/height at the posyandu in z units (≈ 0.3 cm at length SD 3 cm). */
export const HEIGHT_ERROR_Z = 0.1;

/** WHZ: province mean (NTT's wasting ≈ 10 %), child, desa and monthly spread. */
export const WHZ_PROVINCE_MEAN = -0.75;
export const WHZ_CHILD_SD = 0.85;
export const WHZ_DESA_SD = 0.2;
export const WHZ_MONTHLY_SD = 0.4;
export const WHZ_MONTHLY_RHO = 0.6;
/** How much a kabupaten's WHZ mean follows its HAZ base (more stunting, more wasting). */
export const WHZ_FOLLOWS_HAZ = 0.25;

/**
 * Shape of HAZ by age (growth faltering in the first two years), from the national SSGI 2022
 * stunting prevalence by age group (data/indicators/stunting_national.csv,
 * `stunting_prevalence_ssgi_age_*`: 0–5 m 11.7 %, 6–11 m 13.7 %, 12–23 m 22.4 %, 24–35 m 26.2 %,
 * 36–47 m 22.5 %; 48–59 m taken as 36–47 m) turned into mean shifts at SD 1.02 and centred:
 * knots at the middle of each group, linear in between. Only the shape matters: the
 * kabupaten's level absorbs the rest.
 */
const HAZ_AGE_KNOTS: readonly [months: number, shift: number][] = [
  [0, 0.42],
  [3, 0.4],
  [9, 0.3],
  [18, -0.05],
  [30, -0.18],
  [42, -0.06],
  [60, -0.06],
];

/** WHZ by age: wasting peaks at 6–23 months. */
const WHZ_AGE_KNOTS: readonly [months: number, shift: number][] = [
  [0, 0.15],
  [4, 0.1],
  [9, -0.15],
  [20, -0.15],
  [30, 0.05],
  [60, 0.05],
];

function piecewiseLinear(knots: readonly [number, number][], x: number): number {
  if (x <= knots[0]![0]) return knots[0]![1];
  for (let i = 1; i < knots.length; i++) {
    const [x1, y1] = knots[i]!;
    if (x <= x1) {
      const [x0, y0] = knots[i - 1]!;
      return y0 + ((x - x0) / (x1 - x0)) * (y1 - y0);
    }
  }
  return knots[knots.length - 1]![1];
}

/** Mean HAZ shift at an age in months (unrounded). */
export function hazAgeShift(ageMonths: number): number {
  return piecewiseLinear(HAZ_AGE_KNOTS, ageMonths);
}

/** Mean WHZ shift at an age in months. */
export function whzAgeShift(ageMonths: number): number {
  return piecewiseLinear(WHZ_AGE_KNOTS, ageMonths);
}

/**
 * Probability that a child misses a month's weighing, by age in months: e-PPGBM's D/S (weighed
 * over registered) is high for babies and falls for older balita. A child's own propensity
 * multiplies it (some families come every month, others rarely). Averages ≈ 15 % missed.
 */
export function missProbability(ageMonths: number): number {
  if (ageMonths < 12) return 0.08;
  if (ageMonths < 24) return 0.12;
  if (ageMonths < 36) return 0.17;
  return 0.21;
}

/** Share of children who move away (stop coming) at some point of the window. */
export const DROPOUT_SHARE = 0.04;
/** Newborns are first weighed from this age (days) at the posyandu. */
export const FIRST_WEIGHING_MIN_AGE_DAYS = 7;

/** Share of measurements with a data-entry error (most of them are then flagged implausible). */
export const ENTRY_ERROR_RATE = 0.0035;
/** Share of measurements of children with WHZ < −2.5 that record bilateral pitting oedema. */
export const OEDEMA_RATE_WHEN_WASTED = 0.01;
/** Head circumference is recorded for this share of weighings under 24 months. */
export const HEAD_RECORDED_SHARE = 0.3;
/** MUAC (LiLA) is recorded for this share of weighings from 6 months. */
export const MUAC_RECORDED_SHARE = 0.25;
