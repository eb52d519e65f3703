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
  applyRollupDeltas,
  BUILT_ROLLUPS,
  bumpDashboardVersion,
  buildRegister,
  buildRollupPart,
  buildTopAreas,
  dropRollupBuild,
  holdRollupWriters,
  indexRollupBuild,
  kyselyExecutor,
  lockPosyandu,
  lockChildren,
  refreshCells,
  refreshRegister,
  rollupCellsOfPosyandu,
  posyanduWithin,
  rollupBuildParts,
  startRollupBuild,
  swapRollupBuild,
  type ChangedChild,
  type RollupCellKey,
  type SqlExecutor,
} from '../../db/queries/dashboard-rollup.ts';
import type { ChildRow, Database, MeasurementRow } from '../../db/types.ts';
import {
  addChildRollupCells,
  changedRollupCells,
  type RollupCell,
  type RollupMeasurement,
} from '../../core/indicators/rollup-cells.ts';

export type { ChangedChild };

/** What a write changed, for {@link refreshRollups}. */
export interface RollupChange {
  /**
   * Cell counts a measurement write moved, computed by the writer (core/indicators/rollup-cells:
   * its children's cells after minus before, from the rows it read with the children locked —
   * {@link lockRollupChildren}). Children whose older rows changed N/T status go in `children`.
   */
  deltas?: readonly RollupCell[];
  /** Children whose measurements changed in other ways (merge, sex or birth date): recomputed. */
  children?: readonly ChangedChild[];
  /** Posyandu whose register (children, their sex, birth date, desa) changed. */
  posyandu?: readonly string[];
}

/**
 * Locks children for the rest of the transaction, before a writer reads the rows it computes
 * their rollup deltas from: a second writer of the same child waits, then reads this one's rows.
 */
export async function lockRollupChildren(
  trx: Transaction<Database>,
  childIds: readonly string[],
): Promise<void> {
  await lockChildren(kyselyExecutor(trx), childIds);
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
  const children = change.children ?? [];
  await lockChildren(
    exec,
    children.map((c) => c.childId),
  );
  if (change.deltas?.length) changed += await applyRollupDeltas(exec, change.deltas);
  if (children.length)
    changed += await refreshCells(exec, cellKeys(await affectedCells(exec, children)));
  const registered = change.posyandu?.length ? await refreshRegister(exec, change.posyandu) : 0;
  if (changed + registered > 0) await bumpDashboardVersion(exec, { register: registered > 0 });
  changed += registered;
  return changed > 0;
}

/** The columns of a stored or written measurement the rollups count. */
export type RollupSourceRow = Pick<
  MeasurementRow,
  | 'child_id'
  | 'measured_on'
  | 'age_days'
  | 'region_code'
  | 'posyandu_id'
  | 'zlen'
  | 'flen'
  | 'zwfl'
  | 'fwfl'
  | 'zwei'
  | 'fwei'
  | 'oedema'
  | 'weight_kg'
  | 'weight_gain'
  | 'two_t'
>;

/** A stored or written row as core/indicators/rollup-cells counts it. */
export function rollupMeasurement(m: RollupSourceRow, sex: 1 | 2): RollupMeasurement {
  return {
    childId: m.child_id,
    measuredOn: m.measured_on,
    sequence: 0,
    ageDays: m.age_days,
    sex,
    haz: m.zlen,
    hazFlagged: m.flen ?? false,
    whz: m.zwfl,
    whzFlagged: m.fwfl ?? false,
    waz: m.zwei,
    wazFlagged: m.fwei ?? false,
    oedema: m.oedema,
    weighed: m.weight_kg !== null,
    weightGain: m.weight_gain,
    twoT: m.two_t,
    regionCode: m.region_code,
    posyanduId: m.posyandu_id,
  };
}

/**
 * What a write moved in the rollups: for each child, the cells of the years it wrote in, after
 * (its current rows and the inserted ones) minus before (its current rows and the superseded
 * ones). Children whose older rows changed N/T status are recomputed by the rollups instead.
 */
export function writtenRollupChange(
  current: ReadonlyMap<string, readonly RollupSourceRow[]>,
  inserted: readonly RollupSourceRow[],
  superseded: readonly RollupSourceRow[],
  restatused: ReadonlySet<string>,
  children: ReadonlyMap<string, Pick<ChildRow, 'sex'>>,
): RollupChange {
  const byChild = new Map<string, { inserted: RollupSourceRow[]; superseded: RollupSourceRow[] }>();
  const of = (childId: string) => {
    let entry = byChild.get(childId);
    if (!entry) byChild.set(childId, (entry = { inserted: [], superseded: [] }));
    return entry;
  };
  for (const m of inserted) of(m.child_id).inserted.push(m);
  for (const m of superseded) of(m.child_id).superseded.push(m);
  const cells = new Map<string, RollupCell>();
  const slow: RollupSourceRow[] = [];
  for (const [childId, written] of byChild) {
    if (restatused.has(childId)) {
      slow.push(...written.inserted, ...written.superseded);
      continue;
    }
    const sex = children.get(childId)!.sex as 1 | 2;
    const dates = [...written.inserted, ...written.superseded].map((m) => m.measured_on);
    const years = new Set(dates.map((d) => d.slice(0, 4)));
    const kept: RollupMeasurement[] = [];
    for (const m of current.get(childId) ?? [])
      if (years.has(m.measured_on.slice(0, 4))) kept.push(rollupMeasurement(m, sex));
    const row = (m: RollupSourceRow) => rollupMeasurement(m, sex);
    addChildRollupCells(cells, kept.concat(written.inserted.map(row)), 1, dates);
    addChildRollupCells(cells, kept.concat(written.superseded.map(row)), -1, dates);
  }
  return { deltas: changedRollupCells(cells), children: changedChildren(slow) };
}

