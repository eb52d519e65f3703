/**
 * The dashboard at provincial scale: on the synthetic NTT of `tumbuh demo` (1,000,000 children,
 * ≈ 14 M measurements by default), on PGlite (files) and on PostgreSQL (TEST_DATABASE_URL: run
 * `node scripts/with-postgres.mjs npm run bench dashboard`):
 * - p50/p95 latency of every dashboard API call (in-process `inject`, so the HTTP stack and the
 *   cache are in, the network is not) for a mix of regions (province, kabupaten, kecamatan, desa),
 *   indicators and periods; cold = the first answer after a write (the version bumped, nothing
 *   cached), warm = the same request again;
 * - the full rollup rebuild;
 * - the extra time a write spends keeping the rollups current (refreshRollups alone, measured
 *   in the writer's transaction, then rolled back), for single weighings and import-size
 *   batches of 2,000, next to the whole write;
 * - sustained requests/s with p50/p99 under autocannon on loopback (a separate process; it
 *   shares the 2 cores with the server and the database).
 *
 * DASHBOARD_BENCH_CHILDREN (default 1000000) sets the size; DASHBOARD_BENCH_SAMPLES (default
 * 150) the cold samples per call; DASHBOARD_BENCH_LOAD_SECONDS (default 20) the load test. The
 * PGlite dataset is kept in bench/out/ between runs (generating 1M children takes ≈ 16–30 min;
 * `node --import tsx bench/dashboard.bench.ts --prepare` makes it alone, to measure later).
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import type { Actor } from '../src/core/access/scope.ts';
import {
  currentMeasurementsOfChildren,
  insertMeasurementRows,
} from '../src/db/queries/registry.ts';
import type { NewMeasurement } from '../src/db/types.ts';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/env.ts';
import { openDatabase, type DatabaseHandle } from '../src/services/database.ts';
import {
  lockRollupChildren,
  rebuildRollups,
  refreshRollups,
  writtenRollupChange,
  type RollupSourceRow,
} from '../src/services/dashboard/rollups.ts';
import { generateDemo } from '../src/services/demo/demo-province.ts';
import {
  recordMeasurements,
  type MeasurementSubmission,
} from '../src/services/registry/measurements.ts';

const CHILDREN = Number(process.env.DASHBOARD_BENCH_CHILDREN ?? 1_000_000);
/** PGlite may be run on a smaller dataset (DASHBOARD_BENCH_PGLITE_CHILDREN; default the same). */
const PGLITE_CHILDREN = Number(process.env.DASHBOARD_BENCH_PGLITE_CHILDREN ?? CHILDREN);
const SAMPLES = Number(process.env.DASHBOARD_BENCH_SAMPLES ?? 150);
const LOAD_SECONDS = Number(process.env.DASHBOARD_BENCH_LOAD_SECONDS ?? 20);
const TODAY = '2025-12-31';
const benchDir = path.dirname(new URL(import.meta.url).pathname);
/** The PGlite dataset, kept between runs. */
const pgliteDir = path.join(benchDir, 'out', `dashboard-pglite-${PGLITE_CHILDREN}`);

interface Spec {
  engine: 'pglite' | 'postgres';
  target: string;
  children: number;
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};
const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const load = () => os.loadavg()[0]!.toFixed(1);

/** Deterministic choices, so both engines see the same mix. */
function chooser(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
}

// ── child process: one engine ──────────────────────────────────────────────────────────────

async function prepare(
  spec: Spec,
): Promise<{ handle: DatabaseHandle; generatedMs: number | null }> {
  const config =
    spec.engine === 'pglite'
      ? ({ kind: 'pglite', dataDir: spec.target } as const)
      : ({ kind: 'postgres', url: spec.target, poolSize: 10 } as const);
  let handle: DatabaseHandle;
  try {
    handle = await openDatabase(config);
  } catch (error) {
    if (spec.engine !== 'pglite') throw error;
    console.error(
      `  cached dataset unusable (${(error as Error).message.slice(0, 80)}): regenerating`,
    );
    rmSync(spec.target, { recursive: true, force: true });
    handle = await openDatabase(config);
  }
  const setting = await handle.db
    .selectFrom('app_setting')
    .select('value')
    .where('key', '=', 'demo_dataset')
    .executeTakeFirst();
  const info = setting?.value as { children?: number; today?: string } | undefined;
  if (info?.children === spec.children && info.today === TODAY)
    return { handle, generatedMs: null };
  if (info) {
    await handle.close();
    rmSync(spec.target, { recursive: true, force: true });
    return prepare(spec);
  }
  console.error(
    `  generating the demo: ${spec.children.toLocaleString('en')} children on ${spec.engine}`,
  );
  let last = -1;
  const { elapsedMs } = await generateDemo(handle, {
    children: spec.children,
    seed: 1,
    today: TODAY,
    onProgress: (p) => {
      const step = Math.floor(p.fraction * 10);
      if (step > last) {
        last = step;
        console.error(
          `    ${step * 10}% ${p.measurements.toLocaleString('en')} measurements, ${(p.elapsedMs / 1000).toFixed(0)} s`,
        );
      }
    },
  });
  return { handle, generatedMs: elapsedMs };
}

