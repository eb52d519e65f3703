/**
 * Per-row input errors of the growth engine. They are values, not exceptions (house rule 4): the
 * batch writes a small number per row into its `error` column (0 = no error), so one bad row
 * never stops a batch of millions. A row with an error gets no z-scores at all. The codes are
 * stable snake_case and never renamed; `field` names the input column (the CSV column name).
 *
 * Deliberately stricter than anthro, which stops the whole call on a bad sex/measure/oedema code
 * or a negative age and returns a finite weight-for-length z for weight 0
 * (data/who-growth/README.md §1, §2, §5 "Reject non-positive weight and length at input").
 */
import type { Lang } from '../errors.ts';

/** The input columns, named as in the CSV (`tumbuh zscores`, sample-cases.csv). */
export type GrowthField =
  | 'sex'
  | 'age_days'
  | 'weight_kg'
  | 'lenhei_cm'
  | 'measure'
  | 'oedema'
  | 'headc_cm'
  | 'armc_cm'
  | 'triskin_mm'
  | 'subskin_mm'
  | 'row';

export type GrowthRowErrorCode =
  /** sex is not 1/2, L/P (laki-laki/perempuan), M/F (any case). Missing sex is not an error. */
  | 'sex_invalid'
  /** age in days < 0. */
  | 'age_negative'
  /** text, or an infinite value, where a number is expected. Empty = missing, not an error. */
  | 'number_invalid'
  /** a weight, length/height, circumference or skinfold ≤ 0. */
  | 'measurement_not_positive'
  /** measure is not L/H (also PB/TB, any case). */
  | 'measure_invalid'
  /** oedema is not y/n, 1/2 (also ya/tidak, any case). */
  | 'oedema_invalid'
  /** a CSV record with a different number of fields than the header. */
  | 'row_malformed';

export interface GrowthRowError {
  code: GrowthRowErrorCode;
  field: GrowthField;
}

const NUMBER_FIELDS = [
  'age_days',
  'weight_kg',
  'lenhei_cm',
  'headc_cm',
  'armc_cm',
  'triskin_mm',
  'subskin_mm',
] as const;
const MEASUREMENT_FIELDS = NUMBER_FIELDS.slice(1);

/**
 * All row errors; the position is the number stored in the batch's `error` column (0 = none).
 * Append only: positions are part of the batch contract.
 */
export const GROWTH_ROW_ERRORS: readonly (GrowthRowError | null)[] = [
  null,
  { code: 'sex_invalid', field: 'sex' },
  { code: 'age_negative', field: 'age_days' },
  ...NUMBER_FIELDS.map((field) => ({ code: 'number_invalid' as const, field })),
  ...MEASUREMENT_FIELDS.map((field) => ({ code: 'measurement_not_positive' as const, field })),
  { code: 'measure_invalid', field: 'measure' },
  { code: 'oedema_invalid', field: 'oedema' },
  { code: 'row_malformed', field: 'row' },
];

/** The number of a row error in the batch `error` column. */
export function growthRowErrorNumber(code: GrowthRowErrorCode, field: GrowthField): number {
  const i = GROWTH_ROW_ERRORS.findIndex((e) => e?.code === code && e.field === field);
  if (i < 0) throw new RangeError(`no growth row error ${code} for ${field}`);
  return i;
}

/** Error numbers used by the batch kernel (resolved once). */
export const ROW_ERROR = {
  sexInvalid: growthRowErrorNumber('sex_invalid', 'sex'),
  ageNegative: growthRowErrorNumber('age_negative', 'age_days'),
  ageInvalid: growthRowErrorNumber('number_invalid', 'age_days'),
  measureInvalid: growthRowErrorNumber('measure_invalid', 'measure'),
  oedemaInvalid: growthRowErrorNumber('oedema_invalid', 'oedema'),
  rowMalformed: growthRowErrorNumber('row_malformed', 'row'),
} as const;

/** For each measurement column: the error numbers for "not a finite number" and "≤ 0". */
export function measurementErrorNumbers(field: (typeof MEASUREMENT_FIELDS)[number]): {
  invalid: number;
  notPositive: number;
} {
  return {
    invalid: growthRowErrorNumber('number_invalid', field),
    notPositive: growthRowErrorNumber('measurement_not_positive', field),
  };
}

const FIELD_LABELS: Record<GrowthField, Record<Lang, string>> = {
  sex: { id: 'jenis kelamin', en: 'sex' },
  age_days: { id: 'umur (hari)', en: 'age (days)' },
  weight_kg: { id: 'berat badan (kg)', en: 'weight (kg)' },
  lenhei_cm: { id: 'panjang/tinggi badan (cm)', en: 'length/height (cm)' },
  measure: { id: 'cara ukur (PB/TB)', en: 'measurement position (L/H)' },
  oedema: { id: 'edema', en: 'oedema' },
  headc_cm: { id: 'lingkar kepala (cm)', en: 'head circumference (cm)' },
  armc_cm: { id: 'lingkar lengan atas (cm)', en: 'arm circumference (cm)' },
  triskin_mm: { id: 'lipatan kulit trisep (mm)', en: 'triceps skinfold (mm)' },
  subskin_mm: { id: 'lipatan kulit subskapula (mm)', en: 'subscapular skinfold (mm)' },
  row: { id: 'baris', en: 'row' },
};

const MESSAGES: Record<GrowthRowErrorCode, Record<Lang, string>> = {
  sex_invalid: {
    id: '{field} harus 1/2, L/P (laki-laki/perempuan) atau M/F',
    en: '{field} must be 1/2, L/P (laki-laki/perempuan) or M/F',
  },
  age_negative: { id: '{field} tidak boleh negatif', en: '{field} must not be negative' },
  number_invalid: { id: '{field} harus berupa angka', en: '{field} must be a number' },
  measurement_not_positive: {
    id: '{field} harus lebih dari 0',
    en: '{field} must be greater than 0',
  },
  measure_invalid: {
    id: '{field} harus L (telentang, PB) atau H (berdiri, TB)',
    en: '{field} must be L (lying, recumbent length) or H (standing height)',
  },
  oedema_invalid: { id: '{field} harus y/n atau 1/2', en: '{field} must be y/n or 1/2' },
  row_malformed: {
    id: 'jumlah kolom pada baris ini tidak sama dengan judul kolom',
    en: 'this row has a different number of fields than the header',
  },
};

/** The human message for a row error, Indonesian or English. Never contains the value itself. */
export function growthRowErrorMessage(error: GrowthRowError, lang: Lang = 'id'): string {
  return MESSAGES[error.code][lang].replace('{field}', FIELD_LABELS[error.field][lang]);
}
