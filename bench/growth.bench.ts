/**
 * Growth engine benchmark (`npm run bench growth`): rows per second of the batch API on 1M and
 * 10M generated measurements, and the wall time and peak memory of `tumbuh zscores` on a
 * 1M-row CSV. Prints markdown on stdout (bench/run.ts puts it into bench/results.md); progress on
 * stderr. Data are generated deterministically (seeded PRNG → z-scores → measurements through
 * the inverse), so every run measures the same rows.
 */
import { spawnSync } from 'node:child_process';
import {
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  openSync,
  closeSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { seededRandom } from '../src/core/seeded-random.ts';
import {
  allocateGrowthOutput,
  growthZScoresBatch,
  MEASURE_HEIGHT,
  MEASURE_LENGTH,
  measurementAtZ,
  type GrowthInputColumns,
  type GrowthOutputColumns,
  type Sex,
} from '../src/core/growth/index.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const log = (message: string): void => {
  process.stderr.write(`  ${message}\n`);
};

const prng = seededRandom;

type Mix = 'posyandu' | 'all';

/**
 * n measurements of children 0–59 months. `posyandu`: what a posyandu records — weight,
 * length/height (5 % in the other position), oedema 0.1 %, head circumference for 30 % of the
 * under-twos, arm circumference (LiLA) for 40 % from 6 months, no skinfolds (those columns
 * absent). `all`: every row has all eight measurements. z-scores are drawn around the levels of
 * an Indonesian district (HAZ −1, WHZ −0.3), measurements rounded to 0.1 like real records.
 */
