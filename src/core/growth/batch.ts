/**
 * The growth engine's one implementation: WHO 2006 z-scores and flags for columns of measurements
 * (typed arrays in, typed arrays out), with every rule of anthro 1.1.0 `anthro_zscores()` as
 * documented in data/who-growth/README.md. It allocates nothing per row, so a province's history
 * (millions of rows) is recomputed in about a second; the single-measurement API (./zscores.ts)
 * and the CLI are thin wrappers over `growthZScoresBatch`.
 *
 * Encoding of the columns: numbers are Float64Array with NaN = missing; codes are small integers
 * with 0 = missing (sex 1/2, measure 1 = L/2 = H, oedema 1 = yes). z-scores are NaN when missing
 * and their flags are then −1.
 */
import {
  DAYS_PER_MONTH,
  HEIGHT_FROM_AGE_DAYS,
  MAX_AGE_MONTHS,
  STANDING_MIN_AGE_MONTHS,
} from './age.ts';
import { lmsZ, restrictedTailZ } from './lms.ts';
import { roundHalfUp, roundLikeR } from './rounding.ts';
import { measurementErrorNumbers, ROW_ERROR } from './row-errors.ts';
import { LMS_TABLES, type LmsTable } from './tables.ts';

/** `measure` codes: how length/height was measured. */
export const MEASURE_MISSING = 0;
/** Recumbent length (lying; Indonesian PB, panjang badan). */
export const MEASURE_LENGTH = 1;
/** Standing height (Indonesian TB, tinggi badan). */
export const MEASURE_HEIGHT = 2;
/** `sex` code for a missing sex: every z-score is then missing (anthro). */
export const SEX_MISSING = 0;
/** Flag value when the z-score is missing. */
export const FLAG_MISSING = -1;
/** `wflTable` codes: which table weight-for-length/height used. */
export const WFL_TABLE_NONE = 0;
export const WFL_TABLE_LENGTH = 1;
export const WFL_TABLE_HEIGHT = 2;

/**
 * Input columns; all must have the length of `sex`. Absent optional columns count as missing.
 * Units as anthro: kg, cm, skinfolds in mm; age in days (fractions allowed).
 */
export interface GrowthInputColumns {
  /** 1 = male, 2 = female, 0 = missing; anything else is the row error `sex_invalid`. */
  sex: Uint8Array;
  /** Age in days, unrounded; NaN = missing. Negative → `age_negative`. */
  ageDays?: Float64Array;
  weightKg?: Float64Array;
  /** Length or height as measured, cm (the ±0.7 cm correction is applied here). */
  lengthHeightCm?: Float64Array;
  /** MEASURE_LENGTH, MEASURE_HEIGHT or MEASURE_MISSING. */
  measure?: Uint8Array;
  /** 1 = bilateral pitting oedema, 0 = none or not recorded. */
  oedema?: Uint8Array;
  headCircumferenceCm?: Float64Array;
  armCircumferenceCm?: Float64Array;
  tricepsSkinfoldMm?: Float64Array;
  subscapularSkinfoldMm?: Float64Array;
}

/**
 * Output columns, named as anthro's output (README §8). z-scores are rounded like R's
 * `round(z, 2)`; the optional `*Raw` columns hold the same z-scores unrounded.
 */
export interface GrowthOutputColumns {
  /** 0 = ok; else the position in GROWTH_ROW_ERRORS. A row with an error has every output missing. */
  error: Uint8Array;
  /** Cleaned sex, 0 = missing. */
  csex: Uint8Array;
  /** Cleaned measure after the 9-month rule: MEASURE_* code. */
  cmeasure: Uint8Array;
  /** 1 when standing height was recorded below 9 months (position ignored), else 0. */
  c9moFlag: Uint8Array;
  /** Length/height after the ±0.7 cm correction, cm. */
  clenhei: Float64Array;
  /** BMI from weight and clenhei, kg/m². */
  cbmi: Float64Array;
  /** Table used for zwfl: WFL_TABLE_LENGTH, WFL_TABLE_HEIGHT, or WFL_TABLE_NONE (no zwfl). */
  wflTable: Uint8Array;
  zlen: Float64Array;
  flen: Int8Array;
  zwei: Float64Array;
  fwei: Int8Array;
  zwfl: Float64Array;
  fwfl: Int8Array;
  zbmi: Float64Array;
  fbmi: Int8Array;
  zhc: Float64Array;
  fhc: Int8Array;
  zac: Float64Array;
  fac: Int8Array;
  zts: Float64Array;
  fts: Int8Array;
  zss: Float64Array;
  fss: Int8Array;
  zlenRaw?: Float64Array;
  zweiRaw?: Float64Array;
  zwflRaw?: Float64Array;
  zbmiRaw?: Float64Array;
  zhcRaw?: Float64Array;
  zacRaw?: Float64Array;
  ztsRaw?: Float64Array;
  zssRaw?: Float64Array;
}

