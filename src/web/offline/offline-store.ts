/**
 * The web app's offline layer (docs/offline.md): opens the phone's IndexedDB, runs the sync
 * engine when there is a network (at start, when the network returns, after each entry, on a
 * timer honouring the backoff, and on "Kirim sekarang"), keeps the posyandu copy fresh, and gives
 * the screens their data from the copy with the queue laid over it. One sync at a time across
 * tabs (Web Locks); other tabs hear of changes over a BroadcastChannel.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { ChildDetail, Roster } from '../registry/api.ts';
import type { PosyanduSnapshot, SyncPushResponse } from '../../contract/sync.ts';
import { ApiError, isApiError, request } from '../api-client.ts';
import { translate } from '../i18n/language.ts';
import { getSession, loadSession, subscribeSession } from '../session.ts';
import { newId } from './ids.ts';
import { resolve, type Resolution } from './conflicts.ts';
import { idbStore, openOfflineDb, type IdbStore } from './idb-store.ts';
import {
  localChildren,
  localMeasurements,
  localReferral,
  localSummary,
  type LocalChild,
  type LocalMeasurement,
} from './local-view.ts';
import {
  OUTBOX_ITEM_SCHEMA,
  outboxCounts,
  type ChildView,
  type MeasurementView,
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
const fresh = new Set<string>();

function setState(patch: Partial<OfflineState>): void {
  state = { ...state, ...patch };
  for (const listener of listeners) listener();
}

const currentUserId = () => getSession().user?.id ?? null;

async function refreshCounts(changed = true): Promise<void> {
  if (!store) return;
  const items = await store.items();
  setState({
    counts: outboxCounts(items, currentUserId()),
    ...(changed && { version: state.version + 1 }),
  });
  if (changed) channel?.postMessage('changed');
}

const lock = <T>(run: () => Promise<T>): Promise<T> =>
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
 * waiting item. Answers within a few seconds come back to the form; otherwise it is `queued`.
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
  if (result?.state === 'conflict' || result?.state === 'rejected')
    return { kind: 'problem', problem: result.problem };
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

// ── reads for the screens ──

const COPY_WAIT_MS = 8000;

/** The posyandu (or child) was never opened on this phone with a network. */
const noCopy = () => new ApiError(0, 'no_offline_copy', translate('offline.noCopy'));

async function fetchCopy(s: IdbStore, posyanduId: string): Promise<void> {
  const userId = currentUserId();
  if (!userId) return;
  const snapshot = await request<PosyanduSnapshot>(
    'GET',
    `/api/sync/posyandu/${encodeURIComponent(posyanduId)}`,
    {
      signal: AbortSignal.timeout(COPY_WAIT_MS),
    },
  );
  await s.replacePosyandu(
    { id: posyanduId, posyandu: snapshot.posyandu, asOf: snapshot.asOf, userId },
    snapshot.children,
    snapshot.measurements,
  );
  fresh.add(posyanduId);
}

/** The posyandu roster from the phone's copy (fetched first when online and not fresh). */
export async function localRoster(
  posyanduId: string,
  month: string,
): Promise<
  Omit<Roster, 'items'> & { asOf: string; items: (Roster['items'][number] & { queued: number })[] }
> {
  const s = await openStore();
  if (!s) throw new ApiError(0, 'storage_unavailable', translate('offline.storageUnavailable'));
  let copy = await s.posyanduCopy(posyanduId);
  if (navigator.onLine && !fresh.has(posyanduId)) {
    try {
      await lock(() => fetchCopy(s, posyanduId));
      copy = await s.posyanduCopy(posyanduId);
    } catch (e) {
      // Offline or slow: the copy serves; without one the screen says why.
      if (!copy || copy.userId !== currentUserId()) throw e;
      if (isApiError(e) && e.status !== 0) throw e;
    }
  }
  if (!copy || copy.userId !== currentUserId()) throw noCopy();
  const [children, queue, all] = await Promise.all([
    s.childrenOf(posyanduId),
    s.items(),
    s.allMeasurements(),
  ]);
  const byChild = new Map<string, MeasurementView[]>();
  for (const m of all) byChild.set(m.childId, [...(byChild.get(m.childId) ?? []), m]);
  const items = localChildren(posyanduId, children, queue).map((child) =>
    localSummary(child, localMeasurements(child, byChild.get(child.id) ?? [], queue), month),
  );
  return { posyandu: copy.posyandu, month, asOf: copy.asOf, items };
}

/**
 * A child's page: from the server when online (every measurement, corrections included), else
 * from the copy; the queue laid over it either way.
 */
export async function localChild(
  childId: string,
  signal?: AbortSignal,
): Promise<
  ChildDetail & { child: LocalChild; measurements: LocalMeasurement[]; offline: boolean }
> {
  const s = await openStore();
  const queue = s ? await s.items() : [];
  const queuedChild = queue.find((i) => i.kind === 'child' && i.id === childId);
  if (navigator.onLine && !queuedChild) {
    try {
      const detail = await request<ChildDetail>(
        'GET',
        `/api/children/${encodeURIComponent(childId)}`,
        {
          signal: signal ?? AbortSignal.timeout(COPY_WAIT_MS),
        },
      );
      const [child] = localChildren(detail.child.posyanduId, [detail.child], queue);
      const current = localMeasurements(detail.child, detail.measurements, queue);
      const old = detail.measurements
        .filter((m) => m.supersededAt !== null || current.every((c) => c.id !== m.id))
        .filter((m) => !current.some((c) => c.id === m.id))
        .map((m) => ({ ...m, queued: false }));
      return {
        ...detail,
        child: child ?? { ...detail.child, queued: false },
        measurements: [...old, ...current].sort((a, b) => (a.measuredOn < b.measuredOn ? -1 : 1)),
        referral: localReferral(current),
        offline: false,
      };
    } catch (e) {
      if (!s || (isApiError(e) && e.status !== 0)) throw e;
    }
  }
  if (!s) throw new ApiError(0, 'storage_unavailable', translate('offline.storageUnavailable'));
  const cached = await s.child(childId);
  const posyanduId = cached?.posyanduId ?? queuedChild?.posyanduId;
  const copy = posyanduId ? await s.posyanduCopy(posyanduId) : undefined;
  const child = posyanduId
    ? localChildren(posyanduId, cached ? [cached] : [], queue).find((c) => c.id === childId)
    : undefined;
  if (!child || !copy) throw noCopy();
  const measurements = localMeasurements(child, await s.measurementsOf(childId), queue);
  return {
    child,
    posyandu: {
      id: copy.posyandu.id,
      name: copy.posyandu.name,
      regionCode: copy.posyandu.regionCode,
      regionName: copy.posyandu.regionName,
    },
    measurements,
    referral: localReferral(measurements),
    offline: true,
  };
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
