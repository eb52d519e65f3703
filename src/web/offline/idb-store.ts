/**
 * The phone's storage (IndexedDB through `idb`): the queue (outbox), the local copy of the
 * posyandu's children and measurements, and small settings. The schema is versioned: each entry
 * of `upgradeSteps` takes the database one version further and never drops a store that may hold
 * queued data, so an app update keeps every waiting item (docs/offline.md, "upgrade rules").
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import type {
  ChildView,
  MeasurementView,
  OutboxItem,
  OutboxStore,
  Posyandu,
  SyncedRecords,
} from './outbox.ts';

export const DB_NAME = 'tumbuh-offline';

/** A posyandu as last fetched for offline work. */
export interface PosyanduCopy {
  id: string;
  posyandu: Posyandu;
  /** Server time of the snapshot (ISO). */
  asOf: string;
  /** Whose session fetched it (a copy is only shown to that user). */
  userId: string;
}

export interface OfflineSchema extends DBSchema {
  outbox: { key: string; value: OutboxItem; indexes: { 'by-user': string } };
  children: { key: string; value: ChildView; indexes: { 'by-posyandu': string } };
  measurements: { key: string; value: MeasurementView; indexes: { 'by-child': string } };
  posyandu: { key: string; value: PosyanduCopy };
  meta: { key: string; value: unknown };
}

type StoreName = 'outbox' | 'children' | 'measurements' | 'posyandu' | 'meta';
type UpgradeTx = IDBPTransaction<OfflineSchema, StoreName[], 'versionchange'>;
type Step = (db: IDBPDatabase<OfflineSchema>, tx: UpgradeTx) => void | Promise<void>;

/**
 * Version n of the schema is reached by running steps[0..n-1] in order; a phone on version k
 * runs only steps[k..]. Add a step at the end; never edit or remove one that has shipped.
 */
export const upgradeSteps: Step[] = [
  // 1: the queue, the local copy of the registry, settings.
  (db) => {
    db.createObjectStore('outbox', { keyPath: 'id' });
    db.createObjectStore('children', { keyPath: 'id' }).createIndex('by-posyandu', 'posyanduId');
    db.createObjectStore('measurements', { keyPath: 'id' }).createIndex('by-child', 'childId');
    db.createObjectStore('meta');
  },
  // 2: posyandu copies (when and for whom fetched); the queue indexed by user.
  async (db, tx) => {
    db.createObjectStore('posyandu', { keyPath: 'id' });
    const outbox = tx.objectStore('outbox');
    outbox.createIndex('by-user', 'userId');
    // Items written by version 1 had no `schema` field: they are layout 1.
    for (let cursor = await outbox.openCursor(); cursor; cursor = await cursor.continue()) {
      if (cursor.value.schema === undefined) await cursor.update({ ...cursor.value, schema: 1 });
    }
  },
];

export const DB_VERSION = upgradeSteps.length;

export interface OpenOptions {
  name?: string;
  /** Open at an older version (tests of the upgrade path). */
  version?: number;
  /** Another tab runs a newer app that needs a newer schema: this one must close and reload. */
  onBlocking?: () => void;
}

/** Opens (creating or upgrading) the phone's database. */
export async function openOfflineDb(
  options: OpenOptions = {},
): Promise<IDBPDatabase<OfflineSchema>> {
  const version = options.version ?? DB_VERSION;
  const db = await openDB<OfflineSchema>(options.name ?? DB_NAME, version, {
    upgrade(database, oldVersion, _newVersion, tx) {
      // The steps only wait on requests of this transaction, which stays open until they finish;
      // a failing step aborts it, so the database stays at its old version with its data.
      void (async () => {
        for (let v = oldVersion; v < version; v++) await upgradeSteps[v]!(database, tx);
      })().catch(() => tx.abort());
    },
    blocking() {
      // Let the newer version upgrade: close here, and let the page ask for a reload.
      db.close();
      options.onBlocking?.();
    },
  });
  return db;
}

