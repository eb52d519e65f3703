/**
 * Reading an uploaded register file safely, in two steps. `inspectImportFile` looks at the whole
 * file before anything is written: size, SHA-256, type by magic bytes (XLSX, legacy XLS, text,
 * other binary), text encoding (UTF-8, else Windows-1252/Latin-1), a line of more than 1 MiB (a
 * giant cell), and for an XLSX the ZIP directory and a counted inflate of every entry (a zip bomb
 * is refused, also one whose directory lies about its sizes). `readSourceRows` then streams the
 * rows in batches: CSV through core/import/csv (memory bounded by cell and record caps), XLSX
 * through exceljs' streaming reader (formulas are never evaluated: a cached plain result is used,
 * anything else is reported).
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { PassThrough, Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createInflateRaw } from 'node:zlib';
import ExcelJS from 'exceljs';
import { DomainError } from '../../core/errors.ts';
import { CsvReader, ownString } from '../../core/import/csv.ts';
import {
  DEFAULT_ZIP_LIMITS,
  judgeZipDirectory,
  locateZipDirectory,
  parseZipDirectory,
  sniffFileType,
  type TextEncoding,
  type ZipEntry,
  type ZipLimits,
} from '../../core/import/file-type.ts';
import { MAX_CELL_CHARS, type CellValue } from '../../core/import/values.ts';

export interface ImportLimits {
  /** Largest file accepted (bytes). */
  maxFileBytes: number;
  /** Most data rows read from one file. */
  maxRows: number;
  /** A cell longer than this (characters) rejects its row. */
  maxCellChars: number;
  /** A cell (or CSV line) longer than this (bytes) rejects the whole file before anything is read. */
  maxCellBytes: number;
  zip: ZipLimits;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxFileBytes: 200 * 2 ** 20,
  maxRows: 2_000_000,
  maxCellChars: MAX_CELL_CHARS,
  maxCellBytes: 2 ** 20,
  zip: DEFAULT_ZIP_LIMITS,
};

export interface InspectedFile {
  size: number;
  sha256: string;
  format: 'csv' | 'xlsx';
  encoding: TextEncoding | null;
  /** XLSX: the sheet names in tab order, and the one to read. */
  sheets: string[];
  sheet: string | null;
}

export interface SourceRow {
  /** Row number as a spreadsheet shows it (1 = first line/row of the file). */
  number: number;
  cells: CellValue[];
  /** More cells than a row may have: the rest were dropped. */
  truncated?: boolean;
}

const mib = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;

/** Size and SHA-256 of a file (the import record's identity: the same bytes, the same hash). */
export async function hashFile(path: string): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path, {
    highWaterMark: 2 ** 20,
  }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { size, sha256: hash.digest('hex') };
}

async function readHead(path: string, bytes: number): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function readRange(path: string, start: number, length: number): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, start);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * Everything about a file that can be known before its rows are read; throws a DomainError with
 * a clear message for a file that cannot be imported. Reads the file once or twice; never keeps
 * it in memory.
 */
export async function inspectImportFile(
  path: string,
  options: {
    sheet?: string | null;
    limits?: ImportLimits;
    known?: { size: number; sha256: string };
  } = {},
): Promise<InspectedFile> {
  const limits = options.limits ?? DEFAULT_IMPORT_LIMITS;
  const { size } = await stat(path);
  if (size === 0) throw new DomainError('import_empty', {});
  if (size > limits.maxFileBytes)
    throw new DomainError('import_too_large', { max: mib(limits.maxFileBytes) });
  const head = await readHead(path, 8192);
  const type = sniffFileType(head);
  switch (type) {
    case 'empty':
      throw new DomainError('import_empty', {});
    case 'ole':
      throw new DomainError('import_xls_legacy', {});
    case 'utf16':
      throw new DomainError('import_file_type', { detected: 'UTF-16 text' });
    case 'binary':
      throw new DomainError('import_file_type', { detected: 'binary' });
    case 'zip': {
      const { sheets, sheet } = await inspectXlsx(path, size, limits, options.sheet ?? null);
      const { sha256 } = options.known ?? (await hashFile(path));
      return { size, sha256, format: 'xlsx', encoding: null, sheets, sheet };
    }
    case 'text': {
      const { sha256, encoding } = await inspectText(path, limits);
      return { size, sha256, format: 'csv', encoding, sheets: [], sheet: null };
    }
  }
}

