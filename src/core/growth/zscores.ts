/**
 * The single-measurement API: what the registry calls when a kader saves a weighing, and what
 * the offline kader screen runs in the browser. A thin wrapper over the batch kernel (one-row
 * columns reused between calls), so one child and ten million rows get the same answer
 * (house rule 7; zscores.test.ts checks both against anthro's 200 reference cases).
 */
import {
  allocateGrowthOutput,
  growthZScoresBatch,
  MEASURE_HEIGHT,
  MEASURE_LENGTH,
  SEX_MISSING,
  WFL_TABLE_HEIGHT,
  WFL_TABLE_LENGTH,
  type GrowthInputColumns,
} from './batch.ts';
import {
  measureCode,
  oedemaCode,
  sexCode,
  type MeasureInput,
  type OedemaInput,
  type SexInput,
} from './input-codes.ts';
import { GROWTH_ROW_ERRORS, type GrowthRowError } from './row-errors.ts';
import type { Sex } from './tables.ts';

/** One child's measurement. Missing values: null, undefined or NaN. Units as anthro. */
export interface Measurement {
  /** 1/2, "L"/"P" (laki-laki/perempuan), "M"/"F", any case. */
  sex: SexInput;
  /** Age in days at measurement (unrounded; see ageDaysBetween). */
  ageDays?: number | null;
  weightKg?: number | null;
  /** Length or height as measured, cm. */
  lengthHeightCm?: number | null;
  /** "L"/"PB" lying (recumbent length), "H"/"TB" standing (height). */
  measure?: MeasureInput;
  /** Bilateral pitting oedema: true / "y" / 1. */
  oedema?: OedemaInput;
  headCircumferenceCm?: number | null;
  armCircumferenceCm?: number | null;
  tricepsSkinfoldMm?: number | null;
  subscapularSkinfoldMm?: number | null;
}

/** A z-score as anthro returns it, with the unrounded value and the implausibility flag. */
export interface ZScore {
  /** Rounded to 2 decimals exactly like R's round(z, 2). Classify and display this one. */
  z: number;
  /** The same z-score before rounding. */
  unrounded: number;
  /** anthro's flag: biologically implausible (|zlen| > 6, zwei < −6 or > 5, |z| > 5 otherwise). */
  implausible: boolean;
}

/** The eight z-scores of GrowthZScores (anthro's zlen, zwei, zwfl, zbmi, zhc, zac, zts, zss). */
export type ZScoreKey =
  | 'heightForAge'
  | 'weightForAge'
  | 'weightForLengthHeight'
  | 'bmiForAge'
  | 'headCircumferenceForAge'
  | 'armCircumferenceForAge'
  | 'tricepsSkinfoldForAge'
  | 'subscapularSkinfoldForAge';

/** Everything anthro_zscores() returns for one row, plus the input error if there is one. */
export interface GrowthZScores {
  /** Why the row was rejected (then every other field is null/false); null when fine. */
  error: GrowthRowError | null;
  sex: Sex | null;
  /** Measure after cleaning: null when missing or when standing height below 9 months. */
  measure: 'l' | 'h' | null;
  /** Standing height below 9 months: the position was ignored (anthro `c9mo_flag`). */
  standingUnder9Months: boolean;
  /** Bilateral pitting oedema recorded: weight-based z-scores are then missing by rule. */
  oedema: boolean;
  /** Length/height after the ±0.7 cm correction (`clenhei`), cm. */
  lengthHeightCm: number | null;
  /** BMI from weight and corrected length/height (`cbmi`), kg/m². */
  bmi: number | null;
  /** Table used for weightForLengthHeight: 'wfl' (BB/PB) or 'wfh' (BB/TB). */
  weightForLengthHeightTable: 'wfl' | 'wfh' | null;
  /** PB/U–TB/U, `zlen`. */
  heightForAge: ZScore | null;
  /** BB/U, `zwei`. */
  weightForAge: ZScore | null;
  /** BB/PB–BB/TB, `zwfl`. */
  weightForLengthHeight: ZScore | null;
  /** IMT/U, `zbmi`. */
  bmiForAge: ZScore | null;
  /** LK/U, `zhc`. */
  headCircumferenceForAge: ZScore | null;
  /** LiLA/U, `zac`. */
  armCircumferenceForAge: ZScore | null;
  tricepsSkinfoldForAge: ZScore | null;
  subscapularSkinfoldForAge: ZScore | null;
}

// One-row columns, reused: the kernel is synchronous, so calls cannot interleave.
const input = {
  sex: new Uint8Array(1),
  ageDays: new Float64Array(1),
  weightKg: new Float64Array(1),
  lengthHeightCm: new Float64Array(1),
  measure: new Uint8Array(1),
  oedema: new Uint8Array(1),
  headCircumferenceCm: new Float64Array(1),
  armCircumferenceCm: new Float64Array(1),
  tricepsSkinfoldMm: new Float64Array(1),
  subscapularSkinfoldMm: new Float64Array(1),
} satisfies Required<GrowthInputColumns>;
const output = allocateGrowthOutput(1);

function numberOrNaN(v: number | null | undefined): number {
  return v === null || v === undefined ? NaN : v;
}

function zScore(z: Float64Array, flag: Int8Array, raw: Float64Array | undefined): ZScore | null {
  const value = z[0]!;
  if (value !== value) return null;
  return { z: value, unrounded: raw?.[0] ?? NaN, implausible: flag[0] === 1 };
}

function clampCode(code: number): number {
  // Typed arrays wrap out-of-range values; keep an invalid code invalid.
  return code >= 0 && code <= 255 ? code : 255;
}

