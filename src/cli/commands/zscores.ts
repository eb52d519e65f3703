/**
 * `tumbuh zscores IN.csv > OUT.csv`: WHO 2006 z-scores and flags for every row of a CSV, exactly
 * as anthro_zscores() (core/growth). Reads the columns of data/who-growth/sample-cases.csv and
 * writes those of sample-expected.csv plus `error`. Streaming in blocks of rows through the batch
 * kernel, so memory stays constant whatever the file size; output is written with backpressure.
 *
 * Input columns (header names, any case): required `sex`, `age_days`, `weight_kg`, `lenhei_cm`;
 * optional `id`, `measure`, `oedema`, `headc_cm`, `armc_cm`, `triskin_mm`, `subskin_mm`; others
 * are ignored. Empty cell = missing. A missing required column stops before any output (exit 2).
 * A row that cannot be read gets empty results and an `error` value `code:field` (codes of
 * core/growth/row-errors.ts) and the run goes on; a summary goes to stderr.
 */
import { once } from 'node:events';
import { open } from 'node:fs/promises';
import {
  allocateGrowthOutput,
  FLAG_MISSING,
  GROWTH_ROW_ERRORS,
  growthRowErrorMessage,
  growthRowErrorNumber,
  growthZScoresBatch,
  MEASURE_HEIGHT,
  MEASURE_LENGTH,
  measureCode,
  oedemaCode,
  parseDecimalIn,
  SEX_MISSING,
  sexCode,
  type GrowthField,
  type GrowthInputColumns,
} from '../../core/growth/index.ts';
import type { CliIo } from '../io.ts';

const USAGE = `Usage: tumbuh zscores [IN.csv | -] > OUT.csv

WHO 2006 z-scores (anthro 1.1.0 rules) for every row of IN.csv (stdin when "-" or absent).
Columns read: sex, age_days, weight_kg, lenhei_cm (required); id, measure, oedema, headc_cm,
armc_cm, triskin_mm, subskin_mm (optional). Columns written: id, clenhei, cmeasure, c9mo_flag,
cbmi, csex, zlen, flen, zwei, fwei, zwfl, fwfl, zbmi, fbmi, zhc, fhc, zac, fac, zts, fts, zss, fss,
zlen_raw … zss_raw, error.
`;

const REQUIRED = ['sex', 'age_days', 'weight_kg', 'lenhei_cm'] as const;

const OUTPUT_HEADER =
  'id,clenhei,cmeasure,c9mo_flag,cbmi,csex,zlen,flen,zwei,fwei,zwfl,fwfl,zbmi,fbmi,zhc,fhc,' +
  'zac,fac,zts,fts,zss,fss,zlen_raw,zwei_raw,zwfl_raw,zbmi_raw,zhc_raw,zac_raw,zts_raw,zss_raw,' +
  'error\n';
/** The 30 empty result columns of a row with an error (everything between id and error). */
const EMPTY_RESULTS = ','.repeat(30);

/** Rows per block through the kernel: enough to amortise, small enough for constant memory. */
const BLOCK = 8192;
const PROGRESS_EVERY = 250_000;

/** What an input column is used for. */
const Role = {
  Ignore: 0,
  Id: 1,
  Sex: 2,
  Age: 3,
  Weight: 4,
  Lenhei: 5,
  Measure: 6,
  Oedema: 7,
  Head: 8,
  Arm: 9,
  Triceps: 10,
  Subscapular: 11,
} as const;
type Role = (typeof Role)[keyof typeof Role];

const ROLE_BY_NAME: Record<string, Role> = {
  id: Role.Id,
  sex: Role.Sex,
  age_days: Role.Age,
  weight_kg: Role.Weight,
  lenhei_cm: Role.Lenhei,
  measure: Role.Measure,
  oedema: Role.Oedema,
  headc_cm: Role.Head,
  armc_cm: Role.Arm,
  triskin_mm: Role.Triceps,
  subskin_mm: Role.Subscapular,
};

const NUMBER_FIELD: Partial<Record<Role, GrowthField>> = {
  [Role.Age]: 'age_days',
  [Role.Weight]: 'weight_kg',
  [Role.Lenhei]: 'lenhei_cm',
  [Role.Head]: 'headc_cm',
  [Role.Arm]: 'armc_cm',
  [Role.Triceps]: 'triskin_mm',
  [Role.Subscapular]: 'subskin_mm',
};

