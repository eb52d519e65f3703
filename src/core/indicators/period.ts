/**
 * Reporting periods as values (every figure says its period: DESIGN.md, Working conventions).
 *
 * | kind | text | covers |
 * | --- | --- | --- |
 * | month | `2024-08` | one calendar month |
 * | quarter | `2024-Q3` | triwulan: Jan–Mar, Apr–Jun, Jul–Sep, Oct–Dec |
 * | year | `2024` | calendar year |
 * | weighing_month | `2024-BT08`, `2024-BT02` | bulan timbang: the national weighing months, February and August |
 *
 * Dates are ISO `YYYY-MM-DD` strings (calendar dates, no time zone), compared as text. Pure:
 * "today" is always an argument, never read from a clock (house rule 2).
 */
import type { Lang } from '../errors.ts';

/** A calendar month. */
export interface MonthPeriod {
  readonly kind: 'month';
  readonly year: number;
  /** 1–12 */
  readonly month: number;
}

/** A quarter (triwulan). */
export interface QuarterPeriod {
  readonly kind: 'quarter';
  readonly year: number;
  readonly quarter: 1 | 2 | 3 | 4;
}

/** A calendar year. */
export interface YearPeriod {
  readonly kind: 'year';
  readonly year: number;
}

/** Bulan timbang: the February or August national weighing month of a year. */
export interface WeighingMonthPeriod {
  readonly kind: 'weighing_month';
  readonly year: number;
  readonly month: 2 | 8;
}

/** Any reporting period. */
export type Period = MonthPeriod | QuarterPeriod | YearPeriod | WeighingMonthPeriod;

/** The kinds of period, for pickers and validation. */
export const periodKinds = ['month', 'quarter', 'year', 'weighing_month'] as const;
/** One of the period kinds. */
export type PeriodKind = (typeof periodKinds)[number];

/** Years accepted in period and date text: four digits, 1900–9999 (catches `0224` typos). */
const minYear = 1900;
const maxYear = 9999;

