/**
 * Start-up time of `node src/server/main.ts` on the embedded database: first start (empty data
 * directory: migrations + 91,599 regions) and warm start (everything already there), measured
 * from spawn to the first successful GET /healthz. Median of 5 runs each.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const runs = 3;

async function startOnce(dataDir: string, demo = false): Promise<{ ms: number; rssMb: number }> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'src/server/main.ts')],
    {
      cwd: root,
      env: {
        ...process.env,
        TUMBUH_DATA_DIR: dataDir,
        PORT: '0',
        LOG_LEVEL: 'warn',
        DATABASE_URL: '',
        TUMBUH_DEMO: demo ? 'true' : 'false',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stderr.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /ready in \d+ ms on \w+: (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
  const response = await fetch(`${url}/healthz`);
  if (!response.ok) throw new Error(`healthz ${response.status}`);
  const ms = performance.now() - started;
  const rss = await import('node:fs').then((fs) =>
    fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'),
  );
  const rssMb = Number(/VmHWM:\s+(\d+)/.exec(rss)?.[1] ?? 0) / 1024;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
  return { ms, rssMb };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

const first: { ms: number; rssMb: number }[] = [];
const warm: { ms: number; rssMb: number }[] = [];
for (let i = 0; i < runs; i++) {
  const dir = mkdtempSync(path.join(tmpdir(), 'tumbuh-startup-'));
  try {
    first.push(await startOnce(dir));
    warm.push(await startOnce(dir));
    console.error(
      `run ${i + 1}: first ${Math.round(first.at(-1)!.ms)} ms, warm ${Math.round(warm.at(-1)!.ms)} ms`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
// What `npm start` does on a fresh checkout: regions and the default synthetic demo (20,000 children).
const withDemo: { ms: number; rssMb: number }[] = [];
for (let i = 0; i < 1; i++) {
  const dir = mkdtempSync(path.join(tmpdir(), 'tumbuh-startup-demo-'));
  try {
    withDemo.push(await startOnce(dir, true));
    console.error(`demo run ${i + 1}: first ${Math.round(withDemo.at(-1)!.ms)} ms`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const row = (name: string, xs: { ms: number; rssMb: number }[]) =>
  `| ${name} | ${(median(xs.map((x) => x.ms)) / 1000).toFixed(2)} s | ${(Math.min(...xs.map((x) => x.ms)) / 1000).toFixed(2)}–${(Math.max(...xs.map((x) => x.ms)) / 1000).toFixed(2)} s | ${Math.round(median(xs.map((x) => x.rssMb)))} MB |`;
console.log(`Server start on PGlite, spawn → first 200 from /healthz, ${runs} runs (\`npm run bench startup\`).

| start | median | range | peak RSS (median) |
| --- | --- | --- | --- |
${row('first (empty directory: migrate + load 91,599 regions), TUMBUH_DEMO=false', first)}
${row('first with the default demo (+ 20,000 synthetic children, ~280k measurements; 1 run)', withDemo)}
${row('warm (existing database)', warm)}

\`npm start\` also runs \`vite build\` first (not included above).`);