/** Allocates output columns for `n` rows (with the unrounded z-scores unless `raw` is false). */
export function allocateGrowthOutput(
  n: number,
  options: { raw?: boolean } = {},
): GrowthOutputColumns {
  const f64 = (): Float64Array => new Float64Array(n);
  const i8 = (): Int8Array => new Int8Array(n);
  const out: GrowthOutputColumns = {
    error: new Uint8Array(n),
    csex: new Uint8Array(n),
    cmeasure: new Uint8Array(n),
    c9moFlag: new Uint8Array(n),
    clenhei: f64(),
    cbmi: f64(),
    wflTable: new Uint8Array(n),
    zlen: f64(),
    flen: i8(),
    zwei: f64(),
    fwei: i8(),
    zwfl: f64(),
    fwfl: i8(),
    zbmi: f64(),
    fbmi: i8(),
    zhc: f64(),
    fhc: i8(),
    zac: f64(),
    fac: i8(),
    zts: f64(),
    fts: i8(),
    zss: f64(),
    fss: i8(),
  };
  if (options.raw !== false) {
    out.zlenRaw = f64();
    out.zweiRaw = f64();
    out.zwflRaw = f64();
    out.zbmiRaw = f64();
    out.zhcRaw = f64();
    out.zacRaw = f64();
    out.ztsRaw = f64();
    out.zssRaw = f64();
  }
  return out;
}

const LHFA = LMS_TABLES.lhfa;
const WFA = LMS_TABLES.wfa;
const WFL = LMS_TABLES.wfl;
const WFH = LMS_TABLES.wfh;
const BFA = LMS_TABLES.bfa;
const HCFA = LMS_TABLES.hcfa;
const ACFA = LMS_TABLES.acfa;
const TSFA = LMS_TABLES.tsfa;
const SSFA = LMS_TABLES.ssfa;

/** Without age or measure, anthro picks the table by clenhei: < 87 cm length, else height. */
const WFL_WFH_SWITCH_CM = 87;

/*
 * Weight-for-length and weight-for-height in one array (wfl boys, wfl girls, wfh boys, wfh
 * girls) with per-table constants indexed by the WFL_TABLE_* code, so the kernel picks a table
 * by arithmetic instead of a branch (random ages make such branches mispredict, which costs
 * more than the arithmetic).
 */
const WFLH_LMS = new Float64Array(WFL.lms.length + WFH.lms.length);
WFLH_LMS.set(WFL.lms, 0);
WFLH_LMS.set(WFH.lms, WFL.lms.length);
/** Index 0 unused (WFL_TABLE_NONE); 1 = wfl, 2 = wfh. */
const WFLH_BASE = Int32Array.of(0, 0, WFL.lms.length);
const WFLH_FIRST_KEY = Int32Array.of(0, WFL.firstKey, WFH.firstKey);
const WFLH_COUNT = Int32Array.of(0, WFL.count, WFH.count);
/** Valid clenhei range of each table (README §5: 45–110 cm, 65–120 cm; no clamping). */
const WFLH_MIN_CM = Float64Array.of(NaN, WFL.firstKey / 10, WFH.firstKey / 10);
const WFLH_MAX_CM = Float64Array.of(NaN, WFL.lastKey / 10, WFH.lastKey / 10);

/**
 * The ±0.7 cm correction (README §4) by [age group × 3 + cleaned measure]: age group 0 = rounded
 * age < 731 days (length expected: standing +0.7), 1 = from 731 days (height expected: lying
 * −0.7), 2 = age missing (no correction). x + (−0.7) is the same double as x − 0.7.
 */
