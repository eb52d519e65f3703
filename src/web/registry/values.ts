/**
 * Reading what a kader types and the calendar of the phone. Indonesian keyboards give a decimal
 * comma ("8,5"), others a point: both mean the same number. Dates are calendar dates of the
 * device's own day (WIB/WITA/WIT), never UTC, so that a weighing at 07:00 WITA is not "yesterday".
 */

/** Today on this device as `YYYY-MM-DD`. */
export function todayIso(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** This month on this device as `YYYY-MM`. */
export function currentMonth(now: Date = new Date()): string {
  return todayIso(now).slice(0, 7);
}

/** `YYYY-MM-DD` that many months before `iso` (day clamped to the month's end). */
export function monthsBefore(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) - months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * A typed decimal: `undefined` when empty, `null` when not a number, else the value. Accepts
 * "8,5", "8.5", " 8 " — not thousands separators (no child weighs 1.000 kg).
 */
export function parseDecimalInput(text: string): number | null | undefined {
  const t = text.trim().replace(',', '.');
  if (t === '') return undefined;
  if (!/^\d{1,3}(\.\d{0,3})?$/.test(t)) return null;
  return Number(t);
}

/** Keeps only digits (a NIK pasted with spaces or dots still counts). */
export function digitsOnly(text: string): string {
  return text.replace(/\D/g, '');
}

/** A birth date from day, month and year fields, or null when incomplete or not a real date. */
export function isoFromParts(day: string, month: string, year: string): string | null {
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return null;
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : null;
}
