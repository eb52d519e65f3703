import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from './config.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import type { Database } from './types.ts';

export type Db = Kysely<Database>;

export interface DatabaseHandle {
  db: Db;
  kind: DatabaseConfig['kind'];
  /** The PGlite instance when embedded (tests dump and clone it); null on PostgreSQL. */
  pglite: PGlite | null;
  /**
   * On PostgreSQL: runs `fn` with a client of the pool, released afterwards. For what Kysely
   * cannot do, such as COPY FROM STDIN (src/db/bulk.ts). Absent on PGlite.
   */
  withPgClient?: <T>(fn: (client: pg.PoolClient) => Promise<T>) => Promise<T>;
  close(): Promise<void>;
}

// Same JS types from both engines: counts (int8) and numeric as numbers, dates as 'YYYY-MM-DD'.
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
const parsers = {
  [INT8]: (value: string) => Number(value),
  [NUMERIC]: (value: string) => Number(value),
  [DATE]: (value: string) => value,
};

export class DatabaseOpenError extends Error {
  override name = 'DatabaseOpenError';
}

/** Opens PGlite (files or memory) or a pg pool, and returns one Kysely over it. */
export async function connectDatabase(
  config: DatabaseConfig,
  options: { loadDataDir?: Blob; onIdleError?: (error: Error) => void } = {},
): Promise<DatabaseHandle> {
  if (config.kind === 'postgres')
    return connectPostgres(config.url, config.poolSize, options.onIdleError);
  // In memory: tests start from a dump of a migrated database (loadDataDir).
  if (config.dataDir === null)
    return wrapPGlite(await PGlite.create({ parsers, loadDataDir: options.loadDataDir }), () => {});

  const dataDir = path.resolve(config.dataDir);
  const unlock = lockDataDir(dataDir);
  try {
    const pglite = await PGlite.create(dataDir, { parsers });
    await pglite.query('select 1');
    return wrapPGlite(pglite, unlock);
  } catch (error) {
    unlock();
    // Never reset or recreate: the directory may hold the only copy of a province's records.
    throw new DatabaseOpenError(
      `Cannot open the embedded database in ${dataDir}: ${error instanceof Error ? error.message : String(error)}. ` +
        'Nothing was changed. Restore a backup, or move that folder aside to start a new empty database.',
    );
  }
}

/** A second process on the same PGlite directory would corrupt it: refuse with a clear message. */
function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, '..', `${path.basename(dataDir)}.lock`);
  if (existsSync(lockFile)) {
    const pid = Number(readFileSync(lockFile, 'utf8'));
    if (Number.isInteger(pid) && pid > 0 && isAlive(pid) && pid !== process.pid) {
      throw new DatabaseOpenError(
        `The embedded database in ${dataDir} is in use by process ${pid}. Stop that process first (only one process may open it).`,
      );
    }
  }
  writeFileSync(lockFile, String(process.pid));
  return () => rmSync(lockFile, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function wrapPGlite(pglite: PGlite, unlock: () => void): DatabaseHandle {
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  let closed = false;
  return {
    db,
    kind: 'pglite',
    pglite,
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
      await pglite.close();
      unlock();
    },
  };
}

async function connectPostgres(
  url: string,
  poolSize: number,
  onIdleError = (error: Error) => console.error(`[db] idle connection lost: ${error.message}`),
): Promise<DatabaseHandle> {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary'): unknown =>
        oid in parsers
          ? parsers[oid as keyof typeof parsers]
          : (pg.types.getTypeParser(oid, format) as unknown)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle connection dropped by the server (restart, failover) must not crash the process;
  // the pool opens a new one on the next query.
  pool.on('error', onIdleError);
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end();
    throw new DatabaseOpenError(
      `Cannot connect to PostgreSQL at ${redactUrl(url)}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  let closed = false;
  return {
    db,
    kind: 'postgres',
    pglite: null,
    async withPgClient<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        return await fn(client);
      } finally {
        client.release();
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
    },
  };
}

/** The password never reaches a log or an error message. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
