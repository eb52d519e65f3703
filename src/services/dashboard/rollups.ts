/**
 * Keeping the dashboard rollups current (docs/indicators.md §10). Every write of measurements or
 * children calls {@link refreshRollups} once, inside its own transaction, with the children whose
 * measurements changed and the posyandu whose register changed; bulk loads call
 * {@link rebuildRollups}. Both end at the same counts (rollups.db.test.ts compares them).
 */
import type { Transaction } from 'kysely';
import { parsePeriod, periodEnd, periodStart } from '../../core/indicators/period.ts';
import type { Db } from '../../db/connect.ts';
import {
  affectedCells,
  analyzeRollups,
  bumpDashboardVersion,
  childrenOfMeasurements,
  clearRollups,
  insertAllAreas,
  insertAllCells,
  insertAllRegister,
  kyselyExecutor,
  lockPosyandu,
  lockChildren,
  refreshCells,
  refreshRegister,
  refreshWrittenChildren,
  rollupCellsOfPosyandu,
  posyanduWithin,
  type ChangedChild,
  type RollupCellKey,
  type SqlExecutor,
  type WrittenRow,
} from '../../db/queries/dashboard-rollup.ts';
import type { Database } from '../../db/types.ts';

export type { ChangedChild };

/** What a write changed, for {@link refreshRollups}. */
export interface RollupChange {
  /**
   * A measurement write (recordMeasurements): the rows it inserted and those it superseded,
   * and the stored rows whose N/T status it changed (null: statuses were recomputed wholesale,
   * as after a lost race). Children without re-statused rows take the fast path (their counts
   * before and after, by difference); the others are recomputed with their cells.
   */
  written?: {
    inserted: readonly WrittenRow[];
    superseded: readonly WrittenRow[];
    restatused: readonly string[] | null;
  };
  /** Children whose measurements changed in other ways (merge, sex or birth date): recomputed. */
  children?: readonly ChangedChild[];
  /** Posyandu whose register (children, their sex, birth date, desa) changed. */
  posyandu?: readonly string[];
}

/** The first day every period of a child can start from: a merge or a sex change touches all. */
export const ALL_PERIODS_FROM = '1900-01-01';

function cellKeys(
  cells: readonly { posyanduId: string; kind: RollupCellKey['kind']; period: string }[],
): RollupCellKey[] {
  const seen = new Map<string, RollupCellKey>();
  for (const c of cells) {
    const key = `${c.posyanduId}|${c.kind}|${c.period}`;
    if (seen.has(key)) continue;
    const period = parsePeriod(c.period);
    if (!period) throw new Error(`rollup: bad period ${c.period}`);
    seen.set(key, { ...c, start: periodStart(period), end: periodEnd(period) });
  }
  return [...seen.values()];
}

/**
 * Brings the rollups up to date after a write, in the writer's transaction (set-based: a few
 * statements whatever the number of rows). Returns whether any count changed (then the
 * dashboard version was bumped, as the last lock of the transaction).
 */
export async function refreshRollups(
  trx: Transaction<Database>,
  change: RollupChange,
): Promise<boolean> {
  const exec = kyselyExecutor(trx);
  let changed = 0;
  const written = change.written;
  const rows = written ? [...written.inserted, ...written.superseded] : [];
  const children = [...(change.children ?? [])];
  await lockChildren(exec, [...rows.map((r) => r.child_id), ...children.map((c) => c.childId)]);
  if (written && rows.length) {
    const slow = new Set(
      written.restatused === null
        ? rows.map((r) => r.child_id)
        : await childrenOfMeasurements(exec, written.restatused),
    );
    const fast = (r: WrittenRow) => !slow.has(r.child_id);
    changed += await refreshWrittenChildren(
      exec,
      written.inserted.filter(fast),
      written.superseded.filter(fast),
    );
    children.push(...changedChildren(rows.filter((r) => !fast(r))));
  }
  if (children.length)
    changed += await refreshCells(exec, cellKeys(await affectedCells(exec, children)));
  if (change.posyandu?.length) changed += await refreshRegister(exec, change.posyandu);
  if (changed > 0) await bumpDashboardVersion(exec);
  return changed > 0;
}

/** Progress of a rebuild, for the CLI's stderr. */
export interface RebuildProgress {
  step: string;
  done: number;
  total: number;
  elapsedMs: number;
}

/**
 * Rebuilds every rollup from the measurements and the register in one transaction (`exec` may be
 * the demo loader's bulk transaction). The result equals what the incremental refreshes give.
 */
export async function rebuildAllRollups(
  exec: SqlExecutor,
  onProgress?: (p: RebuildProgress) => void,
): Promise<{ cells: number }> {
  const started = performance.now();
  const report = (step: string, done: number) =>
    onProgress?.({ step, done, total: 4, elapsedMs: performance.now() - started });
  // sorts and hashes of millions of rows stay in memory instead of spilling to disk
  await exec.query(`set local work_mem = '128MB'`);
  await clearRollups(exec);
  report('cleared', 1);
  const cells = await insertAllCells(exec);
  report('cells', 2);
  await insertAllAreas(exec);
  report('regions', 3);
  await insertAllRegister(exec);
  await analyzeRollups(exec);
  await bumpDashboardVersion(exec, { rebuilt: true });
  report('register', 4);
  return { cells };
}

/** Posyandu per transaction when one region is rebuilt. */
const POSYANDU_PER_STEP = 200;

/**
 * `tumbuh rollup --rebuild [--region CODE]`: everything in one transaction, or (with a region)
 * the cells of every posyandu that measured or registers children of the region, recomputed
 * and corrected by difference like a write would, in steps of a few hundred posyandu (each step
 * consistent on its own, so the dashboard stays readable meanwhile).
 */
export async function rebuildRollups(
  db: Db,
  options: { region?: string; onProgress?: (p: RebuildProgress) => void } = {},
): Promise<{ cells: number; posyandu?: number }> {
  const region = options.region;
  if (!region || region === '00')
    return db
      .transaction()
      .execute((trx) => rebuildAllRollups(kyselyExecutor(trx), options.onProgress));
  const started = performance.now();
  const posyandu = await posyanduWithin(kyselyExecutor(db), region);
  let cells = 0;
  for (let i = 0; i < posyandu.length; i += POSYANDU_PER_STEP) {
    const step = posyandu.slice(i, i + POSYANDU_PER_STEP);
    cells += await db.transaction().execute(async (trx) => {
      const exec = kyselyExecutor(trx);
      await lockPosyandu(exec, step);
      const changed = await refreshCells(exec, cellKeys(await rollupCellsOfPosyandu(exec, step)));
      const registered = await refreshRegister(exec, step);
      if (changed + registered > 0) await bumpDashboardVersion(exec);
      return changed;
    });
    options.onProgress?.({
      step: 'posyandu',
      done: Math.min(i + POSYANDU_PER_STEP, posyandu.length),
      total: posyandu.length,
      elapsedMs: performance.now() - started,
    });
  }
  return { cells, posyandu: posyandu.length };
}

/** Each child of the rows with the earliest of its dates: what {@link refreshRollups} needs. */
export function changedChildren(
  rows: Iterable<{ child_id: string; measured_on: string }>,
): ChangedChild[] {
  const from = new Map<string, string>();
  for (const r of rows) {
    const earliest = from.get(r.child_id);
    if (earliest === undefined || r.measured_on < earliest) from.set(r.child_id, r.measured_on);
  }
  return [...from].map(([childId, date]) => ({ childId, from: date }));
}
