import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Role } from '../core/access/roles.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import { insertUser as insertUserRow } from '../db/queries/users.ts';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/env.ts';
import { hashPassword } from '../services/auth/passwords.ts';
import { createTestDb } from './db.ts';

export const testPassword = 'correct horse battery staple';
let passwordHash: Promise<string> | null = null;
let userCounter = 0;

/** A test clock that tests can move forward (sessions, locks). */
export function testClock(start = new Date('2026-11-24T08:00:00Z')) {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advanceMinutes: (minutes: number) => (now += minutes * 60_000),
  };
}

export interface TestApp {
  app: FastifyInstance;
  database: DatabaseHandle;
  clock: ReturnType<typeof testClock>;
  close(): Promise<void>;
}

/** The real app on a fresh test database, with a controllable clock and silent logs. */
export async function testApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDb();
  const clock = testClock();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    RATE_LIMIT_PER_MINUTE: '100000',
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    ...env,
  });
  const app = await buildApp({ database, config, now: clock.now, logger: false });
  await app.ready();
  return {
    app,
    database,
    clock,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** A user row with the shared test password (no one-time password to change). */
export async function insertUser(
  database: DatabaseHandle,
  fields: {
    role: Role;
    regionCode: string;
    email?: string;
    name?: string;
    mustChangePassword?: boolean;
  },
) {
  passwordHash ??= hashPassword(testPassword);
  userCounter += 1;
  return insertUserRow(database.db, {
    email: fields.email ?? `${fields.role}${userCounter}.${fields.regionCode}@test.tumbuh.id`,
    name: fields.name ?? `Test ${fields.role} ${userCounter}`,
    role: fields.role,
    region_code: fields.regionCode,
    password_hash: await passwordHash,
    must_change_password: fields.mustChangePassword ?? false,
  });
}

export interface Session {
  cookie: string;
  csrfToken: string;
  /** Headers for a write: cookie + CSRF token + JSON. */
  headers: Record<string, string>;
  userId: string;
}

export function sessionCookieOf(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === 'tumbuh_session');
  if (!cookie)
    throw new Error(`no session cookie in response ${response.statusCode}: ${response.body}`);
  return `tumbuh_session=${cookie.value}`;
}

/** Creates a user of that role and region and logs in through the API. */
export async function loginAs(t: TestApp, role: Role, regionCode: string): Promise<Session> {
  const user = await insertUser(t.database, { role, regionCode });
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: user.email, password: testPassword },
  });
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.body}`);
  const cookie = sessionCookieOf(response);
  const csrfToken = response.json<{ csrfToken: string }>().csrfToken;
  return { cookie, csrfToken, userId: user.id, headers: { cookie, 'x-csrf-token': csrfToken } };
}

/** Creates a kader of a posyandu in `regionCode` (their desa) and logs in through the API. */
export async function loginKader(
  t: TestApp,
  regionCode: string,
  posyanduId: string,
): Promise<Session> {
  const user = await insertUser(t.database, { role: 'kader', regionCode });
  await t.database.db
    .updateTable('app_user')
    .set({ posyandu_id: posyanduId })
    .where('id', '=', user.id)
    .execute();
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: user.email, password: testPassword },
  });
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.body}`);
  const cookie = sessionCookieOf(response);
  const csrfToken = response.json<{ csrfToken: string }>().csrfToken;
  return { cookie, csrfToken, userId: user.id, headers: { cookie, 'x-csrf-token': csrfToken } };
}