const monthNames: Record<Lang, readonly string[]> = {
  id: [
    'Januari',
    'Februari',
    'Maret',
    'April',
    'Mei',
    'Juni',
    'Juli',
    'Agustus',
    'September',
    'Oktober',
    'November',
    'Desember',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

const romanQuarter = ['I', 'II', 'III', 'IV'] as const;

const pad2 = (n: number): string => String(n).padStart(2, '0');

function isValidYear(year: number): boolean {
  return Number.isInteger(year) && year >= minYear && year <= maxYear;
}

/** Gregorian leap year. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in a month (1–12) of a year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True for a real calendar date written `YYYY-MM-DD` (year 1900–9999). */
export function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return (
    isValidYear(year) && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
  );
}

function assertIsoDate(date: string): void {
  if (!isIsoDate(date)) throw new RangeError(`not an ISO date (YYYY-MM-DD): ${date}`);
}

/**
 * Reads `2024-08`, `2024-Q3`, `2024`, `2024-BT08` / `2024-BT02`; null for anything else
 * (including month 13, Q5, BT05). Surrounding spaces are ignored; letters are case-sensitive
 * (`Q`, `BT`) so that a period has one spelling.
 */
export function parsePeriod(text: string): Period | null {
  const s = text.trim();
  let match = /^(\d{4})$/.exec(s);
  if (match) {
    const year = Number(match[1]);
    return isValidYear(year) ? { kind: 'year', year } : null;
  }
  match = /^(\d{4})-(\d{2})$/.exec(s);
  if (match) {
    const year = Number(match[1]);
    const month = Number(match[2]);
    return isValidYear(year) && month >= 1 && month <= 12 ? { kind: 'month', year, month } : null;
  }
  match = /^(\d{4})-Q([1-4])$/.exec(s);
  if (match) {
    const year = Number(match[1]);
    const quarter = Number(match[2]) as 1 | 2 | 3 | 4;
    return isValidYear(year) ? { kind: 'quarter', year, quarter } : null;
  }
  match = /^(\d{4})-BT(02|08)$/.exec(s);
  if (match) {
    const year = Number(match[1]);
    const month = Number(match[2]) as 2 | 8;
    return isValidYear(year) ? { kind: 'weighing_month', year, month } : null;
  }
  return null;
}

/** The one text form of a period (inverse of {@link parsePeriod}): `2024-08`, `2024-Q3`, `2024`, `2024-BT08`. */
export function formatPeriod(period: Period): string {
  switch (period.kind) {
    case 'month':
      return `${period.year}-${pad2(period.month)}`;
    case 'quarter':
      return `${period.year}-Q${period.quarter}`;
    case 'year':
      return String(period.year);
    case 'weighing_month':
      return `${period.year}-BT${pad2(period.month)}`;
  }
}

/** First and last month (1–12) covered by a period. */
function monthSpan(period: Period): { first: number; last: number } {
  switch (period.kind) {
    case 'month':
    case 'weighing_month':
      return { first: period.month, last: period.month };
    case 'quarter':
      return { first: period.quarter * 3 - 2, last: period.quarter * 3 };
    case 'year':
      return { first: 1, last: 12 };
  }
}

/** First day of the period, `YYYY-MM-DD`. */
export function periodStart(period: Period): string {
  return `${period.year}-${pad2(monthSpan(period).first)}-01`;
}

/** Last day of the period (inclusive), `YYYY-MM-DD`. */
export function periodEnd(period: Period): string {
  const last = monthSpan(period).last;
  return `${period.year}-${pad2(last)}-${pad2(daysInMonth(period.year, last))}`;
}

/** True when the date (`YYYY-MM-DD`) lies in the period, both ends included. */
export function periodContains(period: Period, date: string): boolean {
  assertIsoDate(date);
  return date >= periodStart(period) && date <= periodEnd(period);
}

/** The calendar months of a period, in order (a quarter has 3, a year 12, a bulan timbang 1). */
export function periodMonths(period: Period): MonthPeriod[] {
  const { first, last } = monthSpan(period);
  const months: MonthPeriod[] = [];
  for (let month = first; month <= last; month++) {
    months.push({ kind: 'month', year: period.year, month });
  }
  return months;
}

/**
 * The period just before, of the same kind: the previous month, quarter or year; for bulan
 * timbang the previous weighing round (BT08 → BT02 of the same year, BT02 → BT08 of the year
 * before).
 */
export function previousPeriod(period: Period): Period {
  switch (period.kind) {
    case 'month':
      return period.month === 1
        ? { kind: 'month', year: period.year - 1, month: 12 }
        : { kind: 'month', year: period.year, month: period.month - 1 };
    case 'quarter':
      return period.quarter === 1
        ? { kind: 'quarter', year: period.year - 1, quarter: 4 }
        : { kind: 'quarter', year: period.year, quarter: (period.quarter - 1) as 1 | 2 | 3 };
    case 'year':
      return { kind: 'year', year: period.year - 1 };
    case 'weighing_month':
      return period.month === 8
        ? { kind: 'weighing_month', year: period.year, month: 2 }
        : { kind: 'weighing_month', year: period.year - 1, month: 8 };
  }
}

/** The period just after, of the same kind (inverse of {@link previousPeriod}). */
export function nextPeriod(period: Period): Period {
  switch (period.kind) {
    case 'month':
      return period.month === 12
        ? { kind: 'month', year: period.year + 1, month: 1 }
        : { kind: 'month', year: period.year, month: period.month + 1 };
    case 'quarter':
      return period.quarter === 4
        ? { kind: 'quarter', year: period.year + 1, quarter: 1 }
        : { kind: 'quarter', year: period.year, quarter: (period.quarter + 1) as 2 | 3 | 4 };
    case 'year':
      return { kind: 'year', year: period.year + 1 };
    case 'weighing_month':
      return period.month === 2
        ? { kind: 'weighing_month', year: period.year, month: 8 }
        : { kind: 'weighing_month', year: period.year + 1, month: 2 };
  }
}

/**
 * The period of `kind` that contains the date. For `weighing_month` this is null unless the
 * date falls in February or August.
 */
export function periodOfDate(kind: PeriodKind, date: string): Period | null {
  assertIsoDate(date);
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  switch (kind) {
    case 'month':
      return { kind, year, month };
    case 'quarter':
      return { kind, year, quarter: Math.ceil(month / 3) as 1 | 2 | 3 | 4 };
    case 'year':
      return { kind, year };
    case 'weighing_month':
      return month === 2 || month === 8 ? { kind, year, month } : null;
  }
}

/** True when the period is over on `today` (its last day is before today). */
export function isPeriodComplete(period: Period, today: string): boolean {
  assertIsoDate(today);
  return periodEnd(period) < today;
}

/**
 * The most recent period of `kind` that is complete on `today`: what a dashboard shows by
 * default, since the running period is still being entered.
 */
export function latestCompletePeriod(kind: PeriodKind, today: string): Period {
  assertIsoDate(today);
  let period: Period;
  if (kind === 'weighing_month') {
    const year = Number(today.slice(0, 4));
    // the weighing round that starts on or before today, then step back until complete
    period = { kind, year, month: today.slice(5, 7) >= '08' ? 8 : 2 };
  } else {
    period = periodOfDate(kind, today)!;
  }
  while (!isPeriodComplete(period, today)) period = previousPeriod(period);
  return period;
}

/** Periods equal by value. */
export function isSamePeriod(a: Period, b: Period): boolean {
  return formatPeriod(a) === formatPeriod(b);
}

/**
 * Display label, Indonesian by default: `Agustus 2024`, `Triwulan III 2024`, `2024`,
 * `Bulan Timbang Agustus 2024`; in English `August 2024`, `Q3 2024`, `2024`,
 * `Weighing Month August 2024`.
 */
export function periodLabel(period: Period, lang: Lang = 'id'): string {
  switch (period.kind) {
    case 'month':
      return `${monthNames[lang][period.month - 1]} ${period.year}`;
    case 'quarter':
      return lang === 'id'
        ? `Triwulan ${romanQuarter[period.quarter - 1]} ${period.year}`
        : `Q${period.quarter} ${period.year}`;
    case 'year':
      return String(period.year);
    case 'weighing_month':
      return lang === 'id'
        ? `Bulan Timbang ${monthNames.id[period.month - 1]} ${period.year}`
        : `Weighing Month ${monthNames.en[period.month - 1]} ${period.year}`;
  }
}