/** Error text written in the `error` column: `code:field`, stable and machine-readable. */
const ERROR_TEXT = GROWTH_ROW_ERRORS.map((e) => (e === null ? '' : `${e.code}:${e.field}`));
const ROW_MALFORMED = growthRowErrorNumber('row_malformed', 'row');

/** Splits one CSV record (RFC 4180: quotes, doubled quotes, commas and newlines inside quotes). */
function splitQuoted(record: string): string[] {
  const fields: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < record.length) {
    const c = record[i]!;
    if (quoted) {
      if (c === '"') {
        if (record[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      fields.push(field);
      field = '';
    } else {
      field += c;
    }
    i++;
  }
  fields.push(field);
  return fields;
}

/** True when the quotes in `text` are balanced (a record may continue on the next line otherwise). */
function quotesBalanced(text: string): boolean {
  let count = 0;
  for (let i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) count++;
  return count % 2 === 0;
}

function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** 15 significant digits without trailing zeros, as R's write.csv (63.89999999999999 → 63.9). */
export function formatNumber(x: number): string {
  if (x === Infinity) return 'Inf';
  if (x === -Infinity) return '-Inf';
  let s = x.toPrecision(15);
  if (s.includes('e')) return String(Number(s));
  if (s.includes('.')) {
    let end = s.length;
    while (s.charCodeAt(end - 1) === 48) end--;
    if (s.charCodeAt(end - 1) === 46) end--;
    s = s.slice(0, end);
  }
  return s === '-0' ? '0' : s;
}

const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);
/** The two ASCII digits of 0…99 (tens, units), for writing numbers two digits at a time. */
const DIGIT_PAIRS = Uint8Array.from(
  { length: 200 },
  (_, i) => 48 + (i % 2 === 0 ? Math.floor(i / 20) : (i >> 1) % 10),
);
/** 10^-5 … 10^16: the decimal exponents num15 handles, as doubles ("1e-5" parses exactly). */
const POW10_FROM_MINUS_5 = Float64Array.from({ length: 22 }, (_, i) => Number(`1e${i - 5}`));
/** Veltkamp split of each power of ten (for the exact product below). */
const SPLIT = 134217729; // 2^27 + 1
const POW10_HI = POW10.map((p) => {
  const c = SPLIT * p;
  return c - (c - p);
});
const POW10_LO = POW10.map((p, k) => p - POW10_HI[k]!);

/**
 * Writes CSV output as bytes into one growing buffer per block: number formatting and string
 * concatenation were most of the CLI's time (and garbage) when done with strings.
 */
export class CsvBytes {
  buf = new Uint8Array(1 << 20);
  pos = 0;
  private readonly digits = new Uint8Array(24);

  reserve(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const bigger = new Uint8Array(Math.max(this.buf.length * 2, this.pos + n));
    bigger.set(this.buf.subarray(0, this.pos));
    this.buf = bigger;
  }

  byte(c: number): void {
    this.buf[this.pos++] = c;
  }

  /** Text: ASCII byte by byte, anything else through UTF-8 encoding. */
  text(s: string): void {
    this.reserve(3 * s.length);
    const start = this.pos;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c > 127) {
        this.pos = start;
        this.pos += Buffer.from(this.buf.buffer, this.buf.byteOffset).write(s, start, 'utf8');
        return;
      }
      this.buf[this.pos++] = c;
    }
  }

  /** A non-negative integer below 2^31. */
  uint(n: number): void {
    let len = 0;
    do {
      this.digits[len++] = 48 + (n % 10);
      n = (n / 10) | 0;
    } while (n > 0);
    while (len > 0) this.buf[this.pos++] = this.digits[--len]!;
  }

  /** A z-score already rounded to 2 decimals (k/100), as R writes it: 0.09, -2.1, 3, -0 → 0. */
  z2(z: number): void {
    const k = Math.round(z * 100);
    let a = k;
    if (k < 0) {
      this.byte(45);
      a = -k;
    }
    if (a >= 2 ** 31) {
      this.pos -= k < 0 ? 1 : 0;
      this.text(formatNumber(z));
      return;
    }
    const whole = (a / 100) | 0;
    const cents = a - whole * 100;
    this.uint(whole);
    if (cents !== 0) {
      this.byte(46);
      this.byte(48 + ((cents / 10) | 0));
      if (cents % 10 !== 0) this.byte(48 + (cents % 10));
    }
  }

  /**
   * `x` to 15 significant digits without trailing zeros, like formatNumber (R's write.csv),
   * computed with integers: the digits are round(|x| × 10^(14−e)), the product taken exactly
   * (Dekker's two-product) so the rounding is the correct one. Rare cases (exact ties, very large
   * or small magnitudes) go through formatNumber.
   */
  num15(x: number): void {
    const a = x < 0 ? -x : x;
    if (!(a >= 1e-4 && a < 1e15)) {
      this.text(formatNumber(x));
      return;
    }
    // Decimal exponent e: 10^e ≤ a < 10^(e+1), against exact powers of ten.
    let e = 0;
    if (a >= 1) {
      while (a >= POW10_FROM_MINUS_5[e + 6]!) e++;
    } else {
      e = -1;
      while (a < POW10_FROM_MINUS_5[e + 5]!) e--;
    }
    const k = 14 - e; // 0…18
    const p = a * POW10[k]!;
    // Exact error of the product a × 10^k (Veltkamp/Dekker).
    const c = SPLIT * a;
    const ah = c - (c - a);
    const al = a - ah;
    const err = ah * POW10_HI[k]! - p + ah * POW10_LO[k]! + al * POW10_HI[k]! + al * POW10_LO[k]!;
    const f = Math.floor(p);
    const rem = p - f + err;
    if (Math.abs(rem - 0.5) < 1e-12) {
      this.text(formatNumber(x));
      return;
    }
    let m = f + Math.floor(rem + 0.5); // rem is in (−0.07, 1.07) and not 0.5: adds 0 or 1
    if (m >= 1e15) {
      // Rounded up to the next power of ten: one more integer digit (beyond 15: the slow path).
      if (e >= 14) {
        this.text(formatNumber(x));
        return;
      }
      m = 1e14;
      e++;
    }
    this.reserve(40);
    const buf = this.buf;
    if (x < 0) buf[this.pos++] = 45;
    let q = this.pos;
    if (e < 0) {
      buf[q++] = 48;
      buf[q++] = 46;
      for (let i = -1; i > e; i--) buf[q++] = 48;
    } else {
      buf[q + e + 1] = 46;
    }
    // The 15 digits, two at a time, straight to their places: digit i goes to q + i, one place
    // further when it comes after the decimal point (i > e ≥ 0): + ((e − i) >>> 31), no branch.
    const ee = e < 0 ? 99 : e;
    const hi = Math.floor(m / 1e7);
    // | 0: int32 arithmetic from here (a double % would be a slow fmod call).
    let lo = (m - hi * 1e7) | 0;
    let h = hi | 0;
    for (let i = 13; i >= 9; i -= 2) {
      const pair = (lo % 100) << 1;
      buf[q + i + ((ee - i) >>> 31)] = DIGIT_PAIRS[pair]!;
      buf[q + i + 1 + ((ee - i - 1) >>> 31)] = DIGIT_PAIRS[pair + 1]!;
      lo = (lo / 100) | 0;
    }
    buf[q + 8 + ((ee - 8) >>> 31)] = 48 + lo;
    for (let i = 6; i >= 0; i -= 2) {
      const pair = (h % 100) << 1;
      buf[q + i + ((ee - i) >>> 31)] = DIGIT_PAIRS[pair]!;
      buf[q + i + 1 + ((ee - i - 1) >>> 31)] = DIGIT_PAIRS[pair + 1]!;
      h = (h / 100) | 0;
    }
    // Drop trailing zeros, and the point when nothing follows it.
    let end = q + 15 + (e >= 0 ? 1 : 0);
    while (buf[end - 1] === 48) end--;
    if (buf[end - 1] === 46) end--;
    this.pos = end;
  }
}

