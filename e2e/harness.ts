import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { chromium, type Browser, type Page } from 'playwright-core';

const root = path.resolve(import.meta.dirname, '..');
export const screenshotDir = path.join(root, 'e2e', 'screenshots');

/** Debian's Chromium (apt-get install chromium); never a downloaded browser. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/**
 * Without Chromium the browser tests are skipped with a warning on a developer machine, and fail
 * in CI (CI=true), where .ci/run installs it.
 */
export const hasChromium = existsSync(chromiumPath);

/**
 * How long an `expect.poll` waits for the page: lazily loaded chunks (the English texts, maps,
 * charts) and the server's answers can take seconds on a busy 2-core CI machine.
 */
export const until = { timeout: 20_000 };
if (!hasChromium) {
  const message = `Chromium not found at ${chromiumPath}: install it (apt-get install chromium) or set CHROMIUM_PATH.`;
  if (process.env.CI) throw new Error(message);
  console.warn(`\n⚠ ${message} Browser tests are skipped.\n`);
}

export interface RunningServer {
  url: string;
  adminEmail: string;
  /** One-time password printed by `tumbuh user add`. */
  adminPassword: string;
  stop(): Promise<void>;
}

const run = promisify(execFile);

/**
 * The real app as a user starts it: `tumbuh user add` for the first admin, then the server on a
 * free port, on a fresh PGlite directory (or a fresh PostgreSQL database with TEST_DATABASE_URL).
 */
export async function startServer(options: { demoChildren?: number } = {}): Promise<RunningServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tumbuh-e2e-'));
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    TUMBUH_DATA_DIR: dataDir,
    PORT: '0',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'test',
    // An empty registry unless the test asks for the synthetic demo province (and how big).
    TUMBUH_DEMO: options.demoChildren ? 'true' : 'false',
    ...(options.demoChildren && { TUMBUH_DEMO_CHILDREN: String(options.demoChildren) }),
  };
  delete env.DATABASE_URL;
  let dropDatabase = async () => {};
  const testUrl = process.env.TEST_DATABASE_URL;
  if (testUrl) {
    const name = `tumbuh_e2e_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: testUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(testUrl);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
    dropDatabase = async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  }
  const adminEmail = 'admin@e2e.tumbuh.id';
  const cli = path.join(root, 'src/cli/main.ts');
  const created = await run(
    process.execPath,
    [
      '--import',
      'tsx',
      cli,
      'user',
      'add',
      '--role',
      'admin',
      '--region',
      '53',
      '--email',
      adminEmail,
      '--name',
      'Admin NTT',
    ],
    { env, cwd: root },
  );
  const adminPassword = /^\s+(\S{16})\s*$/m.exec(created.stdout)?.[1];
  if (!adminPassword) throw new Error(`no one-time password in: ${created.stdout}`);

  const server: ChildProcess = spawn(
    process.execPath,
    // the heap budget npm start gives the server (TUMBUH_HEAP_MB)
    ['--max-old-space-size=256', '--import', 'tsx', path.join(root, 'src/server/main.ts')],
    { env, cwd: root, stdio: ['ignore', 'inherit', 'pipe'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 120_000);
    server.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /ready in \d+ ms on \w+: (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    server.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  return {
    url,
    adminEmail,
    adminPassword,
    async stop() {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
      await dropDatabase();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/** Saves a screenshot under e2e/screenshots/ (git-ignored) for a person to look at. */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
}

/** The password test users end up with (apiLogin replaces one-time passwords by it). */
export const e2ePassword = 'kupang sehat bebas stunting';

/** Logs in through the login page and waits until the app has left it. */
export async function logIn(
  page: Page,
  url: string,
  email: string,
  password = e2ePassword,
): Promise<void> {
  await page.goto(`${url}/masuk`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Kata sandi', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/masuk'), { timeout: 20_000 });
}

/** A logged-in API client for setting up a browser test (cookie session + CSRF header). */
export interface ApiClient {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body: unknown): Promise<T>;
}

/**
 * Logs in through the API as the app's own client does: session cookie and CSRF token. A user
 * with a one-time password replaces it with `newPassword` first (the server allows nothing else).
 */
export async function apiLogin(
  url: string,
  email: string,
  password: string,
  newPassword = e2ePassword,
): Promise<ApiClient> {
  let cookie = '';
  let csrf = '';
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(url + path, {
      method,
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(cookie ? { cookie } : {}),
        ...(csrf && method !== 'GET' ? { 'x-csrf-token': csrf } : {}),
      },
      body: body === undefined ? null : JSON.stringify(body),
    });
    const setCookie = response.headers.getSetCookie();
    if (setCookie.length > 0) cookie = setCookie.map((c) => c.split(';')[0]).join('; ');
    const payload = (await response.json()) as { csrfToken?: unknown };
    if (!response.ok)
      throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(payload)}`);
    if (typeof payload.csrfToken === 'string') csrf = payload.csrfToken;
    return payload as T;
  }
  const session = await call<{ user: { mustChangePassword: boolean } }>('POST', '/api/auth/login', {
    email,
    password,
  });
  if (session.user.mustChangePassword) {
    await call('POST', '/api/auth/password', { currentPassword: password, newPassword });
    await call('GET', '/api/auth/session');
  }
  return {
    get: <T>(path: string) => call<T>('GET', path),
    post: <T>(path: string, body: unknown) => call<T>('POST', path, body),
  };
}
