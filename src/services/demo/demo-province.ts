/**
 * `tumbuh demo` and the first start of `npm start`: fills an empty registry with a synthetic
 * but realistic province (posyandu in every desa, children 0–59 months with mothers, 24 months
 * of weighings whose stunting prevalence per kabupaten matches SSGI 2021), in one transaction
 * with COPY, and marks the database as synthetic (`app_setting.demo_dataset`) so that every
 * screen can say so. The data are drawn by src/core/demo (pure, seeded); docs/demo-data.md.
 */
import { demoChildren, type DemoChild } from '../../core/demo/children.ts';
import { demoRegionTree, planDemoProvince, type DemoPlan } from '../../core/demo/plan.ts';
import { withBulkTransaction, type BulkOptions, type CopyValue } from '../../db/bulk.ts';
import type { DatabaseHandle, Db } from '../../db/connect.ts';
import {
  CHILD_COPY_COLUMNS,
  DEMO_DATASET_SETTING,
  lockEmptyRegistry,
  MEASUREMENT_COPY_COLUMNS,
  POSYANDU_COPY_COLUMNS,
  PUSKESMAS_COPY_COLUMNS,
  readAppSetting,
  regionsWithin,
  registryIsEmpty,
  writeAppSetting,
  writeAppSettingInBulk,
} from '../../db/queries/demo.ts';
import { DEMO_TARGET_SOURCE, readStuntingTargets } from './targets.ts';
import { rebuildAllRollups } from '../dashboard/rollups.ts';
import { hasDeathData } from '../../db/queries/deaths.ts';
import { loadDemoDeaths, type DemoDeathCounts } from '../deaths/demo-deaths.ts';

/** Default size: `npm start` on an empty PGlite database is ready well within a minute. */
export const DEFAULT_DEMO_CHILDREN = 20_000;
/** The tables the demo loads (their foreign keys are checked set-wise when row triggers are skipped). */
const REGISTRY_TABLES = ['puskesmas', 'posyandu', 'child', 'measurement'] as const;
/** Children generated and loaded per COPY round (bounded memory at any size). */
const CHILDREN_PER_ROUND = 1_000;
const YIELD_EVERY_CHILDREN = 25;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface DemoRunOptions {
  /** Children to generate (default DEFAULT_DEMO_CHILDREN). */
  children?: number;
  /** Seed of all random draws (default 1): the same seed gives the same rows. */
  seed?: number;
  /** Months of history ending with the month of `today` (default 24, at most 60). */
  months?: number;
  /** Province code (default 53, Nusa Tenggara Timur). */
  province?: string;
  /** "Today" as YYYY-MM-DD (default: today's date in WITA, NTT's time zone). */
  today?: string;
  /** Called after each round and at the end. */
  onProgress?: (progress: DemoProgress) => void;
  /** Tuning of the COPY statements (tests and benchmarks). */
  bulk?: BulkOptions;
}

export interface DemoProgress {
  children: number;
  totalChildren: number;
  measurements: number;
  /** 0–1 */
  fraction: number;
  elapsedMs: number;
}

/** What `app_setting.demo_dataset` holds, and what the UI shows in its "synthetic" banner. */
export interface DemoDatasetInfo {
  synthetic: true;
  label: { id: string; en: string };
  seed: number;
  children: number;
  measurements: number;
  posyandu: number;
  puskesmas: number;
  months: number;
  province: string;
  /** The "today" the history ends at (YYYY-MM-DD). */
  today: string;
  /** When it was generated (ISO timestamp). */
  generatedAt: string;
  /** Where the per-kabupaten stunting targets came from. */
  targets: { file: string; indicator: string; year: number };
  /** The synthetic AKI-AKB rows (services/deaths/demo-deaths.ts). */
  deaths?: DemoDeathCounts;
}

export interface DemoRunResult {
  info: DemoDatasetInfo;
  elapsedMs: number;
}