/** Columns for one block, reused for every block. */
function allocateBlock(): Required<GrowthInputColumns> {
  return {
    sex: new Uint8Array(BLOCK),
    ageDays: new Float64Array(BLOCK),
    weightKg: new Float64Array(BLOCK),
    lengthHeightCm: new Float64Array(BLOCK),
    measure: new Uint8Array(BLOCK),
    oedema: new Uint8Array(BLOCK),
    headCircumferenceCm: new Float64Array(BLOCK),
    armCircumferenceCm: new Float64Array(BLOCK),
    tricepsSkinfoldMm: new Float64Array(BLOCK),
    subscapularSkinfoldMm: new Float64Array(BLOCK),
  };
}

async function write(out: NodeJS.WritableStream, chunk: string | Uint8Array): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

/** Thrown inside run() for problems that end the command before any output. */
class UsageError extends Error {}

export async function run(args: string[], io: CliIo): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(USAGE);
    return 0;
  }
  const files = args.filter((a) => a === '-' || !a.startsWith('-'));
  const unknown = args.filter((a) => a !== '-' && a.startsWith('-'));
  if (unknown.length > 0 || files.length > 1) {
    io.stderr.write(
      `zscores: unexpected argument ${[...unknown, ...files.slice(1)].join(' ')}\n\n${USAGE}`,
    );
    return 2;
  }
  const file = files[0];
  let input: NodeJS.ReadableStream;
  let close = async (): Promise<void> => {};
  if (file === undefined || file === '-') {
    input = io.stdin;
  } else {
    try {
      const handle = await open(file, 'r');
      input = handle.createReadStream({ highWaterMark: 1 << 20 });
      close = () => handle.close().catch(() => undefined);
    } catch (error) {
      const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
      io.stderr.write(`zscores: cannot read ${file} (${reason}) / berkas tidak dapat dibaca\n`);
      return 2;
    }
  }
  try {
    return await convert(input, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`zscores: ${error.message}\n`);
      return 2;
    }
    throw error;
  } finally {
    await close();
  }
}

