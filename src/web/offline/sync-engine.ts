/**
 * The sync engine: sends the phone's queue to POST /api/sync/push and applies the answers. Pure
 * logic over an injected store (IndexedDB in the browser), transport (HTTP), clock and random
 * source, so the same code is tested in Node against the real server with injected failures.
 *
 * Rules (docs/offline.md):
 * - an item leaves the queue only when the server answered it as stored (a resend of a stored
 *   item is answered so too: nothing is doubled);
 * - no answer (network down, timeout, server error, 429) keeps the items, with exponential backoff
 *   and jitter; a 401 pauses sending until the user logs in again — nothing is counted as failed;
 * - a conflict (the server holds another version) or a refusal keeps the item, with the server's
 *   version, until the kader chooses (./conflicts.ts);
 * - a measurement of a child registered on the phone is sent with or after that child, and waits
 *   while the child's registration waits for a decision.
 */
import type {
  SyncChildResult,
  SyncMeasurementResult,
  SyncPushResponse,
} from '../../contract/sync.ts';
import { retryDelay } from './backoff.ts';
import {
  dueItems,
  type OutboxItem,
  type OutboxProblem,
  type OutboxStore,
  type SyncedRecords,
} from './outbox.ts';

/** One request's worth of queue, as POST /api/sync/push takes it. */
export interface SyncBatch {
  children: OutboxItem['body'][];
  childUpdates: OutboxItem['body'][];
  measurements: OutboxItem['body'][];
}

/**
 * Sends a batch; resolves with the server's answer, or rejects with an error carrying the HTTP
 * `status` (0: no answer at all — network, timeout).
 */
export interface SyncTransport {
  push(batch: SyncBatch): Promise<SyncPushResponse>;
}

export interface SyncEngineOptions {
  store: OutboxStore;
  transport: SyncTransport;
  now?: () => number;
  random?: () => number;
  /** One sync at a time across tabs (Web Locks in the browser). */
  lock?: <T>(run: () => Promise<T>) => Promise<T>;
  /** Items per request (the server takes up to 100 children and 500 measurements). */
  batchSize?: number;
  /** Requests per sync run at most (a run drains the queue batch after batch). */
  maxBatches?: number;
}

export type ItemResult =
  | {
      state: 'synced';
      child?: SyncChildResult['child'];
      measurement?: SyncMeasurementResult['measurement'];
    }
  | { state: 'conflict' | 'rejected'; problem: OutboxProblem }
  | { state: 'retry'; error: { code: string; message: string } }
  | { state: 'waiting' };

export interface SyncRunSummary {
  /** Requests sent (including those that got no answer). */
  requests: number;
  sent: number;
  synced: number;
  conflicts: number;
  rejected: number;
  /** Requests that got no answer (their items wait for the next try). */
  failedRequests: number;
  /** The server wants a new login: sending paused, nothing lost. */
  needsLogin: boolean;
  /** Per item id: what happened to it in this run. */
  results: Map<string, ItemResult>;
}

/** Conflicts: the server holds another version of the same thing; the kader chooses. */
const CONFLICT_CODES = new Set([
  'child_duplicate',
  'child_conflict',
  'child_version_conflict',
  'child_merged',
  'measurement_conflict',
  'measurement_exists',
]);
/** Item errors that may go away by themselves: try again later. */
const TRANSIENT_CODES = new Set(['internal', 'rate_limited', 'network_error']);

const statusOf = (e: unknown): number =>
  typeof e === 'object' && e !== null && typeof (e as { status?: unknown }).status === 'number'
    ? (e as { status: number }).status
    : 0;
const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Builds one request: due items in order, measurements only with (or after) their new child. */
export function planBatch(
  all: readonly OutboxItem[],
  due: readonly OutboxItem[],
  size: number,
): OutboxItem[] {
  const queuedChildren = new Set(all.filter((i) => i.kind === 'child').map((i) => i.id));
  const chosen: OutboxItem[] = [];
  const inBatch = new Set<string>();
  let children = 0;
  let measurements = 0;
  for (const item of due) {
    if (chosen.length >= size) break;
    if (item.kind === 'child') {
      if (children >= 100) continue;
      children += 1;
      inBatch.add(item.id);
    } else {
      if (queuedChildren.has(item.childId) && !inBatch.has(item.childId)) continue;
      if (item.kind === 'childUpdate' && children >= 100) continue;
      if (item.kind === 'measurement') {
        if (measurements >= 500) continue;
        measurements += 1;
      } else children += 1;
    }
    chosen.push(item);
  }
  return chosen;
}

function toBatch(items: readonly OutboxItem[]): SyncBatch {
  const batch: SyncBatch = { children: [], childUpdates: [], measurements: [] };
  for (const item of items) {
    if (item.kind === 'child') batch.children.push(item.body);
    else if (item.kind === 'childUpdate') batch.childUpdates.push(item.body);
    else batch.measurements.push(item.body);
  }
  return batch;
}

