/**
 * Import of a 1,000,000-row e-PPGBM-style CSV (100,000 children × 10 monthly weighings, realistic
 * WHO-plausible values, ~0.2 % bad rows) through `commitImport` — the whole path: file checks,
 * parsing, row checks, bulk matching/creation of children and posyandu, recordMeasurements — on
 * PostgreSQL (when TEST_DATABASE_URL is set: `node scripts/with-postgres.mjs npm run bench import`)
 * and on PGlite (files in a temp directory, as `npm start` uses it); then a streaming export of
 * the same rows. Each import and export runs in its own process, so its peak RSS (VmHWM read from
 * /proc/self/status at the end) is its own. IMPORT_BENCH_ROWS=100000 for a quicker run;
 * IMPORT_BENCH_PGLITE=false for PostgreSQL alone; IMPORT_BENCH_PROFILE=DIR for CPU profiles.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { ageDaysBetween } from '../src/core/growth/age.ts';
import { measurementAtZ } from '../src/core/growth/inverse.ts';
import type { DatabaseConfig } from '../src/db/config.ts';
import { findChildRegions } from '../src/db/queries/regions.ts';
import { seededRandom } from '../src/core/seeded-random.ts';
import type { ServiceContext } from '../src/services/context.ts';
import { openDatabase } from '../src/services/database.ts';
import { csvStream, xlsxStream } from '../src/services/export/table-export.ts';
import { commitImport } from '../src/services/import/imports.ts';
import {
  exportMeasurements,
  measurementExportColumns,
} from '../src/services/import/registry-export.ts';

const ROWS = Number(process.env.IMPORT_BENCH_ROWS ?? 1_000_000);
const MONTHS = 10;
const CHILDREN = Math.ceil(ROWS / MONTHS);
const DISTRICT = '5301'; // Kabupaten Kupang
const here = fileURLToPath(import.meta.url);
const outDir = path.join(path.dirname(here), 'out');

function peakRssMb(): number {
  const status = readFileSync('/proc/self/status', 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

/** Seeded PRNG (mulberry32) and a normal deviate: the same file on every run. */
function random(seed: number) {
  const next = seededRandom(seed);
  const normal = () => Math.sqrt(-2 * Math.log(next() + 1e-12)) * Math.cos(2 * Math.PI * next());
  return { next, normal };
}

const FIRST = [
  'Maria',
  'Yohana',
  'Agustina',
  'Yosef',
  'Fransiskus',
  'Kornelis',
  'Veronika',
  'Paulus',
  'Siti',
  'Ahmad',
  'Dewi',
  'Budi',
  'Rina',
  'Yuliana',
  'Benediktus',
  'Agnes',
  'Klara',
  'Markus',
  'Lukas',
  'Theresia',
];
const LAST = [
  'Seran',
  'Nahak',
  'Bria',
  'Taek',
  'Bere',
  'Tefa',
  'Nono',
  'Lake',
  'Luruk',
  'Nenoliu',
  'Lay',
  'Manu',
  'Ximenes',
  'Amaral',
  'Kase',
  'Sole',
  'Banunaek',
  'Ndun',
  'Pah',
  'Haning',
];

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const comma = (x: number, digits: number) => x.toFixed(digits).replace('.', ',');

