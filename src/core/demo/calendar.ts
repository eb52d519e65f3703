/**
 * Calendar arithmetic for the demo generator on day numbers (days since 1970-01-01, UTC
 * calendar dates without time zone, like the registry's `date` columns): quicker than Date
 * objects for millions of rows, and exact.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of an ISO date `YYYY-MM-DD`; throws on anything else (an argument error). */
export function dayNumber(isoDate: string): number {
  const m = ISO_DATE.exec(isoDate);
  if (!m) throw new RangeError(`not an ISO date (YYYY-MM-DD): ${isoDate}`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const t = Date.UTC(year, month - 1, day);
  const back = new Date(t);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1)
    throw new RangeError(`not a real date: ${isoDate}`);
  return t / 86_400_000;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** ISO date `YYYY-MM-DD` of a day number. */
export function isoDate(day: number): string {
  const d = new Date(day * 86_400_000);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

/** Day number of a given day of a month; `monthIndex` counts months since January 1970 (0). */
export function dayOfMonth(monthIndex: number, day: number): number {
  const year = 1970 + Math.floor(monthIndex / 12);
  const month = monthIndex - (year - 1970) * 12;
  return Date.UTC(year, month, day) / 86_400_000;
}

/** Months since January 1970 of the month containing a day number. */
export function monthIndexOf(day: number): number {
  const d = new Date(day * 86_400_000);
  return (d.getUTCFullYear() - 1970) * 12 + d.getUTCMonth();
}

/** Year, month (1–12) and day of a day number. */
export function dateParts(day: number): { year: number; month: number; day: number } {
  const d = new Date(day * 86_400_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}
