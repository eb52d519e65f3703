/**
 * Time and peak memory of `tumbuh demo` (services/demo generateDemo: plan, generate, COPY,
 * foreign-key check, commit) for the default size and for the 1M-child benchmark dataset, on
 * PGlite (files in a temporary directory, like `npm start`) and on PostgreSQL (needs
 * TEST_DATABASE_URL: run `node scripts/with-postgres.mjs npm run bench demo`), plus the
 * generation alone without a database. Each run is its own process on a migrated database with
 * the regions already loaded, so the figures are the demo's own; peak RSS is the Node process
 * (PGlite runs inside it; a PostgreSQL server's memory is not included).
 *
 * DEMO_BENCH_SIZES=20000,100000 overrides the sizes; DEMO_BENCH_TIMEOUT_MIN (default 40) bounds
 * each run.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import pg from 'pg';
import { demoChildren } from '../src/core/demo/children.ts';
import { demoRegionTree, planDemoProvince } from '../src/core/demo/plan.ts';
import { openDatabase } from '../src/services/database.ts';
import { DEFAULT_DEMO_CHILDREN, generateDemo } from '../src/services/demo/demo-province.ts';
import { readStuntingTargets } from '../src/services/demo/targets.ts';
import { referenceFile } from '../src/services/paths.ts';

const TODAY = '2025-12-31';
/** Heap limit of the extra run that shows the loader's live memory is bounded. */
const HEAP_CAP_MB = 192;

interface RunSpec {
  engine: 'pglite' | 'postgres' | 'none';
  children: number;
  /** PGlite data directory or PostgreSQL URL. */
  target: string;
  /** V8 old-space limit for the run (MB): shows that live memory stays bounded. */
  heapMb?: number;
}

interface RunResult {
  ms: number;
  children: number;
  measurements: number;
  maxRssMb: number;
}

// ── child process: one run ─────────────────────────────────────────────────────────────────

async function runOnce(spec: RunSpec): Promise<RunResult> {
  if (spec.engine === 'none') {
    const regions = parse<{ code: string; name: string; level: string; type: string }>(
      readFileSync(referenceFile('wilayah/wilayah.csv'), 'utf8'),
      { columns: true, bom: true },
    )
      .filter((r) => r.code.startsWith('53'))
      .map((r) => ({ ...r, type: r.type || null }));
    const started = performance.now();
    const plan = planDemoProvince(demoRegionTree(regions, '53'), {
      seed: 1,
      children: spec.children,
      months: 24,
      today: TODAY,
      stuntingTargetsPercent: readStuntingTargets('53'),
    });
    let measurements = 0;
    let children = 0;
    for (const child of demoChildren(plan)) {
      children += 1;
      measurements += child.measurements.length;
      if (children % 50_000 === 0) console.error(`  generated ${children} children`);
    }
    return {
      ms: performance.now() - started,
      children,
      measurements,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
    };
  }
  const handle = await openDatabase(
    spec.engine === 'pglite'
      ? { kind: 'pglite', dataDir: spec.target }
      : { kind: 'postgres', url: spec.target, poolSize: 2 },
  );
  try {
    let last = -1;
    const { info, elapsedMs } = await generateDemo(handle, {
      children: spec.children,
      seed: 1,
      today: TODAY,
      onProgress: (p) => {
        const percent = Math.floor(p.fraction * 10) * 10;
        if (percent > last) {
          last = percent;
          console.error(
            `  ${percent}%: ${p.children} children, ${p.measurements} measurements, ${(p.elapsedMs / 1000).toFixed(0)} s`,
          );
        }
      },
    });
    return {
      ms: elapsedMs,
      children: info.children,
      measurements: info.measurements,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
    };
  } finally {
    await handle.close();
  }
}

if (process.argv[2] === '--run') {
  const result = await runOnce(JSON.parse(process.argv[3]!) as RunSpec);
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
}

// ── parent: prepare databases, spawn runs, print the report ───────────────────────────────

const timeoutMs = Number(process.env.DEMO_BENCH_TIMEOUT_MIN ?? 40) * 60_000;

function spawnRun(spec: RunSpec): Promise<RunResult | { failed: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        ...(spec.heapMb ? [`--max-old-space-size=${spec.heapMb}`] : []),
        '--import',
        'tsx',
        import.meta.filename,
        '--run',
        JSON.stringify(spec),
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let lastLine = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => {
      process.stderr.write(c);
      lastLine = c.toString().trim().split('\n').at(-1) ?? lastLine;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const line = out.trim().split('\n').at(-1);
      if (code === 0 && line) resolve(JSON.parse(line) as RunResult);
      else
        resolve({
          failed: signal
            ? `stopped after ${timeoutMs / 60_000} min (${lastLine || 'no progress'})`
            : `exit ${code}: ${lastLine}`,
        });
    });
  });
}