const LENHEI_ADJUSTMENT = Float64Array.of(0, 0, 0.7, 0, -0.7, 0, 0, 0, 0);

const WEIGHT_ERR = measurementErrorNumbers('weight_kg');
const LENGTH_ERR = measurementErrorNumbers('lenhei_cm');
const HEAD_ERR = measurementErrorNumbers('headc_cm');
const ARM_ERR = measurementErrorNumbers('armc_cm');
const TRICEPS_ERR = measurementErrorNumbers('triskin_mm');
const SUBSCAPULAR_ERR = measurementErrorNumbers('subskin_mm');

/**
 * Error number for a measurement value that isBadMeasurement: non-positive measurements are
 * rejected (anthro would give NA, or a finite zwfl for weight 0), infinite ones are not numbers.
 */
function measurementError(v: number, err: { invalid: number; notPositive: number }): number {
  return v === Infinity ? err.invalid : err.notPositive;
}

/** True for a value that is neither missing (NaN) nor a positive finite number. */
function isBadMeasurement(v: number): boolean {
  return v <= 0 || v === Infinity;
}

/*
 * The kernel works on chunks of rows in passes: one pass does the checks, cleaning and table
 * keys of every row, then one small loop per indicator computes its z-scores. Small loops let
 * V8 inline the LMS arithmetic and keep doubles unboxed, and the loops read and write
 * module-level scratch columns (copied in and out with TypedArray.set), which V8 compiles to
 * tighter code than arrays passed as arguments. Scratch is allocated once, never per row or call.
 */
const CHUNK = 2048;
/** Rounded age in days for age-based z-scores, −1 when none may be computed for the row. */
const ageKeys = new Int32Array(CHUNK);
/** The same for weight-based z-scores: −1 also with oedema. */
const weightKeys = new Int32Array(CHUNK);
/** Weight-for-length/height table for the row: WFL_TABLE_*, NONE when not computable. */
const wflTables = new Uint8Array(CHUNK);
const sexScratch = new Uint8Array(CHUNK);
const clenheiScratch = new Float64Array(CHUNK);
const weightScratch = new Float64Array(CHUNK);
const yScratch = new Float64Array(CHUNK);
const zScratch = new Float64Array(CHUNK);
const rawScratch = new Float64Array(CHUNK);
const flagScratch = new Int8Array(CHUNK);

/**
 * Stores raw z for scratch row i, rounded like R, and its flag: 1 when the rounded z < low or
 * > high (README §7: strict inequalities on the rounded z), 0 otherwise, FLAG_MISSING when the
 * z-score is missing.
 */
function storeZ(i: number, rawZ: number, low: number, high: number): void {
  rawScratch[i] = rawZ;
  if (rawZ === rawZ) {
    const r = roundLikeR(rawZ);
    zScratch[i] = r;
    flagScratch[i] = r < low || r > high ? 1 : 0;
  } else {
    zScratch[i] = NaN;
    flagScratch[i] = FLAG_MISSING;
  }
}

/** Copies the scratch results of rows [s, s + n) into the output columns. */
function copyOut(
  z: Float64Array,
  flag: Int8Array,
  raw: Float64Array | undefined,
  s: number,
  n: number,
): void {
  const whole = n === CHUNK;
  z.set(whole ? zScratch : zScratch.subarray(0, n), s);
  flag.set(whole ? flagScratch : flagScratch.subarray(0, n), s);
  if (raw !== undefined) raw.set(whole ? rawScratch : rawScratch.subarray(0, n), s);
}

function storeAllMissing(
  z: Float64Array,
  flag: Int8Array,
  raw: Float64Array | undefined,
  s: number,
  e: number,
): void {
  z.fill(NaN, s, e);
  flag.fill(FLAG_MISSING, s, e);
  if (raw !== undefined) raw.fill(NaN, s, e);
}

/**
 * One age-based indicator for rows [s, e) of the chunk: the row of the table for sex and
 * rounded age, plain or restricted LMS (README §5, §6), rounded and flagged. Missing when the
 * key is −1 or outside the table (91 days for arm circumference and skinfolds), or y is not > 0
 * (anthro: "a measure ≤ 0 results in NA"). `values`, `keys` and sexScratch are chunk scratch
 * (index 0 = row s).
 */
