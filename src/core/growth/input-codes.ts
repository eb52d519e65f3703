/**
 * Converting what people and files write for sex, measurement position, oedema and numbers into
 * the codes of the batch columns (./batch.ts). Indonesian forms write L/P (laki-laki/perempuan)
 * and PB/TB (panjang/tinggi badan); anthro writes 1/2 or M/F and L/H. All are accepted, any case,
 * surrounding spaces ignored. The value 255 marks an unreadable code: the batch turns it into a
 * row error instead of guessing.
 */
import { MEASURE_HEIGHT, MEASURE_LENGTH, MEASURE_MISSING, SEX_MISSING } from './batch.ts';

/** Code for a value that could not be read (sex, measure, oedema): becomes a row error. */
export const CODE_INVALID = 255;

export type SexInput = string | number | null | undefined;
export type MeasureInput = string | null | undefined;
export type OedemaInput = string | number | boolean | null | undefined;

const SEX_CODES: Record<string, number> = {
  '1': 1,
  m: 1,
  l: 1,
  male: 1,
  'laki-laki': 1,
  '2': 2,
  f: 2,
  p: 2,
  female: 2,
  perempuan: 2,
};

/**
 * Sex code for the batch: 1 male (1, M, L = laki-laki), 2 female (2, F, P = perempuan), 0 when
 * missing (null, empty), CODE_INVALID otherwise. anthro accepts 1/2 and m/f (README §1).
 */
export function sexCode(value: SexInput): number {
  if (value === null || value === undefined) return SEX_MISSING;
  if (typeof value === 'number') {
    if (value !== value) return SEX_MISSING;
    return value === 1 || value === 2 ? value : CODE_INVALID;
  }
  const t = value.trim().toLowerCase();
  if (t === '') return SEX_MISSING;
  return SEX_CODES[t] ?? CODE_INVALID;
}

/**
 * Measure code: L/l or PB = recumbent length (MEASURE_LENGTH), H/h or TB = standing height
 * (MEASURE_HEIGHT), empty/null = missing, CODE_INVALID otherwise.
 */
export function measureCode(value: MeasureInput): number {
  if (value === null || value === undefined) return MEASURE_MISSING;
  const t = value.trim().toLowerCase();
  if (t === '') return MEASURE_MISSING;
  if (t === 'l' || t === 'pb') return MEASURE_LENGTH;
  if (t === 'h' || t === 'tb') return MEASURE_HEIGHT;
  return CODE_INVALID;
}

/**
 * Oedema code: 1 for y/Y/1/ya/true, 0 for n/N/2/tidak/false and missing (anthro treats missing
 * as no oedema), CODE_INVALID otherwise.
 */
export function oedemaCode(value: OedemaInput): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number') {
    if (value !== value) return 0;
    return value === 1 ? 1 : value === 2 ? 0 : CODE_INVALID;
  }
  const t = value.trim().toLowerCase();
  if (t === '' || t === 'n' || t === '2' || t === 'tidak' || t === 'no') return 0;
  if (t === 'y' || t === '1' || t === 'ya' || t === 'yes') return 1;
  return CODE_INVALID;
}

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
const DECIMAL_WITH_EXPONENT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Reads a decimal number written with a point ("80.4", "-3", ".5", "1e3"): NaN for an empty
 * (or all-space) text = missing, null when the text is not a number ("abc", "80,4", "0x10",
 * "Infinity"). The result is exactly `Number(text)` for every accepted text.
 */
export function parseDecimal(text: string): number | null {
  return parseDecimalIn(text, 0, text.length);
}

/**
 * parseDecimal of text.slice(start, end), without making the slice: the CLI reads millions of
 * fields straight out of each line. Short decimals take a fast path (integer ÷ power of ten,
 * which is correctly rounded exactly like Number); others are validated and given to Number.
 */
export function parseDecimalIn(text: string, start: number, end: number): number | null {
  while (start < end && text.charCodeAt(start) === 32) start++;
  while (end > start && text.charCodeAt(end - 1) === 32) end--;
  if (start === end) return NaN;
  let i = start;
  let negative = false;
  const first = text.charCodeAt(i);
  if (first === 45 /* - */ || first === 43 /* + */) {
    negative = first === 45;
    i++;
  }
  let mantissa = 0;
  let digits = 0;
  let fraction = -1;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      if (fraction >= 0) fraction++;
    } else if (c === 46 /* . */ && fraction < 0) {
      fraction = 0;
    } else {
      break;
    }
  }
  if (i === end && digits > 0 && digits <= 15) {
    const value = fraction > 0 ? mantissa / POW10[fraction]! : mantissa;
    return negative ? -value : value;
  }
  // Exponents, long numbers, other spaces: validate strictly, then let Number convert.
  const t = text.slice(start, end).trim();
  if (t === '') return NaN;
  return DECIMAL_WITH_EXPONENT.test(t) ? Number(t) : null;
}