function generate(n: number, seed: number, mix: Mix): GrowthInputColumns {
  const rnd = prng(seed);
  const normal = (): number => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  const round1 = (x: number): number => Math.round(x * 10) / 10;
  const all = mix === 'all';
  const c = {
    sex: new Uint8Array(n),
    ageDays: new Float64Array(n),
    weightKg: new Float64Array(n),
    lengthHeightCm: new Float64Array(n),
    measure: new Uint8Array(n),
    oedema: new Uint8Array(n),
    headCircumferenceCm: new Float64Array(n).fill(NaN),
    armCircumferenceCm: new Float64Array(n).fill(NaN),
    tricepsSkinfoldMm: all ? new Float64Array(n) : undefined,
    subscapularSkinfoldMm: all ? new Float64Array(n) : undefined,
  };
  for (let i = 0; i < n; i++) {
    const sex: Sex = rnd() < 0.5 ? 1 : 2;
    const age = Math.floor(rnd() * 1826);
    c.sex[i] = sex;
    c.ageDays[i] = age;
    const lying = age < 731 ? rnd() > 0.05 : rnd() < 0.05;
    c.measure[i] = lying ? MEASURE_LENGTH : MEASURE_HEIGHT;
    const length = measurementAtZ('lhfa', sex, age, -1 + 1.1 * normal());
    c.lengthHeightCm[i] = round1(length);
    let weight = measurementAtZ(age < 731 ? 'wfl' : 'wfh', sex, length, -0.3 + 1.1 * normal());
    if (!(weight > 0)) weight = measurementAtZ('wfa', sex, age, -0.8 + 1.1 * normal());
    c.weightKg[i] = round1(weight);
    c.oedema[i] = rnd() < 0.001 ? 1 : 0;
    const later = Math.max(age, 91);
    if (all || (age < 731 && rnd() < 0.3)) {
      c.headCircumferenceCm[i] = round1(measurementAtZ('hcfa', sex, age, normal()));
    }
    if (all || (age >= 182 && rnd() < 0.4)) {
      c.armCircumferenceCm[i] = round1(measurementAtZ('acfa', sex, later, -0.3 + normal()));
    }
    if (c.tricepsSkinfoldMm && c.subscapularSkinfoldMm) {
      c.tricepsSkinfoldMm[i] = round1(measurementAtZ('tsfa', sex, later, normal()));
      c.subscapularSkinfoldMm[i] = round1(measurementAtZ('ssfa', sex, later, normal()));
    }
  }
  return c;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const fmt = (x: number, digits = 2): string => x.toFixed(digits);
const millions = (x: number): string => `${fmt(x / 1e6)} M`;

function zScoreCount(out: GrowthOutputColumns, n: number): number {
  let count = 0;
  for (const z of [out.zlen, out.zwei, out.zwfl, out.zbmi, out.zhc, out.zac, out.zts, out.zss]) {
    for (let i = 0; i < n; i++) if (z[i] === z[i]) count++;
  }
  return count;
}

interface BatchResult {
  n: number;
  mix: Mix;
  runs: number;
  wallRowsPerS: number;
  cpuRowsPerS: number;
  zPerRow: number;
  minWallMs: number;
  maxWallMs: number;
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function benchBatch(n: number, mix: Mix, runs: number): BatchResult {
  log(`generating ${n.toLocaleString('en')} rows (${mix})…`);
  const input = generate(n, 20_250_101 + n, mix);
  const output = allocateGrowthOutput(n);
  growthZScoresBatch(input, output, 0, Math.min(n, 200_000)); // warm up the JIT
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let r = 0; r < runs; r++) {
    gc();
    const cpu = process.cpuUsage();
    const t = performance.now();
    growthZScoresBatch(input, output);
    walls.push(performance.now() - t);
    const used = process.cpuUsage(cpu);
    cpus.push((used.user + used.system) / 1000);
    log(`batch ${mix} ${n.toLocaleString('en')}: run ${r + 1}/${runs} ${fmt(walls.at(-1)!, 0)} ms`);
  }
  const result = {
    n,
    mix,
    runs,
    wallRowsPerS: n / (median(walls) / 1000),
    cpuRowsPerS: n / (median(cpus) / 1000),
    zPerRow: zScoreCount(output, n) / n,
    minWallMs: Math.min(...walls),
    maxWallMs: Math.max(...walls),
  };
  return result;
}

/** The CSV the CLI reads: the columns of data/who-growth/sample-cases.csv. */
function writeCsv(file: string, n: number): void {
  const c = generate(n, 424_242, 'posyandu');
  const cell = (x: number | undefined): string => (x === undefined || x !== x ? '' : String(x));
  const parts = ['id,sex,age_days,weight_kg,lenhei_cm,measure,oedema,headc_cm,armc_cm\n'];
  let block = '';
  for (let i = 0; i < n; i++) {
    block +=
      `c${i},${c.sex[i]},${c.ageDays![i]},${cell(c.weightKg![i])},${cell(c.lengthHeightCm![i])},` +
      `${c.measure![i] === MEASURE_LENGTH ? 'L' : 'H'},${c.oedema![i] ? 'y' : 'n'},` +
      `${cell(c.headCircumferenceCm![i])},${cell(c.armCircumferenceCm![i])}\n`;
    if (block.length > 1 << 20) {
      parts.push(block);
      block = '';
    }
  }
  parts.push(block);
  writeFileSync(file, parts.join(''));
}

interface TimedRun {
  wallS: number;
  maxRssMb: number;
  cpuS: number;
}

/** Runs a command under /usr/bin/time -v; stdout to `outFile`. */
function timed(args: string[], outFile: string, timeFile: string): TimedRun {
  const fd = openSync(outFile, 'w');
  try {
    const r = spawnSync('/usr/bin/time', ['-v', '-o', timeFile, process.execPath, ...args], {
      cwd: root,
      stdio: ['ignore', fd, 'pipe'],
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  } finally {
    closeSync(fd);
  }
  const report = readFileSync(timeFile, 'utf8');
  const field = (label: string): string => {
    const m = new RegExp(`${label}: (.+)`).exec(report);
    if (!m?.[1]) throw new Error(`no "${label}" in /usr/bin/time output`);
    return m[1].trim();
  };
  const wall = field('Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)')
    .split(':')
    .reduce((acc, part) => acc * 60 + Number(part), 0);
  return {
    wallS: wall,
    maxRssMb: Number(field('Maximum resident set size \\(kbytes\\)')) / 1024,
    cpuS: Number(field('User time \\(seconds\\)')) + Number(field('System time \\(seconds\\)')),
  };
}

function benchCli(
  rows: number,
  runs: number,
): {
  runs: TimedRun[];
  startup: TimedRun[];
  inputMb: number;
  outputMb: number;
  outputLines: number;
} {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tumbuh-bench-growth-'));
  try {
    const csv = path.join(dir, 'cases.csv');
    const out = path.join(dir, 'zscores.csv');
    const timeFile = path.join(dir, 'time.txt');
    log(`writing ${rows.toLocaleString('en')}-row CSV to ${csv}…`);
    writeCsv(csv, rows);
    const cli = ['--import', 'tsx', 'src/cli/main.ts', 'zscores'];
    const startup = [0, 1, 2].map(() => timed([...cli, '--help'], out, timeFile));
    const results: TimedRun[] = [];
    for (let r = 0; r < runs; r++) {
      results.push(timed([...cli, csv], out, timeFile));
      log(
        `cli run ${r + 1}/${runs}: ${fmt(results.at(-1)!.wallS)} s, ${fmt(results.at(-1)!.maxRssMb, 0)} MB`,
      );
    }
    const text = readFileSync(out, 'latin1');
    let lines = 0;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
    return {
      runs: results,
      startup,
      inputMb: statSync(csv).size / 2 ** 20,
      outputMb: statSync(out).size / 2 ** 20,
      outputLines: lines,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const loadBefore = os.loadavg()[0]!;
const batch: BatchResult[] = [];
for (const [n, runs] of [
  [1_000_000, 11],
  [10_000_000, 3],
] as const) {
  for (const mix of ['posyandu', 'all'] as const) {
    batch.push(benchBatch(n, mix, runs));
    gc();
  }
}
const cliRows = 1_000_000;
const cli = benchCli(cliRows, 5);
const loadAfter = os.loadavg()[0]!;

const cliWall = median(cli.runs.map((r) => r.wallS));
const cliRss = median(cli.runs.map((r) => r.maxRssMb));
const cliCpu = median(cli.runs.map((r) => r.cpuS));
const startupWall = median(cli.startup.map((r) => r.wallS));
const posyandu1m = batch.find((b) => b.n === 1_000_000 && b.mix === 'posyandu')!;
const slowestPosyandu = batch
  .filter((b) => b.mix === 'posyandu')
  .reduce((a, b) => (b.wallRowsPerS < a.wallRowsPerS ? b : a));
const all1m = batch.find((b) => b.n === 1_000_000 && b.mix === 'all')!;
const ok = (pass: boolean): string => (pass ? 'met' : '**missed**');

const lines = [
  `Batch API (\`growthZScoresBatch\`, one thread, unrounded outputs on) and \`tumbuh zscores\`.`,
  `Load average (1 min) on this shared 2-core machine: ${fmt(loadBefore)} before, ${fmt(loadAfter)} after the run` +
    (Math.max(loadBefore, loadAfter) > 1.5
      ? ' (other work was running: figures are pessimistic; medians of several runs are quoted, CPU-time rates alongside).'
      : ' (quiet; medians of several runs are quoted, CPU-time rates alongside).'),
  '',
  '| rows | mix | z-scores per row | runs | rows/s (median, wall) | rows/s (median, CPU time) | rows/s (fastest run) | z-scores/s (median, wall) | fastest–slowest run |',
  '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...batch.map(
    (b) =>
      `| ${b.n.toLocaleString('en')} | ${b.mix} | ${fmt(b.zPerRow)} | ${b.runs} | ${millions(b.wallRowsPerS)} | ${millions(b.cpuRowsPerS)} | ${millions(b.n / (b.minWallMs / 1000))} | ${millions(b.wallRowsPerS * b.zPerRow)} | ${fmt(b.minWallMs, 0)}–${fmt(b.maxWallMs, 0)} ms |`,
  ),
  '',
  '`posyandu`: weight, length/height, oedema, head circumference for some under-twos, LiLA for some',
  'children (zlen, zwei, zwfl, zbmi, sometimes zhc/zac); `all`: all eight indicators on every row.',
  '',
  `\`tumbuh zscores\` on a ${cliRows.toLocaleString('en')}-row CSV (${fmt(cli.inputMb, 1)} MiB in, ${fmt(cli.outputMb, 1)} MiB out, ${cli.outputLines.toLocaleString('en')} lines), ${cli.runs.length} runs, output to a file, measured with /usr/bin/time -v:`,
  '',
  '| measure | median | all runs |',
  '| --- | ---: | --- |',
  `| wall time | ${fmt(cliWall)} s | ${cli.runs.map((r) => fmt(r.wallS)).join(', ')} |`,
  `| CPU time (user + sys) | ${fmt(cliCpu)} s | ${cli.runs.map((r) => fmt(r.cpuS)).join(', ')} |`,
  `| peak RSS | ${fmt(cliRss, 0)} MB | ${cli.runs.map((r) => fmt(r.maxRssMb, 0)).join(', ')} |`,
  `| of which startup (node + tsx, \`zscores --help\`) | ${fmt(startupWall)} s wall | ${cli.startup.map((r) => fmt(r.wallS)).join(', ')} |`,
  '',
  'Targets:',
  `- batch ≥ 5 M measurements/s on one core, a measurement being one posyandu visit (row): ${ok(slowestPosyandu.wallRowsPerS >= 5e6)} at every size (${millions(posyandu1m.wallRowsPerS)} rows/s on 1M, ${millions(slowestPosyandu.wallRowsPerS)} on ${slowestPosyandu.n.toLocaleString('en')});` +
    ` rows with all eight z-scores (skinfolds included, which no posyandu records): ${millions(all1m.wallRowsPerS)} rows/s on 1M, ${ok(all1m.wallRowsPerS * all1m.zPerRow >= 5e6)} counted as z-scores (${millions(all1m.wallRowsPerS * all1m.zPerRow)}/s).`,
  `- CLI on 1M rows ≤ 3 s wall: ${ok(cliWall <= 3)} (${fmt(cliWall)} s, tsx startup included); peak RSS ≤ 300 MB: ${ok(cliRss <= 300)} (${fmt(cliRss, 0)} MB).`,
];
process.stdout.write(`${lines.join('\n')}\n`);
