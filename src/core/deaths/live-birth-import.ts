/**
 * Reading a live-birth file (CSV/XLSX; docs/deaths.md §Importing live births): one row per
 * region and month or year. Headers are matched by their folded key as in the register import
 * (core/import/columns.ts `headerKey`), so "Kode Wilayah", "KODE_DESA" and "Kode Desa" all work.
 * A row names its region by kode wilayah (any level), its period as `2025-03` / `2025` (or Tahun
 * and Bulan columns), and the count of live births. Pure: problems name the row and the column
 * as the file names it, never the cell's value.
 */
import { headerKey } from '../import/columns.ts';
import { ISSUE_MESSAGES } from '../import/issues.ts';
import { isCellProblem, MONTHS, parseText, type CellValue } from '../import/values.ts';
import type { Lang } from '../errors.ts';

/** What a live-birth column feeds. */
export type LiveBirthField = 'regionCode' | 'period' | 'year' | 'month' | 'count' | 'source';

/** Accepted headers per field; the first is the template's. */
export const LIVE_BIRTH_HEADERS: Record<LiveBirthField, readonly string[]> = {
  regionCode: [
    'Kode Wilayah',
    'Kode Desa',
    'Kode Kecamatan',
    'Kode Kabupaten',
    'Kode Kemendagri',
    'Kode',
  ],
  period: ['Periode', 'Bulan Tahun', 'Periode Laporan'],
  year: ['Tahun'],
  month: ['Bulan'],
  count: [
    'Lahir Hidup',
    'Jumlah Lahir Hidup',
    'Kelahiran Hidup',
    'Jumlah Kelahiran Hidup',
    'LH',
    'Jumlah',
  ],
  source: ['Sumber', 'Sumber Data', 'Keterangan'],
};

/** Headers recognised but not read (names are for people; the code decides). */
const IGNORED = [
  'No',
  'Nama Wilayah',
  'Wilayah',
  'Desa',
  'Kelurahan',
  'Desa/Kelurahan',
  'Kecamatan',
  'Kabupaten',
  'Kabupaten/Kota',
  'Provinsi',
  'Puskesmas',
];

const FIELD_BY_KEY = new Map<string, LiveBirthField>(
  (Object.entries(LIVE_BIRTH_HEADERS) as [LiveBirthField, readonly string[]][]).flatMap(
    ([field, headers]) => headers.map((h) => [headerKey(h), field] as const),
  ),
);
const IGNORED_KEYS = new Set(IGNORED.map(headerKey));

/** A column of the file. */
export interface LiveBirthColumn {
  index: number;
  header: string;
  field: LiveBirthField | null;
}

/** The columns of a header row, or the list of what is missing. */
export function liveBirthColumns(
  header: readonly CellValue[],
): { ok: true; columns: LiveBirthColumn[] } | { ok: false; missing: string[]; found: string[] } {
  const columns = header.map((cell, index) => {
    const text =
      typeof cell === 'string' ? cell.trim() : typeof cell === 'number' ? String(cell) : '';
    const key = headerKey(text);
    return {
      index,
      header: text,
      field: IGNORED_KEYS.has(key) ? null : (FIELD_BY_KEY.get(key) ?? null),
    };
  });
  const has = (f: LiveBirthField) => columns.some((c) => c.field === f);
  const missing: string[] = [];
  if (!has('regionCode')) missing.push('Kode Wilayah');
  if (!has('period') && !has('year')) missing.push('Periode (atau Tahun)');
  if (!has('count')) missing.push('Lahir Hidup');
  if (missing.length)
    return { ok: false, missing, found: columns.map((c) => c.header).filter(Boolean) };
  return { ok: true, columns };
}

/** A problem of one row. */
export interface LiveBirthIssue {
  row: number;
  column: string | null;
  field: LiveBirthField | null;
  code: string;
  allowed?: string;
}

/** A good row. */
export interface LiveBirthRow {
  row: number;
  regionCode: string;
  period: string;
  count: number;
  source: string | null;
  /** The column the count came from (for a later check against recorded deaths). */
  countColumn: string;
}

function cellText(cell: CellValue): string | null {
  if (cell === null || isCellProblem(cell)) return null;
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).trim() || null;
}

/** A whole count: `1234`, `1.234` / `1,234` (thousands), or a whole number cell. */
export function parseBirthCount(cell: CellValue): number | null | 'invalid' {
  if (cell === null) return null;
  if (typeof cell === 'number') return Number.isInteger(cell) && cell >= 0 ? cell : 'invalid';
  const text = cellText(cell);
  if (text === null) return isCellProblem(cell) ? 'invalid' : null;
  if (/^\d+$/.test(text)) return Number(text);
  if (/^\d{1,3}([.,]\d{3})+$/.test(text)) return Number(text.replace(/[.,]/g, ''));
  return 'invalid';
}

/** A parsed period: `2025-03` or `2025`, null when the cells are empty, or unreadable. */
export type ParsedPeriod = { ok: true; value: string | null } | { ok: false };

/**
 * A period: `2025-03`, `2025-3`, `03/2025`, `Maret 2025`, `2025`, or a date cell (its month).
 * With separate year and month cells: the year, and the month as 1–12 or a month name.
 */
