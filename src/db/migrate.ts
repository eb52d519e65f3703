import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Db } from './connect.ts';

/**
 * Forward-only plain-SQL migrations (house rule 9): src/db/migrations/NNNN_verb_object.sql, run in
 * name order, each in its own transaction, recorded in schema_migration with a checksum. Running
 * twice changes nothing. A database that has a migration this code does not know (a newer
 * version ran on it) or whose recorded migration was edited since is refused, never "repaired".
 */
export const migrationsDir = fileURLToPath(new URL('./migrations/', import.meta.url));

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

export function readMigrations(dir = migrationsDir): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => {
      const text = readFileSync(`${dir}/${file}`, 'utf8');
      return {
        name: file.replace(/\.sql$/, ''),
        sql: text,
        checksum: createHash('sha256').update(text).digest('hex'),
      };
    });
}

export async function migrate(
  db: Db,
  migrations = readMigrations(),
): Promise<{ applied: string[] }> {
  return db.connection().execute(async (conn) => {
    // One migrator at a time across processes (PostgreSQL); PGlite is single-connection anyway.
    await sql`select pg_advisory_lock(7265431)`.execute(conn);
    try {
      await sql`create table if not exists schema_migration (
        name text primary key,
        checksum text not null,
        applied_at timestamptz not null default now()
      )`.execute(conn);
      const done = await conn
        .selectFrom('schema_migration')
        .select(['name', 'checksum'])
        .orderBy('name')
        .execute();
      const known = new Map(migrations.map((m) => [m.name, m]));
      for (const row of done) {
        const migration = known.get(row.name);
        if (!migration)
          throw new MigrationError(
            `The database has migration ${row.name}, which this version of Tumbuh does not know. ` +
              'It was probably written by a newer version: run that version, or restore a matching backup.',
          );
        if (migration.checksum !== row.checksum)
          throw new MigrationError(
            `Migration ${row.name} was changed after it ran on this database. Migrations are never edited after merge: ` +
              'restore the original file and add a new migration instead.',
          );
      }
      const doneNames = new Set(done.map((row) => row.name));
      const applied: string[] = [];
      for (const migration of migrations) {
        if (doneNames.has(migration.name)) continue;
        await conn.transaction().execute(async (trx) => {
          await sql.raw(migration.sql).execute(trx);
          await trx
            .insertInto('schema_migration')
            .values({ name: migration.name, checksum: migration.checksum })
            .execute();
        });
        applied.push(migration.name);
      }
      return { applied };
    } finally {
      await sql`select pg_advisory_unlock(7265431)`.execute(conn);
    }
  });
}
