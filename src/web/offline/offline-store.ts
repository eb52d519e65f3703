/**
 * The web app's offline layer (docs/offline.md): opens the phone's IndexedDB, runs the sync
 * engine when there is a network (at start, when the network returns, after each entry, on a
 * timer honouring the backoff, and on "Kirim sekarang"), keeps the posyandu copy fresh, and gives
 * the screens their data from the copy with the queue laid over it. One sync at a time across
 * tabs (Web Locks); other tabs hear of changes over a BroadcastChannel.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { SyncPushResponse } from '../../contract/sync.ts';
import { request } from '../api-client.ts';
import { getSession, loadSession, subscribeSession } from '../session.ts';
import { newId } from './ids.ts';
import { resolve, type Resolution } from './conflicts.ts';
import { idbStore, openOfflineDb, type IdbStore } from './idb-store.ts';
import {
  OUTBOX_ITEM_SCHEMA,
  outboxCounts,
  type ChildView,
  type OutboxItem,
  type OutboxProblem,
} from './outbox.ts';
import { createSyncEngine, type ItemResult, type SyncEngine } from './sync-engine.ts';
import { httpTransport } from './transport.ts';

export interface OfflineState {
  /** IndexedDB is open (false: not yet, or not available in this browser). */
  ready: boolean;
  /** Storage could not be opened (private mode, blocked): entries cannot wait offline. */
  unavailable: boolean;
  online: boolean;
  syncing: boolean;
  counts: ReturnType<typeof outboxCounts>;
  lastSyncAt: number | null;
  /** The last sync got no answer: why (shown beside "Kirim sekarang"). */
  lastError: string | null;
  /** The next automatic try (ms since epoch). */
  nextTryAt: number | null;
  /** A newer app in another tab needs this one to reload (its database schema is newer). */
  reloadNeeded: boolean;
  /** Bumped on every change of the queue or the copy: screens reload their data. */
  version: number;
}

let state: OfflineState = {
  ready: false,
  unavailable: false,
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
  syncing: false,
  counts: outboxCounts([], null),
  lastSyncAt: null,
  lastError: null,
  nextTryAt: null,
  reloadNeeded: false,
  version: 0,
};
const listeners = new Set<() => void>();
let store: IdbStore | null = null;
let engine: SyncEngine | null = null;
let opening: Promise<IdbStore | null> | null = null;
let timer: number | undefined;
let channel: BroadcastChannel | null = null;
/** Answers of recent syncs by item id, for the form that is waiting on its entry. */
const recent = new Map<string, ItemResult>();
/** Copies fetched in this page's life: fresh enough, not fetched again until a sync stores data. */
export const fresh = new Set<string>();

function setState(patch: Partial<OfflineState>): void {
  state = { ...state, ...patch };
  for (const listener of listeners) listener();
}

/** The logged-in user (or the last one of this device, offline). */
export const currentUserId = () => getSession().user?.id ?? null;

async function refreshCounts(changed = true): Promise<void> {
  if (!store) return;
  const items = await store.items();
  setState({
    counts: outboxCounts(items, currentUserId()),
    ...(changed && { version: state.version + 1 }),
  });
  if (changed) channel?.postMessage('changed');
}

/** One sync or copy refresh at a time across tabs (Web Locks where the browser has them). */
export const lock = <T>(run: () => Promise<T>): Promise<T> =>
  typeof navigator !== 'undefined' && navigator.locks
    ? (navigator.locks.request('tumbuh-sync', run) as Promise<T>)
    : run();

/** Opens the phone's database once; null when this browser cannot store data. */
export function openStore(): Promise<IdbStore | null> {
  opening ??= (async () => {
    try {
      const db = await openOfflineDb({ onBlocking: () => setState({ reloadNeeded: true }) });
      store = idbStore(db);
      engine = createSyncEngine({
        store,
        lock,
        transport: httpTransport((batch, signal) =>
          request<SyncPushResponse>('POST', '/api/sync/push', { body: batch, signal }),
        ),
      });
      // Ask the browser not to evict the queue when space runs low.
      void navigator.storage?.persist?.().catch(() => false);
      setState({ ready: true });
      await refreshCounts(false);
      return store;
    } catch {
      setState({ unavailable: true });
      return null;
    }
  })();
  return opening;
}

