/**
 * Calendar arithmetic on ISO dates (`YYYY-MM-DD`) for death cases: ages at death, deadlines.
 * Dates are calendar dates without a time zone, computed in UTC so that a day is always 24 h.
 */
const DAY_MS = 86_400_000;

/** Milliseconds since 1970-01-01 of the date at 00:00 UTC. */
function utcMs(date: string): number {
  return Date.UTC(
    Number(date.slice(0, 4)),
    Number(date.slice(5, 7)) - 1,
    Number(date.slice(8, 10)),
  );
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcMs(to) - utcMs(from)) / DAY_MS);
}

/** The date `days` after `date` (before, when negative). */
export function addDays(date: string, days: number): string {
  return new Date(utcMs(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The date `years` after `date` on the same day of the month; 29 February becomes 28 February
 * in a year without one (the birthday a person keeps in such years).
 */
export function addYears(date: string, years: number): string {
  const year = Number(date.slice(0, 4)) + years;
  const month = date.slice(5, 7);
  let day = date.slice(8, 10);
  if (month === '02' && day === '29') {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    if (!leap) day = '28';
  }
  return `${String(year).padStart(4, '0')}-${month}-${day}`;
}

/** Completed years of age on `onDate` for a person born on `birthDate`. */
export function completedYears(birthDate: string, onDate: string): number {
  let years = Number(onDate.slice(0, 4)) - Number(birthDate.slice(0, 4));
  if (addYears(birthDate, years) > onDate) years -= 1;
  return years;
}
