/**
 * Bulk loading with COPY, on both engines, inside one transaction: PostgreSQL gets
 * `COPY … FROM STDIN` through pg-copy-streams on a pooled client; PGlite gets
 * `COPY … FROM '/dev/blob'` with the rows as a Blob (PGlite's way of feeding COPY). Rows are
 * encoded in COPY's text format and sent in statements of a bounded number of rows, so memory
 * stays flat however many rows come (the 10-million-measurement demo) and PostgreSQL's queue of
 * foreign-key checks (kept until the end of each statement) stays small.
 *
 * Row-by-row INSERTs would take hours for the benchmark dataset; COPY takes minutes.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Transaction as PGliteTransaction } from '@electric-sql/pglite';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DatabaseHandle } from './connect.ts';

/** A value of a COPY row: null/undefined → NULL; booleans t/f; numbers as written. */
export type CopyValue = string | number | boolean | null | undefined;

/** Rows in column order, from memory or a stream. */
export type CopyRows = Iterable<readonly CopyValue[]> | AsyncIterable<readonly CopyValue[]>;

/** What a bulk transaction can do. */
export interface BulkSession {
  readonly kind: DatabaseHandle['kind'];
  /** COPYs the rows into `table` (columns in row order); returns the number of rows. */
  copy(table: string, columns: readonly string[], rows: CopyRows): Promise<number>;
  /** A parameterised statement in the same transaction ($1, $2 …); returns its rows. */
  query<R = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<R[]>;
  /**
   * Skips the per-row foreign-key triggers for the rest of the transaction
   * (`session_replication_role = replica`, as pg_restore --disable-triggers does) when that is
   * allowed (superuser: always on PGlite) and safe: none of `tables` has a trigger of its own
   * (a rollup trigger must never be skipped). Returns whether it did; then call
   * verifyForeignKeys before committing. Per-row checks cost more than half of a COPY.
   */
  skipRowTriggers(tables: readonly string[]): Promise<boolean>;
  /**
   * Checks every single-column foreign key of `tables` for the whole table at once (one
   * anti-join each) and throws naming the constraint when a row has no parent: the integrity
   * the skipped triggers would have checked, at a fraction of the cost.
   */
  verifyForeignKeys(tables: readonly string[]): Promise<void>;
}

export interface BulkOptions {
  /** Rows per COPY statement (default 50,000 on PGlite, 200,000 on PostgreSQL). */
  rowsPerStatement?: number;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function copyStatement(table: string, columns: readonly string[], source: string): string {
  for (const name of [table, ...columns])
    if (!IDENTIFIER.test(name)) throw new Error(`bulk copy: invalid identifier ${name}`);
  return `copy ${table} (${columns.join(', ')}) from ${source}`;
}

/** One value in COPY text format (backslash escapes; \N is NULL). */
function copyField(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`bulk copy: not a finite number: ${value}`);
    return String(value);
  }
  return /[\\\t\n\r]/.test(value)
    ? value.replace(/[\\\t\n\r]/g, (c) =>
        c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
      )
    : value;
}

/** One row as a line of COPY text. */
export function copyLine(row: readonly CopyValue[]): string {
  let line = '';
  for (let i = 0; i < row.length; i++) line += (i === 0 ? '' : '\t') + copyField(row[i]);
  return `${line}\n`;
}

/**
 * Groups the rows' COPY lines into statements of at most `rowsPerStatement` rows, each
 * statement as a list of text parts of about 1 MB.
 */
async function* statements(
  rows: CopyRows,
  rowsPerStatement: number,
): AsyncGenerator<{ parts: string[]; rows: number }> {
  let parts: string[] = [];
  let part = '';
  let count = 0;
  for await (const row of rows) {
    part += copyLine(row);
    count += 1;
    if (part.length >= 1 << 20) {
      parts.push(part);
      part = '';
    }
    if (count === rowsPerStatement) {
      if (part) parts.push(part);
      yield { parts, rows: count };
      parts = [];
      part = '';
      count = 0;
    }
  }
  if (part) parts.push(part);
  if (count > 0) yield { parts, rows: count };
}

