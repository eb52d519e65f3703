/**
 * The public portal on a cheap phone:
 * - initial JavaScript of the home page, gzip: the entry chunk, its static imports and the home
 *   page's own chunk with its static imports (from Vite's manifest), next to what is loaded
 *   later (map, charts) — the target is ≤ 150 KB;
 * - Lighthouse (npm `lighthouse`, Debian's Chromium, its default mobile settings: Moto G Power
 *   emulation, simulated slow 4G, 4× CPU slowdown) on the home page: performance and
 *   accessibility scores, median of PORTAL_BENCH_RUNS runs (default 3) — targets ≥ 90 and ≥ 95.
 * The app is the real build served by the real server on the synthetic demo province.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumPath, startServer } from '../e2e/harness.ts';

const RUNS = Number(process.env.PORTAL_BENCH_RUNS ?? 3);
const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'dist/web');

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

const build = spawnSync('npx', ['vite', 'build'], { cwd: root, encoding: 'utf8' });
if (build.status !== 0) throw new Error(`vite build failed:\n${build.stderr}`);
const manifest = JSON.parse(readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8')) as Record<
  string,
  ManifestChunk
>;

/** The chunk and everything it imports statically. */
function withStaticImports(key: string, into = new Set<string>()): Set<string> {
  if (into.has(key)) return into;
  into.add(key);
  for (const dep of manifest[key]?.imports ?? []) withStaticImports(dep, into);
  return into;
}
const gz = (file: string) => gzipSync(readFileSync(path.join(dist, file))).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const entry = Object.keys(manifest).find((k) => manifest[k]!.isEntry)!;
const home = Object.keys(manifest).find((k) => k.endsWith('pages/HomePage.tsx'))!;
const initial = new Set([...withStaticImports(entry), ...withStaticImports(home)]);
const initialFiles = [...initial].map((k) => manifest[k]!.file).filter((f) => f.endsWith('.js'));
const initialBytes = initialFiles.reduce((sum, f) => sum + gz(f), 0);
const lazyKeys = new Set<string>();
for (const key of initial)
  for (const dynamic of manifest[key]!.dynamicImports ?? [])
    if (/MapCanvas|TrendChart/.test(dynamic)) withStaticImports(dynamic, lazyKeys);
const lazyFiles = [...lazyKeys]
  .filter((k) => !initial.has(k))
  .map((k) => manifest[k]!.file)
  .filter((f) => f.endsWith('.js'));
const lazyBytes = lazyFiles.reduce((sum, f) => sum + gz(f), 0);

const server = await startServer({ demoChildren: 3000 });
const scores: {
  performance: number;
  accessibility: number;
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  transfer: number;
}[] = [];
try {
  // Warm the server's caches once, as a visitor after the first would find them.
  await fetch(server.url);
  for (let i = 0; i < RUNS; i++) {
    const chrome = await chromeLauncher.launch({
      chromePath: chromiumPath,
      chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    });
    try {
      const result = await lighthouse(server.url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility'],
      });
      const lhr = result!.lhr;
      const audit = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
      scores.push({
        performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
        accessibility: Math.round((lhr.categories.accessibility?.score ?? 0) * 100),
        fcp: audit('first-contentful-paint'),
        lcp: audit('largest-contentful-paint'),
        tbt: audit('total-blocking-time'),
        cls: audit('cumulative-layout-shift'),
        transfer: audit('total-byte-weight'),
      });
      if (i === 0) {
        const failing = Object.values(lhr.audits)
          .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative')
          .map((a) => `${a.id} (${a.displayValue ?? a.score})`);
        console.error(`lighthouse: audits below 0.9: ${failing.join(', ') || 'none'}`);
      }
    } finally {
      chrome.kill();
    }
  }
} finally {
  await server.stop();
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const m = (key: keyof (typeof scores)[number]) => median(scores.map((s) => s[key]));
const mark = (ok: boolean) => (ok ? '✓' : '✗');

console.log(`| measure | value | target |`);
console.log(`|---|---|---|`);
console.log(
  `| initial JS of the home page (gzip), ${initialFiles.length} files | ${kb(initialBytes)} | ≤ 150 KB ${mark(initialBytes <= 150 * 1024)} |`,
);
console.log(`| loaded later: map and chart chunks (gzip) | ${kb(lazyBytes)} | lazy |`);
console.log(
  `| Lighthouse performance (mobile), median of ${scores.length} | ${m('performance')} | ≥ 90 ${mark(m('performance') >= 90)} |`,
);
console.log(
  `| Lighthouse accessibility, median of ${scores.length} | ${m('accessibility')} | ≥ 95 ${mark(m('accessibility') >= 95)} |`,
);
console.log(
  `| first / largest contentful paint (simulated slow 4G) | ${(m('fcp') / 1000).toFixed(1)} s / ${(m('lcp') / 1000).toFixed(1)} s | |`,
);
console.log(
  `| total blocking time / layout shift | ${Math.round(m('tbt'))} ms / ${m('cls').toFixed(3)} | |`,
);
console.log(`| bytes transferred by the home page | ${kb(m('transfer'))} | |`);
console.log('');
console.log(
  `All runs: ${scores.map((s) => `${s.performance}/${s.accessibility}`).join(', ')} (performance/accessibility). Initial files: ${initialFiles.map((f) => `${path.basename(f)} ${kb(gz(f))}`).join(', ')}.`,
);
