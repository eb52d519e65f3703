/**
 * Tumbuh's growth engine: WHO 2006 Child Growth Standards z-scores exactly as the WHO `anthro`
 * R package computes them (data/who-growth/README.md), Permenkes 2/2020 categories, the KMS
 * weight-gain rule (N/T/O/B, 2T) and the inverse for growth charts. Pure: no I/O, runs on the
 * server and offline in the browser. See docs/growth.md.
 *
 * - one child: growthZScores(measurement) → every z-score, flag and cleaned value; then
 *   nutritionStatus(result) for categories and stunting/wasting/… booleans;
 * - millions of rows: growthZScoresBatch(columns, allocateGrowthOutput(n));
 * - charts and demo data: measurementAtZ / referenceCurves;
 * - weighings: weightGainStatus / weightGainHistory.
 */
export {
  ageDaysBetween,
  ageDaysFromMonths,
  ageInMonths,
  ARM_SKINFOLD_MIN_AGE_DAYS,
  completedMonthsBetween,
  DAYS_PER_MONTH,
  HEIGHT_FROM_AGE_DAYS,
  isAgeForZScores,
  MAX_AGE_MONTHS,
  STANDING_MIN_AGE_MONTHS,
  tableAgeDays,
} from './age.ts';
export {
  allocateGrowthOutput,
  FLAG_MISSING,
  growthZScoresBatch,
  MEASURE_HEIGHT,
  MEASURE_LENGTH,
  MEASURE_MISSING,
  SEX_MISSING,
  WFL_TABLE_HEIGHT,
  WFL_TABLE_LENGTH,
  WFL_TABLE_NONE,
  type GrowthInputColumns,
  type GrowthOutputColumns,
} from './batch.ts';
export {
  CATEGORY_LABELS,
  categoryLabel,
  classifyBmiForAge,
  classifyHeightForAge,
  classifyWeightForAge,
  classifyWeightForLength,
  INDEX_LABELS,
  nutritionStatus,
  type HeightForAgeCategory,
  type NutritionStatus,
  type PermenkesIndex,
  type WeightForAgeCategory,
  type WeightForHeightCategory,
} from './classification.ts';
export {
  CODE_INVALID,
  measureCode,
  oedemaCode,
  parseDecimal,
  parseDecimalIn,
  sexCode,
  type MeasureInput,
  type OedemaInput,
  type SexInput,
} from './input-codes.ts';
export {
  measurementAtZ,
  referenceCurves,
  referenceLms,
  RESTRICTED_TABLES,
  SD_LINES,
} from './inverse.ts';
export { lmsValueAt, lmsValueAtRestricted, lmsZ, lmsZRestricted } from './lms.ts';
export { roundHalfUp, roundLikeR } from './rounding.ts';
export {
  GROWTH_ROW_ERRORS,
  growthRowErrorMessage,
  growthRowErrorNumber,
  type GrowthField,
  type GrowthRowError,
  type GrowthRowErrorCode,
} from './row-errors.ts';
export {
  GROWTH_TABLE_IDS,
  LMS_TABLES,
  type GrowthTableId,
  type LmsTable,
  type Sex,
} from './tables.ts';
export {
  KBM_TABLE,
  minimumWeightGainG,
  monthPeriod,
  monthPeriodOf,
  weightGainHistory,
  weightGainStatus,
  type KbmRow,
  type MonthlyWeighing,
  type WeightGainCode,
  type WeightGainResult,
} from './weight-gain.ts';
export {
  armCircumferenceForAgeZ,
  bmiForAgeZ,
  growthZScores,
  headCircumferenceForAgeZ,
  heightForAgeZ,
  subscapularSkinfoldForAgeZ,
  tricepsSkinfoldForAgeZ,
  weightForAgeZ,
  weightForLengthZ,
  type GrowthZScores,
  type Measurement,
  type ZScore,
  type ZScoreKey,
} from './zscores.ts';