function ageBasedPass(
  t: LmsTable,
  restricted: boolean,
  keys: Int32Array,
  values: Float64Array,
  z: Float64Array,
  flag: Int8Array,
  raw: Float64Array | undefined,
  s: number,
  e: number,
  low: number,
  high: number,
): void {
  const n = e - s;
  const lms = t.lms;
  const first = t.firstKey;
  const count = t.count;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    const k = keys[i]! - first;
    let rawZ = NaN;
    if (v > 0 && k >= 0 && k < count) {
      const j = 3 * ((sexScratch[i]! - 1) * count + k);
      const l = lms[j]!;
      const m = lms[j + 1]!;
      const sv = lms[j + 2]!;
      rawZ = lmsZ(v, l, m, sv);
      if (restricted && (rawZ > 3 || rawZ < -3)) rawZ = restrictedTailZ(v, l, m, sv, rawZ);
    }
    storeZ(i, rawZ, low, high);
  }
  copyOut(z, flag, raw, s, n);
}

/** ageBasedPass for a measurement read from an input column (all missing when it is absent). */
function inputColumnPass(
  t: LmsTable,
  restricted: boolean,
  keys: Int32Array,
  column: Float64Array | undefined,
  z: Float64Array,
  flag: Int8Array,
  raw: Float64Array | undefined,
  s: number,
  e: number,
  low: number,
  high: number,
): void {
  if (column === undefined) {
    storeAllMissing(z, flag, raw, s, e);
    return;
  }
  yScratch.set(column.subarray(s, e));
  ageBasedPass(t, restricted, keys, yScratch, z, flag, raw, s, e, low, high);
}

/**
 * Weight-for-length/height for rows [s, e) (README §5): L, M, S interpolated linearly between
 * the two neighbouring 0.1 cm rows in double arithmetic exactly as anthro:
 * low = trunc(10x)/10, up = trunc(10x + 1)/10, f = (x − low)/0.1, X = X(low) + f·(X(up) − X(low))
 * when f > 0, else X(low); restricted LMS; rounded; flag |z| > 5. Written without branches on
 * f (X(low) + 0·(…) is X(low) exactly; the up row index is clamped, it is only read with f = 0
 * at the last row).
 */
function weightForLengthPass(out: GrowthOutputColumns, s: number, e: number): void {
  const n = e - s;
  const lms = WFLH_LMS;
  for (let i = 0; i < n; i++) {
    const table = wflTables[i]!;
    let rawZ = NaN;
    if (table !== WFL_TABLE_NONE) {
      const x = clenheiScratch[i]!;
      const first = WFLH_FIRST_KEY[table]!;
      const count = WFLH_COUNT[table]!;
      const sexBase = WFLH_BASE[table]! + 3 * (sexScratch[i]! - 1) * count;
      const lowKey = Math.trunc(x * 10);
      const upIndex = Math.min(Math.trunc(x * 10 + 1) - first, count - 1);
      const f = Math.max((x - lowKey / 10) / 0.1, 0);
      const jl = sexBase + 3 * (lowKey - first);
      const ju = sexBase + 3 * upIndex;
      const l0 = lms[jl]!;
      const m0 = lms[jl + 1]!;
      const s0 = lms[jl + 2]!;
      const l = l0 + f * (lms[ju]! - l0);
      const m = m0 + f * (lms[ju + 1]! - m0);
      const sv = s0 + f * (lms[ju + 2]! - s0);
      const w = weightScratch[i]!;
      rawZ = lmsZ(w, l, m, sv);
      if (rawZ > 3 || rawZ < -3) rawZ = restrictedTailZ(w, l, m, sv, rawZ);
    }
    storeZ(i, rawZ, -5, 5);
  }
  copyOut(out.zwfl, out.fwfl, out.zwflRaw, s, n);
  for (let i = 0; i < n; i++) {
    out.wflTable[s + i] = zScratch[i]! === zScratch[i]! ? wflTables[i]! : WFL_TABLE_NONE;
  }
}

