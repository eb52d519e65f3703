/**
 * Weight gain between monthly weighings as the Indonesian KMS judges it: N (naik, gained at least
 * the minimum), T (tidak naik), O (not weighed last month), B (baru, first weighing), and 2T (T
 * twice in a row), which triggers referral. Only the computable branch of the Buku KIA
 * definition is implemented: "kenaikan BB sama dengan KBM atau lebih" — the visual branch ("the
 * curve follows the growth line") needs a person looking at the chart.
 *
 * KBM (Kenaikan Berat Badan Minimal) by age in completed months: data/kbm/README.md and
 * data/kbm/kbm.csv, which state the source and its uncertainty (the month spans of the official
 * table could not be confirmed). kbm.test.ts checks this table equals the CSV.
 */

/** One row of the KBM table: ages fromMonth…toMonth (completed months) need ≥ minimumGainG. */
export interface KbmRow {
  fromMonth: number;
  toMonth: number;
  minimumGainG: number;
}

/**
 * The KBM table used by default (data/kbm/kbm.csv): values of the Buku KIA 2023 (p. 54) row
 * 800 · 900 · 800 · 600 · 500 · 400 · 300 · 200 g, with the month spans of a posyandu's
 * Permenkes spreadsheet (1, 2, 3, 4, 5, 6, 7–10, 11–60). Pass another table to the functions
 * below if the province confirms different spans.
 */
export const KBM_TABLE: readonly KbmRow[] = [
  { fromMonth: 1, toMonth: 1, minimumGainG: 800 },
  { fromMonth: 2, toMonth: 2, minimumGainG: 900 },
  { fromMonth: 3, toMonth: 3, minimumGainG: 800 },
  { fromMonth: 4, toMonth: 4, minimumGainG: 600 },
  { fromMonth: 5, toMonth: 5, minimumGainG: 500 },
  { fromMonth: 6, toMonth: 6, minimumGainG: 400 },
  { fromMonth: 7, toMonth: 10, minimumGainG: 300 },
  { fromMonth: 11, toMonth: 60, minimumGainG: 200 },
];

/** The four KMS codes; D (ditimbang, weighed) = N + T + O + B. */
export type WeightGainCode = 'N' | 'T' | 'O' | 'B';

/** One weighing in the posyandu month it belongs to. */
export interface MonthlyWeighing {
  /** Calendar month of the weighing as a month number: `monthPeriod(2025, 3)` = March 2025. */
  period: number;
  /** Age at this weighing in completed months (completedMonthsBetween(birthDate, date)). */
  ageMonths: number;
  weightKg: number;
}

export interface WeightGainResult {
  status: WeightGainCode;
  /** Gain since last month's weighing in whole grams (N/T only, else null). */
  gainG: number | null;
  /** The KBM the gain was compared with (N/T only, else null). */
  minimumGainG: number | null;
  /** T this month and T last month ("2T"). */
  twoT: boolean;
  /** 2T: refer the child to the puskesmas/bidan (F1 form "2T"). */
  needsReferral: boolean;
}

/** Month number of a calendar month (year × 12 + month − 1): consecutive months differ by 1. */
export function monthPeriod(year: number, month: number): number {
  return year * 12 + (month - 1);
}

/** Month number of an ISO date (YYYY-MM-DD…); NaN when it is not one. */
export function monthPeriodOf(isoDate: string): number {
  const m = /^(\d{4})-(\d{2})/.exec(isoDate);
  if (!m) return NaN;
  const month = Number(m[2]);
  return month >= 1 && month <= 12 ? monthPeriod(Number(m[1]), month) : NaN;
}

/**
 * The minimum weight gain in grams for a weighing at `ageMonths` completed months. Ages below
 * the table's first row (weighed within the first month of life) use that first row; ages past
 * its last row (beyond 60 months) use the last row; the KMS has no other rule for them.
 */
export function minimumWeightGainG(
  ageMonths: number,
  table: readonly KbmRow[] = KBM_TABLE,
): number {
  const first = table[0];
  const last = table[table.length - 1];
  if (first === undefined || last === undefined) throw new RangeError('empty KBM table');
  if (ageMonths < first.fromMonth) return first.minimumGainG;
  for (const row of table) {
    if (ageMonths >= row.fromMonth && ageMonths <= row.toMonth) return row.minimumGainG;
  }
  return last.minimumGainG;
}

/**
 * N/T/O/B of one weighing (Buku KIA 2023: N = "kenaikan BB sama dengan KBM atau lebih", T =
 * "kenaikan BB kurang dari KBM"; O and B as in the posyandu register, D = N + T + O + B):
 * - B when the child has no earlier weighing (`previous` null);
 * - O when the latest earlier weighing is not from the month before;
 * - else N when the gain in whole grams ≥ KBM(age at this weighing), T otherwise.
 * `previousStatus` is last month's status, for 2T (T twice in a row → referral).
 */
export function weightGainStatus(
  current: MonthlyWeighing,
  previous: MonthlyWeighing | null,
  previousStatus: WeightGainCode | null = null,
  table: readonly KbmRow[] = KBM_TABLE,
): WeightGainResult {
  if (previous === null) {
    return { status: 'B', gainG: null, minimumGainG: null, twoT: false, needsReferral: false };
  }
  if (previous.period !== current.period - 1) {
    return { status: 'O', gainG: null, minimumGainG: null, twoT: false, needsReferral: false };
  }
  // Whole grams: 8.5 − 7.7 kg is 799.9999999999991 g in doubles, and must count as 800.
  const gainG = Math.round((current.weightKg - previous.weightKg) * 1000);
  const minimumGainG = minimumWeightGainG(current.ageMonths, table);
  const status: WeightGainCode = gainG >= minimumGainG ? 'N' : 'T';
  const twoT = status === 'T' && previousStatus === 'T';
  return { status, gainG, minimumGainG, twoT, needsReferral: twoT };
}

/**
 * Statuses of a child's weighings in time order (sorted by period here; several weighings in one
 * month are each compared with the latest weighing of an earlier month).
 */
export function weightGainHistory(
  weighings: readonly MonthlyWeighing[],
  table: readonly KbmRow[] = KBM_TABLE,
): WeightGainResult[] {
  const order = weighings
    .map((w, i) => ({ w, i }))
    .sort((a, b) => a.w.period - b.w.period || a.i - b.i);
  const results = new Array<WeightGainResult>(weighings.length);
  /** Latest weighing of an earlier month, and of the month being processed. */
  let earlier: { w: MonthlyWeighing; status: WeightGainCode } | null = null;
  let latest: { w: MonthlyWeighing; status: WeightGainCode } | null = null;
  for (const { w, i } of order) {
    if (latest !== null && latest.w.period !== w.period) earlier = latest;
    const result = weightGainStatus(w, earlier?.w ?? null, earlier?.status ?? null, table);
    results[i] = result;
    latest = { w, status: result.status };
  }
  return results;
}
