/**
 * The WHO LMS tables as typed arrays, decoded once when this module loads (a few ms) from the
 * generated module. One Float64Array per table holds L, M, S interleaved, boys first:
 * `lms[3 × ((sex − 1) × count + (key − firstKey)) + 0 | 1 | 2]`. Keys are whole days of age for
 * the age-based tables and millimetres (0.1 cm steps) for weight-for-length/height, exactly the
 * rows anthro joins on (data/who-growth/README.md §2, §5).
 */
import { ENCODED_LMS_TABLES, type EncodedLmsColumns } from './tables.generated.ts';

/**
 * WHO's own short names of the nine tables (also the CSV file names in data/who-growth):
 * length/height-, weight-, BMI-, head-, arm-circumference-, triceps- and subscapular-skinfold-for-age,
 * weight-for-length and weight-for-height.
 */
export type GrowthTableId = keyof typeof ENCODED_LMS_TABLES;

/** 1 = male (laki-laki), 2 = female (perempuan), as anthro's `csex`. */
export type Sex = 1 | 2;

export interface LmsTable {
  readonly id: GrowthTableId;
  /** `day`: key = age in whole days; `mm`: key = length/height in tenths of a cm. */
  readonly keyUnit: 'day' | 'mm';
  /** Smallest key present (0 or 91 days, 450 or 650 mm). */
  readonly firstKey: number;
  /** Largest key present (1826 days, 1100 or 1200 mm). */
  readonly lastKey: number;
  /** Rows per sex. */
  readonly count: number;
  /** L, M, S interleaved; boys' rows then girls' rows. */
  readonly lms: Float64Array;
}

function decodeInto(
  target: Float64Array,
  offset: number,
  column: EncodedLmsColumns,
  decimals: { l: number; m: number; s: number },
): void {
  const parts = [
    [column.l, 10 ** decimals.l],
    [column.m, 10 ** decimals.m],
    [column.s, 10 ** decimals.s],
  ] as const;
  parts.forEach(([deltas, scale], p) => {
    let value = 0;
    for (let i = 0; i < deltas.length; i++) {
      value += deltas[i] ?? 0;
      // integer / 10^k is the correctly rounded value of the decimal: the same double as
      // parsing the CSV text (checked in tables.test.ts).
      target[offset + 3 * i + p] = value / scale;
    }
  });
}

function decodeTable(id: GrowthTableId): LmsTable {
  const t = ENCODED_LMS_TABLES[id];
  const lms = new Float64Array(6 * t.count);
  decodeInto(lms, 0, t.male, t.decimals);
  decodeInto(lms, 3 * t.count, t.female, t.decimals);
  return {
    id,
    keyUnit: t.keyUnit,
    firstKey: t.firstKey,
    lastKey: t.firstKey + t.count - 1,
    count: t.count,
    lms,
  };
}

/** All nine tables, decoded. */
export const LMS_TABLES: Readonly<Record<GrowthTableId, LmsTable>> = {
  lhfa: decodeTable('lhfa'),
  wfa: decodeTable('wfa'),
  wfl: decodeTable('wfl'),
  wfh: decodeTable('wfh'),
  bfa: decodeTable('bfa'),
  hcfa: decodeTable('hcfa'),
  acfa: decodeTable('acfa'),
  tsfa: decodeTable('tsfa'),
  ssfa: decodeTable('ssfa'),
};

/** The ids of the nine tables, in the order of data/who-growth/README.md. */
export const GROWTH_TABLE_IDS = Object.keys(LMS_TABLES) as GrowthTableId[];

/**
 * Index of the L value of the row for `sex` and `key` in `table.lms` (M and S follow), or −1 when
 * the key is outside the table. `key` must be an integer in the table's unit.
 */
export function lmsRowIndex(table: LmsTable, sex: Sex, key: number): number {
  const k = key - table.firstKey;
  if (!(k >= 0 && k < table.count)) return -1;
  return 3 * ((sex - 1) * table.count + k);
}

/** The L, M, S of one table row (for tests, charts and documentation; the hot paths index `lms`). */
export function lmsRow(
  table: LmsTable,
  sex: Sex,
  key: number,
): { l: number; m: number; s: number } | null {
  const i = lmsRowIndex(table, sex, key);
  if (i < 0) return null;
  return { l: table.lms[i] ?? NaN, m: table.lms[i + 1] ?? NaN, s: table.lms[i + 2] ?? NaN };
}

/**
 * L, M, S of weight-for-length/height at a length/height in cm, written into `target[0..2]`:
 * interpolated linearly between the two neighbouring 0.1 cm rows in double arithmetic exactly as
 * anthro (`anthro_zscore_weight_for_lenhei`): low = trunc(10x)/10, up = trunc(10x + 1)/10,
 * f = (x − low)/0.1; when f > 0 each of L, M, S = X(low) + f × (X(up) − X(low)), else the low row.
 * Returns false (target untouched) when a needed row is outside the table. `sex` must be 1 or 2.
 */
export function interpolatedLengthLms(
  table: LmsTable,
  sex: number,
  cm: number,
  target: Float64Array,
): boolean {
  const lowKey = Math.trunc(cm * 10);
  const k = lowKey - table.firstKey;
  if (!(k >= 0 && k < table.count)) return false;
  const lms = table.lms;
  const j = 3 * ((sex - 1) * table.count + k);
  const f = (cm - lowKey / 10) / 0.1;
  if (f > 0) {
    const ku = Math.trunc(cm * 10 + 1) - table.firstKey;
    if (!(ku >= 0 && ku < table.count)) return false;
    const ju = 3 * ((sex - 1) * table.count + ku);
    const l = lms[j]!;
    const m = lms[j + 1]!;
    const s = lms[j + 2]!;
    target[0] = l + f * (lms[ju]! - l);
    target[1] = m + f * (lms[ju + 1]! - m);
    target[2] = s + f * (lms[ju + 2]! - s);
  } else {
    target[0] = lms[j]!;
    target[1] = lms[j + 1]!;
    target[2] = lms[j + 2]!;
  }
  return true;
}
