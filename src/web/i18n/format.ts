/**
 * Number and date formatting through Intl, Indonesian style by default (`15,7%`, `1.234`,
 * `Mei 2023`). English uses British conventions (`15.7%`, `May 2023`). Formatters are cached
 * because constructing Intl objects is the slow part on a cheap phone.
 */
import type { Lang } from '../../core/errors.ts';

const locales: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' };

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function numberFormat(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locales[lang], options);
    numberFormats.set(key, format);
  }
  return format;
}

function dateFormat(lang: Lang, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locales[lang], options);
    dateFormats.set(key, format);
  }
  return format;
}

/** `1234567.5` → `1.234.567,5`. With `fractionDigits`, exactly that many decimals. */
export function formatNumber(value: number, lang: Lang, fractionDigits?: number): string {
  const options: Intl.NumberFormatOptions =
    fractionDigits === undefined
      ? { maximumFractionDigits: 2 }
      : { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits };
  return numberFormat(lang, options).format(value);
}

/** A value already in percent: `15.7` → `15,7%` (one decimal unless told otherwise). */
export function formatPercent(percent: number, lang: Lang, fractionDigits = 1): string {
  return numberFormat(lang, {
    style: 'percent',
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(percent / 100);
}

/**
 * Parses `YYYY-MM`, `YYYY-MM-DD` or a full ISO timestamp. Date-only values are calendar dates,
 * read in UTC so that `2023-05` is May everywhere, whatever the device's time zone.
 */
function toDate(value: Date | string): { date: Date; dateOnly: boolean } {
  if (value instanceof Date) return { date: value, dateOnly: false };
  const month = /^(\d{4})-(\d{2})$/.exec(value);
  if (month) return { date: new Date(Date.UTC(+month[1]!, +month[2]! - 1, 1)), dateOnly: true };
  if (/^\d{4}-\d{2}-\d{2}$/.test(value))
    return { date: new Date(`${value}T00:00:00Z`), dateOnly: true };
  return { date: new Date(value), dateOnly: false };
}

/** A reporting period: `2023-05` → `Mei 2023`. */
export function formatMonth(value: Date | string, lang: Lang): string {
  const { date, dateOnly } = toDate(value);
  return dateFormat(lang, {
    month: 'long',
    year: 'numeric',
    ...(dateOnly ? { timeZone: 'UTC' } : {}),
  }).format(date);
}

/** A calendar date: `2023-05-03` → `3 Mei 2023`. */
export function formatDate(value: Date | string, lang: Lang): string {
  const { date, dateOnly } = toDate(value);
  return dateFormat(lang, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    ...(dateOnly ? { timeZone: 'UTC' } : {}),
  }).format(date);
}

/** A moment in the device's time zone: `3 Mei 2023 14.05`. */
export function formatDateTime(value: Date | string, lang: Lang): string {
  return dateFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(toDate(value).date);
}

/** The twelve month names, January first: `Januari`, `Februari`, … (for a birth-date field). */
export function monthNames(lang: Lang): string[] {
  const format = dateFormat(lang, { month: 'long', timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, i) => format.format(new Date(Date.UTC(2000, i, 1))));
}

/** A short calendar date for tables on a phone: `2023-05-03` → `3 Mei 2023` with a short month. */
export function formatShortDate(value: string, lang: Lang): string {
  const { date, dateOnly } = toDate(value);
  return dateFormat(lang, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    ...(dateOnly ? { timeZone: 'UTC' } : {}),
  }).format(date);
}
