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

/** The cell of `m` in `kind`'s period `key`, created at zero when new. */
function cellOf(
  into: Map<string, RollupCell>,
  m: RollupMeasurement,
  ageGroup: AgeGroup,
  kind: RollupKind,
  key: number,
): RollupCell {
  const period = periodText(kind, key);
  const id = `${m.posyanduId}|${kind}|${period}|${m.regionCode}|${m.sex}|${ageGroup}`;
  let cell = into.get(id);
  if (cell === undefined) {
    cell = {
      posyanduId: m.posyanduId,
      kind,
      period,
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
 */
export function addChildRollupCells(
  into: Map<string, RollupCell>,
  rows: readonly RollupMeasurement[],
  sign: 1 | -1,
): void {
  const ordered = rows.filter((m) => ageGroupOf(m.ageDays) !== null).sort(latestFirst);
  for (const { kind, months } of kinds) {
    let current = -1;
    let any = false;
    let wt = false;
    let haz = false;
    let whz = false;
    let waz = false;
    for (const m of ordered) {
      const key = Math.floor(monthIndex(m.measuredOn) / months);
      if (key !== current) {
        current = key;
        any = wt = haz = whz = waz = false;
      }
      let cell: RollupCell | undefined;
      const add = (index: number) => {
        cell ??= cellOf(into, m, ageGroupOf(m.ageDays)!, kind, key);
        cell.counts[index]! += sign;
      };
      if (!any) {
        any = true;
        add(column.measured);
      }
      if (!wt && m.weighed) {
        wt = true;
        add(column.weighed);
        if (m.weightGain === 'N') add(column.gained);
        else if (m.weightGain === 'T') add(column.not_gained);
        else if (m.weightGain === 'O') add(column.not_weighed_last_month);
        else if (m.weightGain === 'B') add(column.first_weighing);
        if (m.twoT) add(column.two_t);
      }
      if (!haz) {
        const z = prevalenceZ(m, 'haz');
        if (z !== null) {
          haz = true;
          add(column.haz_n);
          if (meetsIndicator('stunting', z)) add(column.haz_lt2);
          if (meetsIndicator('severe_stunting', z)) add(column.haz_lt3);
        }
      }
      if (!whz) {
        const z = prevalenceZ(m, 'whz');
        if (z !== null) {
          whz = true;
          add(column.whz_n);
          if (meetsIndicator('wasting', z)) add(column.whz_lt2);
          if (meetsIndicator('severe_wasting', z)) add(column.whz_lt3);
          if (meetsIndicator('overweight', z)) add(column.whz_gt2);
        }
      }
      if (!waz) {
        const z = prevalenceZ(m, 'waz');
        if (z !== null) {
          waz = true;
          add(column.waz_n);
          if (meetsIndicator('underweight', z)) add(column.waz_lt2);
          if (meetsIndicator('severe_underweight', z)) add(column.waz_lt3);
        }
      }
    }
  }
}

/** The cells whose counts are not all zero (a delta's changes). */
export function changedRollupCells(cells: Map<string, RollupCell>): RollupCell[] {
  return [...cells.values()].filter((c) => c.counts.some((n) => n !== 0));
}