/** The demo goes only into an empty registry: it never mixes with real records. */
export class DemoRefusedError extends Error {
  override name = 'DemoRefusedError';
}

export const DEMO_LABEL = { id: 'Data sintetis (demo)', en: 'Synthetic data (demo)' } as const;

/** Today's date in WITA (UTC+8), the time zone of NTT, as YYYY-MM-DD. */
export function todayInWita(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** Lays out the province from the region table and the published targets (no writes). */
export async function planDemo(db: Db, options: DemoRunOptions = {}): Promise<DemoPlan> {
  const province = options.province ?? '53';
  const regions = await regionsWithin(db, province);
  if (regions.length === 0)
    throw new DemoRefusedError(`Province ${province} is not in the region table.`);
  return planDemoProvince(demoRegionTree(regions, province), {
    seed: options.seed ?? 1,
    children: options.children ?? DEFAULT_DEMO_CHILDREN,
    months: options.months ?? 24,
    today: options.today ?? todayInWita(),
    stuntingTargetsPercent: readStuntingTargets(province),
  });
}

const childRow = (c: DemoChild): CopyValue[] => [
  c.id,
  c.regionCode,
  c.posyanduId,
  c.nik,
  c.name,
  c.sex,
  c.birthDate,
  c.birthWeightKg,
  c.birthLengthCm,
  c.motherName,
  c.motherNik,
  c.address,
  c.registeredAt,
  c.registeredAt,
];

function* measurementRows(children: readonly DemoChild[]): Generator<CopyValue[]> {
  for (const c of children) {
    for (const m of c.measurements) {
      const a = m.assessment;
      yield [
        m.id,
        c.id,
        c.regionCode,
        c.posyanduId,
        m.measuredOn,
        m.ageDays,
        m.weightKg,
        m.heightCm,
        m.measure,
        m.headCm,
        m.muacCm,
        m.oedema,
        a.zlen,
        a.zwei,
        a.zwfl,
        a.zbmi,
        a.zhc,
        a.zac,
        a.flen,
        a.fwei,
        a.fwfl,
        a.fbmi,
        a.fhc,
        a.fac,
        a.heightForAge,
        a.weightForAge,
        a.weightForHeight,
        m.weightGain,
        m.twoT,
        a.implausible,
        'demo',
        'demo',
        m.enteredAt,
      ];
    }
  }
}

/**
 * Generates the demo province into an empty registry in one transaction and records
 * `app_setting.demo_dataset`. Refuses (DemoRefusedError) when the registry has any child: start
 * from an empty database instead (a demo never mixes with real records).
 */
export async function generateDemo(
  handle: DatabaseHandle,
  options: DemoRunOptions = {},
): Promise<DemoRunResult> {
  const started = performance.now();
  if (!(await registryIsEmpty(handle.db))) throw refusal();
  const plan = await planDemo(handle.db, options);
  const total = plan.totalChildren;
  let children = 0;
  let measurements = 0;
  const report = () =>
    options.onProgress?.({
      children,
      totalChildren: total,
      measurements,
      fraction: total > 0 ? children / total : 1,
      elapsedMs: performance.now() - started,
    });

  const info = await withBulkTransaction(
    handle,
    async (session) => {
      if (!(await lockEmptyRegistry(session))) throw refusal();
      const skipped = await session.skipRowTriggers(REGISTRY_TABLES);
      await session.copy(
        'puskesmas',
        PUSKESMAS_COPY_COLUMNS,
        plan.puskesmas.map((p) => [p.id, p.name, p.regionCode]),
      );
      await session.copy(
        'posyandu',
        POSYANDU_COPY_COLUMNS,
        plan.posyandu.map((p) => [p.id, p.name, p.regionCode, p.puskesmasId]),
      );
      // Rounds of children: while one round is being COPYed (PostgreSQL works in its own
      // process), the next is generated; generation yields to the event loop now and then so
      // the COPY data keeps flowing. On PGlite the COPY runs on this thread: no overlap.
      const generated = demoChildren(plan);
      let loading: Promise<void> = Promise.resolve();
      for (;;) {
        const round: DemoChild[] = [];
        while (round.length < CHILDREN_PER_ROUND) {
          const next = generated.next();
          if (next.done) break;
          round.push(next.value);
          if (round.length % YIELD_EVERY_CHILDREN === 0) await yieldToEventLoop();
        }
        await loading;
        if (round.length === 0) break;
        loading = (async () => {
          await session.copy('child', CHILD_COPY_COLUMNS, round.map(childRow));
          measurements += await session.copy(
            'measurement',
            MEASUREMENT_COPY_COLUMNS,
            measurementRows(round),
          );
          children += round.length;
          report();
        })();
      }
      if (skipped) await session.verifyForeignKeys(REGISTRY_TABLES);
      // COPY bypasses the write path: the dashboard rollups are rebuilt in the same transaction.
      await rebuildAllRollups(session);
      const deaths = await loadDemoDeaths(session, plan, new Date());
      const value: DemoDatasetInfo = {
        synthetic: true,
        label: DEMO_LABEL,
        seed: plan.options.seed,
        children,
        measurements,
        posyandu: plan.posyandu.length,
        puskesmas: plan.puskesmas.length,
        months: plan.options.months,
        province: plan.province.code,
        today: plan.options.today,
        generatedAt: new Date().toISOString(),
        targets: { ...DEMO_TARGET_SOURCE },
        deaths,
      };
      await writeAppSettingInBulk(session, DEMO_DATASET_SETTING, value);
      return value;
    },
    options.bulk,
  );
  return { info, elapsedMs: performance.now() - started };
}

function refusal(): DemoRefusedError {
  return new DemoRefusedError(
    'The registry already has children: the demo only goes into an empty database (it never mixes with real records). ' +
      'Start from an empty database, e.g. another TUMBUH_DATA_DIR or a new PostgreSQL database.',
  );
}

/**
 * For `npm start`: generates the default demo when the registry is empty and no demo was ever
 * loaded; otherwise does nothing. Returns what the database holds now (null: real data).
 */
export async function seedDemoIfEmpty(
  handle: DatabaseHandle,
  options: DemoRunOptions = {},
): Promise<{ seeded: boolean; info: DemoDatasetInfo | null }> {
  const existing = await demoDatasetInfo(handle.db);
  if (existing && !(await hasDeathData(handle.db))) await addDemoDeaths(handle, existing);
  if (existing || !(await registryIsEmpty(handle.db))) return { seeded: false, info: existing };
  try {
    const { info } = await generateDemo(handle, options);
    return { seeded: true, info };
  } catch (error) {
    // Another process seeded (or a user registered a child) in the meantime: not an error.
    if (error instanceof DemoRefusedError && !(await registryIsEmpty(handle.db)))
      return { seeded: false, info: await demoDatasetInfo(handle.db) };
    throw error;
  }
}

/** A demo loaded before AKI-AKB existed gets its synthetic deaths and live births (same plan). */
async function addDemoDeaths(handle: DatabaseHandle, info: DemoDatasetInfo): Promise<void> {
  const plan = await planDemo(handle.db, { ...info, today: info.today });
  const deaths = await withBulkTransaction(handle, (session) =>
    loadDemoDeaths(session, plan, new Date()),
  );
  await writeAppSetting(handle.db, DEMO_DATASET_SETTING, { ...info, deaths });
}

/**
 * Whether the registry holds the synthetic demo, and which one: the server exposes this so
 * the UI shows "Data sintetis (demo)" on every page. Null for a real registry.
 */
export async function demoDatasetInfo(db: Db): Promise<DemoDatasetInfo | null> {
  const value = await readAppSetting(db, DEMO_DATASET_SETTING);
  if (value === undefined || value === null) return null;
  const parsed = (typeof value === 'string' ? JSON.parse(value) : value) as DemoDatasetInfo;
  return { ...parsed, synthetic: true, label: DEMO_LABEL };
}