/** Writes the CSV the way Excel in an Indonesian locale saves it (semicolons, decimal commas). */
async function generate(file: string, villages: string[]): Promise<void> {
  const rnd = random(20261124);
  const children = Array.from({ length: CHILDREN }, (_, i) => {
    const birth = new Date(Date.UTC(2022, 0, 1) + Math.floor(rnd.next() * 1460) * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const village = villages[Math.floor(rnd.next() * villages.length)]!;
    const sex: 1 | 2 = rnd.next() < 0.5 ? 1 : 2;
    return {
      nik:
        rnd.next() < 0.7
          ? `${village.slice(0, 6)}${pad(i % 1_000_000, 6)}${pad(Math.floor(rnd.next() * 10000), 4)}`
          : '',
      name: `${FIRST[Math.floor(rnd.next() * FIRST.length)]} ${LAST[Math.floor(rnd.next() * LAST.length)]} ${i}`,
      sex: sex,
      birth,
      mother: `${FIRST[Math.floor(rnd.next() * FIRST.length)]} ${LAST[Math.floor(rnd.next() * LAST.length)]}`,
      village,
      posyandu: `Posyandu ${village.slice(-3)}-${1 + Math.floor(rnd.next() * 3)}`,
      zh: -1 + rnd.normal(),
      zw: -0.6 + rnd.normal(),
    };
  });
  // NIKs must be unique: make them so by the child's index.
  children.forEach(
    (c, i) => c.nik && (c.nik = `${c.village.slice(0, 4)}${pad(i, 8)}${pad(i % 9973, 4)}`),
  );
  const out = createWriteStream(file);
  const write = (line: string) =>
    out.write(line) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', r));
  await write(
    'No;NIK;Nama Anak;JK;Tgl Lahir;Nama Ibu;Kode Desa;Posyandu;Tgl Ukur;BB (kg);TB (cm);Cara Ukur\r\n',
  );
  let n = 0;
  for (let m = 1; m <= MONTHS && n < ROWS; m++) {
    const day = `2026-${pad(m)}-${pad(5 + (m % 7))}`;
    for (const c of children) {
      if (n >= ROWS) break;
      n++;
      let age = ageDaysBetween(c.birth, day);
      let measured = day;
      if (age < 0) {
        // Born after this month's weighing: weighed at birth week instead (still one row per month).
        measured = c.birth;
        age = 0;
      }
      let weight = measurementAtZ('wfa', c.sex, age, c.zw + 0.15 * rnd.normal());
      const height = measurementAtZ('lhfa', c.sex, age, c.zh + 0.1 * rnd.normal());
      const bad = rnd.next();
      if (bad < 0.001) weight = 0; // weight 0
      if (bad > 0.999) measured = `2027-${pad(m)}-01`; // a future date
      await write(
        `${n};${c.nik};${c.name};${c.sex === 1 ? 'L' : 'P'};${dmy(c.birth)};${c.mother};${c.village};${c.posyandu};${dmy(measured)};${comma(weight, 1)};${comma(height, 1)};${age < 731 ? 'Terlentang' : 'Berdiri'}\r\n`,
      );
    }
  }
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
}

interface WorkerTask {
  task: 'baseline' | 'import' | 'export-csv' | 'export-xlsx';
  database: DatabaseConfig;
  file?: string;
}

/** Runs in a child process: one import or one export, then reports its own figures as JSON. */
async function worker(task: WorkerTask): Promise<void> {
  const handle = await openDatabase(task.database);
  try {
    let user = await handle.db
      .selectFrom('app_user')
      .select('id')
      .where('email', '=', 'bench@tumbuh.id')
      .executeTakeFirst();
    user ??= await handle.db
      .insertInto('app_user')
      .values({
        email: 'bench@tumbuh.id',
        name: 'Bench',
        role: 'district',
        region_code: DISTRICT,
        password_hash: 'x',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const ctx: ServiceContext = {
      db: handle.db,
      actor: { id: user.id, role: 'district', regionCode: DISTRICT },
      now: () => new Date('2026-11-24T08:00:00Z'),
      requestId: 'bench',
    };
    const started = performance.now();
    if (task.task === 'baseline') {
      // The same modules loaded, the database open, nothing imported: what every run starts from.
      await import('../src/services/import/imports.ts');
      console.log(JSON.stringify({ seconds: 0, rows: 0, peakRssMb: peakRssMb() }));
    } else if (task.task === 'import') {
      const { batch } = await commitImport(
        ctx,
        { path: task.file!, name: path.basename(task.file!) },
        // As the CLI and the server do: two chunks written at once on PostgreSQL.
        { parallelWrites: task.database.kind === 'postgres' ? 2 : 1 },
      );
      const seconds = (performance.now() - started) / 1000;
      console.log(
        JSON.stringify({ seconds, rows: batch.rows_total, batch, peakRssMb: peakRssMb() }),
      );
    } else {
      const format = task.task === 'export-csv' ? 'csv' : 'xlsx';
      const { rows } = await exportMeasurements(ctx, { regionCode: DISTRICT, format });
      let count = 0;
      async function* counted() {
        for await (const row of rows) {
          count++;
          yield row;
        }
      }
      let bytes = 0;
      const sink = new Writable({
        write(chunk: Buffer, _encoding, done) {
          bytes += chunk.length;
          done();
        },
      });
      await pipeline(
        format === 'csv'
          ? csvStream(measurementExportColumns, counted())
          : xlsxStream('Pengukuran', measurementExportColumns, counted()),
        sink,
      );
      const seconds = (performance.now() - started) / 1000;
      console.log(JSON.stringify({ seconds, rows: count, bytes, peakRssMb: peakRssMb() }));
    }
  } finally {
    await handle.close();
  }
}

function runWorker(task: WorkerTask): {
  seconds: number;
  rows: number;
  peakRssMb: number;
  bytes?: number;
  batch?: {
    rows_imported: number;
    rows_rejected: number;
    children_created: number;
    posyandu_created: number;
  };
} {
  const run = spawnSync(
    process.execPath,
    [
      // IMPORT_BENCH_PROFILE=DIR: a CPU profile of each worker (open in Chrome DevTools).
      ...(process.env.IMPORT_BENCH_PROFILE
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env.IMPORT_BENCH_PROFILE}`]
        : []),
      // the heap budget npm start gives the server (TUMBUH_HEAP_MB, default 256)
      `--max-old-space-size=${process.env.TUMBUH_HEAP_MB ?? 256}`,
      '--import',
      'tsx',
      here,
      '--worker',
      JSON.stringify(task),
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
      maxBuffer: 16 * 2 ** 20,
      env: { ...process.env, TUMBUH_DEMO: 'false' },
    },
  );
  if (run.status !== 0) throw new Error(`worker ${task.task} failed (exit ${run.status})`);
  const last = run.stdout.trim().split('\n').pop()!;
  return JSON.parse(last) as ReturnType<typeof runWorker>;
}

/** The CSV of ROWS rows (generated once, then reused from bench/out/). */
async function benchFile(): Promise<{ file: string; villages: string[] }> {
  mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `import-${ROWS}.csv`);
  const villages = await (async () => {
    const handle = await openDatabase({ kind: 'pglite', dataDir: null });
    try {
      const codes: string[] = [];
      for (const kecamatan of await findChildRegions(handle.db, DISTRICT))
        for (const desa of await findChildRegions(handle.db, kecamatan.code)) codes.push(desa.code);
      return codes;
    } finally {
      await handle.close();
    }
  })();
  const genStarted = performance.now();
  if (!existsSync(file)) await generate(file, villages);
  console.error(`file ${file} ready in ${((performance.now() - genStarted) / 1000).toFixed(1)} s`);
  return { file, villages };
}

async function main(): Promise<void> {
  const loadBefore = os.loadavg();
  const { file, villages } = await benchFile();
  const size = statSync(file).size;
  console.error(
    `file ${file}: ${(size / 2 ** 20).toFixed(1)} MiB, ${ROWS} rows, ${villages.length} desa`,
  );

  const rows: string[] = [];
  const exports: string[] = [];
  const engines: { label: string; database: DatabaseConfig; cleanup: () => Promise<void> }[] = [];
  const url = process.env.TEST_DATABASE_URL;
  let admin: pg.Client | null = null;
  if (url) {
    admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const name = `tumbuh_bench_import_${randomBytes(4).toString('hex')}`;
    await admin.query(`create database ${name}`);
    const target = new URL(url);
    target.pathname = `/${name}`;
    engines.push({
      label: 'PostgreSQL 15 (local, fsync off)',
      database: { kind: 'postgres', url: target.toString(), poolSize: 4 },
      cleanup: async () => void (await admin!.query(`drop database ${name} with (force)`)),
    });
  }
  // IMPORT_BENCH_PGLITE=false: PostgreSQL only (the PGlite runs take about 25 minutes).
  if (process.env.IMPORT_BENCH_PGLITE !== 'false') {
    const liteDir = mkdtempSync(path.join(os.tmpdir(), 'tumbuh-bench-pglite-'));
    engines.push({
      label: 'PGlite (files on disk)',
      database: { kind: 'pglite', dataDir: path.join(liteDir, 'db') },
      cleanup: async () => rmSync(liteDir, { recursive: true, force: true }),
    });
  }

  let baseline = 0;
  for (const engine of engines) {
    try {
      // Migrations and kode wilayah are loaded here, so the workers' peak memory is their own work.
      await (await openDatabase(engine.database)).close();
      baseline = Math.max(
        baseline,
        runWorker({ task: 'baseline', database: engine.database }).peakRssMb,
      );
      console.error(`▶ import on ${engine.label}`);
      const r = runWorker({ task: 'import', database: engine.database, file });
      const b = r.batch!;
      console.error(`  ${r.rows} rows in ${r.seconds.toFixed(1)} s, peak RSS ${r.peakRssMb} MB`);
      rows.push(
        `| ${engine.label} | ${r.rows.toLocaleString('en')} | ${r.seconds.toFixed(1)} | **${Math.round(r.rows / r.seconds).toLocaleString('en')}** | ${r.peakRssMb} | ${b.rows_imported.toLocaleString('en')} / ${b.rows_rejected.toLocaleString('en')} / ${b.children_created.toLocaleString('en')} / ${b.posyandu_created} |`,
      );
      for (const task of engine.database.kind === 'postgres'
        ? (['export-csv', 'export-xlsx'] as const)
        : (['export-csv'] as const)) {
        console.error(`▶ ${task} on ${engine.label}`);
        const e = runWorker({ task, database: engine.database });
        console.error(`  ${e.rows} rows in ${e.seconds.toFixed(1)} s, peak RSS ${e.peakRssMb} MB`);
        exports.push(
          `| ${engine.label} | ${task === 'export-csv' ? 'CSV' : 'XLSX'} | ${e.rows.toLocaleString('en')} | ${((e.bytes ?? 0) / 2 ** 20).toFixed(0)} MiB | ${e.seconds.toFixed(1)} | ${Math.round(e.rows / e.seconds).toLocaleString('en')} | **${e.peakRssMb}** |`,
        );
      }
    } finally {
      // IMPORT_BENCH_KEEP=true: the PostgreSQL database stays (its URL on stderr), to look into.
      if (process.env.IMPORT_BENCH_KEEP === 'true' && engine.database.kind === 'postgres')
        console.error(`kept ${engine.database.url}`);
      else await engine.cleanup();
    }
  }
  await admin?.end();
  const loadAfter = os.loadavg();
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' / ');

  console.log(`\`commitImport\` of one ${ROWS.toLocaleString('en')}-row e-PPGBM-style CSV (${(size / 2 ** 20).toFixed(0)} MiB; ${CHILDREN.toLocaleString('en')} children × ${MONTHS} months in ${villages.length} desa of Kabupaten Kupang, 70 % with NIK, semicolons and decimal commas, ~0.2 % bad rows), on a fresh database each: file checks, parsing, row checks, matching and creating children and posyandu in bulk, \`recordMeasurements\` in chunks of 2,000 (z-scores, N/T, idempotent insert), report. Each import and export in its own process; peak RSS = that process's VmHWM (a process that only loads the same modules and opens the database peaks at ${baseline} MB: Node, tsx, the WHO tables, exceljs, the pg/PGlite driver).
Load average (1/5/15 min) on this shared 2-core machine: ${load(loadBefore)} before, ${load(loadAfter)} after.

| database | rows | seconds | rows/s | peak RSS (MB) | imported / rejected / children created / posyandu created |
| --- | --: | --: | --: | --: | --- |
${rows.join('\n')}

Streaming export of the imported measurements (\`GET /api/export/measurements.csv|xlsx\`: keyset pages of 5,000, z-scores and status labels), written to a counting sink:

| database | format | rows | size | seconds | rows/s | peak RSS (MB) |
| --- | --- | --: | --: | --: | --: | --: |
${exports.join('\n')}
${url ? '' : '\n(PostgreSQL not measured in this run: run under `node scripts/with-postgres.mjs npm run bench import`.)'}
Targets: import ≥ 20,000 rows/s on PostgreSQL with peak RSS ≤ 400 MB; export of 1M rows with peak RSS ≤ 300 MB.`);
}

if (process.argv[2] === '--worker') await worker(JSON.parse(process.argv[3]!) as WorkerTask);
else if (process.argv[2] === '--generate') await benchFile();
else await main();