const ageScratch = new Float64Array(CHUNK);
const lenheiScratch = new Float64Array(CHUNK);
const measureScratch = new Uint8Array(CHUNK);
const oedemaScratch = new Uint8Array(CHUNK);
/** Error number of the first bad head/arm/skinfold value of the row, 0 when none. */
const extraErrorScratch = new Uint8Array(CHUNK);
const errorScratch = new Uint8Array(CHUNK);
const cmeasureScratch = new Uint8Array(CHUNK);
const c9moScratch = new Uint8Array(CHUNK);
const csexScratch = new Uint8Array(CHUNK);
const cbmiScratch = new Float64Array(CHUNK);

/** Copies rows [s, e) of an input column into chunk scratch, or fills it when the column is absent. */
function copyIn<T extends Float64Array | Uint8Array>(
  target: T,
  column: T | undefined,
  missing: number,
  s: number,
  e: number,
): void {
  if (column === undefined) target.fill(missing, 0, e - s);
  else target.set(column.subarray(s, e));
}

/** Marks rows whose value in an optional measurement column is ≤ 0 or infinite. */
function checkExtraColumn(
  column: Float64Array | undefined,
  err: { invalid: number; notPositive: number },
  s: number,
  e: number,
): void {
  if (column === undefined) return;
  for (let i = s; i < e; i++) {
    const v = column[i]!;
    if (isBadMeasurement(v)) extraErrorScratch[i - s] = measurementError(v, err);
  }
}

/**
 * First pass over rows [s, e): input checks (row errors), cleaned sex and measure, the 9-month
 * rule, the ±0.7 cm correction, BMI, and the table keys for the indicator passes. Fills the
 * chunk scratch (sex, clenhei, weight, keys, weight-for-length table) and the c* outputs.
 */