const sizes = (process.env.DEMO_BENCH_SIZES ?? `${DEFAULT_DEMO_CHILDREN},1000000`)
  .split(',')
  .map(Number);
const url = process.env.TEST_DATABASE_URL;
const work = mkdtempSync(path.join(os.tmpdir(), 'tumbuh-demo-bench-'));
const rows: string[] = [];
const loadBefore = os.loadavg()[0]!;

function row(engine: string, children: number, r: RunResult | { failed: string }) {
  if ('failed' in r) {
    rows.push(`| ${engine} | ${children.toLocaleString('en')} | — | — | — | — | ${r.failed} |`);
    return;
  }
  const seconds = r.ms / 1000;
  rows.push(
    `| ${engine} | ${r.children.toLocaleString('en')} | ${r.measurements.toLocaleString('en')} | ${seconds < 100 ? seconds.toFixed(1) : Math.round(seconds)} s | ${Math.round(r.measurements / seconds).toLocaleString('en')} | ${Math.round(r.maxRssMb).toLocaleString('en')} MB | |`,
  );
}

try {
  // A migrated PGlite directory with all regions, copied for each run.
  const pgliteBase = path.join(work, 'base');
  console.error('preparing a PGlite database (migrations + regions)…');
  await (await openDatabase({ kind: 'pglite', dataDir: pgliteBase })).close();

  let admin: pg.Client | null = null;
  const template = `tumbuh_demo_bench_${process.pid}`;
  if (url) {
    admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${template}`);
    const templateUrl = new URL(url);
    templateUrl.pathname = `/${template}`;
    console.error('preparing a PostgreSQL template database (migrations + regions)…');
    await (
      await openDatabase({ kind: 'postgres', url: templateUrl.toString(), poolSize: 2 })
    ).close();
  }

  for (const children of sizes) {
    console.error(`\n▶ generation only, ${children} children`);
    row(
      'generation only (no database)',
      children,
      await spawnRun({ engine: 'none', children, target: '' }),
    );

    console.error(`\n▶ PGlite, ${children} children`);
    const dir = path.join(work, `pglite-${children}`);
    cpSync(pgliteBase, dir, { recursive: true });
    row('PGlite (files)', children, await spawnRun({ engine: 'pglite', children, target: dir }));
    rmSync(dir, { recursive: true, force: true });

    if (admin && url) {
      console.error(`\n▶ PostgreSQL, ${children} children`);
      const name = `tumbuh_demo_bench_${children}_${process.pid}`;
      await admin.query(`create database ${name} template ${template}`);
      const runUrl = new URL(url);
      runUrl.pathname = `/${name}`;
      row(
        'PostgreSQL',
        children,
        await spawnRun({ engine: 'postgres', children, target: runUrl.toString() }),
      );
      await admin.query(`drop database if exists ${name} with (force)`);
      if (children === Math.max(...sizes)) {
        console.error(`\n▶ PostgreSQL, ${children} children, V8 heap capped at ${HEAP_CAP_MB} MB`);
        await admin.query(`create database ${name} template ${template}`);
        row(
          `PostgreSQL, V8 heap capped at ${HEAP_CAP_MB} MB`,
          children,
          await spawnRun({
            engine: 'postgres',
            children,
            target: runUrl.toString(),
            heapMb: HEAP_CAP_MB,
          }),
        );
        await admin.query(`drop database if exists ${name} with (force)`);
      }
    }
  }
  if (admin) {
    await admin.query(`drop database if exists ${template} with (force)`);
    await admin.end();
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

let pgVersion = 'not run (no TEST_DATABASE_URL)';
if (url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  pgVersion = String(
    (await client.query<{ server_version: string }>('show server_version')).rows[0]?.server_version,
  );
  await client.end();
}

console.log(`\`tumbuh demo\` (services/demo \`generateDemo\`: plan, generate with the growth engine, COPY in one transaction, set-wise foreign-key check, commit) into a migrated database with the regions loaded; seed 1, 24 months to ${TODAY}. One run each, each in its own process (\`node scripts/with-postgres.mjs npm run bench demo\`). Peak RSS is the Node process (PGlite runs inside it with its WebAssembly heap; the PostgreSQL server's own memory is not included). The loader holds one round of 1,000 children while the previous one is being copied, and COPY statements of at most 50,000 (PGlite) or 200,000 (PostgreSQL) rows; the run with the V8 heap capped at ${HEAP_CAP_MB} MB shows that what the uncapped runs show above that is garbage V8 had no reason to collect yet, not data held. PostgreSQL: ${pgVersion}, local, fsync off (scripts/with-postgres.mjs). Load average (1 min) at start ${loadBefore.toFixed(1)}, at end ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores: the machine was shared, so times are upper bounds.

| database | children | measurements | time | measurements/s | peak RSS | note |
| --- | --: | --: | --: | --: | --: | --- |
${rows.join('\n')}`);
