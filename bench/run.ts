/**
 * `npm run bench [name…]`: runs each bench/<name>.bench.ts in its own process (so peak memory is
 * that benchmark's own), prints its markdown, and replaces that benchmark's section in
 * bench/results.md together with the machine and date. Benchmarks are not tests: they report.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const benchDir = path.dirname(new URL(import.meta.url).pathname);
const resultsFile = path.join(benchDir, 'results.md');
const wanted = process.argv.slice(2);
const all = readdirSync(benchDir)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace(/\.bench\.ts$/, ''))
  .sort();
const names = wanted.length ? wanted : all;

const machine = `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
// Read again before each section is written: a long benchmark must not undo edits made meanwhile.
const readResults = () =>
  existsSync(resultsFile)
    ? readFileSync(resultsFile, 'utf8')
    : '# Benchmark results\n\nWritten by `npm run bench`; each section is replaced when its benchmark runs again.\n';

for (const name of names) {
  if (!all.includes(name)) {
    console.error(`No benchmark bench/${name}.bench.ts (have: ${all.join(', ')})`);
    process.exitCode = 2;
    continue;
  }
  console.error(`\n▶ ${name}`);
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--expose-gc', path.join(benchDir, `${name}.bench.ts`)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
      maxBuffer: 64 * 2 ** 20,
    },
  );
  if (run.status !== 0) {
    console.error(`✗ ${name} failed (exit ${run.status})`);
    process.exitCode = 1;
    continue;
  }
  process.stdout.write(run.stdout);
  const section = `<!-- bench:${name} -->\n## ${name}\n\n_${new Date().toISOString().slice(0, 10)} · ${machine}_\n\n${run.stdout.trim()}\n<!-- /bench:${name} -->`;
  const pattern = new RegExp(`<!-- bench:${name} -->[\\s\\S]*?<!-- /bench:${name} -->`);
  const results = readResults();
  const updated = pattern.test(results)
    ? results.replace(pattern, section)
    : `${results.trimEnd()}\n\n${section}\n`;
  writeFileSync(resultsFile, updated);
}
