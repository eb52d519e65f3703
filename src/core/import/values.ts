/**
 * Reading one cell of an import row into a typed value. Cells come from CSV (text) or XLSX
 * (text, numbers, booleans, dates, or a problem the reader found: a formula without a stored
 * value, an error value such as #N/A, a cell longer than the limit). Indonesian spreadsheets
 * write decimals with a comma ("9,5") and dates day first (05/03/2024); both are accepted.
 * A parser never echoes the value in its problem: the report names the row and column only.
 */
import { isNik } from '../registry/rules.ts';

/** What the reader found in a cell that is not a plain value. */
export interface CellProblem {
  problem: 'formula' | 'error_value' | 'too_long';
}

export type CellValue = string | number | boolean | Date | null | CellProblem;

/** Longest cell read (characters); a longer one rejects its row. */
export const MAX_CELL_CHARS = 1000;

export const isCellProblem = (cell: CellValue): cell is CellProblem =>
  typeof cell === 'object' && cell !== null && !(cell instanceof Date);

/** A parse result: a value (null = empty cell) or a problem with what is allowed. */
export type Parsed<T> =
  { ok: true; value: T | null } | { ok: false; code: string; allowed: string };

const ok = <T>(value: T | null): Parsed<T> => ({ ok: true, value });
const bad = (code: string, allowed: string): Parsed<never> => ({ ok: false, code, allowed });

function problemOf(cell: CellProblem): Parsed<never> {
  switch (cell.problem) {
    case 'formula':
      return bad('formula', 'a value, not a formula (paste values only)');
    case 'error_value':
      return bad('error_value', 'a value, not a spreadsheet error such as #N/A');
    case 'too_long':
      return bad('cell_too_long', `at most ${MAX_CELL_CHARS} characters`);
  }
}

/** Empty text, or a dash used as "no value". */
const isBlank = (s: string) => s === '' || s === '-' || s === '–';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * Text: trimmed; a leading apostrophe before = + - @ (Tumbuh's own export escape, house rule on
 * spreadsheet injection) is removed; a cell that starts with "=" is a formula, never a name.
 */
export function parseText(cell: CellValue, maxLength: number): Parsed<string> {
  if (cell === null) return ok(null);
  if (isCellProblem(cell)) return problemOf(cell);
  if (cell instanceof Date) return ok(cell.toISOString().slice(0, 10));
  let s = String(cell).trim();
  if (/^'[=+\-@]/.test(s)) s = s.slice(1);
  if (s === '') return ok(null);
  if (s.startsWith('=')) return bad('formula', 'a value, not a formula');
  if (CONTROL.test(s)) return bad('invalid_text', 'text without control characters');
  if (s.length > maxLength) return bad('too_long', `at most ${maxLength} characters`);
  return ok(s.replace(/\s+/g, ' '));
}

/** Month names and abbreviations (Indonesian and English, lower case) → 1–12. */
export const MONTHS: Record<string, number> = {
  jan: 1,
  januari: 1,
  january: 1,
  feb: 2,
  februari: 2,
  pebruari: 2,
  february: 2,
  mar: 3,
  maret: 3,
  march: 3,
  apr: 4,
  april: 4,
  mei: 5,
  may: 5,
  jun: 6,
  juni: 6,
  june: 6,
  jul: 7,
  juli: 7,
  july: 7,
  agu: 8,
  agt: 8,
  ags: 8,
  agustus: 8,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  okt: 10,
  oktober: 10,
  oct: 10,
  october: 10,
  nov: 11,
  nopember: 11,
  november: 11,
  des: 12,
  desember: 12,
  dec: 12,
  december: 12,
};

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The ISO date of a real calendar day (2024-02-30 is none), without building a Date. */
function isoOf(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1) return null;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!)) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Days from 1899-12-30 (Excel's day 0 with its 1900 leap-year bug) to 1970-01-01. */
const EXCEL_EPOCH_OFFSET = 25569;

/** An Excel serial day number (1900 system) as an ISO date. */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return null;
  const ms = (Math.floor(serial) - EXCEL_EPOCH_OFFSET) * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

const DATE_ALLOWED = 'a date: 2024-03-05, 05/03/2024, 05-03-2024 or 5 Maret 2024';

/**
 * A date: ISO (2024-03-05, time part ignored), day first (05/03/2024, 5-3-2024, 05.03.2024),
 * "5 Maret 2024", an XLSX date cell, or an XLSX serial number in a cell without date format.
 * Two-digit years are refused (1924 or 2024?).
 */
export function parseDate(cell: CellValue): Parsed<string> {
  if (cell === null) return ok(null);
  if (isCellProblem(cell)) return problemOf(cell);
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return bad('invalid_date', DATE_ALLOWED);
    // exceljs gives dates at UTC midnight; a time part (e.g. 23:59:59.999 rounding) is rounded.
    return ok(new Date(cell.getTime() + 500).toISOString().slice(0, 10));
  }
  if (typeof cell === 'number') {
    const iso = excelSerialToIso(cell);
    return iso ? ok(iso) : bad('invalid_date', DATE_ALLOWED);
  }
  if (typeof cell === 'boolean') return bad('invalid_date', DATE_ALLOWED);
  const s = cell.trim();
  if (isBlank(s)) return ok(null);
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][0-9:.]*Z?)?$/.exec(s);
  let iso: string | null = null;
  if (m) iso = isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
  else if ((m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?: [0-9:.]*)?$/.exec(s)))
    iso = isoOf(Number(m[3]), Number(m[2]), Number(m[1]));
  else if ((m = /^(\d{1,2})[ -]([a-zA-Z]+)\.?[ -](\d{4})$/.exec(s))) {
    const month = MONTHS[m[2]!.toLowerCase()];
    iso = month ? isoOf(Number(m[3]), month, Number(m[1])) : null;
  }
  return iso ? ok(iso) : bad('invalid_date', DATE_ALLOWED);
}