function schedule(): void {
  window.clearTimeout(timer);
  const userId = currentUserId();
  if (!engine || !userId) return;
  void engine.nextDueAt(userId).then((at) => {
    setState({ nextTryAt: at });
    if (at === null) return;
    const wait = Math.min(5 * 60_000, Math.max(1000, at - Date.now()));
    timer = window.setTimeout(() => void syncNow({ force: false }), wait);
  });
}

/**
 * Sends what waits (all of it with `force`: the button, the network coming back). Does nothing
 * offline or logged out; the queue stays as it is.
 */
export async function syncNow(options: { force?: boolean } = { force: true }): Promise<void> {
  const s = await openStore();
  const userId = currentUserId();
  if (!s || !engine || !userId || !navigator.onLine) {
    setState({ online: navigator.onLine });
    return;
  }
  setState({ syncing: true, online: true });
  try {
    const summary = await engine.run(userId, { force: options.force ?? true });
    for (const [id, result] of summary.results) recent.set(id, result);
    if (summary.synced > 0) fresh.clear();
    setState({
      lastSyncAt:
        summary.failedRequests === 0 && summary.requests > 0 ? Date.now() : state.lastSyncAt,
      lastError:
        summary.failedRequests > 0
          ? ((
              [...summary.results.values()].find((r) => r.state === 'retry') as {
                error?: { message: string };
              }
            )?.error?.message ?? null)
          : null,
    });
    // The session ended (401): the login screen appears; the queue waits for the next login.
    if (summary.needsLogin) await loadSession();
  } catch (e) {
    setState({ lastError: e instanceof Error ? e.message : String(e) });
  } finally {
    setState({ syncing: false });
    await refreshCounts();
    schedule();
  }
}

/** Starts the offline layer: storage, listeners, the first sync. Called once by main.tsx. */
export function startOffline(): void {
  void openStore().then(() => syncNow({ force: false }));
  window.addEventListener('online', () => {
    setState({ online: true });
    // The session may have been unreachable until now.
    void (getSession().status === 'unreachable' ? loadSession() : Promise.resolve()).then(() =>
      syncNow({ force: true }),
    );
  });
  window.addEventListener('offline', () => setState({ online: false }));
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void syncNow({ force: false });
  });
  let lastUser = currentUserId();
  subscribeSession(() => {
    const user = currentUserId();
    const session = getSession();
    if (user === lastUser) return;
    // Logged out (not merely offline): the copy of personal records leaves the phone; the queue
    // stays and is sent at the next login of its author.
    if (!user && session.status === 'ready') {
      fresh.clear();
      void openStore().then((s) => s?.clearCopies().then(() => refreshCounts()));
    }
    lastUser = user;
    void refreshCounts().then(() => syncNow({ force: true }));
  });
  if (typeof BroadcastChannel !== 'undefined') {
    channel = new BroadcastChannel('tumbuh-offline');
    channel.onmessage = () =>
      void refreshCounts(false).then(() => setState({ version: state.version + 1 }));
  }
}

export function useOfflineState(): OfflineState {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
    () => state,
  );
}

// ── entries ──

type NewItem =
  | { kind: 'child'; body: Extract<OutboxItem, { kind: 'child' }>['body'] }
  | {
      kind: 'childUpdate';
      body: Extract<OutboxItem, { kind: 'childUpdate' }>['body'];
      base: ChildView;
    }
  | { kind: 'measurement'; body: Extract<OutboxItem, { kind: 'measurement' }>['body'] };

export type EntryOutcome =
  | { kind: 'synced'; result: Extract<ItemResult, { state: 'synced' }> }
  | { kind: 'problem'; problem: OutboxProblem }
  /** Kept on the phone: it is sent when the network allows. */
  | { kind: 'queued' }
  /** This browser cannot keep it (no IndexedDB): nothing was kept. */
  | { kind: 'unavailable' };

/** How long a form waits for the server before saying "saved on the phone". */
const ANSWER_WAIT_MS = 8000;

