/**
 * Importing indicator values from a CSV or XLSX file into the store. The file goes through the
 * registry import's guards first (services/import/source.ts: size, type by magic bytes, text
 * encoding, zip bombs, giant cells; formulas never evaluated), then each row is read into a
 * value and written like a user's entry: good rows kept, each bad row reported with its row,
 * column and reason, the same file twice changes nothing.
 *
 * Columns (header names in Indonesian or English, any case): indicator/indikator,
 * region_code/kode_wilayah, period/periode (or year/tahun), source/sumber, value/nilai, and
 * optional numerator/pembilang, denominator/penyebut, note/catatan, source_key/rujukan, unit.
 * Percent values are written as percentages (15.7), as published tables print them, unless the
 * unit column says `proportion`. A file in the format of data/indicators (indicator names such
 * as stunting_prevalence_ssgi, the citation in `source`) is read as the start-up loader reads it.
 */
import {
  publishedValue,
  type PublishedRow,
  type StoreUnit,
} from '../../core/indicators/catalogue.ts';
import { DomainError } from '../../core/errors.ts';
import { isCellProblem, type CellValue } from '../../core/import/values.ts';
import type { ServiceContext } from '../context.ts';
import {
  DEFAULT_IMPORT_LIMITS,
  inspectImportFile,
  readSourceRows,
  type ImportLimits,
} from '../import/source.ts';
import {
  catalogueByCode,
  writeIndicatorValues,
  type SubmittedValue,
  type ValueIssue,
  type ValuesWriteResult,
} from './indicator-store.ts';

/** Limits of an indicator-value file (much smaller than a register). */
export const VALUE_IMPORT_LIMITS: ImportLimits = {
  ...DEFAULT_IMPORT_LIMITS,
  maxFileBytes: 20 * 2 ** 20,
  maxRows: 100_000,
};

type Field =
  | 'indicator'
  | 'regionCode'
  | 'period'
  | 'year'
  | 'source'
  | 'value'
  | 'numerator'
  | 'denominator'
  | 'note'
  | 'sourceKey'
  | 'unit';

const headers: Record<Field, readonly string[]> = {
  indicator: ['indicator', 'indikator', 'kode_indikator', 'indicator_code'],
  regionCode: ['region_code', 'kode_wilayah', 'kode', 'wilayah', 'region'],
  period: ['period', 'periode'],
  year: ['year', 'tahun'],
  source: ['source', 'sumber'],
  value: ['value', 'nilai'],
  numerator: ['numerator', 'pembilang'],
  denominator: ['denominator', 'penyebut'],
  note: ['note', 'catatan', 'keterangan'],
  sourceKey: ['source_key', 'rujukan', 'kode_sumber', 'sitasi'],
  unit: ['unit', 'satuan'],
};

const headerKey = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');

/** Which column holds which field; header cells that are not text are ignored. */
function mapHeader(cells: readonly CellValue[]): Partial<Record<Field, number>> {
  const map: Partial<Record<Field, number>> = {};
  cells.forEach((cell, i) => {
    if (typeof cell !== 'string') return;
    const key = headerKey(cell);
    for (const field of Object.keys(headers) as Field[])
      if (headers[field].includes(key) && map[field] === undefined) map[field] = i;
  });
  return map;
}

function text(cell: CellValue | undefined): string {
  if (cell === null || cell === undefined || isCellProblem(cell)) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

/** A number from a cell: numbers as they are, text with a decimal comma or point. */
function number(cell: CellValue | undefined): number | null {
  if (typeof cell === 'number') return cell;
  const t = text(cell).replace(/\s/g, '');
  if (t === '') return null;
  const normalised = /^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)
    ? t.replace(/\./g, '').replace(',', '.') // 1.234,5
    : t.replace(',', '.');
  const n = Number(normalised);
  return Number.isFinite(n) ? n : NaN;
}

const rowIssue = (
  row: number,
  column: string | null,
  code: string,
  id: string,
  en: string,
): ValueIssue => ({
  row,
  column,
  code,
  message: { id, en },
});

/** The result of an import: what was written and every problem by row. */
export interface ValuesImportResult extends ValuesWriteResult {
  rows: number;
  format: 'csv' | 'xlsx';
}

/**
 * Imports the values of a file (already saved at `path`) for the caller. Refuses an unreadable
 * or unsafe file before writing anything (DomainError); writes good rows in chunks of 1,000.
 */