/**
 * A decimal with comma or dot ("9,5", "9.5", "10"), optionally followed by its unit; no
 * thousands separators (no body measure needs them).
 */
export function parseDecimal(cell: CellValue, unit: string): Parsed<number> {
  if (cell === null) return ok(null);
  if (isCellProblem(cell)) return problemOf(cell);
  if (typeof cell === 'number')
    return Number.isFinite(cell) ? ok(cell) : bad('invalid_number', `a number (${unit})`);
  if (typeof cell !== 'string') return bad('invalid_number', `a number (${unit})`);
  const s = cell.trim().toLowerCase();
  if (isBlank(s)) return ok(null);
  const m = /^\+?(\d{1,6}(?:[.,]\d{1,6})?)\s*([a-z]{0,4})$/.exec(s);
  if (!m || (m[2] && m[2] !== unit && !(unit === 'kg' && m[2] === 'g')))
    return bad('invalid_number', `a number (${unit}), e.g. 9,5`);
  const value = Number(m[1]!.replace(',', '.'));
  return ok(m[2] === 'g' && unit === 'kg' ? value / 1000 : value);
}

const SEX: Record<string, 1 | 2> = {
  l: 1,
  lk: 1,
  laki: 1,
  lakilaki: 1,
  pria: 1,
  m: 1,
  male: 1,
  '1': 1,
  p: 2,
  pr: 2,
  perempuan: 2,
  wanita: 2,
  f: 2,
  female: 2,
  '2': 2,
};

/** Sex: L / P (laki-laki / perempuan), also LK/PR, 1/2, M/F. */
export function parseSex(cell: CellValue): Parsed<1 | 2> {
  if (cell === null) return ok(null);
  if (isCellProblem(cell)) return problemOf(cell);
  const key = String(cell)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
  if (key === '') return ok(null);
  const sex = SEX[key];
  return sex ? ok(sex) : bad('invalid_sex', 'L or P (laki-laki / perempuan)');
}

const MEASURE: Record<string, 'l' | 'h'> = {
  berdiri: 'h',
  tegak: 'h',
  tb: 'h',
  h: 'h',
  standing: 'h',
  height: 'h',
  terlentang: 'l',
  telentang: 'l',
  berbaring: 'l',
  baring: 'l',
  tidur: 'l',
  pb: 'l',
  l: 'l',
  lying: 'l',
  recumbent: 'l',
  length: 'l',
};

/** How length/height was measured: Berdiri (standing, TB) or Terlentang (lying, PB). */
export function parseMeasure(cell: CellValue): Parsed<'l' | 'h'> {
  if (cell === null) return ok(null);
  if (isCellProblem(cell)) return problemOf(cell);
  const key = String(cell)
    .toLowerCase()
    .replace(/[^a-z]/g, '');
  if (key === '') return ok(null);
  const measure = MEASURE[key];
  return measure ? ok(measure) : bad('invalid_measure', 'Berdiri (TB) or Terlentang (PB)');
}

/** Yes/no (oedema): Ya/Tidak, Y/T, 1/0; empty is no. */
export function parseYesNo(cell: CellValue): Parsed<boolean> {
  if (cell === null) return ok(false);
  if (isCellProblem(cell)) return problemOf(cell);
  if (typeof cell === 'boolean') return ok(cell);
  const key = String(cell)
    .toLowerCase()
    .replace(/[^a-z0-9+-]/g, '');
  if (['', 'tidak', 't', 'n', 'no', '0', '-', 'false'].includes(key)) return ok(false);
  if (['ya', 'y', 'yes', '1', '+', 'true', 'ada'].includes(key)) return ok(true);
  return bad('invalid_value', 'Ya or Tidak');
}

/**
 * NIK: 16 digits; spaces, dots and a leading apostrophe (Excel's "text" mark) are dropped. A NIK
 * stored as a spreadsheet number is refused: Excel keeps 15 significant digits, so the last digit
 * may already be lost, and a wrong NIK would match the wrong child.
 */
export function parseNik(cell: CellValue): Parsed<string> {
  if (cell === null) return ok(null);
  if (isCellProblem(cell)) return problemOf(cell);
  if (typeof cell === 'number')
    return bad('nik_as_number', '16 digits stored as text (format the column as Text)');
  const s = String(cell)
    .replace(/^'/, '')
    .replace(/[\s.-]/g, '');
  if (isBlank(s)) return ok(null);
  return isNik(s) ? ok(s) : bad('invalid_nik', '16 digits');
}

/** Kode wilayah of a desa/kelurahan: 10 digits, dots allowed (53.01.01.2001). */
export function parseVillageCode(cell: CellValue): Parsed<string> {
  if (cell === null) return ok(null);
  if (isCellProblem(cell)) return problemOf(cell);
  const s = (typeof cell === 'number' ? String(cell) : String(cell))
    .replace(/^'/, '')
    .replace(/[\s.]/g, '');
  if (isBlank(s)) return ok(null);
  return /^\d{10}$/.test(s)
    ? ok(s)
    : bad('invalid_region_code', 'a 10-digit kode desa/kelurahan, e.g. 5301012001');
}
