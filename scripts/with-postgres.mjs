#!/usr/bin/env node
// Runs a command against a throwaway PostgreSQL server: initdb in a temp directory, start on a free
// loopback port from the machine's own binaries (/usr/lib/postgresql/*/bin), export
// TEST_DATABASE_URL, run the command, stop the server and delete the directory, whatever happens.
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const command = process.argv.slice(2);
if (command.length === 0) {
  console.error('usage: node scripts/with-postgres.mjs <command…>');
  process.exit(2);
}

const root = '/usr/lib/postgresql';
const versions = existsSync(root)
  ? readdirSync(root).filter((v) => existsSync(path.join(root, v, 'bin', 'initdb')))
  : [];
if (versions.length === 0) {
  console.error(
    'No PostgreSQL server binaries under /usr/lib/postgresql/*/bin. Install them: apt-get install postgresql',
  );
  process.exit(1);
}
const bin = path.join(root, versions.sort((a, b) => Number(b) - Number(a))[0], 'bin');

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

// initdb refuses to run as root: run the server as the postgres user then.
const asRoot = process.getuid?.() === 0;
const run = (file, args) => {
  const [cmd, cmdArgs] = asRoot
    ? ['runuser', ['-u', 'postgres', '--', file, ...args]]
    : [file, args];
  return execFileSync(cmd, cmdArgs, { stdio: ['ignore', 'pipe', 'pipe'] }).toString();
};

const dir = mkdtempSync(path.join(tmpdir(), 'tumbuh-pg-'));
chmodSync(dir, 0o777);
const dataDir = path.join(dir, 'data');
const port = await freePort();
let started = false;

function stop() {
  if (started) {
    try {
      run(path.join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
    } catch {
      /* already stopped */
    }
    started = false;
  }
  rmSync(dir, { recursive: true, force: true });
}

try {
  run(path.join(bin, 'initdb'), [
    '-D',
    dataDir,
    '-U',
    'tumbuh',
    '--auth=trust',
    '-E',
    'UTF8',
    '--locale=C',
    '--no-sync',
  ]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 ${process.env.WITH_POSTGRES_OPTIONS ?? ''}`;
  run(path.join(bin, 'pg_ctl'), [
    '-D',
    dataDir,
    '-o',
    options,
    '-l',
    path.join(dir, 'server.log'),
    '-w',
    'start',
  ]);
  started = true;
} catch (error) {
  console.error(`Could not start PostgreSQL: ${error.stderr?.toString() || error.message}`);
  stop();
  process.exit(1);
}

const url = `postgres://tumbuh@127.0.0.1:${port}/postgres`;
console.error(`[with-postgres] PostgreSQL ${versions[0]} on ${url}`);
const child = spawn(command[0], command.slice(1), {
  stdio: 'inherit',
  env: { ...process.env, TEST_DATABASE_URL: url },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => {
  stop();
  process.exit(code ?? (signal ? 1 : 0));
});