async function runEngine(spec: Spec) {
  const { handle, generatedMs } = await prepare(spec);
  const db = handle.db;
  const out: Record<string, unknown> = { engine: spec.engine, generatedMs, loadStart: load() };
  const counts = await sql<{ children: number; measurements: number }>`
    select (select count(*)::int from child) as children,
           (select count(*)::int from measurement) as measurements`.execute(db);
  out.children = counts.rows[0]!.children;
  out.measurements = counts.rows[0]!.measurements;

  // 1. full rebuild (DASHBOARD_BENCH_SKIP_REBUILD=postgres skips it there, on a dataset just rebuilt)
  if (!(process.env.DASHBOARD_BENCH_SKIP_REBUILD ?? '').split(',').includes(spec.engine)) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const result = await rebuildRollups(db, { connections: spec.engine === 'postgres' ? 2 : 1 });
    const used = process.cpuUsage(cpu);
    out.rebuild = {
      ms: performance.now() - started,
      cpuMs: (used.user + used.system) / 1000,
      cells: result.cells,
      load: load(),
    };
    console.error(`  rebuild ${(performance.now() - started).toFixed(0)} ms`);
  }
  const cellRows = await sql<{ n: number }>`select count(*)::int as n from dashboard_area`.execute(
    db,
  );
  out.areaRows = cellRows.rows[0]!.n;

  // 2. API latency
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    RATE_LIMIT_PER_MINUTE: '1000000',
    TUMBUH_DEMO: 'false',
  });
  const app = await buildApp({ database: handle, config, logger: false });
  await app.ready();
  const regions = await sql<{ code: string; level: string }>`
    select code, level from region where code like '53%'`.execute(db);
  const of = (level: string) => regions.rows.filter((r) => r.level === level).map((r) => r.code);
  const levels = { kabupaten: of('kabupaten'), kecamatan: of('kecamatan'), desa: of('desa') };
  const pick = chooser(7);
  const anyRegion = () =>
    pick([
      '53',
      pick(levels.kabupaten),
      pick(levels.kabupaten),
      pick(levels.kecamatan),
      pick(levels.desa),
    ]);
  const months = Array.from(
    { length: 24 },
    (_, i) => `${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
  );
  const anyPeriod = () =>
    pick([
      '',
      '',
      pick(months),
      pick(months),
      pick(['2024-Q3', '2025-Q2', '2025-Q4']),
      pick(['2024', '2025']),
      pick(['2025-BT08', '2025-BT02']),
    ]);
  const nutrition = [
    'stunting',
    'stunting',
    'wasting',
    'underweight',
    'severe_stunting',
    'overweight',
  ];
  const anyIndicator = () => pick([...nutrition, 'weighing_coverage', 'weight_gain', 'two_t']);
  const q = (params: Record<string, string>) =>
    Object.entries(params)
      .filter(([, v]) => v !== '')
      .map(([k, v]) => `${k}=${v}`)
      .join('&');
  const calls: Record<string, () => string> = {
    meta: () => '/api/dashboard/meta',
    summary: () => `/api/dashboard/summary?${q({ region: anyRegion(), period: anyPeriod() })}`,
    series: () =>
      `/api/dashboard/series?${q({ region: anyRegion(), indicator: anyIndicator(), kind: pick(['month', 'month', 'quarter', 'year', 'weighing_month']) })}`,
    breakdown: () =>
      `/api/dashboard/breakdown?${q({ region: anyRegion(), indicator: anyIndicator(), period: anyPeriod() })}`,
    'areas (level below)': () => {
      const region = pick(['53', pick(levels.kabupaten), pick(levels.kecamatan)]);
      return `/api/dashboard/areas?${q({ region, indicator: anyIndicator(), period: anyPeriod() })}`;
    },
    'areas (all desa of the province)': () =>
      `/api/dashboard/areas?${q({ region: '53', level: 'desa', indicator: anyIndicator(), period: anyPeriod() })}`,
    // cold for the register sums too (S of weighing coverage), as after a new child
    'areas (all desa of the province), after a registration': () =>
      `/api/dashboard/areas?${q({ region: '53', level: 'desa', indicator: anyIndicator(), period: anyPeriod() })}`,
    'areas (posyandu of a kabupaten)': () =>
      `/api/dashboard/areas?${q({ region: pick(levels.kabupaten), level: 'posyandu', indicator: anyIndicator(), period: anyPeriod() })}`,
    'top-villages': () =>
      `/api/dashboard/top-villages?${q({ region: pick(['53', pick(levels.kabupaten)]), indicator: pick(nutrition), period: anyPeriod(), limit: '10' })}`,
    comparison: () =>
      `/api/dashboard/comparison?${q({ region: pick(['53', pick(levels.kabupaten)]), indicator: 'stunting' })}`,
    'areas CSV (desa of a kabupaten)': () =>
      `/api/dashboard/areas?${q({ region: pick(levels.kabupaten), level: 'desa', indicator: anyIndicator(), format: 'csv' })}`,
  };
  // A weighing bumps the dashboard version; a registration the register version as well.
  const bump = (register: boolean) =>
    register
      ? sql`update dashboard_state set version = version + 1, register_version = register_version + 1`.execute(
          db,
        )
      : sql`update dashboard_state set version = version + 1`.execute(db);
  const latency: Record<string, { cold: number[]; warm: number[] }> = {};
  await app.inject({ url: '/api/dashboard/meta' }); // the region tree is read once per process
  for (const [name, url] of Object.entries(calls)) {
    const cold: number[] = [];
    const warm: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const u = url();
      await bump(name.endsWith('after a registration'));
      let t0 = performance.now();
      const r = await app.inject({ url: u });
      cold.push(performance.now() - t0);
      if (r.statusCode !== 200) throw new Error(`${u}: ${r.statusCode} ${r.body.slice(0, 300)}`);
      t0 = performance.now();
      await app.inject({ url: u });
      warm.push(performance.now() - t0);
    }
    latency[name] = { cold, warm };
    console.error(
      `  ${name}: cold p50 ${ms(quantile(cold, 0.5))} p95 ${ms(quantile(cold, 0.95))} ms`,
    );
  }
  out.latency = Object.fromEntries(
    Object.entries(latency).map(([k, v]) => [
      k,
      {
        coldP50: quantile(v.cold, 0.5),
        coldP95: quantile(v.cold, 0.95),
        warmP50: quantile(v.warm, 0.5),
        warmP95: quantile(v.warm, 0.95),
      },
    ]),
  );

  // 3. the cost of keeping rollups current
  const user = await sql<{ id: string }>`
    insert into app_user (email, name, role, region_code, password_hash)
    values (${`bench-${randomUUID()}@test.tumbuh.id`}, 'Bench', 'province', '53', 'x') returning id`.execute(
    db,
  );
  const actor: Actor = { id: user.rows[0]!.id, role: 'province', regionCode: '53' };
  const ctx = { db, actor, now: () => new Date(), requestId: 'bench' };
  // children weighed in December 2025, with their latest day (cheap: the region_month index)
  const weighedInDecember = (
    await sql<{ id: string; day: string }>`
      select child_id::text as id, max(measured_on)::text as day from measurement
      where region_code like '53%' and measured_on >= '2025-12-01' and superseded_at is null
      group by child_id having max(age_days) <= 1820 order by child_id limit 9200`.execute(db)
  ).rows;
  const pickChildren = async (n: number, offset: number) =>
    Promise.resolve(weighedInDecember.slice(offset, offset + n));
  // a new weighing two days after the child's last one (the kader's usual entry)
  const submission = (c: { id: string; day: string }): MeasurementSubmission => {
    const d = new Date(Date.parse(`${c.day}T00:00:00Z`) + 2 * 86_400_000)
      .toISOString()
      .slice(0, 10);
    return {
      id: randomUUID(),
      childId: c.id,
      measuredOn: d,
      weightKg: 11.2,
      heightCm: 84.5,
      measure: 'h',
    };
  };
  const refreshAlone = async (subs: MeasurementSubmission[]) => {
    // the rows inserted raw in a transaction, the refresh timed, everything rolled back
    let elapsed = 0;
    await db
      .transaction()
      .execute(async (trx) => {
        const children = new Map(
          (
            await sql<{ id: string; region_code: string; posyandu_id: string; sex: number }>`
            select id, region_code, posyandu_id, sex from child where id = any(${subs.map((s) => s.childId)}::uuid[])`.execute(
              trx,
            )
          ).rows.map((c) => [c.id, c]),
        );
        const rows: NewMeasurement[] = subs.map((s) => ({
          id: randomUUID(),
          child_id: s.childId,
          region_code: children.get(s.childId)!.region_code,
          posyandu_id: children.get(s.childId)!.posyandu_id,
          measured_on: s.measuredOn,
          age_days: 900,
          weight_kg: 11.2,
          height_cm: 84.5,
          measure: 'h',
          oedema: false,
          zlen: -2.3,
          zwei: -1.1,
          zwfl: 0.2,
          flen: false,
          fwei: false,
          fwfl: false,
          weight_gain: 'N',
          source: 'api',
          payload_hash: 'bench',
        }));
        const t0 = performance.now();
        // What recordMeasurements adds for the rollups of new weighings that changed no stored
        // N/T: the children's lock, their current rows (read for N/T anyway; counted here all
        // the same), the cells after minus before, and their increments.
        const childIds = [...children.keys()];
        await lockRollupChildren(trx, childIds);
        const current = new Map<string, RollupSourceRow[]>();
        for (const m of await currentMeasurementsOfChildren(trx, childIds))
          current.set(m.child_id, [...(current.get(m.child_id) ?? []), m]);
        const t1 = performance.now();
        const inserted = await insertMeasurementRows(trx, rows);
        const t2 = performance.now();
        await refreshRollups(trx, writtenRollupChange(current, inserted, [], new Set(), children));
        elapsed = performance.now() - t2 + (t1 - t0);
        elapsed = performance.now() - t0;
        throw new Rollback();
      })
      .catch((e: unknown) => {
        if (!(e instanceof Rollback)) throw e;
      });
    return elapsed;
  };
  const singles = await pickChildren(120, 0);
  const singleRefresh: number[] = [];
  const singleWrite: number[] = [];
  for (const c of singles.slice(0, 60)) singleRefresh.push(await refreshAlone([submission(c)]));
  for (const c of singles.slice(60)) {
    const t0 = performance.now();
    const [o] = await recordMeasurements(ctx, [submission(c)], { source: 'api' });
    singleWrite.push(performance.now() - t0);
    if (!o!.ok) throw new Error(`write failed: ${o!.error.code}`);
  }
  const batchRefresh: number[] = [];
  const batchWrite: number[] = [];
  for (let b = 0; b < 4; b++) {
    const batch = (await pickChildren(2000, 1000 + b * 2000)).map(submission);
    if (b < 2) batchRefresh.push(await refreshAlone(batch));
    else {
      const t0 = performance.now();
      await recordMeasurements(ctx, batch, { source: 'import', auditEach: false });
      batchWrite.push(performance.now() - t0);
    }
  }
  out.writes = {
    singleRefreshP50: quantile(singleRefresh, 0.5),
    singleRefreshP95: quantile(singleRefresh, 0.95),
    singleWriteP50: quantile(singleWrite, 0.5),
    singleWriteP95: quantile(singleWrite, 0.95),
    batchRefresh: quantile(batchRefresh, 0.5),
    batchWrite: quantile(batchWrite, 0.5),
  };
  console.error(`  writes: ${JSON.stringify(out.writes)}`);

  // 4. sustained load over loopback (warm mix: the same 200 URLs as visitors would repeat)
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address() as { port: number };
  const urls = Array.from({ length: 200 }, (_, i) => {
    const names = Object.keys(calls).filter((n) => !n.includes('CSV'));
    return calls[names[i % names.length]!]!();
  });
  for (const u of urls) await app.inject({ url: u }); // warm the cache once
  const loadStart = load();
  const report = await loadTest(`http://127.0.0.1:${address.port}`, urls);
  out.load = { ...report, loadStart, loadEnd: load() };
  await app.close();
  await handle.close();
  out.loadEnd = load();
  return out;
}

