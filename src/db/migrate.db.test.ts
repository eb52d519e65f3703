import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../test/db.ts';
import type { DatabaseHandle } from './connect.ts';
import { migrate, readMigrations } from './migrate.ts';
import { describeSchema } from './schema.ts';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDb();
});
afterAll(async () => {
  await database.close();
});

describe('migrations', () => {
  it('are recorded once and running them again changes nothing', async () => {
    const before = await database.db
      .selectFrom('schema_migration')
      .select(['name', 'applied_at'])
      .orderBy('name')
      .execute();
    expect(before.map((r) => r.name)).toEqual(readMigrations().map((m) => m.name));
    const again = await migrate(database.db);
    expect(again.applied).toEqual([]);
    const after = await database.db
      .selectFrom('schema_migration')
      .select(['name', 'applied_at'])
      .orderBy('name')
      .execute();
    expect(after).toEqual(before);
  });

  it('refuse a database that has a migration this code does not know', async () => {
    await database.db
      .insertInto('schema_migration')
      .values({ name: '9999_from_the_future', checksum: 'x' })
      .execute();
    await expect(migrate(database.db)).rejects.toThrow(/9999_from_the_future.*does not know/);
    await database.db
      .deleteFrom('schema_migration')
      .where('name', '=', '9999_from_the_future')
      .execute();
  });

  it('refuse a migration edited after it ran', async () => {
    const edited = readMigrations().map((m, i) => (i === 0 ? { ...m, checksum: 'edited' } : m));
    await expect(migrate(database.db, edited)).rejects.toThrow(/was changed after it ran/);
  });

  it('run a failing migration in a transaction: nothing of it stays', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tumbuh-mig-'));
    for (const m of readMigrations()) writeFileSync(path.join(dir, `${m.name}.sql`), m.sql);
    writeFileSync(
      path.join(dir, '0900_create_broken.sql'),
      'create table half_written (id int);\nselect * from no_such_table;',
    );
    await expect(migrate(database.db, readMigrations(dir))).rejects.toThrow(/no_such_table/);
    const tables = await sql<{
      n: number;
    }>`select count(*)::int as n from information_schema.tables where table_name = 'half_written'`.execute(
      database.db,
    );
    expect(tables.rows[0]?.n).toBe(0);
    const recorded = await database.db
      .selectFrom('schema_migration')
      .select('name')
      .where('name', '=', '0900_create_broken')
      .execute();
    expect(recorded).toEqual([]);
  });

  it('keep the audit log append-only', async () => {
    await database.db
      .insertInto('audit_log')
      .values({
        actor_id: null,
        action: 'test.write',
        entity: 'test',
        entity_id: null,
        region_code: null,
        before: null,
        after: null,
        request_id: null,
      })
      .execute();
    await expect(
      sql`update audit_log set action = 'rewritten'`.execute(database.db),
    ).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(database.db)).rejects.toThrow(/append-only/);
  });

  it('produce the committed src/db/schema.sql (run `npm run db:schema` after adding a migration)', async () => {
    const committed = readFileSync(new URL('./schema.sql', import.meta.url), 'utf8');
    expect(await describeSchema(database.db)).toBe(committed);
  });
});