/** Progress of a rebuild, for the CLI's stderr. */
export interface RebuildProgress {
  step: string;
  done: number;
  total: number;
  elapsedMs: number;
}

/** Runs a job of the rebuild on one connection (its own transaction), or in the caller's. */
export type RebuildWorker = <T>(job: (exec: SqlExecutor) => Promise<T>) => Promise<T>;

// sorts and hashes of a part stay in memory instead of spilling to disk; no JIT: compiling
// took 0.6–1.4 s of the largest part's statement, for no gain we could measure
async function rebuildSettings(exec: SqlExecutor): Promise<void> {
  await exec.query(`set local work_mem = '128MB'`);
  await exec.query(`set local jit = off`);
}

/**
 * Rebuilds every rollup from the measurements and the register, in `main`'s transaction (it may
 * be the demo loader's bulk transaction). The cells and region sums are built beside the live
 * tables, a kabupaten per job, by `workers` — each its own connection on PostgreSQL, so the
 * parts run at once; by default `main` alone — then swapped in; writers wait meanwhile, readers
 * see the old counts. The result equals what the incremental refreshes give.
 */
export async function rebuildAllRollups(
  main: SqlExecutor,
  options: { workers?: readonly RebuildWorker[]; onProgress?: (p: RebuildProgress) => void } = {},
): Promise<{ cells: number }> {
  const started = performance.now();
  const report = (step: string, done: number, total: number) =>
    options.onProgress?.({ step, done, total, elapsedMs: performance.now() - started });
  const workers = options.workers ?? [(job) => job(main)];
  await rebuildSettings(main);
  await holdRollupWriters(main);
  const first = workers[0]!;
  try {
    const parts = await first(async (exec) => {
      await startRollupBuild(exec);
      return rollupBuildParts(exec);
    });
    let cells = 0;
    let done = 0;
    // the register first: one long job beside the kabupaten
    await shareOut(['register', ...parts], workers, async (exec, part) => {
      if (part === 'register') await buildRegister(exec);
      else {
        const written = await buildRollupPart(exec, part); // not `cells +=` across an await
        cells += written;
      }
      report('parts', ++done, parts.length + 1);
    });
    await first(buildTopAreas);
    await shareOut(BUILT_ROLLUPS, workers, indexRollupBuild);
    report('indexes', BUILT_ROLLUPS.length, BUILT_ROLLUPS.length);
    await swapRollupBuild(main);
    await bumpDashboardVersion(main, { rebuilt: true });
    report('swapped', 1, 1);
    return { cells };
  } catch (error) {
    // build tables made by other connections are committed: leave nothing behind
    if (workers.length > 1) await first(dropRollupBuild).catch(() => {});
    throw error;
  }
}

/**
 * Each worker takes the next item until none is left. A failure stops the others after their
 * current job, and is thrown once all have stopped (no connection is still busy afterwards).
 */
async function shareOut<T>(
  items: readonly T[],
  workers: readonly RebuildWorker[],
  job: (exec: SqlExecutor, item: T) => Promise<unknown>,
): Promise<void> {
  let next = 0;
  let failed = false;
  const results = await Promise.allSettled(
    workers.map(async (worker) => {
      while (!failed && next < items.length) {
        const item = items[next++]!;
        try {
          await worker((exec) => job(exec, item));
        } catch (error) {
          failed = true;
          throw error;
        }
      }
    }),
  );
  const failure = results.find((r) => r.status === 'rejected');
  if (failure) throw failure.reason;
}

/**
 * `connections` workers on their own connections of `db`'s pool (PostgreSQL), each job in a
 * transaction of its own; released when `fn` ends.
 */
async function withRebuildWorkers<T>(
  db: Db,
  connections: number,
  fn: (workers: RebuildWorker[]) => Promise<T>,
): Promise<T> {
  const workers: RebuildWorker[] = [];
  const reserve = async (): Promise<T> => {
    if (workers.length === connections) return fn(workers);
    return db.connection().execute(async (connection) => {
      workers.push((job) =>
        connection.transaction().execute(async (trx) => {
          const exec = kyselyExecutor(trx);
          await rebuildSettings(exec);
          return job(exec);
        }),
      );
      return reserve();
    });
  };
  return reserve();
}

/** Posyandu per transaction when one region is rebuilt. */
const POSYANDU_PER_STEP = 200;

/**
 * `tumbuh rollup --rebuild [--region CODE]`: everything in one transaction (its parts built by
 * `connections` connections at once, {@link rebuildAllRollups}), or (with a region)
 * the cells of every posyandu that measured or registers children of the region, recomputed
 * and corrected by difference like a write would, in steps of a few hundred posyandu (each step
 * consistent on its own, so the dashboard stays readable meanwhile).
 */
export async function rebuildRollups(
  db: Db,
  options: {
    region?: string;
    /** Connections that build at once (PostgreSQL; PGlite has one). Default 1. */
    connections?: number;
    onProgress?: (p: RebuildProgress) => void;
  } = {},
): Promise<{ cells: number; posyandu?: number }> {
  const region = options.region;
  const connections = options.connections ?? 1;
  if (!region || region === '00') {
    const everything = (workers?: readonly RebuildWorker[]) =>
      db
        .transaction()
        .execute((trx) =>
          rebuildAllRollups(kyselyExecutor(trx), { workers, onProgress: options.onProgress }),
        );
    return connections > 1 ? withRebuildWorkers(db, connections, everything) : everything();
  }
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
      if (changed + registered > 0) await bumpDashboardVersion(exec, { register: registered > 0 });
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