class Rollback extends Error {}

/** autocannon in its own process, so it does not share the server's event loop. */
function loadTest(base: string, urls: string[]) {
  return new Promise<Record<string, number>>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(benchDir, 'dashboard.bench.ts'),
        '--load',
        JSON.stringify({ base, urls }),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let text = '';
    child.stdout.on('data', (c: Buffer) => (text += c.toString()));
    child.on('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(text) as Record<string, number>)
        : reject(new Error(`load test exit ${code}`)),
    );
  });
}

async function runLoad(params: { base: string; urls: string[] }) {
  const { default: autocannon } = await import('autocannon');
  let i = 0;
  const result = await autocannon({
    url: params.base,
    connections: 20,
    duration: LOAD_SECONDS,
    requests: [
      { setupRequest: (req) => ({ ...req, path: params.urls[i++ % params.urls.length]! }) },
    ],
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    total: result.requests.total,
  };
}

// ── entry points ───────────────────────────────────────────────────────────────────────────

if (process.argv[2] === '--run') {
  const out = await runEngine(JSON.parse(process.argv[3]!) as Spec);
  process.stdout.write(`${JSON.stringify(out)}\n`);
  process.exit(0);
}
// Only make the dataset (a PGlite 1M takes ≈ 16–30 min): `--prepare pglite`, measured later.
if (process.argv[2] === '--prepare') {
  mkdirSync(path.dirname(pgliteDir), { recursive: true });
  const { handle, generatedMs } = await prepare({
    engine: 'pglite',
    target: pgliteDir,
    children: PGLITE_CHILDREN,
  });
  await handle.close();
  console.error(generatedMs === null ? 'dataset already there' : `generated in ${generatedMs} ms`);
  process.exit(0);
}
if (process.argv[2] === '--load') {
  process.stdout.write(
    `${JSON.stringify(await runLoad(JSON.parse(process.argv[3]!) as { base: string; urls: string[] }))}\n`,
  );
  process.exit(0);
}

const specs: Spec[] = [];
const pgUrl = process.env.TEST_DATABASE_URL;
if (pgUrl) {
  const name = `tumbuh_dashboard_bench_${CHILDREN}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
  if (exists.rowCount === 0) await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  specs.push({ engine: 'postgres', target: url.toString(), children: CHILDREN });
}
if (process.env.DASHBOARD_BENCH_ENGINES !== 'postgres') {
  mkdirSync(path.dirname(pgliteDir), { recursive: true });
  specs.push({ engine: 'pglite', target: pgliteDir, children: PGLITE_CHILDREN });
}

const results: Record<string, unknown>[] = [];
for (const spec of specs) {
  console.error(
    `dashboard bench on ${spec.engine} (${existsSync(spec.target) ? 'cached dataset' : 'new dataset'})`,
  );
  const run = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--max-old-space-size=4096',
      new URL(import.meta.url).pathname,
      '--run',
      JSON.stringify(spec),
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
      maxBuffer: 16 * 2 ** 20,
    },
  );
  if (run.status !== 0) throw new Error(`${spec.engine} run failed (exit ${run.status})`);
  results.push(JSON.parse(run.stdout.trim().split('\n').pop()!) as Record<string, unknown>);
}

// ── report ─────────────────────────────────────────────────────────────────────────────────
type Result = {
  engine: string;
  children: number;
  measurements: number;
  areaRows: number;
  generatedMs: number | null;
  loadStart: string;
  loadEnd: string;
  rebuild?: { ms: number; cpuMs: number; cells: number; load: string };
  latency: Record<string, { coldP50: number; coldP95: number; warmP50: number; warmP95: number }>;
  writes: Record<string, number>;
  load: {
    requestsPerSecond: number;
    p50: number;
    p99: number;
    non2xx: number;
    errors: number;
    total: number;
    loadStart: string;
    loadEnd: string;
  };
};
const rs = results as unknown as Result[];
const target = (engine: string) => (engine === 'postgres' ? 50 : 150);
const lines: string[] = [];
lines.push(
  `Synthetic NTT of \`tumbuh demo\` (seed 1, 24 months to ${TODAY}): ${rs.map((r) => `${r.engine} ${r.children.toLocaleString('en')} children, ${r.measurements.toLocaleString('en')} measurements, ${r.areaRows.toLocaleString('en')} region rows`).join('; ')}. ` +
    `Latency by \`app.inject\` (HTTP stack, validation, cache; no network), ${SAMPLES} samples per call, a deterministic mix of regions (province, kabupaten, kecamatan, desa), indicators and periods (default, months, quarters, years, bulan timbang). ` +
    `Cold = the first answer after a write (dashboard version bumped: nothing cached but the register sums, which only a registration changes — the row “after a registration” bumps that too); warm = the same request again. Targets: p95 ≤ 50 ms on PostgreSQL, ≤ 150 ms on PGlite. ` +
    `Load average (1 min) at start/end: ${rs.map((r) => `${r.engine} ${r.loadStart}/${r.loadEnd}`).join(', ')} on ${os.cpus().length} cores — a shared machine: times are upper bounds.`,
  '',
);
lines.push(
  `| call | ${rs.map((r) => `${r.engine} cold p50 | cold p95 | warm p50 | warm p95`).join(' | ')} |`,
  `| --- | ${rs.map(() => '--: | --: | --: | --:').join(' | ')} |`,
);
for (const name of Object.keys(rs[0]?.latency ?? {})) {
  lines.push(
    `| ${name} | ${rs
      .map((r) => {
        const l = r.latency[name]!;
        const flag = l.coldP95 > target(r.engine) ? ' ✗' : '';
        return `${ms(l.coldP50)} ms | ${ms(l.coldP95)} ms${flag} | ${ms(l.warmP50)} ms | ${ms(l.warmP95)} ms`;
      })
      .join(' | ')} |`,
  );
}
lines.push(
  '',
  '| | ' + rs.map((r) => r.engine).join(' | ') + ' |',
  '| --- | ' + rs.map(() => '--:').join(' | ') + ' |',
);
lines.push(
  `| full rollup rebuild (wall; Node CPU) | ${rs.map((r) => (r.rebuild ? `${(r.rebuild.ms / 1000).toFixed(1)} s; ${(r.rebuild.cpuMs / 1000).toFixed(1)} s (load ${r.rebuild.load})` : 'not run in this pass (DASHBOARD_BENCH_SKIP_REBUILD)')).join(' | ')} |`,
);
lines.push(
  `| rollup refresh of one new weighing, p50 / p95 (the added time per write) | ${rs.map((r) => `${ms(r.writes.singleRefreshP50!)} / ${ms(r.writes.singleRefreshP95!)} ms`).join(' | ')} |`,
);
lines.push(
  `| whole write of one weighing (recordMeasurements), p50 / p95 | ${rs.map((r) => `${ms(r.writes.singleWriteP50!)} / ${ms(r.writes.singleWriteP95!)} ms`).join(' | ')} |`,
);
lines.push(
  `| rollup refresh of an import chunk of 2,000 weighings (per row) | ${rs.map((r) => `${ms(r.writes.batchRefresh!)} ms (${(r.writes.batchRefresh! / 2000).toFixed(3)} ms)`).join(' | ')} |`,
);
lines.push(
  `| whole write of that chunk (recordMeasurements, no per-row audit) | ${rs.map((r) => `${ms(r.writes.batchWrite!)} ms`).join(' | ')} |`,
);
lines.push(
  `| sustained load: autocannon, 20 connections, ${LOAD_SECONDS} s, 200 warm URLs | ${rs.map((r) => `${Math.round(r.load.requestsPerSecond)} req/s, p50 ${r.load.p50} ms, p99 ${r.load.p99} ms, ${r.load.non2xx} non-2xx, ${r.load.errors} errors (load ${r.load.loadStart}→${r.load.loadEnd})`).join(' | ')} |`,
);
if (rs.some((r) => r.generatedMs !== null))
  lines.push(
    `| generating the dataset (tumbuh demo, incl. its rollup rebuild) | ${rs.map((r) => (r.generatedMs === null ? 'cached' : `${(r.generatedMs / 1000).toFixed(0)} s`)).join(' | ')} |`,
  );
console.log(lines.join('\n'));
