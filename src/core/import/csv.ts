/**
 * A streaming CSV reader (RFC 4180 quoting) that keeps memory bounded whatever the input: text is
 * fed in chunks of any size, records come out as they complete, and a cell longer than the limit
 * stops growing (the record is returned with that cell marked too long) instead of filling memory
 * — a 100 MB cell costs no more than a 1,000-character one. The delimiter (comma, semicolon —
 * what Excel writes in an Indonesian locale — or tab) is detected from the first line.
 */
import { MAX_CELL_CHARS, type CellProblem } from './values.ts';

export type CsvCell = string | CellProblem;

/** Cells beyond this count in one record are dropped (and the record marked). */
export const MAX_CELLS_PER_RECORD = 500;

export interface CsvRecord {
  /** 1-based record number (a spreadsheet's row number when the file is opened in one). */
  number: number;
  cells: CsvCell[];
  /** More cells than MAX_CELLS_PER_RECORD: the rest were dropped. */
  truncated: boolean;
}

const QUOTE = 34;
const CR = 13;
const LF = 10;
const TOO_LONG: CellProblem = Object.freeze({ problem: 'too_long' as const });

/**
 * A copy of a substring that does not keep the text it was cut from alive. V8 represents a
 * substring of 13 or more characters as a view into its parent: one cell kept (a desa code in a
 * cache) would keep a whole megabyte of decoded input in memory.
 */
export function ownString(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/** The delimiter of a header line: the most frequent of , ; tab outside quotes (comma on a tie). */
export function detectDelimiter(firstLine: string): ',' | ';' | '\t' {
  let inQuotes = false;
  const counts = { ',': 0, ';': 0, '\t': 0 };
  for (const c of firstLine) {
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (c === ',' || c === ';' || c === '\t')) counts[c]++;
    else if (!inQuotes && (c === '\n' || c === '\r')) break;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t';
  return ',';
}

export class CsvReader {
  private delimiter: number | null;
  private readonly maxCell: number;
  private head = '';
  private started = false;
  private cells: CsvCell[] = [];
  private parts: string[] = [];
  private length = 0;
  private tooLong = false;
  private fieldStarted = false;
  private inQuotes = false;
  private afterQuote = false;
  private skipLf = false;
  private truncated = false;
  private recordNumber = 0;

  constructor(options: { delimiter?: ',' | ';' | '\t'; maxCellChars?: number } = {}) {
    this.delimiter = options.delimiter ? options.delimiter.charCodeAt(0) : null;
    this.maxCell = options.maxCellChars ?? MAX_CELL_CHARS;
  }

  /** The delimiter in use (known after the first line). */
  get delimiterChar(): string | null {
    return this.delimiter === null ? null : String.fromCharCode(this.delimiter);
  }

  /** Feeds text; returns the records completed by it. */
  push(text: string): CsvRecord[] {
    if (!this.started) {
      // Wait for the first line (or 64 KiB of it) to choose the delimiter.
      this.head += text;
      const newline = this.head.search(/[\r\n]/);
      if (newline < 0 && this.head.length < 65_536) return [];
      return this.begin();
    }
    return this.scan(text);
  }

  /** Ends the input; returns the last record if the text did not end with a line break. */
  end(): CsvRecord[] {
    const out = this.started ? [] : this.begin();
    if (this.fieldStarted || this.cells.length > 0 || this.parts.length > 0 || this.inQuotes)
      this.endRecord(out);
    return out;
  }

  private begin(): CsvRecord[] {
    this.started = true;
    let text = this.head;
    this.head = '';
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (this.delimiter === null)
      this.delimiter = detectDelimiter(text.slice(0, 65_536)).charCodeAt(0);
    return this.scan(text);
  }

  private append(text: string, from: number, to: number): void {
    if (to <= from) return;
    this.fieldStarted = true;
    if (this.tooLong) return;
    const n = to - from;
    if (this.length + n > this.maxCell) {
      this.tooLong = true;
      this.parts = [];
      return;
    }
    this.parts.push(from === 0 && to === text.length ? text : text.slice(from, to));
    this.length += n;
  }

  private appendQuote(): void {
    this.append('"', 0, 1);
  }

  private endField(): void {
    let cell: CsvCell;
    if (this.tooLong) cell = TOO_LONG;
    else if (this.parts.length === 0) cell = '';
    else if (this.parts.length === 1) cell = ownString(this.parts[0]!);
    else cell = this.parts.join('');
    if (this.cells.length < MAX_CELLS_PER_RECORD) this.cells.push(cell);
    else this.truncated = true;
    this.parts = [];
    this.length = 0;
    this.tooLong = false;
    this.fieldStarted = false;
  }

  private endRecord(out: CsvRecord[]): void {
    this.endField();
    this.recordNumber++;
    out.push({ number: this.recordNumber, cells: this.cells, truncated: this.truncated });
    this.cells = [];
    this.truncated = false;
    this.inQuotes = false;
    this.afterQuote = false;
  }

  private scan(text: string): CsvRecord[] {
    const out: CsvRecord[] = [];
    const delimiter = this.delimiter!;
    const n = text.length;
    let i = 0;
    while (i < n) {
      if (this.skipLf) {
        this.skipLf = false;
        if (text.charCodeAt(i) === LF) {
          i++;
          continue;
        }
      }
      if (this.inQuotes) {
        const close = text.indexOf('"', i);
        if (close < 0) {
          this.append(text, i, n);
          return out;
        }
        this.append(text, i, close);
        this.fieldStarted = true;
        this.inQuotes = false;
        this.afterQuote = true;
        i = close + 1;
        continue;
      }
      if (this.afterQuote) {
        this.afterQuote = false;
        if (text.charCodeAt(i) === QUOTE) {
          // A doubled quote inside a quoted cell is one quote.
          this.appendQuote();
          this.inQuotes = true;
          i++;
          continue;
        }
      }
      let j = i;
      let c = 0;
      while (j < n) {
        c = text.charCodeAt(j);
        if (c === delimiter || c === LF || c === CR || c === QUOTE) break;
        j++;
      }
      this.append(text, i, j);
      if (j === n) return out;
      i = j + 1;
      if (c === delimiter) this.endField();
      else if (c === LF) this.endRecord(out);
      else if (c === CR) {
        this.endRecord(out);
        this.skipLf = true;
      } else if (!this.fieldStarted) this.inQuotes = true;
      // A quote inside an unquoted cell is kept as text (lenient, like spreadsheets).
      else this.appendQuote();
    }
    return out;
  }
}
