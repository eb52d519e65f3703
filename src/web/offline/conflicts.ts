/**
 * What the kader may choose for an item the server did not store (docs/offline.md, "conflict
 * rules"). Every choice is explicit and shown with both versions; none is taken automatically.
 * Each returns the queue change (items to put back as pending, items to remove), applied by the
 * caller in one store transaction.
 */
import type { ChildView, MeasurementView, OutboxItem } from './outbox.ts';

/** The choices the screen offers for one item, by the server's answer. */
export type Resolution =
  /** Keep the server's version: the phone's item is dropped (it is shown before). */
  | { kind: 'keepServer' }
  /** Send again unchanged (a refusal that may have been fixed, e.g. the scope). */
  | { kind: 'retry' }
  /** child_duplicate: it is another child — register it anyway. */
  | { kind: 'registerAnyway' }
  /** child_duplicate: it is this registered child — its queued measurements go to it. */
  | { kind: 'useExisting'; childId: string }
  /** child_conflict / child_version_conflict: put the phone's values over the server's. */
  | { kind: 'applyMine' }
  /** child_merged: record it for the child it was merged into. */
  | { kind: 'moveToMerged'; childId: string }
  /** measurement_exists / measurement_conflict: the phone's values replace the server's. */
  | { kind: 'replaceServer' };

export interface QueueChange {
  put: OutboxItem[];
  remove: string[];
}

/** Which choices make sense for an item, first the one the screen suggests. */
export function resolutionsFor(item: OutboxItem): Resolution['kind'][] {
  const code = item.problem?.code;
  switch (code) {
    case 'child_duplicate':
      return item.problem?.details?.reason === 'NIK'
        ? ['useExisting', 'keepServer']
        : ['useExisting', 'registerAnyway', 'keepServer'];
    case 'child_conflict':
    case 'child_version_conflict':
      return ['keepServer', 'applyMine'];
    case 'child_merged':
      return item.problem?.mergedInto ? ['moveToMerged', 'keepServer'] : ['keepServer'];
    case 'measurement_exists':
    case 'measurement_conflict':
      return item.problem?.current ? ['keepServer', 'replaceServer'] : ['keepServer'];
    default:
      return ['retry', 'keepServer'];
  }
}

/** A UUID for a new submission (a correction made while resolving). */
type NewId = () => string;

const pending = <T extends OutboxItem>(item: T, now: number): T => ({
  ...item,
  state: 'pending',
  problem: null,
  lastError: null,
  attempts: 0,
  nextAttemptAt: now,
});

/**
 * The queue change of a choice. `all` is the whole queue: a child registration taken back also
 * takes its measurements (they are listed to the kader first); one merged into an existing child
 * moves them to it.
 */
export function resolve(
  item: OutboxItem,
  choice: Resolution,
  all: readonly OutboxItem[],
  now: number,
  newId: NewId,
): QueueChange {
  const dependents = all.filter(
    (i) => i.kind !== 'child' && i.childId === item.id && i.id !== item.id,
  );
  switch (choice.kind) {
    case 'keepServer':
      return {
        put: [],
        remove: [
          item.id,
          ...(item.kind === 'child' && item.problem?.code !== 'child_conflict'
            ? dependents.map((d) => d.id)
            : []),
        ],
      };
    case 'retry':
      return { put: [pending(item, now)], remove: [] };
    case 'registerAnyway':
      if (item.kind !== 'child') return { put: [], remove: [] };
      return {
        put: [{ ...pending(item, now), body: { ...item.body, confirmNotDuplicate: true } }],
        remove: [],
      };
    case 'useExisting':
      if (item.kind !== 'child') return { put: [], remove: [] };
      return {
        remove: [item.id],
        put: dependents.map((d) => retarget(pending(d, now), choice.childId)),
      };
    case 'moveToMerged':
      return { put: [retarget(pending(item, now), choice.childId)], remove: [] };
    case 'applyMine': {
      const current = item.problem?.current as ChildView | undefined;
      if (!current) return { put: [], remove: [] };
      if (item.kind === 'childUpdate')
        return {
          put: [
            {
              ...pending(item, now),
              body: { ...item.body, version: current.version },
              base: current,
            },
          ],
          remove: [],
        };
      if (item.kind === 'child') {
        // The id holds another registration: the phone's values become a correction of it.
        const { id: _id, posyanduId: _p, confirmNotDuplicate: _c, ...fields } = item.body;
        const id = newId();
        const update: OutboxItem = {
          ...pending(item, now),
          kind: 'childUpdate',
          id,
          childId: current.id,
          base: current,
          body: { id, childId: current.id, version: current.version, fields },
        };
        return { put: [update], remove: [item.id] };
      }
      return { put: [], remove: [] };
    }
    case 'replaceServer': {
      const current = item.problem?.current as MeasurementView | undefined;
      if (item.kind !== 'measurement' || !current) return { put: [], remove: [] };
      if (item.problem?.code === 'measurement_exists')
        // Never stored under this id: the same id, now as a correction of the day's measurement.
        return {
          put: [{ ...pending(item, now), body: { ...item.body, supersedes: current.id } }],
          remove: [],
        };
      // The id is taken by the stored version: a correction needs its own id.
      const id = newId();
      return {
        put: [{ ...pending(item, now), id, body: { ...item.body, id, supersedes: current.id } }],
        remove: [item.id],
      };
    }
  }
}

function retarget<T extends OutboxItem>(item: T, childId: string): OutboxItem {
  if (item.kind === 'measurement')
    return { ...item, childId, body: { ...item.body, childId, supersedes: null } };
  if (item.kind === 'childUpdate') return { ...item, childId, body: { ...item.body, childId } };
  return item;
}
