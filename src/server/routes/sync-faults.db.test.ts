/**
 * Issue 5, "what must be shown": 10,000 queued submissions sent by the phone's own sync engine
 * (src/web/offline) and its IndexedDB store (fake-indexeddb in Node) over real HTTP to the real
 * server and database (PGlite; PostgreSQL with TEST_DATABASE_URL), through a proxy that injects
 * failures: connections dropped before the server got the request and after it committed but
 * before the phone saw the answer, duplicated deliveries (sent twice at once), deliveries held back
 * and delivered late (out of order), 502s while the server restarts (the app closed and rebuilt on
 * the same database), and the phone app closing between the answer and writing it down. Then:
 * every submission is stored exactly once, nothing else is, and the queue is empty.
 */
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncPushResponse } from '../../contract/sync.ts';
import { insertPosyandu } from '../../db/queries/registry.ts';
import type { DatabaseHandle } from '../../db/connect.ts';
import { createTestDb, testEngine } from '../../test/db.ts';
import { insertUser, testPassword } from '../../test/app.ts';
import { idbStore, openOfflineDb, type IdbStore } from '../../web/offline/idb-store.ts';
import type { OutboxItem } from '../../web/offline/outbox.ts';
import { createSyncEngine } from '../../web/offline/sync-engine.ts';
import { httpTransport } from '../../web/offline/transport.ts';
import { buildApp } from '../app.ts';
import { loadConfig } from '../env.ts';

const DESA = '5301042003';
const CHILDREN = 1000;
const MONTHS = 9;
const TOTAL = CHILDREN * (1 + MONTHS);

/** A seeded random source: the same run every time, so a failure can be replayed. */
function seeded(seed: number) {
  let s = seed;
  return () => ((s = (s * 16807) % 2147483647) - 1) / 2147483646;
}

type Fault = 'dropBefore' | 'dropAfter' | 'duplicate' | 'late' | 'restart502' | 'appClosed';

let database: DatabaseHandle;
let app: FastifyInstance;
let upstream = '';
let cookie = '';
let csrf = '';
let userId = '';
let posyanduId = '';

const config = loadConfig({
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  RATE_LIMIT_PER_MINUTE: '1000000',
});

/** A fixed server day, so the children's ages and the months stay valid whenever this runs. */
const serverClock = () => new Date('2026-11-24T08:00:00Z');