/**
 * All WHO 2006 z-scores of one measurement, with anthro's rules (data/who-growth/README.md):
 * the same code as `growthZScoresBatch`. Never throws for bad values: `error` says what is wrong
 * (code + field, see growthRowErrorMessage for the Indonesian/English text).
 */
export function growthZScores(m: Measurement): GrowthZScores {
  input.sex[0] = clampCode(sexCode(m.sex));
  input.ageDays[0] = numberOrNaN(m.ageDays);
  input.weightKg[0] = numberOrNaN(m.weightKg);
  input.lengthHeightCm[0] = numberOrNaN(m.lengthHeightCm);
  input.measure[0] = clampCode(measureCode(m.measure));
  input.oedema[0] = clampCode(oedemaCode(m.oedema));
  input.headCircumferenceCm[0] = numberOrNaN(m.headCircumferenceCm);
  input.armCircumferenceCm[0] = numberOrNaN(m.armCircumferenceCm);
  input.tricepsSkinfoldMm[0] = numberOrNaN(m.tricepsSkinfoldMm);
  input.subscapularSkinfoldMm[0] = numberOrNaN(m.subscapularSkinfoldMm);
  growthZScoresBatch(input, output, 0, 1);

  const o = output;
  const error = GROWTH_ROW_ERRORS[o.error[0]!] ?? null;
  const sex = o.csex[0]!;
  const measure = o.cmeasure[0]!;
  const clenhei = o.clenhei[0]!;
  const cbmi = o.cbmi[0]!;
  const table = o.wflTable[0]!;
  return {
    error,
    sex: sex === SEX_MISSING ? null : (sex as Sex),
    measure: measure === MEASURE_LENGTH ? 'l' : measure === MEASURE_HEIGHT ? 'h' : null,
    standingUnder9Months: o.c9moFlag[0] === 1,
    oedema: error === null && input.oedema[0] === 1,
    lengthHeightCm: clenhei === clenhei ? clenhei : null,
    bmi: cbmi === cbmi ? cbmi : null,
    weightForLengthHeightTable:
      table === WFL_TABLE_LENGTH ? 'wfl' : table === WFL_TABLE_HEIGHT ? 'wfh' : null,
    heightForAge: zScore(o.zlen, o.flen, o.zlenRaw),
    weightForAge: zScore(o.zwei, o.fwei, o.zweiRaw),
    weightForLengthHeight: zScore(o.zwfl, o.fwfl, o.zwflRaw),
    bmiForAge: zScore(o.zbmi, o.fbmi, o.zbmiRaw),
    headCircumferenceForAge: zScore(o.zhc, o.fhc, o.zhcRaw),
    armCircumferenceForAge: zScore(o.zac, o.fac, o.zacRaw),
    tricepsSkinfoldForAge: zScore(o.zts, o.fts, o.ztsRaw),
    subscapularSkinfoldForAge: zScore(o.zss, o.fss, o.zssRaw),
  };
}

/**
 * Length/height-for-age z (PB/U–TB/U; stunting < −2). Give `measure` so the ±0.7 cm correction
 * is applied; null when not computable (age ≥ 60 months, missing or invalid input).
 */
export function heightForAgeZ(
  m: Pick<Measurement, 'sex' | 'ageDays' | 'lengthHeightCm' | 'measure'>,
): ZScore | null {
  return growthZScores(m).heightForAge;
}

/** Weight-for-age z (BB/U; underweight < −2), restricted LMS; null with oedema. */
export function weightForAgeZ(
  m: Pick<Measurement, 'sex' | 'ageDays' | 'weightKg' | 'oedema'>,
): ZScore | null {
  return growthZScores(m).weightForAge;
}

/**
 * Weight-for-length/height z (BB/PB–BB/TB; wasting < −2, overweight > +2): weight-for-length
 * below 731 days (45–110 cm), weight-for-height from 731 days (65–120 cm), 0.1 cm interpolation.
 * Works without age (table then chosen by measure, else by length < 87 cm).
 */
export function weightForLengthZ(
  m: Pick<Measurement, 'sex' | 'ageDays' | 'weightKg' | 'lengthHeightCm' | 'measure' | 'oedema'>,
): ZScore | null {
  return growthZScores(m).weightForLengthHeight;
}

/** BMI-for-age z (IMT/U), from weight and the corrected length/height; null with oedema. */
export function bmiForAgeZ(
  m: Pick<Measurement, 'sex' | 'ageDays' | 'weightKg' | 'lengthHeightCm' | 'measure' | 'oedema'>,
): ZScore | null {
  return growthZScores(m).bmiForAge;
}

/** Head circumference-for-age z (plain LMS). */
export function headCircumferenceForAgeZ(
  m: Pick<Measurement, 'sex' | 'ageDays' | 'headCircumferenceCm'>,
): ZScore | null {
  return growthZScores(m).headCircumferenceForAge;
}

/** Arm circumference (LiLA)-for-age z, from 91 days (3 months). */
export function armCircumferenceForAgeZ(
  m: Pick<Measurement, 'sex' | 'ageDays' | 'armCircumferenceCm'>,
): ZScore | null {
  return growthZScores(m).armCircumferenceForAge;
}

/** Triceps skinfold-for-age z, from 91 days. */
export function tricepsSkinfoldForAgeZ(
  m: Pick<Measurement, 'sex' | 'ageDays' | 'tricepsSkinfoldMm'>,
): ZScore | null {
  return growthZScores(m).tricepsSkinfoldForAge;
}

/** Subscapular skinfold-for-age z, from 91 days. */
export function subscapularSkinfoldForAgeZ(
  m: Pick<Measurement, 'sex' | 'ageDays' | 'subscapularSkinfoldMm'>,
): ZScore | null {
  return growthZScores(m).subscapularSkinfoldForAge;
}