async function convert(input: NodeJS.ReadableStream, io: CliIo): Promise<number> {
  input.setEncoding('utf8');
  const started = Date.now();
  const showProgress = (io.stderr as NodeJS.WriteStream).isTTY === true;

  let roles: Role[] | null = null;
  let idColumn = -1;
  const columns = allocateBlock();
  const output = allocateGrowthOutput(BLOCK);
  const ids: string[] = new Array<string>(BLOCK).fill('');
  /** Errors found while reading a row (before the kernel): error numbers, 0 = none. */
  const readErrors = new Uint8Array(BLOCK);
  let count = 0;
  let rows = 0;
  let errorRows = 0;
  const firstErrors: string[] = [];
  let nextProgress = PROGRESS_EVERY;

  /** Per input column: its role, and for number columns the block column and error number. */
  let numberTargets: (Float64Array | null)[] = [];
  let numberErrors: number[] = [];

  const readHeader = (line: string): void => {
    const names = splitQuoted(line.replace(/^\uFEFF/, '')).map((n) => n.trim().toLowerCase());
    const missing = REQUIRED.filter((r) => !names.includes(r));
    if (missing.length > 0) {
      throw new UsageError(
        `missing required column(s) ${missing.join(', ')} / kolom wajib tidak ada: ${missing.join(', ')}` +
          ` (header: ${names.join(',')})`,
      );
    }
    const columnRoles = names.map((n) => ROLE_BY_NAME[n] ?? Role.Ignore);
    roles = columnRoles;
    idColumn = columnRoles.indexOf(Role.Id);
    const targets: Partial<Record<Role, Float64Array>> = {
      [Role.Age]: columns.ageDays,
      [Role.Weight]: columns.weightKg,
      [Role.Lenhei]: columns.lengthHeightCm,
      [Role.Head]: columns.headCircumferenceCm,
      [Role.Arm]: columns.armCircumferenceCm,
      [Role.Triceps]: columns.tricepsSkinfoldMm,
      [Role.Subscapular]: columns.subscapularSkinfoldMm,
    };
    numberTargets = columnRoles.map((role) => targets[role] ?? null);
    numberErrors = columnRoles.map((role) => {
      const field = NUMBER_FIELD[role];
      return field === undefined ? 0 : growthRowErrorNumber('number_invalid', field);
    });
  };

  /** Stores column `col` of row `r` from text[start, end). Returns an error number or 0. */
  const store = (r: number, col: number, text: string, start: number, end: number): number => {
    const target = numberTargets[col];
    if (target !== null && target !== undefined) {
      const value = parseDecimalIn(text, start, end);
      if (value === null) {
        target[r] = NaN;
        return numberErrors[col]!;
      }
      target[r] = value;
      return 0;
    }
    switch (roles![col]) {
      case Role.Id:
        ids[r] = text.slice(start, end);
        return 0;
      case Role.Sex: {
        // Most files write one character: 1/2/L/P/M/F.
        const c = end - start === 1 ? text.charCodeAt(start) : 0;
        columns.sex[r] =
          c === 49 || c === 76 || c === 77 || c === 108 || c === 109 // 1 L M l m
            ? 1
            : c === 50 || c === 80 || c === 70 || c === 112 || c === 102 // 2 P F p f
              ? 2
              : sexCode(text.slice(start, end));
        return 0;
      }
      case Role.Measure: {
        const c = end - start === 1 ? text.charCodeAt(start) : 0;
        columns.measure[r] =
          c === 76 || c === 108 // L l
            ? MEASURE_LENGTH
            : c === 72 || c === 104 // H h
              ? MEASURE_HEIGHT
              : measureCode(text.slice(start, end));
        return 0;
      }
      case Role.Oedema: {
        const c = end - start === 1 ? text.charCodeAt(start) : 0;
        columns.oedema[r] =
          c === 110 || c === 78 // n N
            ? 0
            : c === 121 || c === 89 // y Y
              ? 1
              : oedemaCode(text.slice(start, end));
        return 0;
      }
      default:
        return 0;
    }
  };

  const resetRow = (r: number): void => {
    columns.sex[r] = SEX_MISSING;
    columns.ageDays[r] = NaN;
    columns.weightKg[r] = NaN;
    columns.lengthHeightCm[r] = NaN;
    columns.measure[r] = 0;
    columns.oedema[r] = 0;
    columns.headCircumferenceCm[r] = NaN;
    columns.armCircumferenceCm[r] = NaN;
    columns.tricepsSkinfoldMm[r] = NaN;
    columns.subscapularSkinfoldMm[r] = NaN;
    ids[r] = '';
    readErrors[r] = 0;
  };

  /**
   * Reads one data record into row `count`: text[start, end) without quotes (the fast path,
   * no substrings), or a whole record string with quotes.
   */
  const readRecord = (text: string, start: number, end: number, quoted: boolean): void => {
    const r = count;
    const columnCount = roles!.length;
    resetRow(r);
    let error = 0;
    let fieldCount = 0;
    if (!quoted) {
      let from = start;
      for (;;) {
        let comma = text.indexOf(',', from);
        if (comma < 0 || comma > end) comma = end;
        if (fieldCount < columnCount) {
          const e = store(r, fieldCount, text, from, comma);
          if (error === 0) error = e;
        }
        fieldCount++;
        if (comma === end) break;
        from = comma + 1;
      }
    } else {
      const fields = splitQuoted(text.slice(start, end));
      fieldCount = fields.length;
      fields.forEach((f, i) => {
        if (i < columnCount) {
          const e = store(r, i, f, 0, f.length);
          if (error === 0) error = e;
        }
      });
    }
    if (fieldCount !== columnCount) error = ROW_MALFORMED;
    if (idColumn < 0) ids[r] = String(rows + 1);
    readErrors[r] = error;
    count++;
    rows++;
  };

  const bytes = new CsvBytes();
  const zCells = (z: number, flag: number): void => {
    bytes.byte(44);
    if (z === z && flag !== FLAG_MISSING) {
      bytes.z2(z);
      bytes.byte(44);
      bytes.byte(48 + flag);
    } else {
      bytes.byte(44);
    }
  };
  const rawCell = (z: number): void => {
    bytes.byte(44);
    if (z === z) bytes.num15(z);
  };

  const flush = async (): Promise<void> => {
    if (count === 0) return;
    growthZScoresBatch(columns, output, 0, count);
    const o = output;
    bytes.pos = 0;
    for (let r = 0; r < count; r++) {
      bytes.reserve(600);
      const error = readErrors[r] || o.error[r]!;
      bytes.text(csvCell(ids[r]!));
      if (error !== 0) {
        errorRows++;
        if (firstErrors.length < 5) {
          const e = GROWTH_ROW_ERRORS[error]!;
          firstErrors.push(
            `  row ${rows - count + r + 1}: ${ERROR_TEXT[error]} — ${growthRowErrorMessage(e, 'en')} / ${growthRowErrorMessage(e, 'id')}`,
          );
        }
        bytes.text(EMPTY_RESULTS);
        bytes.text(ERROR_TEXT[error]!);
        bytes.byte(10);
        continue;
      }
      const clenhei = o.clenhei[r]!;
      const cbmi = o.cbmi[r]!;
      const m = o.cmeasure[r]!;
      const sex = o.csex[r]!;
      bytes.byte(44);
      if (clenhei === clenhei) bytes.num15(clenhei);
      bytes.byte(44);
      if (m === MEASURE_LENGTH) bytes.byte(108);
      else if (m === MEASURE_HEIGHT) bytes.byte(104);
      bytes.byte(44);
      bytes.byte(48 + o.c9moFlag[r]!);
      bytes.byte(44);
      if (cbmi === cbmi) bytes.num15(cbmi);
      bytes.byte(44);
      if (sex !== SEX_MISSING) bytes.byte(48 + sex);
      zCells(o.zlen[r]!, o.flen[r]!);
      zCells(o.zwei[r]!, o.fwei[r]!);
      zCells(o.zwfl[r]!, o.fwfl[r]!);
      zCells(o.zbmi[r]!, o.fbmi[r]!);
      zCells(o.zhc[r]!, o.fhc[r]!);
      zCells(o.zac[r]!, o.fac[r]!);
      zCells(o.zts[r]!, o.fts[r]!);
      zCells(o.zss[r]!, o.fss[r]!);
      rawCell(o.zlenRaw![r]!);
      rawCell(o.zweiRaw![r]!);
      rawCell(o.zwflRaw![r]!);
      rawCell(o.zbmiRaw![r]!);
      rawCell(o.zhcRaw![r]!);
      rawCell(o.zacRaw![r]!);
      rawCell(o.ztsRaw![r]!);
      rawCell(o.zssRaw![r]!);
      bytes.byte(44);
      bytes.byte(10);
    }
    count = 0;
    // A copy: the stream may hold on to it until written, and `bytes` is reused.
    await write(io.stdout, Buffer.from(bytes.buf.subarray(0, bytes.pos)));
    if (rows >= nextProgress) {
      nextProgress += PROGRESS_EVERY;
      const line = `zscores: ${rows.toLocaleString('en')} rows…`;
      io.stderr.write(showProgress ? `\r${line}` : `${line}\n`);
    }
  };

  let pending = '';
  /** A record whose quotes are still open at the end of a line: it continues on the next one. */
  let openRecord: string | null = null;
  /**
   * Handles the line text[start, end) (without its newline). Returns true when the block is full
   * and must be flushed before the next line.
   */
  const handleLine = (text: string, start: number, end: number, quoted: boolean): boolean => {
    if (end > start && text.charCodeAt(end - 1) === 13) end--; // CRLF
    if (openRecord !== null) {
      openRecord += `\n${text.slice(start, end)}`;
      if (!quotesBalanced(openRecord)) return false;
      text = openRecord;
      start = 0;
      end = text.length;
      openRecord = null;
      quoted = true;
    } else if (quoted && !quotesBalanced(text.slice(start, end))) {
      openRecord = text.slice(start, end);
      return false;
    }
    if (roles === null) {
      readHeader(text.slice(start, end));
      io.stdout.write(OUTPUT_HEADER);
      return false;
    }
    if (end === start) return false; // blank lines (e.g. at the end) are not rows
    readRecord(text, start, end, quoted);
    return count === BLOCK;
  };

  for await (const chunk of input) {
    const text = pending + (chunk as string);
    let start = 0;
    // Position of the next quote character (searched once, not per line: most files have none).
    let quote = text.indexOf('"');
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      if (quote >= 0 && quote < start) quote = text.indexOf('"', start);
      if (handleLine(text, start, nl, quote >= 0 && quote < nl)) await flush();
      start = nl + 1;
    }
    pending = text.slice(start);
  }
  if (pending !== '' && handleLine(pending, 0, pending.length, pending.includes('"'))) {
    await flush();
  }
  if (openRecord !== null) {
    // Unterminated quote at the end of the file: the record cannot be read.
    if (roles === null) throw new UsageError('the header has an unterminated quote');
    resetRow(count);
    ids[count] = String(rows + 1);
    readErrors[count] = ROW_MALFORMED;
    count++;
    rows++;
  }
  if (roles === null) throw new UsageError('empty input: no header line / berkas kosong');
  await flush();

  if (showProgress && rows >= PROGRESS_EVERY) io.stderr.write('\n');
  if (errorRows > 0 || rows >= PROGRESS_EVERY) {
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    io.stderr.write(
      `zscores: ${rows} rows, ${errorRows} with errors (see the error column), ${seconds} s\n` +
        (firstErrors.length > 0 ? `${firstErrors.join('\n')}\n` : ''),
    );
  }
  return 0;
}