async function startServer(): Promise<void> {
  app = await buildApp({ database, config, logger: false, now: serverClock });
  await app.listen({ port: 0, host: '127.0.0.1' });
  upstream = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  database = await createTestDb();
  posyanduId = (await insertPosyandu(database.db, { name: 'Posyandu Kenanga', region_code: DESA }))
    .id;
  const user = await insertUser(database, { role: 'kader', regionCode: DESA });
  userId = user.id;
  await database.db
    .updateTable('app_user')
    .set({ posyandu_id: posyanduId })
    .where('id', '=', user.id)
    .execute();
  await startServer();
  const login = await fetch(`${upstream}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: user.email, password: testPassword }),
  });
  cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
  csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

/** Forwards one request to the server as it is now; null when it is down (restarting). */
function forward(body: Buffer): Promise<{ status: number; body: Buffer } | null> {
  return new Promise((resolve) => {
    const request = http.request(
      `${upstream}/api/sync/push`,
      {
        method: 'POST',
        agent: false,
        headers: {
          'content-type': 'application/json',
          'content-length': body.length,
          cookie,
          'x-csrf-token': csrf,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks) }),
        );
        response.on('error', () => resolve(null));
      },
    );
    request.on('error', () => resolve(null));
    request.end(body);
  });
}

describe(`10,000 queued submissions through injected failures (${testEngine})`, () => {
  it(
    'stores every submission exactly once: 0 lost, 0 duplicated',
    { timeout: 900_000 },
    async () => {
      const random = seeded(20261124);
      const injected: Record<Fault, number> = {
        dropBefore: 0,
        dropAfter: 0,
        duplicate: 0,
        late: 0,
        restart502: 0,
        appClosed: 0,
      };
      let requestsFromPhone = 0;
      let deliveriesToServer = 0;
      let restarts = 0;
      let restarting: Promise<void> | null = null;
      const held: Buffer[] = [];
      let current: { store: IdbStore } | null = null;

      const deliver = async (body: Buffer) => {
        deliveriesToServer += 1;
        return forward(body);
      };
      // Held-back requests arrive after later ones (out of order), each after a random delay.
      const releaseHeld = async () => {
        while (held.length) {
          const body = held.splice(Math.floor(random() * held.length), 1)[0]!;
          await deliver(body);
        }
      };

      const proxy = http.createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          void (async () => {
            requestsFromPhone += 1;
            const body = Buffer.concat(chunks);
            const roll = random();
            if (requestsFromPhone % 9 === 0 && !restarting) {
              restarts += 1;
              // The server is restarted (app closed and rebuilt on the same database) meanwhile.
              restarting = (async () => {
                await app.close();
                await startServer();
              })().finally(() => (restarting = null));
            }
            if (restarting) {
              injected.restart502 += 1;
              res.writeHead(502, { 'content-type': 'text/plain' }).end('bad gateway');
              return;
            }
            if (roll < 0.1) {
              injected.dropBefore += 1;
              req.socket.destroy();
              return;
            }
            if (roll < 0.2) {
              injected.late += 1;
              held.push(body);
              req.socket.destroy();
              return;
            }
            if (held.length && random() < 0.5) await releaseHeld();
            if (roll < 0.3) {
              injected.duplicate += 1;
              const [first] = await Promise.all([deliver(body), deliver(body)]);
              if (!first) return req.socket.destroy();
              res.writeHead(first.status, { 'content-type': 'application/json' }).end(first.body);
              return;
            }
            const answer = await deliver(body);
            if (!answer) {
              injected.restart502 += 1;
              res.writeHead(502).end();
              return;
            }
            if (roll < 0.4) {
              injected.dropAfter += 1;
              req.socket.destroy();
              return;
            }
            if (roll < 0.45 && current) {
              // The phone app is closed after the answer arrived, before it was written down.
              injected.appClosed += 1;
              current.store.close();
            }
            res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body);
          })();
        });
      });
      await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
      const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;

      // The phone: its IndexedDB store and the sync engine, rebuilt after each "app closed".
      const dbName = `tumbuh-faults-${randomUUID()}`;
      let clock = Date.now();
      const openApp = async () => {
        const store = idbStore(await openOfflineDb({ name: dbName }));
        const engine = createSyncEngine({
          store,
          transport: httpTransport(async (batch, signal) => {
            const response = await fetch(`${proxyUrl}/api/sync/push`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify(batch),
              signal,
            });
            if (!response.ok) throw Object.assign(new Error('http'), { status: response.status });
            return (await response.json()) as SyncPushResponse;
          }, 30_000),
          now: () => clock,
          random,
          batchSize: 150,
        });
        current = { store };
        return { store, engine };
      };
      let phone = await openApp();

      // The kader's posyandu days: children registered and weighed month after month, queued in
      // the order typed, while the phone sends what it can in between.
      const born = (i: number) => {
        const d = new Date(Date.UTC(2025, 0, 1 + (i % 200)));
        return d.toISOString().slice(0, 10);
      };
      const submissions: OutboxItem[] = [];
      let seq = 0;
      for (let i = 0; i < CHILDREN; i++) {
        const childId = randomUUID();
        const base = { schema: 1, userId, posyanduId, childId, state: 'pending' as const };
        const timing = () => ({ seq: ++seq, createdAt: clock, attempts: 0, nextAttemptAt: clock });
        submissions.push({
          ...base,
          ...timing(),
          kind: 'child',
          id: childId,
          body: {
            id: childId,
            posyanduId,
            name: `Anak Uji ${i}`,
            sex: ((i % 2) + 1) as 1 | 2,
            birthDate: born(i),
            motherName: `Ibu Uji ${i}`,
          },
        });
        for (let m = 0; m < MONTHS; m++) {
          const id = randomUUID();
          submissions.push({
            ...base,
            ...timing(),
            kind: 'measurement',
            id,
            body: {
              id,
              childId,
              measuredOn: `2026-${String(m + 2).padStart(2, '0')}-15`,
              weightKg: 8 + m * 0.2 + (i % 7) * 0.1,
              heightCm: 72 + m * 0.8 + (i % 5) * 0.5,
              measure: 'l',
            },
          });
        }
      }
      expect(submissions).toHaveLength(TOTAL);

      let runs = 0;
      let appRestarts = 0;
      let queued = 0;
      const started = performance.now();
      while (runs < 2000) {
        // Queue the next posyandu day's entries (in slices of ~700), as typed, before sending.
        if (queued < submissions.length) {
          const slice = submissions.slice(queued, queued + 700);
          await phone.store.put(slice);
          queued += slice.length;
        }
        runs += 1;
        try {
          await phone.engine.run(userId, { force: runs % 5 === 0 });
        } catch {
          // The app was closed mid-run: open it again on the same IndexedDB database.
          appRestarts += 1;
          phone = await openApp();
        }
        const left = await phone.store.items().catch(async () => {
          appRestarts += 1;
          phone = await openApp();
          return phone.store.items();
        });
        if (left.length === 0 && queued === submissions.length) break;
        // Time passes until the next item is due (the backoff is honoured, not skipped).
        const next = await phone.engine.nextDueAt(userId).catch(() => null);
        clock = Math.max(clock + 1000, next ?? clock);
      }
      await releaseHeld();
      await (restarting as Promise<void> | null);
      const seconds = (performance.now() - started) / 1000;

      const left = await phone.store.items();
      expect(left.filter((i) => i.state !== 'pending')).toEqual([]);
      expect(left).toHaveLength(0);

      const childIds = submissions.filter((s) => s.kind === 'child').map((s) => s.id);
      const measurementIds = submissions.filter((s) => s.kind === 'measurement').map((s) => s.id);
      const db = database.db;
      const childRows = await db
        .selectFrom('child')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('posyandu_id', '=', posyanduId)
        .executeTakeFirstOrThrow();
      const measurementRows = await db
        .selectFrom('measurement')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('posyandu_id', '=', posyanduId)
        .executeTakeFirstOrThrow();
      const storedSubmitted = await sql<{ n: number }>`
      select count(*)::int as n from measurement where id = any(${measurementIds}::uuid[])`.execute(
        db,
      );
      const storedChildren = await sql<{ n: number }>`
      select count(*)::int as n from child where id = any(${childIds}::uuid[])`.execute(db);
      const doubledDays = await sql<{ n: number }>`
      select count(*)::int as n from (
        select child_id, measured_on from measurement where posyandu_id = ${posyanduId}
        group by child_id, measured_on having count(*) > 1) d`.execute(db);
      const audits = await sql<{ action: string; n: number }>`
      select action, count(*)::int as n from audit_log
      where action in ('child.registered', 'measurement.recorded') group by action`.execute(db);
      const audited = Object.fromEntries(audits.rows.map((r) => [r.action, r.n]));

      const figures = {
        engine: testEngine,
        submissions: TOTAL,
        children: CHILDREN,
        measurements: CHILDREN * MONTHS,
        requestsFromPhone,
        deliveriesToServer,
        serverRestarts: restarts,
        phoneAppRestarts: appRestarts,
        syncRuns: runs,
        failuresInjected: injected,
        rowsStored: {
          children: Number(childRows.n),
          measurements: Number(measurementRows.n),
          auditChildRegistered: audited['child.registered'],
          auditMeasurementRecorded: audited['measurement.recorded'],
        },
        lost: TOTAL - storedChildren.rows[0]!.n - storedSubmitted.rows[0]!.n,
        duplicated:
          Number(childRows.n) + Number(measurementRows.n) - TOTAL + doubledDays.rows[0]!.n,
        seconds: Math.round(seconds),
      };
      console.warn(`\nsync under injected failures: ${JSON.stringify(figures, null, 2)}\n`);

      expect(storedChildren.rows[0]!.n).toBe(CHILDREN);
      expect(storedSubmitted.rows[0]!.n).toBe(CHILDREN * MONTHS);
      expect(Number(childRows.n)).toBe(CHILDREN);
      expect(Number(measurementRows.n)).toBe(CHILDREN * MONTHS);
      expect(doubledDays.rows[0]!.n).toBe(0);
      expect(audited['child.registered']).toBe(CHILDREN);
      expect(audited['measurement.recorded']).toBe(CHILDREN * MONTHS);
      for (const kind of Object.keys(injected) as Fault[])
        expect(injected[kind]).toBeGreaterThan(0);
      expect(deliveriesToServer).toBeGreaterThan(requestsFromPhone * 0.5);
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
      phone.store.close();
    },
  );
});