/** The engine: `run()` sends what is due; the resolution helpers live in ./conflicts.ts. */
export function createSyncEngine(options: SyncEngineOptions) {
  const { store, transport } = options;
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const lock = options.lock ?? (<T>(run: () => Promise<T>) => run());
  let batchSize = options.batchSize ?? 200;
  const maxBatches = options.maxBatches ?? 50;
  let running: Promise<SyncRunSummary> | null = null;

  function backoff(item: OutboxItem, error: { code: string; message: string }): OutboxItem {
    const attempts = item.attempts + 1;
    return {
      ...item,
      attempts,
      nextAttemptAt: now() + retryDelay(attempts, random),
      lastError: error,
    };
  }

  /** Applies one answered request: what leaves the queue, what waits, what needs the kader. */
  function applyAnswer(
    batch: readonly OutboxItem[],
    answer: SyncPushResponse,
    summary: SyncRunSummary,
  ): { removed: string[]; updated: OutboxItem[]; synced: SyncedRecords } {
    const byId = new Map<string, SyncChildResult | SyncMeasurementResult>();
    for (const r of [...answer.children, ...answer.childUpdates, ...answer.measurements])
      byId.set(r.id, r);
    const failedChildren = new Set(
      batch.filter((i) => i.kind === 'child' && byId.get(i.id)?.ok !== true).map((i) => i.id),
    );
    const removed: string[] = [];
    const updated: OutboxItem[] = [];
    const synced: SyncedRecords = { children: [], measurements: [] };
    for (const item of batch) {
      const r = byId.get(item.id);
      if (!r) {
        const error = { code: 'no_answer', message: 'no answer for this item' };
        updated.push(backoff(item, error));
        summary.results.set(item.id, { state: 'retry', error });
        continue;
      }
      if (r.ok) {
        removed.push(item.id);
        summary.synced += 1;
        if ('child' in r && r.child) synced.children.push(r.child);
        if ('measurement' in r && r.measurement) synced.measurements.push(r.measurement);
        summary.results.set(item.id, {
          state: 'synced',
          ...('child' in r && r.child && { child: r.child }),
          ...('measurement' in r && r.measurement && { measurement: r.measurement }),
        });
        continue;
      }
      const error = r.error ?? { code: 'internal', message: 'unknown error' };
      // Its new child was not stored in this request: the item waits for the child, unchanged.
      if (item.kind !== 'child' && failedChildren.has(item.childId)) {
        summary.results.set(item.id, { state: 'waiting' });
        continue;
      }
      if (TRANSIENT_CODES.has(error.code)) {
        updated.push(backoff(item, error));
        summary.results.set(item.id, { state: 'retry', error });
        continue;
      }
      const problem: OutboxProblem = {
        code: error.code,
        message: error.message,
        details: error.details,
        current: r.current,
        mergedInto: 'mergedInto' in r ? r.mergedInto : undefined,
      };
      const state = CONFLICT_CODES.has(error.code) ? 'conflict' : 'rejected';
      if (state === 'conflict') summary.conflicts += 1;
      else summary.rejected += 1;
      updated.push({ ...item, state, problem, lastError: null });
      summary.results.set(item.id, { state, problem });
    }
    return { removed, updated, synced };
  }

  async function runLocked(userId: string, force: boolean): Promise<SyncRunSummary> {
    const summary: SyncRunSummary = {
      requests: 0,
      sent: 0,
      synced: 0,
      conflicts: 0,
      rejected: 0,
      failedRequests: 0,
      needsLogin: false,
      results: new Map(),
    };
    const tried = new Set<string>();
    for (let round = 0; round < maxBatches; round++) {
      const all = await store.items();
      // An item is sent once per run: what waits (backoff, its child) is left for the next run.
      const due = dueItems(all, userId, now(), force).filter((i) => !tried.has(i.id));
      const batch = planBatch(all, due, batchSize);
      if (batch.length === 0) break;
      for (const item of batch) tried.add(item.id);
      summary.requests += 1;
      summary.sent += batch.length;
      let answer: SyncPushResponse;
      try {
        answer = await transport.push(toBatch(batch));
      } catch (e) {
        const status = statusOf(e);
        if (status === 401) {
          summary.needsLogin = true;
          break;
        }
        summary.failedRequests += 1;
        if (status === 413 && batchSize > 1) batchSize = Math.max(1, Math.floor(batchSize / 2));
        const error = {
          code: status === 0 ? 'network_error' : `http_${status}`,
          message: messageOf(e),
        };
        const noAnswer =
          status === 0 || status >= 500 || status === 408 || status === 429 || status === 413;
        if (noAnswer) {
          await store.settle({
            removed: [],
            updated: batch.map((i) => backoff(i, error)),
            synced: { children: [], measurements: [] },
          });
          for (const i of batch) summary.results.set(i.id, { state: 'retry', error });
          // The network is down or the server struggles: do not hammer it in this run.
          if (status === 0 || status >= 500) break;
          continue;
        }
        // The request itself was refused (a bug or an old app): the kader sees it, nothing is lost.
        const problem: OutboxProblem = { code: error.code, message: error.message };
        await store.settle({
          removed: [],
          updated: batch.map((i) => ({ ...i, state: 'rejected' as const, problem })),
          synced: { children: [], measurements: [] },
        });
        summary.rejected += batch.length;
        for (const i of batch) summary.results.set(i.id, { state: 'rejected', problem });
        continue;
      }
      await store.settle(applyAnswer(batch, answer, summary));
    }
    return summary;
  }

  return {
    /**
     * Sends the user's due items (all pending ones with `force`: the "send now" button, the
     * network coming back). Runs are not overlapped: a call during a run waits for it and runs
     * again, so an item queued meanwhile is not left behind.
     */
    async run(userId: string, opts: { force?: boolean } = {}): Promise<SyncRunSummary> {
      const previous = running;
      const next = (async () => {
        if (previous) await previous.catch(() => undefined);
        return lock(() => runLocked(userId, opts.force ?? false));
      })();
      running = next;
      try {
        return await next;
      } finally {
        if (running === next) running = null;
      }
    },
    /** The earliest time an item of the user becomes due, for the scheduler (null: none). */
    async nextDueAt(userId: string): Promise<number | null> {
      const pending = (await store.items()).filter(
        (i) => i.userId === userId && i.state === 'pending',
      );
      return pending.length ? Math.min(...pending.map((i) => i.nextAttemptAt)) : null;
    },
  };
}

export type SyncEngine = ReturnType<typeof createSyncEngine>;
