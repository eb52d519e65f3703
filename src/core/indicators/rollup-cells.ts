/**
 * The rollup cells one child's measurements add to (docs/indicators.md §10): for every month,
 * quarter and year, the child's latest measurement counts as measured, its latest weighing as D
 * with its N/T/O/B/2T, and its latest valid z of each index as one child in that z's counts — each
 * in the cell (posyandu × desa × sex × age group) of the row that was selected. The same
 * selection as {@link latestValidMeasurements} and {@link weighingCountsByCell}, done for all
 * periods of one child in one pass, so a writer can compute what its write changed from the
 * rows it holds (before and after) instead of asking the database to recount them.
 */
import { rollupCountNames, type RollupCountName } from './dashboard.ts';
import {
  ageGroupOf,
  meetsIndicator,
  prevalenceZ,
  type AgeGroup,
  type NutritionMeasurement,
} from './prevalence.ts';
import type { WeighingMeasurement } from './weighing.ts';

/** A measurement as the rollups count it: the selection inputs and the place it was taken. */
export interface RollupMeasurement extends NutritionMeasurement, WeighingMeasurement {
  readonly regionCode: string;
  readonly posyanduId: string;
}

/** The period kinds the rollup cells are kept for (bulan timbang are months). */
export type RollupKind = 'month' | 'quarter' | 'year';

/** One rollup cell and its counts (in {@link rollupCountNames} order). */
export interface RollupCell {
  readonly posyanduId: string;
  readonly kind: RollupKind;
  readonly period: string;
  readonly regionCode: string;
  readonly sex: 1 | 2;
  readonly ageGroup: AgeGroup;
  readonly counts: number[];
}

const column = Object.fromEntries(rollupCountNames.map((name, i) => [name, i])) as Record<
  RollupCountName,
  number
>;

const kinds: readonly { kind: RollupKind; months: number }[] = [
  { kind: 'month', months: 1 },
  { kind: 'quarter', months: 3 },
  { kind: 'year', months: 12 },
];

/** Months since year 0 of a YYYY-MM-DD date. */
function monthIndex(date: string): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}

function periodText(kind: RollupKind, key: number): string {
  if (kind === 'year') return String(key);
  if (kind === 'quarter') return `${Math.floor(key / 4)}-Q${(key % 4) + 1}`;
  return `${Math.floor(key / 12)}-${String((key % 12) + 1).padStart(2, '0')}`;
}

/** Latest first; on the same day the greater sequence first (the later record). */
function latestFirst(a: RollupMeasurement, b: RollupMeasurement): number {
  if (a.measuredOn !== b.measuredOn) return a.measuredOn > b.measuredOn ? -1 : 1;
  if (a.sequence === b.sequence) return 0;
  return a.sequence > b.sequence ? -1 : 1;
}

/** The cell of a row (its place: posyandu|desa|sex|age group) in `kind`'s period `key`. */
function cellAt(
  into: Map<string, RollupCell>,
  m: RollupMeasurement,
  place: string,
  ageGroup: AgeGroup,
  kind: RollupKind,
  key: number,
): RollupCell {
  const id = `${place}|${kind}|${key}`;
  let cell = into.get(id);
  if (cell === undefined) {
    cell = {
      posyanduId: m.posyanduId,
      kind,
      period: periodText(kind, key),
      regionCode: m.regionCode,
      sex: m.sex,
      ageGroup,
      counts: new Array<number>(rollupCountNames.length).fill(0),
    };
    into.set(id, cell);
  }
  return cell;
}

/**
 * Adds `sign` (1, or −1 for a state being replaced) × the counts of one child's measurements to
 * `into` (keyed by cell). `rows` are all the child's current rows of the periods concerned:
 * since every month, quarter and year lies within a calendar year, whole years suffice.
 * `onlyDates`: count only the periods containing one of these dates (those a write touched:
 * the others are the same before and after). Written as plain loops: it runs for every row of
 * a million-row import, twice.
 */
export function addChildRollupCells(
  into: Map<string, RollupCell>,
  rows: readonly RollupMeasurement[],
  sign: 1 | -1,
  onlyDates?: readonly string[],
): void {
  const touched = onlyDates?.map(monthIndex);
  const ordered = rows.filter((m) => ageGroupOf(m.ageDays) !== null).sort(latestFirst);
  const n = ordered.length;
  const months = new Array<number>(n);
  const ages = new Array<AgeGroup>(n);
  const places = new Array<string>(n);
  const zs = new Array<[number | null, number | null, number | null]>(n);
  for (let i = 0; i < n; i++) {
    const m = ordered[i]!;
    months[i] = monthIndex(m.measuredOn);
    ages[i] = ageGroupOf(m.ageDays)!;
    places[i] = `${m.posyanduId}|${m.regionCode}|${m.sex}|${ages[i]}`;
    zs[i] = [prevalenceZ(m, 'haz'), prevalenceZ(m, 'whz'), prevalenceZ(m, 'waz')];
  }
  for (const { kind, months: span } of kinds) {
    const keys = touched && new Set(touched.map((m) => Math.floor(m / span)));
    let current = -1;
    let any = false;
    let wt = false;
    let haz = false;
    let whz = false;
    let waz = false;
    for (let i = 0; i < n; i++) {
      const m = ordered[i]!;
      const key = Math.floor(months[i]! / span);
      if (keys && !keys.has(key)) continue;
      if (key !== current) {
        current = key;
        any = wt = haz = whz = waz = false;
      }
      const [zh, zw, za] = zs[i]!;
      const takeWt = !wt && m.weighed;
      const takeHaz = !haz && zh !== null;
      const takeWhz = !whz && zw !== null;
      const takeWaz = !waz && za !== null;
      if (any && !takeWt && !takeHaz && !takeWhz && !takeWaz) continue;
      const c = cellAt(into, m, places[i]!, ages[i]!, kind, key).counts;
      if (!any) {
        any = true;
        c[column.measured]! += sign;
      }
      if (takeWt) {
        wt = true;
        c[column.weighed]! += sign;
        if (m.weightGain === 'N') c[column.gained]! += sign;
        else if (m.weightGain === 'T') c[column.not_gained]! += sign;
        else if (m.weightGain === 'O') c[column.not_weighed_last_month]! += sign;
        else if (m.weightGain === 'B') c[column.first_weighing]! += sign;
        if (m.twoT) c[column.two_t]! += sign;
      }
      if (takeHaz) {
        haz = true;
        c[column.haz_n]! += sign;
        if (meetsIndicator('stunting', zh)) c[column.haz_lt2]! += sign;
        if (meetsIndicator('severe_stunting', zh)) c[column.haz_lt3]! += sign;
      }
      if (takeWhz) {
        whz = true;
        c[column.whz_n]! += sign;
        if (meetsIndicator('wasting', zw)) c[column.whz_lt2]! += sign;
        if (meetsIndicator('severe_wasting', zw)) c[column.whz_lt3]! += sign;
        if (meetsIndicator('overweight', zw)) c[column.whz_gt2]! += sign;
      }
      if (takeWaz) {
        waz = true;
        c[column.waz_n]! += sign;
        if (meetsIndicator('underweight', za)) c[column.waz_lt2]! += sign;
        if (meetsIndicator('severe_underweight', za)) c[column.waz_lt3]! += sign;
      }
    }
  }
}

/** The cells whose counts are not all zero (a delta's changes). */
export function changedRollupCells(cells: Map<string, RollupCell>): RollupCell[] {
  return [...cells.values()].filter((c) => c.counts.some((n) => n !== 0));
}