function cleaningPass(
  input: GrowthInputColumns,
  out: GrowthOutputColumns,
  s: number,
  e: number,
): number {
  const n = e - s;
  sexScratch.set(input.sex.subarray(s, e));
  copyIn(ageScratch, input.ageDays, NaN, s, e);
  copyIn(weightScratch, input.weightKg, NaN, s, e);
  copyIn(lenheiScratch, input.lengthHeightCm, NaN, s, e);
  copyIn(measureScratch, input.measure, MEASURE_MISSING, s, e);
  copyIn(oedemaScratch, input.oedema, 0, s, e);
  extraErrorScratch.fill(0);
  // Last column first, so the first bad column of a row is the one reported.
  checkExtraColumn(input.subscapularSkinfoldMm, SUBSCAPULAR_ERR, s, e);
  checkExtraColumn(input.tricepsSkinfoldMm, TRICEPS_ERR, s, e);
  checkExtraColumn(input.armCircumferenceCm, ARM_ERR, s, e);
  checkExtraColumn(input.headCircumferenceCm, HEAD_ERR, s, e);

  let errors = 0;
  for (let c = 0; c < n; c++) {
    const sex = sexScratch[c]!;
    const age = ageScratch[c]!;
    const weight = weightScratch[c]!;
    const lenhei = lenheiScratch[c]!;
    const measure = measureScratch[c]!;
    const oedema = oedemaScratch[c]!;

    // 1. Input checks: an invalid row gets an error and no z-scores (never an exception).
    // One combined test, almost always false, so the common path has no unpredictable branch.
    if (
      sex > 2 ||
      age < 0 ||
      age === Infinity ||
      measure > MEASURE_HEIGHT ||
      oedema > 1 ||
      isBadMeasurement(weight) ||
      isBadMeasurement(lenhei) ||
      extraErrorScratch[c] !== 0
    ) {
      let error: number;
      if (sex > 2) error = ROW_ERROR.sexInvalid;
      else if (age < 0) error = ROW_ERROR.ageNegative;
      else if (age === Infinity) error = ROW_ERROR.ageInvalid;
      else if (measure > MEASURE_HEIGHT) error = ROW_ERROR.measureInvalid;
      else if (oedema > 1) error = ROW_ERROR.oedemaInvalid;
      else if (isBadMeasurement(weight)) error = measurementError(weight, WEIGHT_ERR);
      else if (isBadMeasurement(lenhei)) error = measurementError(lenhei, LENGTH_ERR);
      else error = extraErrorScratch[c]!;
      errors++;
      errorScratch[c] = error;
      csexScratch[c] = SEX_MISSING;
      cmeasureScratch[c] = MEASURE_MISSING;
      c9moScratch[c] = 0;
      clenheiScratch[c] = NaN;
      cbmiScratch[c] = NaN;
      sexScratch[c] = 1;
      weightScratch[c] = NaN;
      ageKeys[c] = -1;
      weightKeys[c] = -1;
      wflTables[c] = WFL_TABLE_NONE;
      continue;
    }

    // 2. Age: rounded half up to whole days for the tables; unrounded months for the limits.
    const ageKnown = age === age;
    const ageKey = ageKnown ? roundHalfUp(age) : -1;
    const ageMonths = age / DAYS_PER_MONTH;
    const sexKnown = sex !== SEX_MISSING;
    // Age-based z-scores need a known sex and age in months < 60 (false for a missing age).
    const ageBasedKey = sexKnown && ageMonths < MAX_AGE_MONTHS ? ageKey : -1;
    ageKeys[c] = ageBasedKey;
    weightKeys[c] = oedema === 1 ? -1 : ageBasedKey;
    // Branch-free from here on where the data decide (random ages would mispredict branches):
    // 1 when the rounded age is below 731 days (ageKey is an integer ≥ −1).
    const under24Months = ageKnown ? (ageKey - HEIGHT_FROM_AGE_DAYS) >>> 31 : 0;

    // 3. Standing height below 9 months: position considered wrong, measure dropped.
    // (measure >> 1 is 1 for MEASURE_HEIGHT only.)
    const c9mo = (measure >> 1) & (ageMonths < STANDING_MIN_AGE_MONTHS ? 1 : 0);
    const cmeasure = measure & ~(c9mo << 1);

    // 4. Length below 731 days, height from 731 days: ±0.7 cm when measured the other way.
    const ageGroup = ageKnown ? 1 - under24Months : 2;
    const clenhei = lenhei + LENHEI_ADJUSTMENT[ageGroup * 3 + cmeasure]!;
    const meters = clenhei / 100;
    errorScratch[c] = 0;
    csexScratch[c] = sex;
    cmeasureScratch[c] = cmeasure;
    c9moScratch[c] = c9mo;
    clenheiScratch[c] = clenhei;
    cbmiScratch[c] = weight / (meters * meters);
    if (!sexKnown) sexScratch[c] = 1; // placeholder: no table is read without a sex

    // 5. Weight-for-length/height: the table follows age (< 731 days length), else the
    // measure, else clenhei < 87 cm; valid only inside the table's length range (no clamping);
    // a missing age does not prevent it, oedema does.
    let table = WFL_TABLE_NONE;
    if (sexKnown && oedema === 0 && (!ageKnown || ageMonths < MAX_AGE_MONTHS) && weight > 0) {
      if (ageKnown) table = WFL_TABLE_HEIGHT - under24Months;
      else if (cmeasure !== MEASURE_MISSING)
        table = cmeasure; // MEASURE_LENGTH/HEIGHT = 1/2
      else table = clenhei >= WFL_WFH_SWITCH_CM ? WFL_TABLE_HEIGHT : WFL_TABLE_LENGTH;
      if (!(clenhei >= WFLH_MIN_CM[table]! && clenhei <= WFLH_MAX_CM[table]!)) {
        table = WFL_TABLE_NONE;
      }
    }
    wflTables[c] = table;
  }
  const whole = n === CHUNK;
  out.error.set(whole ? errorScratch : errorScratch.subarray(0, n), s);
  out.csex.set(whole ? csexScratch : csexScratch.subarray(0, n), s);
  out.cmeasure.set(whole ? cmeasureScratch : cmeasureScratch.subarray(0, n), s);
  out.c9moFlag.set(whole ? c9moScratch : c9moScratch.subarray(0, n), s);
  out.clenhei.set(whole ? clenheiScratch : clenheiScratch.subarray(0, n), s);
  out.cbmi.set(whole ? cbmiScratch : cbmiScratch.subarray(0, n), s);
  return errors;
}

/**
 * Columns shorter than the rows asked for are a programming error (not bad data): thrown at
 * once, before any row is computed.
 */
