/**
 * Age as anthro uses it (data/who-growth/README.md §2): tables are looked up by the age in whole
 * days rounded half up; the 60-month limit and the 9-month rule use the unrounded age in months,
 * a month being 30.4375 days.
 */
import { roundHalfUp } from './rounding.ts';

/** Days in a month for the WHO standards (365.25 / 12; anthro's `ANTHRO_DAYS_OF_MONTH`). */
export const DAYS_PER_MONTH = 30.4375;

/** z-scores exist only for age in months < 60 (unrounded): age < 1826.25 days. */
export const MAX_AGE_MONTHS = 60;

/** Standing height below this age in months is a wrong position (anthro 1.1.0 `c9mo_flag`). */
export const STANDING_MIN_AGE_MONTHS = 9;

/** From this rounded age in days (24 months) the reference is standing height, before it length. */
export const HEIGHT_FROM_AGE_DAYS = 731;

/** Arm circumference and skinfold tables start at 91 days (3 months); younger children get no z. */
export const ARM_SKINFOLD_MIN_AGE_DAYS = 91;

/**
 * The age in days used to look up the tables: the given age rounded half up to a whole day
 * (anthro `age_to_days` / `round_up`): 730.49 → 730, 730.5 → 731. For ages ≥ 0.
 */
export function tableAgeDays(ageDays: number): number {
  return roundHalfUp(ageDays);
}

/** Unrounded age in months (anthro `age_to_months`): days ÷ 30.4375. */
export function ageInMonths(ageDays: number): number {
  return ageDays / DAYS_PER_MONTH;
}

/** Age in days from an exact age in months, as anthro with `is_age_in_month = TRUE`: rounded half up. */
export function ageDaysFromMonths(ageMonths: number): number {
  return roundHalfUp(ageMonths * DAYS_PER_MONTH);
}

/** Whether anthro computes age-based z-scores at this age: 0 ≤ age and age in months < 60. */
export function isAgeForZScores(ageDays: number): boolean {
  return ageDays >= 0 && ageDays / DAYS_PER_MONTH < MAX_AGE_MONTHS;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of an ISO date; NaN for a date that does not exist (2024-02-30). */
function utcDay(isoDate: string): number {
  const m = ISO_DATE.exec(isoDate);
  if (!m) return NaN;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const length = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  if (month < 1 || month > 12 || day < 1 || day > length) return NaN;
  // Days from the civil calendar without a Date object (H. Hinnant's days_from_civil): this
  // runs twice for every row of an import.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * Age in whole days between a date of birth and a measurement date (ISO `YYYY-MM-DD`, calendar
 * dates without time zone, as recorded at the posyandu). NaN when a date is not a real date;
 * negative when measured before birth (the caller rejects that).
 */
export function ageDaysBetween(birthDate: string, measuredOn: string): number {
  return utcDay(measuredOn) - utcDay(birthDate);
}

/**
 * Age in completed calendar months between two ISO dates, as the KMS counts months ("umur
 * bulan penuh"): born 20 January, weighed 19 February = 0; 20 February = 1. Born on the 31st,
 * a shorter month counts as complete on its last day. NaN for invalid dates.
 */
export function completedMonthsBetween(birthDate: string, onDate: string): number {
  const b = ISO_DATE.exec(birthDate);
  const d = ISO_DATE.exec(onDate);
  if (!b || !d || Number.isNaN(utcDay(birthDate)) || Number.isNaN(utcDay(onDate))) return NaN;
  const [by, bm, bd] = [Number(b[1]), Number(b[2]), Number(b[3])];
  const [dy, dm, dd] = [Number(d[1]), Number(d[2]), Number(d[3])];
  let months = (dy - by) * 12 + (dm - bm);
  const lastDayOfMonth = new Date(Date.UTC(dy, dm, 0)).getUTCDate();
  if (dd < bd && dd < lastDayOfMonth) months -= 1;
  return months;
}