/**
 * Keeps an entry in the queue (first, before anything is sent), then tries to send it at once.
 * The same id entered again (after fixing a refused value, confirming a duplicate) replaces the
 * waiting item. Answers within a few seconds come back to the form (a refusal then leaves the
 * queue: the form shows it and keeps the values); otherwise it is `queued`, and a later refusal
 * waits in the queue for the kader's decision.
 */
export async function enter(
  entry: NewItem,
  meta: { posyanduId: string; childId: string },
): Promise<EntryOutcome> {
  const s = await openStore();
  const userId = currentUserId();
  if (!s || !userId) return { kind: 'unavailable' };
  const now = Date.now();
  const existing = (await s.items()).find((i) => i.id === entry.body.id);
  const item = {
    ...entry,
    id: entry.body.id,
    schema: OUTBOX_ITEM_SCHEMA,
    userId,
    posyanduId: meta.posyanduId,
    childId: meta.childId,
    state: 'pending',
    seq: existing?.seq ?? (await s.nextSeq()),
    createdAt: existing?.createdAt ?? now,
    attempts: 0,
    nextAttemptAt: now,
    lastError: null,
    problem: null,
  } as OutboxItem;
  await s.put([item]);
  recent.delete(item.id);
  await refreshCounts();
  if (!navigator.onLine) return { kind: 'queued' };
  await Promise.race([syncNow({ force: true }), new Promise((r) => setTimeout(r, ANSWER_WAIT_MS))]);
  const result = recent.get(item.id);
  if (result?.state === 'synced') return { kind: 'synced', result };
  if (result?.state === 'conflict' || result?.state === 'rejected') {
    // The form on screen shows the problem and holds the values (correct, confirm, or cancel):
    // the entry goes back to it rather than waiting in the queue as well.
    await s.remove([item.id]);
    await refreshCounts();
    return { kind: 'problem', problem: result.problem };
  }
  return { kind: 'queued' };
}

/** The queue as the "Kiriman" page lists it, with the names of the children concerned. */
export async function queueOverview(): Promise<{
  items: OutboxItem[];
  names: Map<string, string>;
  userId: string | null;
}> {
  const s = await openStore();
  if (!s) return { items: [], names: new Map(), userId: currentUserId() };
  const items = await s.items();
  const names = new Map<string, string>();
  for (const item of items) {
    if (item.kind === 'child') names.set(item.id, item.body.name);
    else if (item.kind === 'childUpdate') names.set(item.childId, item.base.name);
    else if (!names.has(item.childId)) {
      const child = await s.child(item.childId);
      if (child) names.set(child.id, child.name);
    }
  }
  return { items, names, userId: currentUserId() };
}

/** Applies the kader's choice for a conflict or refusal, then tries to send again. */
export async function resolveItem(id: string, choice: Resolution): Promise<void> {
  const s = await openStore();
  if (!s) return;
  const all = await s.items();
  const item = all.find((i) => i.id === id);
  if (!item) return;
  const change = resolve(item, choice, all, Date.now(), newId);
  await s.remove(change.remove);
  await s.put(change.put);
  await refreshCounts();
  void syncNow({ force: true });
}

/**
 * Loads local data for a key and loads again whenever the queue or the copy changes; the old
 * data stays on screen meanwhile (no flicker when an entry is sent in the background).
 */
export function useLocalData<T>(
  key: string | null,
  load: (key: string, signal: AbortSignal) => Promise<T>,
): { data: T | undefined; error: unknown; loading: boolean; reload: () => void } {
  const { version } = useOfflineState();
  const [tick, setTick] = useState(0);
  const [settled, setSettled] = useState<{ key: string; data?: T; error?: unknown } | null>(null);
  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    load(key, controller.signal).then(
      (data) => !controller.signal.aborted && setSettled({ key, data }),
      (error: unknown) =>
        !controller.signal.aborted &&
        setSettled((old) => ({ key, data: old?.key === key ? old.data : undefined, error })),
    );
    return () => controller.abort();
    // `load` is a fresh closure each render; the key and the data version decide a reload.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, version, tick]);
  const same = settled !== null && settled.key === key;
  return {
    data: same ? settled.data : undefined,
    error: same ? settled.error : undefined,
    loading: key !== null && !same,
    reload: () => setTick((n) => n + 1),
  };
}