/** The statements that are the same on both engines. */
function sqlHelpers(
  query: BulkSession['query'],
): Pick<BulkSession, 'skipRowTriggers' | 'verifyForeignKeys'> {
  return {
    async skipRowTriggers(tables) {
      for (const t of tables) if (!IDENTIFIER.test(t)) throw new Error(`bulk: invalid table ${t}`);
      const [role] = await query<{ superuser: string }>(
        `select current_setting('is_superuser') as superuser`,
      );
      if (role?.superuser !== 'on') return false;
      const own = await query(
        `select tgname from pg_trigger where not tgisinternal and tgrelid = any($1::text[]::regclass[])`,
        [`{${tables.join(',')}}`],
      );
      if (own.length > 0) return false;
      await query(`set local session_replication_role = replica`);
      return true;
    },
    async verifyForeignKeys(tables) {
      for (const t of tables) if (!IDENTIFIER.test(t)) throw new Error(`bulk: invalid table ${t}`);
      const keys = await query<{
        name: string;
        child: string;
        column: string;
        parent: string;
        ref: string;
      }>(
        `select c.conname as name, c.conrelid::regclass::text as child, a.attname as column,
                c.confrelid::regclass::text as parent, af.attname as ref
         from pg_constraint c
         join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
         join pg_attribute af on af.attrelid = c.confrelid and af.attnum = c.confkey[1]
         where c.contype = 'f' and cardinality(c.conkey) = 1 and c.conrelid = any($1::text[]::regclass[])
         order by 2, 1`,
        [`{${tables.join(',')}}`],
      );
      for (const k of keys) {
        for (const name of [k.child, k.column, k.parent, k.ref])
          if (!IDENTIFIER.test(name)) throw new Error(`bulk: unexpected identifier ${name}`);
        const [row] = await query<{ orphan: boolean }>(
          `select exists (select 1 from ${k.child} t where t.${k.column} is not null and not exists
             (select 1 from ${k.parent} p where p.${k.ref} = t.${k.column})) as orphan`,
        );
        if (row?.orphan)
          throw new Error(
            `bulk load: a row of ${k.child} breaks foreign key ${k.name} (${k.column} → ${k.parent})`,
          );
      }
    },
  };
}

function pgliteSession(tx: PGliteTransaction, rowsPerStatement: number): BulkSession {
  const query = async <R>(text: string, params: readonly unknown[] = []) =>
    (await tx.query<R>(text, [...params])).rows;
  return {
    kind: 'pglite',
    async copy(table, columns, rows) {
      const text = copyStatement(table, columns, `'/dev/blob'`);
      let total = 0;
      for await (const statement of statements(rows, rowsPerStatement)) {
        await tx.query(text, [], { blob: new Blob(statement.parts) });
        total += statement.rows;
      }
      return total;
    },
    query,
    ...sqlHelpers(query),
  };
}

function pgSession(client: pg.PoolClient, rowsPerStatement: number): BulkSession {
  const query = async <R>(text: string, params: readonly unknown[] = []) =>
    (await client.query(text, [...params])).rows as R[];
  return {
    kind: 'postgres',
    async copy(table, columns, rows) {
      const text = copyStatement(table, columns, 'stdin');
      let total = 0;
      for await (const statement of statements(rows, rowsPerStatement)) {
        await pipeline(Readable.from(statement.parts), client.query(copyFrom(text)));
        total += statement.rows;
      }
      return total;
    },
    query,
    ...sqlHelpers(query),
  };
}

/**
 * Runs `fn` in one transaction with COPY at hand: committed when `fn` resolves, rolled back
 * when it throws, so a failed load leaves nothing behind. While it runs on PGlite the database
 * serves no other query (single connection): do everything through the session, not through
 * handle.db, or it waits forever.
 */
export async function withBulkTransaction<T>(
  handle: DatabaseHandle,
  fn: (session: BulkSession) => Promise<T>,
  options: BulkOptions = {},
): Promise<T> {
  if (handle.pglite) {
    const rowsPerStatement = options.rowsPerStatement ?? 50_000;
    return handle.pglite.transaction((tx) => fn(pgliteSession(tx, rowsPerStatement)));
  }
  if (!handle.withPgClient) throw new Error('bulk load: the handle has neither PGlite nor a pool');
  const rowsPerStatement = options.rowsPerStatement ?? 200_000;
  return handle.withPgClient(async (client) => {
    await client.query('begin');
    try {
      const result = await fn(pgSession(client, rowsPerStatement));
      await client.query('commit');
      return result;
    } catch (error) {
      await client.query('rollback').catch(() => {});
      throw error;
    }
  });
}

/** COPYs rows into one table in a transaction of its own; returns the number of rows. */
export async function copyRows(
  handle: DatabaseHandle,
  table: string,
  columns: readonly string[],
  rows: CopyRows,
  options: BulkOptions = {},
): Promise<number> {
  return withBulkTransaction(handle, (session) => session.copy(table, columns, rows), options);
}
