import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { SyncPushResponse } from '../../contract/sync.ts';
import { resolve } from './conflicts.ts';
import { DB_VERSION, idbStore, openOfflineDb, upgradeSteps } from './idb-store.ts';
import type { OutboxItem } from './outbox.ts';
import { createSyncEngine, planBatch, type SyncBatch } from './sync-engine.ts';

const user = 'u1';
let seq = 0;
function child(id = randomUUID()): OutboxItem {
  return {
    kind: 'child',
    id,
    schema: 1,
    userId: user,
    posyanduId: 'p1',
    childId: id,
    state: 'pending',
    seq: ++seq,
    createdAt: 0,
    attempts: 0,
    nextAttemptAt: 0,
    body: { id, posyanduId: 'p1', name: 'Anak', sex: 1, birthDate: '2025-01-01' },
  };
}
function weighing(childId: string, extra: Partial<OutboxItem> = {}): OutboxItem {
  const id = randomUUID();
  return {
    kind: 'measurement',
    id,
    schema: 1,
    userId: user,
    posyanduId: 'p1',
    childId,
    state: 'pending',
    seq: ++seq,
    createdAt: 0,
    attempts: 0,
    nextAttemptAt: 0,
    body: { id, childId, measuredOn: '2026-11-02', weightKg: 8 },
    ...extra,
  } as OutboxItem;
}

const answerAll = (batch: SyncBatch): SyncPushResponse => ({
  children: batch.children.map((c) => ({ id: c.id, ok: true, created: true })),
  childUpdates: [],
  measurements: batch.measurements.map((m) => ({ id: m.id, ok: true, created: true })),
});

async function freshStore() {
  return idbStore(await openOfflineDb({ name: `t-${randomUUID()}` }));
}

describe('sync engine', () => {
  it('sends a measurement of a child registered on the phone only with or after the child', () => {
    const c = child();
    const m = weighing(c.id);
    expect(planBatch([c, m], [m], 10)).toEqual([]);
    expect(planBatch([c, m], [c, m], 10).map((i) => i.id)).toEqual([c.id, m.id]);
    expect(planBatch([c, m], [c, m], 1).map((i) => i.id)).toEqual([c.id]);
  });

  it('keeps everything after a request without an answer, and backs off with jitter', async () => {
    const store = await freshStore();
    await store.put([child(), child()]);
    let now = 1_000_000;
    const engine = createSyncEngine({
      store,
      now: () => now,
      random: () => 0.5,
      transport: { push: () => Promise.reject(Object.assign(new Error('down'), { status: 0 })) },
    });
    const summary = await engine.run(user);
    expect(summary.failedRequests).toBe(1);
    const items = await store.items();
    expect(items).toHaveLength(2);
    expect(items.every((i) => i.attempts === 1 && i.nextAttemptAt === now + 1500)).toBe(true);
    // Not due yet: nothing is sent until the backoff has passed (unless forced).
    expect((await engine.run(user)).requests).toBe(0);
    now += 1500;
    expect((await engine.run(user)).requests).toBe(1);
  });

  it('pauses on 401 without counting a failure', async () => {
    const store = await freshStore();
    await store.put([child()]);
    const engine = createSyncEngine({
      store,
      transport: { push: () => Promise.reject(Object.assign(new Error('401'), { status: 401 })) },
    });
    const summary = await engine.run(user);
    expect(summary.needsLogin).toBe(true);
    expect((await store.items())[0]!.attempts).toBe(0);
  });

  it('keeps a conflict with the server version; a measurement of a refused child waits unchanged', async () => {
    const store = await freshStore();
    const c = child();
    const m = weighing(c.id);
    await store.put([c, m]);
    const engine = createSyncEngine({
      store,
      transport: {
        push: async (batch) => ({
          children: batch.children.map((x) => ({
            id: x.id,
            ok: false,
            error: {
              code: 'child_duplicate',
              message: 'dup',
              details: { candidates: [{ id: 'k', name: 'K' }] },
            },
          })),
          childUpdates: [],
          measurements: batch.measurements.map((x) => ({
            id: x.id,
            ok: false,
            error: { code: 'not_found', message: 'child' },
          })),
        }),
      },
    });
    const summary = await engine.run(user);
    expect(summary.conflicts).toBe(1);
    const [kept, waiting] = await store.items();
    expect(kept).toMatchObject({ state: 'conflict', problem: { code: 'child_duplicate' } });
    expect(waiting).toMatchObject({ state: 'pending', attempts: 0 });
    // The kader says it is the registered child: its weighing goes to that child, the copy stays.
    const change = resolve(
      kept!,
      { kind: 'useExisting', childId: 'k' },
      [kept!, waiting!],
      0,
      randomUUID,
    );
    expect(change.remove).toEqual([c.id]);
    expect(change.put).toMatchObject([{ id: m.id, childId: 'k', body: { childId: 'k' } }]);
  });

  it('removes what the server stored and keeps its record in the local copy', async () => {
    const store = await freshStore();
    const c = child();
    await store.put([c]);
    const view = {
      id: c.id,
      posyanduId: 'p1',
      regionCode: '5301042003',
      name: 'Anak',
      sex: 1 as const,
      birthDate: '2025-01-01',
      nik: null,
      birthWeightKg: null,
      birthLengthCm: null,
      motherName: null,
      motherNik: null,
      address: null,
      mergedInto: null,
      version: 1,
    };
    const engine = createSyncEngine({
      store,
      transport: {
        push: async (batch) => ({
          ...answerAll(batch),
          children: [{ id: c.id, ok: true, created: true, child: view }],
        }),
      },
    });
    await engine.run(user);
    expect(await store.items()).toEqual([]);
    expect(await store.child(c.id)).toEqual(view);
  });

  it("sends only the logged-in user's items", async () => {
    const store = await freshStore();
    await store.put([{ ...child(), userId: 'someone else' }]);
    let sent = 0;
    const engine = createSyncEngine({
      store,
      transport: { push: async (b) => ((sent += 1), answerAll(b)) },
    });
    await engine.run(user, { force: true });
    expect(sent).toBe(0);
    expect(await store.items()).toHaveLength(1);
  });
});

describe('IndexedDB schema upgrades', () => {
  it('keeps items written by the first version when the app opens with the current one', async () => {
    const name = `up-${randomUUID()}`;
    const v1 = await openOfflineDb({ name, version: 1 });
    const { schema: _schema, ...old } = child();
    await v1.put('outbox', old as OutboxItem);
    v1.close();
    expect(DB_VERSION).toBe(upgradeSteps.length);
    const current = await openOfflineDb({ name });
    expect(current.version).toBe(DB_VERSION);
    const [item] = await current.getAll('outbox');
    expect(item).toMatchObject({ id: old.id, schema: 1, body: old.body });
    expect(await current.getAllFromIndex('outbox', 'by-user', user)).toHaveLength(1);
    current.close();
  });
});