function checkLengths(
  input: GrowthInputColumns,
  output: GrowthOutputColumns,
  start: number,
  end: number,
): void {
  if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end)) {
    throw new RangeError(`growthZScoresBatch: bad row range [${start}, ${end})`);
  }
  for (const name of INPUT_COLUMN_NAMES) {
    const column = input[name];
    if (column !== undefined && column.length < end) tooShort(name, end);
  }
  for (const name of OUTPUT_COLUMN_NAMES) {
    const column = output[name];
    if (column !== undefined && column.length < end) tooShort(name, end);
  }
}

function tooShort(name: string, end: number): never {
  throw new RangeError(`growthZScoresBatch: column ${name} has fewer than ${end} rows`);
}

const INPUT_COLUMN_NAMES = [
  'sex',
  'ageDays',
  'weightKg',
  'lengthHeightCm',
  'measure',
  'oedema',
  'headCircumferenceCm',
  'armCircumferenceCm',
  'tricepsSkinfoldMm',
  'subscapularSkinfoldMm',
] as const satisfies readonly (keyof GrowthInputColumns)[];

const OUTPUT_COLUMN_NAMES = [
  'error',
  'csex',
  'cmeasure',
  'c9moFlag',
  'clenhei',
  'cbmi',
  'wflTable',
  'zlen',
  'flen',
  'zwei',
  'fwei',
  'zwfl',
  'fwfl',
  'zbmi',
  'fbmi',
  'zhc',
  'fhc',
  'zac',
  'fac',
  'zts',
  'fts',
  'zss',
  'fss',
  'zlenRaw',
  'zweiRaw',
  'zwflRaw',
  'zbmiRaw',
  'zhcRaw',
  'zacRaw',
  'ztsRaw',
  'zssRaw',
] as const satisfies readonly (keyof GrowthOutputColumns)[];

/**
 * Computes z-scores and flags for rows [start, end) of `input` into the same rows of `output`
 * (README §1–§8): age rounded half up to whole days, z only for age < 60 months (unrounded) and
 * ≥ 91 days for arm circumference and skinfolds, standing height below 9 months ignored
 * (`c9mo_flag`), ±0.7 cm length/height correction at 731 days, weight-for-length (< 731 days)
 * or -height with 0.1 cm interpolation, restricted LMS beyond ±3 SD for weight-based indicators,
 * arm circumference and skinfolds, oedema removes weight-based z-scores, rounding like R, flags
 * |zlen| > 6, zwei < −6 or > 5, |z| > 5 otherwise. Rows with invalid input get an error number
 * and no z-scores; the batch never throws for bad data. Returns the number of rows with errors.
 */
export function growthZScoresBatch(
  input: GrowthInputColumns,
  output: GrowthOutputColumns,
  start = 0,
  end = input.sex.length,
): number {
  checkLengths(input, output, start, end);
  const o = output;
  let errors = 0;
  for (let s = start; s < end; s += CHUNK) {
    const e = Math.min(end, s + CHUNK);
    errors += cleaningPass(input, o, s, e);
    ageBasedPass(LHFA, false, ageKeys, clenheiScratch, o.zlen, o.flen, o.zlenRaw, s, e, -6, 6);
    ageBasedPass(WFA, true, weightKeys, weightScratch, o.zwei, o.fwei, o.zweiRaw, s, e, -6, 5);
    ageBasedPass(BFA, true, weightKeys, cbmiScratch, o.zbmi, o.fbmi, o.zbmiRaw, s, e, -5, 5);
    const head = input.headCircumferenceCm;
    inputColumnPass(HCFA, false, ageKeys, head, o.zhc, o.fhc, o.zhcRaw, s, e, -5, 5);
    const arm = input.armCircumferenceCm;
    inputColumnPass(ACFA, true, ageKeys, arm, o.zac, o.fac, o.zacRaw, s, e, -5, 5);
    const triceps = input.tricepsSkinfoldMm;
    inputColumnPass(TSFA, true, ageKeys, triceps, o.zts, o.fts, o.ztsRaw, s, e, -5, 5);
    const subscapular = input.subscapularSkinfoldMm;
    inputColumnPass(SSFA, true, ageKeys, subscapular, o.zss, o.fss, o.zssRaw, s, e, -5, 5);
    weightForLengthPass(o, s, e);
  }
  return errors;
}