/** One pass over a text file: hash, UTF-8 validity, longest line. */
async function inspectText(
  path: string,
  limits: ImportLimits,
): Promise<{ sha256: string; encoding: TextEncoding }> {
  const hash = createHash('sha256');
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let valid = true;
  let line = 0;
  let lineNumber = 1;
  let meaningful = false;
  for await (const chunk of createReadStream(path, {
    highWaterMark: 2 ** 20,
  }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    if (valid) {
      try {
        utf8.decode(chunk, { stream: true });
      } catch {
        valid = false;
      }
    }
    let from = 0;
    for (let nl = chunk.indexOf(10, from); ; nl = chunk.indexOf(10, from)) {
      const end = nl < 0 ? chunk.length : nl;
      line += end - from;
      if (line > limits.maxCellBytes)
        throw new DomainError('import_cell_too_large', {
          max: mib(limits.maxCellBytes),
          row: lineNumber,
        });
      if (
        !meaningful &&
        /[^\s\uFEFF,;\t"]/.test(chunk.toString('latin1', from, Math.min(end, from + 4096)))
      )
        meaningful = true;
      if (nl < 0) break;
      line = 0;
      lineNumber++;
      from = nl + 1;
    }
  }
  if (valid) {
    try {
      utf8.decode();
    } catch {
      valid = false;
    }
  }
  if (!meaningful) throw new DomainError('import_empty', {});
  if (lineNumber > limits.maxRows + 20)
    throw new DomainError('import_too_many_rows', { max: limits.maxRows.toLocaleString('id-ID') });
  return { sha256: hash.digest('hex'), encoding: valid ? 'utf-8' : 'windows-1252' };
}

function corrupt(reason: string): DomainError {
  return new DomainError('import_corrupt', { format: 'XLSX', reason });
}

/** The ZIP directory, its limits, and a counted inflate of every entry. */
async function inspectXlsx(
  path: string,
  size: number,
  limits: ImportLimits,
  wantedSheet: string | null,
): Promise<{ sheets: string[]; sheet: string }> {
  const tailLength = Math.min(size, 65_536 + 98);
  const location = locateZipDirectory(
    await readRange(path, size - tailLength, tailLength),
    size - tailLength,
  );
  if (!location || location.offset + location.size > size) throw corrupt('no ZIP directory');
  if (location.entries > limits.zip.maxEntries)
    throw new DomainError('import_zip_bomb', { limit: `${limits.zip.maxEntries} entries` });
  const entries = parseZipDirectory(
    await readRange(path, location.offset, location.size),
    location.entries,
  );
  if (!entries) throw corrupt('unreadable ZIP directory');
  const verdict = judgeZipDirectory(entries, limits.zip);
  if (!verdict.ok) {
    if (verdict.reason === 'zip_bomb')
      throw new DomainError('import_zip_bomb', { limit: verdict.detail });
    if (verdict.reason === 'unsupported') throw corrupt(verdict.detail);
    throw new DomainError('import_file_type', { detected: verdict.detail });
  }
  let total = 0;
  let workbookXml = '';
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue;
    const xml =
      entry.name === 'xl/sharedStrings.xml' || /^xl\/worksheets\/[^/]+\.xml$/.test(entry.name);
    const collect = entry.name === 'xl/workbook.xml';
    const inflated = await inflateEntry(path, entry, limits, {
      scanCells: xml,
      onData: collect ? (chunk) => (workbookXml += chunk.toString('utf8')) : undefined,
    });
    total += inflated;
    if (total > limits.zip.maxTotalBytes)
      throw new DomainError('import_zip_bomb', {
        limit: `${mib(limits.zip.maxTotalBytes)} uncompressed`,
      });
  }
  const sheets = [...workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*?\bname="([^"]*)"/g)].map((m) =>
    m[1]!
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&'),
  );
  if (sheets.length === 0) throw corrupt('the workbook lists no sheet');
  const sheet = wantedSheet ?? sheets[0]!;
  if (!sheets.includes(sheet))
    throw new DomainError('import_sheet_not_found', {
      sheet: sheet.slice(0, 60),
      sheets: sheets.map((s) => s.slice(0, 60)).join(', '),
    });
  return { sheets, sheet };
}

/**
 * Inflates one entry without keeping it, counting bytes: more than its declared size (a lying
 * directory) or a text run longer than the cell limit stops the import.
 */
async function inflateEntry(
  path: string,
  entry: ZipEntry,
  limits: ImportLimits,
  options: { scanCells: boolean; onData?: (chunk: Buffer) => void },
): Promise<number> {
  const header = await readRange(path, entry.localHeaderOffset, 30);
  const dv = new DataView(header.buffer, header.byteOffset, header.byteLength);
  if (header.length < 30 || dv.getUint32(0, true) !== 0x04034b50) throw corrupt('bad local header');
  const dataStart = entry.localHeaderOffset + 30 + dv.getUint16(26, true) + dv.getUint16(28, true);
  let count = 0;
  let run = 0;
  let inText = false;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      count += chunk.length;
      if (count > entry.uncompressedSize)
        return done(new DomainError('import_zip_bomb', { limit: 'entry larger than declared' }));
      if (options.scanCells) {
        for (let i = 0; i < chunk.length; i++) {
          const b = chunk[i]!;
          if (b === 0x3c) {
            inText = false;
            run = 0;
          } else if (b === 0x3e) inText = true;
          else if (inText && ++run > limits.maxCellBytes)
            return done(
              new DomainError('import_cell_too_large', { max: mib(limits.maxCellBytes) }),
            );
        }
      }
      options.onData?.(chunk);
      done();
    },
  });
  const raw = createReadStream(path, {
    start: dataStart,
    end: dataStart + Math.max(0, entry.compressedSize) - 1,
    highWaterMark: 2 ** 20,
  });
  try {
    if (entry.compressedSize === 0) raw.destroy();
    else if (entry.method === 0) await pipeline(raw, counter, new PassThrough().resume());
    else await pipeline(raw, createInflateRaw(), counter, new PassThrough().resume());
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw corrupt(`entry ${entry.name.slice(0, 80)} does not inflate`);
  }
  return count;
}