export async function importIndicatorValues(
  ctx: ServiceContext,
  path: string,
  options: { sheet?: string | null; limits?: ImportLimits } = {},
): Promise<ValuesImportResult> {
  if (!ctx.actor) throw new DomainError('unauthenticated');
  const limits = options.limits ?? VALUE_IMPORT_LIMITS;
  const file = await inspectImportFile(path, { sheet: options.sheet ?? null, limits });
  const catalogue = await catalogueByCode(ctx.db);
  const result: ValuesImportResult = {
    rows: 0,
    format: file.format,
    created: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    issues: [],
  };
  let columns: Partial<Record<Field, number>> | null = null;
  let headerTexts: string[] = [];
  let pending: SubmittedValue[] = [];
  // the write names fields (regionCode); the report names the file's own column headers
  const columnOf = (field: string | null) => {
    const index = field === null ? undefined : columns?.[field as Field];
    return index === undefined ? field : (headerTexts[index] ?? field);
  };
  const flush = async () => {
    if (pending.length === 0) return;
    const written = await writeIndicatorValues(ctx, pending, { origin: 'import' });
    result.created += written.created;
    result.updated += written.updated;
    result.unchanged += written.unchanged;
    result.rejected += written.rejected;
    result.issues.push(...written.issues.map((i) => ({ ...i, column: columnOf(i.column) })));
    pending = [];
  };
  for await (const batch of readSourceRows(path, file, { batchSize: 1000, limits })) {
    for (const source of batch) {
      const cells = source.cells;
      if (cells.every((c) => text(c) === '')) continue;
      if (!columns) {
        columns = mapHeader(cells);
        headerTexts = cells.map((c) => text(c).slice(0, 60));
        const missing = (['indicator', 'regionCode', 'source', 'value'] as const).filter(
          (f) => columns![f] === undefined,
        );
        if (columns.period === undefined && columns.year === undefined)
          missing.push('period' as never);
        if (missing.length)
          throw new DomainError('import_missing_columns', {
            missing: missing.map((f) => headers[f][0]).join(', '),
            found: cells.map(text).filter(Boolean).slice(0, 20).join(', '),
          });
        continue;
      }
      result.rows++;
      if (result.rows > limits.maxRows)
        throw new DomainError('import_too_many_rows', {
          max: limits.maxRows.toLocaleString('id-ID'),
        });
      const read = readRow(source.number, cells, columns, catalogue);
      if ('issue' in read) {
        result.rejected++;
        result.issues.push({ ...read.issue, column: columnOf(read.issue.column) });
      } else pending.push(read);
      if (pending.length >= 1000) await flush();
    }
  }
  if (!columns) throw new DomainError('import_empty', {});
  await flush();
  result.issues.sort((a, b) => a.row - b.row);
  return result;
}

function readRow(
  row: number,
  cells: readonly CellValue[],
  columns: Partial<Record<Field, number>>,
  catalogue: Map<string, { unit: StoreUnit }>,
): SubmittedValue | { issue: ValueIssue } {
  const cell = (f: Field) => {
    const index = columns[f];
    return index === undefined ? undefined : cells[index];
  };
  const problem = cells.find((c) => isCellProblem(c));
  if (problem)
    return {
      issue: rowIssue(
        row,
        null,
        'unreadable_cell',
        'sel tidak terbaca (rumus, galat atau terlalu panjang)',
        'unreadable cell (formula, error value or too long)',
      ),
    };
  const indicator = text(cell('indicator'));
  const regionCode = text(cell('regionCode')).replace(/\./g, '');
  const year = text(cell('year'));
  const period = text(cell('period')) || year;
  const value = number(cell('value'));
  if (value === null || Number.isNaN(value))
    return {
      issue: rowIssue(row, 'value', 'invalid_value', 'nilai: sebuah angka', 'value: a number'),
    };
  const unit = text(cell('unit')).toLowerCase();
  const entry = catalogue.get(indicator);
  if (!entry) {
    // A row in the format of data/indicators (stunting_prevalence_ssgi, the citation as source).
    const published = publishedValue({
      region_code: regionCode,
      indicator,
      year: period,
      value: String(value),
      unit,
      source: text(cell('source')),
    } satisfies PublishedRow);
    if ('problem' in published)
      return {
        issue: rowIssue(
          row,
          'indicator',
          'unknown_indicator',
          `indikator ${indicator.slice(0, 60) || '(kosong)'} tidak ada di katalog (GET /api/indicator-catalogue)`,
          `indicator ${indicator.slice(0, 60) || '(empty)'} is not in the catalogue (GET /api/indicator-catalogue)`,
        ),
      };
    return { ...published, row };
  }
  const numerator = number(cell('numerator'));
  const denominator = number(cell('denominator'));
  if (Number.isNaN(numerator) || Number.isNaN(denominator))
    return {
      issue: rowIssue(
        row,
        Number.isNaN(numerator) ? 'numerator' : 'denominator',
        'invalid_value',
        'sebuah angka',
        'a number',
      ),
    };
  const asProportion = entry.unit === 'percent' && unit !== 'proportion' && unit !== 'proporsi';
  return {
    row,
    indicator,
    regionCode,
    period,
    source: text(cell('source')),
    value: asProportion ? Number((value / 100).toPrecision(12)) : value,
    numerator,
    denominator,
    note: text(cell('note')).slice(0, 500) || null,
    sourceKey: text(cell('sourceKey')).slice(0, 120) || null,
  };
}
