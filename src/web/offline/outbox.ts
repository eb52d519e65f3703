/**
 * The phone's queue of submissions (docs/offline.md). Every new child, child correction and
 * measurement is written here first, with the UUID made on the phone, and leaves only when the
 * server has answered it: stored (then it moves into the local copy of the registry), or with a
 * conflict or refusal that the kader decides on. Nothing is removed silently.
 */
import type {
  ChildSummary,
  ChildView,
  MeasurementView,
  Posyandu,
} from '../../contract/registry.ts';
import type { SyncChild, SyncChildUpdate, SyncMeasurement } from '../../contract/sync.ts';

export type {
  ChildSummary,
  ChildView,
  MeasurementView,
  Posyandu,
  SyncChild,
  SyncChildUpdate,
  SyncMeasurement,
};

/** Body shapes as the phone builds them (zod input: defaults may be left out). */
export type QueuedChild = Omit<SyncChild, 'confirmNotDuplicate'> & {
  confirmNotDuplicate?: boolean;
};
export type QueuedMeasurement = Omit<SyncMeasurement, 'oedema' | 'confirmImplausible'> & {
  oedema?: boolean;
  confirmImplausible?: boolean;
};

/** Version of the item layout: a later app reads items an older one wrote (upgrade rules). */
export const OUTBOX_ITEM_SCHEMA = 1;

/**
 * pending: waiting to be sent (or resent after a failure); conflict: the server holds another
 * version — the kader chooses; rejected: the server refused it (e.g. out of scope) — the kader
 * decides to send again or discard.
 */
export type OutboxState = 'pending' | 'conflict' | 'rejected';

/** What the server said about an item it did not store, with its version of the record. */
export interface OutboxProblem {
  code: string;
  message: string;
  details?: Record<string, unknown> | undefined;
  /** The server's version: the stored child / measurement, or the child merged into. */
  current?: ChildView | MeasurementView | undefined;
  mergedInto?: ChildView | undefined;
}

interface ItemBase {
  /** The client UUID: the child's id, the measurement's id, or the id of a child correction. */
  id: string;
  schema: number;
  /** Who entered it: only their session sends it. */
  userId: string;
  posyanduId: string;
  /** The child concerned (its own id for a registration). */
  childId: string;
  state: OutboxState;
  /** Order of entry (a child before its measurements, months in the order typed). */
  seq: number;
  createdAt: number;
  /** Deliveries tried without an answer (network, server error); drives the backoff. */
  attempts: number;
  /** Not before this time (ms since epoch), unless the kader presses "send now". */
  nextAttemptAt: number;
  /** The last failure to deliver (no answer), for the screen. */
  lastError?: { code: string; message: string } | null | undefined;
  problem?: OutboxProblem | null | undefined;
}

export type OutboxItem =
  | (ItemBase & { kind: 'child'; body: QueuedChild })
  | (ItemBase & { kind: 'childUpdate'; body: SyncChildUpdate; base: ChildView })
  | (ItemBase & { kind: 'measurement'; body: QueuedMeasurement });

export type OutboxKind = OutboxItem['kind'];

/** What a sync stored on the server, to be kept in the phone's copy of the registry. */
export interface SyncedRecords {
  children: ChildView[];
  measurements: MeasurementView[];
}

/**
 * Where the queue lives: IndexedDB in the browser (./idb-store.ts); the same code runs in Node
 * tests. Each call is atomic: a crash leaves either the old or the new state.
 */
export interface OutboxStore {
  /** The whole queue, in order of entry. */
  items(): Promise<OutboxItem[]>;
  /** Adds or replaces items (by id). */
  put(items: OutboxItem[]): Promise<void>;
  /**
   * One sync's result in one transaction: items answered as stored leave the queue and their
   * records enter the local copy; others are updated (attempts, state, problem).
   */
  settle(result: {
    removed: string[];
    updated: OutboxItem[];
    synced: SyncedRecords;
  }): Promise<void>;
  /** Items the kader chose to discard (after being shown what they hold). */
  remove(ids: string[]): Promise<void>;
}

/** The kader's items that may be sent now (or at once, `force`), children first by entry order. */
export function dueItems(
  items: readonly OutboxItem[],
  userId: string,
  now: number,
  force: boolean,
): OutboxItem[] {
  return items
    .filter(
      (i) => i.userId === userId && i.state === 'pending' && (force || i.nextAttemptAt <= now),
    )
    .sort((a, b) => a.seq - b.seq);
}

/** Counts for the "n menunggu dikirim" indicator. */
export function outboxCounts(items: readonly OutboxItem[], userId: string | null) {
  let pending = 0;
  let conflicts = 0;
  let rejected = 0;
  let otherUsers = 0;
  for (const item of items) {
    if (item.userId !== userId) {
      otherUsers += 1;
      continue;
    }
    if (item.state === 'pending') pending += 1;
    else if (item.state === 'conflict') conflicts += 1;
    else rejected += 1;
  }
  return { pending, conflicts, rejected, otherUsers, total: pending + conflicts + rejected };
}