/** Bytes read so far of the file, for the progress bar. */
export type BytesRead = (bytes: number) => void;

/** Streams the data of a file in batches of rows (all rows, header rows included). */
export function readSourceRows(
  path: string,
  file: InspectedFile,
  options: { batchSize: number; limits?: ImportLimits; onBytes?: BytesRead },
): AsyncGenerator<SourceRow[]> {
  return file.format === 'csv'
    ? readCsvRows(path, file.encoding ?? 'utf-8', options)
    : readXlsxRows(path, file.sheet!, options);
}

function countingStream(
  path: string,
  onBytes?: BytesRead,
): { stream: Readable; close: () => void } {
  const source = createReadStream(path, { highWaterMark: 2 ** 20 });
  let bytes = 0;
  const counted = source.pipe(
    new Transform({
      transform(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        onBytes?.(bytes);
        done(null, chunk);
      },
    }),
  );
  return { stream: counted, close: () => source.destroy() };
}

async function* readCsvRows(
  path: string,
  encoding: TextEncoding,
  options: { batchSize: number; limits?: ImportLimits; onBytes?: BytesRead },
): AsyncGenerator<SourceRow[]> {
  const limits = options.limits ?? DEFAULT_IMPORT_LIMITS;
  const decoder = new TextDecoder(encoding);
  const reader = new CsvReader({ maxCellChars: limits.maxCellChars });
  const { stream, close } = countingStream(path, options.onBytes);
  let batch: SourceRow[] = [];
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      for (const record of reader.push(decoder.decode(chunk, { stream: true }))) {
        batch.push({ number: record.number, cells: record.cells, truncated: record.truncated });
        if (batch.length >= options.batchSize) {
          yield batch;
          batch = [];
        }
      }
    }
    for (const record of [...reader.push(decoder.decode()), ...reader.end()])
      batch.push({ number: record.number, cells: record.cells, truncated: record.truncated });
    if (batch.length) yield batch;
  } finally {
    close();
  }
}

/** An exceljs cell value as an import cell: plain values only; formulas never evaluated. */
export function xlsxCell(value: unknown, maxChars: number): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string')
    return value.length > maxChars ? { problem: 'too_long' } : ownString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('formula' in v || 'sharedFormula' in v) {
      // The value the spreadsheet stored when it last computed; a formula is never run here.
      const result = v.result;
      if (
        typeof result === 'string' ||
        typeof result === 'number' ||
        typeof result === 'boolean' ||
        result instanceof Date
      )
        return xlsxCell(result, maxChars);
      if (result && typeof result === 'object' && 'error' in result)
        return { problem: 'error_value' };
      return { problem: 'formula' };
    }
    if ('error' in v) return { problem: 'error_value' };
    if (Array.isArray(v.richText))
      return xlsxCell(
        (v.richText as { text?: unknown }[])
          .map((r) => (typeof r.text === 'string' ? r.text : ''))
          .join(''),
        maxChars,
      );
    if (typeof v.text === 'string') return xlsxCell(v.text, maxChars);
  }
  return { problem: 'error_value' };
}

async function* readXlsxRows(
  path: string,
  sheet: string,
  options: { batchSize: number; limits?: ImportLimits; onBytes?: BytesRead },
): AsyncGenerator<SourceRow[]> {
  const limits = options.limits ?? DEFAULT_IMPORT_LIMITS;
  const { stream, close } = countingStream(path, options.onBytes);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let batch: SourceRow[] = [];
  try {
    for await (const worksheet of reader) {
      const name = (worksheet as unknown as { name?: string }).name;
      if (name !== sheet) continue;
      for await (const row of worksheet as unknown as AsyncIterable<ExcelJS.Row>) {
        const values = row.values as unknown[];
        const cells: CellValue[] = [];
        for (let i = 1; i < values.length && i <= 500; i++)
          cells.push(xlsxCell(values[i], limits.maxCellChars));
        batch.push({ number: row.number, cells, truncated: values.length > 501 });
        if (batch.length >= options.batchSize) {
          yield batch;
          batch = [];
        }
      }
      break;
    }
    if (batch.length) yield batch;
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw corrupt('the sheet could not be read');
  } finally {
    close();
  }
}
