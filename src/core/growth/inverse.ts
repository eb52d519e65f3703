/**
 * The inverse of the z-score: the measurement a child of a given sex and age (or length/height)
 * has at a given z. Growth charts draw their −3…+3 SD lines with it (KMS, the kader screen), and
 * the demo-data generator turns random z-scores into realistic measurements. It inverts exactly
 * what ./batch.ts computes: same table rows (age rounded half up to whole days; 0.1 cm
 * interpolation for weight-for-length/height) and the WHO's restricted LMS beyond ±3 SD for the
 * weight-based indicators, arm circumference and skinfolds.
 */
import { tableAgeDays } from './age.ts';
import { lmsValueAt, lmsValueAtRestricted } from './lms.ts';
import {
  interpolatedLengthLms,
  lmsRowIndex,
  LMS_TABLES,
  type GrowthTableId,
  type Sex,
} from './tables.ts';

/** Tables whose z-scores use the restricted LMS beyond ±3 SD (README §6): all but lhfa, hcfa. */
export const RESTRICTED_TABLES: ReadonlySet<GrowthTableId> = new Set([
  'wfa',
  'wfl',
  'wfh',
  'bfa',
  'acfa',
  'tsfa',
  'ssfa',
]);

/** The SD lines of a WHO growth chart. */
export const SD_LINES = [-3, -2, -1, 0, 1, 2, 3] as const;

const scratch = new Float64Array(3);

/**
 * L, M, S of a table at a key: age in days (rounded half up like anthro; fractions allowed) for
 * the age-based tables, length/height in cm (interpolated at 0.1 cm like anthro) for wfl/wfh.
 * Null outside the table (age 0–1826 days, 91–1826 for acfa/tsfa/ssfa; 45–110 cm wfl, 65–120 cm
 * wfh) or for an invalid sex.
 */
export function referenceLms(
  table: GrowthTableId,
  sex: Sex,
  key: number,
): { l: number; m: number; s: number } | null {
  const t = LMS_TABLES[table];
  if ((sex !== 1 && sex !== 2) || !Number.isFinite(key)) return null;
  if (t.keyUnit === 'mm') {
    if (key < t.firstKey / 10 || key > t.lastKey / 10) return null;
    if (!interpolatedLengthLms(t, sex, key, scratch)) return null;
    return { l: scratch[0]!, m: scratch[1]!, s: scratch[2]! };
  }
  if (key < 0) return null;
  const i = lmsRowIndex(t, sex, tableAgeDays(key));
  if (i < 0) return null;
  return { l: t.lms[i]!, m: t.lms[i + 1]!, s: t.lms[i + 2]! };
}

/**
 * The measurement at z-score `z` (kg, cm, kg/m² or mm as the table): M(1 + L·S·z)^(1/L), and
 * beyond ±3 SD the straight continuation of the restricted LMS for the tables in
 * RESTRICTED_TABLES. The result is the reference measurement in the table's own position
 * (length below 731 days, height from 731 days; no ±0.7 cm correction). NaN outside the table
 * or when no positive measurement has that z (very negative z).
 *
 * Round trip: the z-score of the returned value is `z` again to about 1e-12 (tested).
 */
export function measurementAtZ(table: GrowthTableId, sex: Sex, key: number, z: number): number {
  const lms = referenceLms(table, sex, key);
  if (lms === null || !Number.isFinite(z)) return NaN;
  const y = RESTRICTED_TABLES.has(table)
    ? lmsValueAtRestricted(z, lms.l, lms.m, lms.s)
    : lmsValueAt(z, lms.l, lms.m, lms.s);
  return y > 0 && y < Infinity ? y : NaN;
}

/**
 * The curves of a growth chart: for each z in `zs` (default −3…+3), the measurement at every key
 * in `keys` (ages in days, or lengths in cm for wfl/wfh). One Float64Array per z, NaN where the
 * table has no value. For a KMS-style chart use ages 0, 30.4375, 60.875, … (one per month).
 */
export function referenceCurves(
  table: GrowthTableId,
  sex: Sex,
  keys: ArrayLike<number>,
  zs: readonly number[] = SD_LINES,
): Float64Array[] {
  return zs.map((z) => {
    const curve = new Float64Array(keys.length);
    for (let i = 0; i < keys.length; i++) curve[i] = measurementAtZ(table, sex, keys[i]!, z);
    return curve;
  });
}