/** The queue and the local copy on one IndexedDB database. */
export function idbStore(db: IDBPDatabase<OfflineSchema>) {
  async function keep(
    tx: IDBPTransaction<OfflineSchema, ('children' | 'measurements')[], 'readwrite'>,
    synced: SyncedRecords,
  ) {
    const children = tx.objectStore('children');
    const measurements = tx.objectStore('measurements');
    for (const c of synced.children) {
      if (c.mergedInto) await children.delete(c.id);
      else await children.put(c);
    }
    for (const m of synced.measurements) {
      if (m.supersedes) await measurements.delete(m.supersedes);
      if (m.supersededAt === null) await measurements.put(m);
    }
  }

  const store: OutboxStore = {
    async items() {
      const all = await db.getAll('outbox');
      return all.sort((a, b) => a.seq - b.seq);
    },
    async put(items) {
      const tx = db.transaction('outbox', 'readwrite');
      await Promise.all([...items.map((i) => tx.store.put(i)), tx.done]);
    },
    async settle({ removed, updated, synced }) {
      const tx = db.transaction(['outbox', 'children', 'measurements'], 'readwrite');
      const outbox = tx.objectStore('outbox');
      for (const id of removed) await outbox.delete(id);
      for (const item of updated) await outbox.put(item);
      await keep(tx as never, synced);
      await tx.done;
    },
    async remove(ids) {
      const tx = db.transaction('outbox', 'readwrite');
      await Promise.all([...ids.map((id) => tx.store.delete(id)), tx.done]);
    },
  };

  return {
    ...store,
    /** The next entry number (order of the queue), kept across restarts. */
    async nextSeq(): Promise<number> {
      const tx = db.transaction('meta', 'readwrite');
      const seq = ((await tx.store.get('seq')) as number | undefined) ?? 0;
      await tx.store.put(seq + 1, 'seq');
      await tx.done;
      return seq + 1;
    },
    /** Replaces the local copy of a posyandu with a snapshot from the server. */
    async replacePosyandu(
      copy: PosyanduCopy,
      children: ChildView[],
      measurements: MeasurementView[],
    ): Promise<void> {
      const tx = db.transaction(['posyandu', 'children', 'measurements'], 'readwrite');
      const childStore = tx.objectStore('children');
      const measurementStore = tx.objectStore('measurements');
      const old = await childStore.index('by-posyandu').getAllKeys(copy.id);
      for (const id of old) {
        await childStore.delete(id);
        for (const m of await measurementStore.index('by-child').getAllKeys(id))
          await measurementStore.delete(m);
      }
      for (const c of children) await childStore.put(c);
      for (const m of measurements) await measurementStore.put(m);
      await tx.objectStore('posyandu').put(copy);
      await tx.done;
    },
    posyanduCopy: (id: string) => db.get('posyandu', id),
    childrenOf: (posyanduId: string) => db.getAllFromIndex('children', 'by-posyandu', posyanduId),
    child: (id: string) => db.get('children', id),
    measurementsOf: (childId: string) => db.getAllFromIndex('measurements', 'by-child', childId),
    /** Every measurement of the copy (one read for a whole roster). */
    allMeasurements: () => db.getAll('measurements'),
    getMeta: <T>(key: string) => db.get('meta', key) as Promise<T | undefined>,
    setMeta: (key: string, value: unknown) => db.put('meta', value, key).then(() => undefined),
    /** Logging out: the copy of personal records goes; the queue stays until it is sent. */
    async clearCopies(): Promise<void> {
      const tx = db.transaction(['posyandu', 'children', 'measurements'], 'readwrite');
      await Promise.all([
        tx.objectStore('posyandu').clear(),
        tx.objectStore('children').clear(),
        tx.objectStore('measurements').clear(),
        tx.done,
      ]);
    },
    close: () => db.close(),
  };
}

export type IdbStore = ReturnType<typeof idbStore>;