export function parseBirthPeriod(
  periodCell: CellValue,
  yearCell: CellValue,
  monthCell: CellValue,
): ParsedPeriod {
  const pad = (m: number) => String(m).padStart(2, '0');
  const ok = (value: string | null): ParsedPeriod => ({ ok: true, value });
  const bad: ParsedPeriod = { ok: false };
  const ofMonth = (year: string, month: number | undefined) =>
    month && month >= 1 && month <= 12 ? ok(`${year}-${pad(month)}`) : bad;
  if (periodCell instanceof Date) return ok(periodCell.toISOString().slice(0, 7));
  const period = cellText(periodCell);
  if (period) {
    let m = /^(\d{4})(?:[-/.](\d{1,2}))?$/.exec(period);
    if (m) return m[2] ? ofMonth(m[1]!, Number(m[2])) : ok(m[1]!);
    m = /^(\d{1,2})[-/.](\d{4})$/.exec(period);
    if (m) return ofMonth(m[2]!, Number(m[1]));
    m = /^([a-z]+)\s+(\d{4})$/i.exec(period);
    if (m) return ofMonth(m[2]!, MONTHS[m[1]!.toLowerCase()]);
    return bad;
  }
  const yearText = typeof yearCell === 'number' ? String(yearCell) : cellText(yearCell);
  if (!yearText) return ok(null);
  if (!/^\d{4}$/.test(yearText)) return bad;
  const monthText = typeof monthCell === 'number' ? String(monthCell) : cellText(monthCell);
  if (!monthText) return ok(yearText);
  return ofMonth(
    yearText,
    /^\d{1,2}$/.test(monthText) ? Number(monthText) : MONTHS[monthText.toLowerCase()],
  );
}

/** One data row read into an entry, or the problems that keep it out. */
export function readLiveBirthRow(
  rowNumber: number,
  cells: readonly CellValue[],
  columns: readonly LiveBirthColumn[],
): { ok: true; row: LiveBirthRow } | { ok: false; issues: LiveBirthIssue[] } {
  const col = (field: LiveBirthField) => columns.find((c) => c.field === field);
  const cell = (field: LiveBirthField): CellValue => {
    const c = col(field);
    return c ? (cells[c.index] ?? null) : null;
  };
  const issues: LiveBirthIssue[] = [];
  const issue = (field: LiveBirthField, code: string, allowed?: string) =>
    issues.push({
      row: rowNumber,
      column: col(field)?.header ?? null,
      field,
      code,
      ...(allowed && { allowed }),
    });

  const codeCell = cell('regionCode');
  const code = (typeof codeCell === 'number' ? String(codeCell) : (cellText(codeCell) ?? ''))
    .replace(/^'/, '')
    .replace(/[\s.]/g, '');
  if (!code) issue('regionCode', 'required', 'kode wilayah');
  else if (!/^(\d{2}|\d{4}|\d{6}|\d{10})$/.test(code))
    issue('regionCode', 'invalid_region_code', 'a kode wilayah of 2, 4, 6 or 10 digits');

  const period = parseBirthPeriod(cell('period'), cell('year'), cell('month'));
  if (!period.ok)
    issue(col('period') ? 'period' : 'month', 'invalid_period', 'YYYY-MM (e.g. 2025-03) or YYYY');
  else if (period.value === null)
    issue(col('period') ? 'period' : 'year', 'required', 'YYYY-MM or YYYY');

  const count = parseBirthCount(cell('count'));
  if (count === null) issue('count', 'required', 'a whole number of live births');
  else if (count === 'invalid') issue('count', 'invalid_number', 'a whole number ≥ 0, e.g. 125');

  const source = parseText(cell('source'), 200);
  if (!source.ok) issue('source', source.code, source.allowed);

  if (issues.length) return { ok: false, issues };
  return {
    ok: true,
    row: {
      row: rowNumber,
      regionCode: code,
      period: (period as { value: string }).value,
      count: count as number,
      source: source.ok ? source.value : null,
      countColumn: col('count')!.header,
    },
  };
}

const MESSAGES: Record<string, Record<Lang, string>> = {
  invalid_period: {
    id: 'Periode tidak terbaca; gunakan {allowed}',
    en: 'Unreadable period; use {allowed}',
  },
  region_not_found: { id: 'Kode wilayah tidak dikenal', en: 'Unknown region code' },
  births_below_deaths: {
    id: 'Lahir hidup lebih sedikit dari kematian bayi yang tercatat ({allowed})',
    en: 'Fewer live births than the recorded infant deaths ({allowed})',
  },
  conflicting_row: {
    id: 'Wilayah dan periode yang sama sudah ada di baris {allowed} dengan angka lain',
    en: 'The same region and period is on row {allowed} with another figure',
  },
};

/** The message of a row problem in a language (import report). */
export function liveBirthIssueMessage(
  issue: Pick<LiveBirthIssue, 'code' | 'allowed'>,
  lang: Lang,
): string {
  const template = MESSAGES[issue.code]?.[lang] ?? ISSUE_MESSAGES[issue.code]?.[lang] ?? issue.code;
  return template.replace(/\{allowed\}/g, issue.allowed ?? '');
}

/** The template: headers and two example rows (made-up numbers). */
export const LIVE_BIRTH_TEMPLATE = {
  headers: ['Kode Wilayah', 'Nama Wilayah', 'Periode', 'Lahir Hidup', 'Sumber'],
  examples: [
    ['5301042003', 'Bokonusan', '2025-01', 4, 'PWS-KIA Puskesmas'],
    ['5302', 'Kabupaten Timor Tengah Selatan', '2024', 9500, 'Profil Kesehatan 2024'],
  ] as (string | number)[][],
};
