import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../test/db.ts';
import { copyLine, copyRows, withBulkTransaction } from './bulk.ts';
import type { DatabaseHandle } from './connect.ts';

let database: DatabaseHandle;

beforeAll(async () => {
  database = await createTestDb();
  await sql`create table bulk_parent (id int primary key)`.execute(database.db);
  await sql`create table bulk_row (
    id int primary key,
    parent_id int references bulk_parent (id),
    label text,
    amount numeric(5, 2),
    flag boolean,
    day date
  )`.execute(database.db);
  await sql`insert into bulk_parent (id) values (1), (2)`.execute(database.db);
});
afterAll(async () => database?.close());

const columns = ['id', 'parent_id', 'label', 'amount', 'flag', 'day'];
const rowsOf = async () =>
  (
    await sql<{
      id: number;
      parent_id: number | null;
      label: string | null;
      amount: number | null;
      flag: boolean | null;
      day: string | null;
    }>`select * from bulk_row order by id`.execute(database.db)
  ).rows;

describe('copyLine', () => {
  it('writes COPY text: tabs between fields, \\N for NULL, t/f, escapes', () => {
    expect(copyLine([1, null, 'a\tb\nc\\d', 1.5, true, undefined])).toBe(
      '1\t\\N\ta\\tb\\nc\\\\d\t1.5\tt\t\\N\n',
    );
    expect(() => copyLine([Number.NaN])).toThrow(/finite/);
  });
});

describe('copyRows', () => {
  it('loads rows with awkward text, NULLs, numbers, booleans and dates, over several statements', async () => {
    const rows = [
      [10, 1, 'Maria Nope', 12.34, true, '2025-06-01'],
      [11, null, 'tab\there, line\nthere, back\\slash, \\N as text', -0.5, false, null],
      [12, 2, 'Ñoño, Yohanes Kristian Ndoen — “quotes”', null, null, '2024-02-29'],
      [13, 2, '', 0, false, '2025-01-01'],
      [14, 1, null, 999.99, true, '2025-12-31'],
    ];
    const count = await copyRows(database, 'bulk_row', columns, rows, { rowsPerStatement: 2 });
    expect(count).toBe(5);
    const stored = await rowsOf();
    expect(stored.map((r) => [r.id, r.parent_id, r.label, r.amount, r.flag, r.day])).toEqual(rows);
    await sql`delete from bulk_row`.execute(database.db);
  });

  it('takes rows from an async iterable', async () => {
    async function* rows() {
      for (let i = 0; i < 25; i++) yield [100 + i, 1, `row ${i}`, i, i % 2 === 0, '2025-01-01'];
    }
    expect(await copyRows(database, 'bulk_row', columns, rows(), { rowsPerStatement: 7 })).toBe(25);
    expect(await rowsOf()).toHaveLength(25);
    await sql`delete from bulk_row`.execute(database.db);
  });

  it('rejects an orphan row (foreign key) and leaves nothing behind', async () => {
    await expect(
      copyRows(database, 'bulk_row', columns, [
        [20, 1, 'ok', 1, true, null],
        [21, 99, 'orphan', 1, true, null],
      ]),
    ).rejects.toThrow();
    expect(await rowsOf()).toEqual([]);
  });

  it('refuses identifiers that are not plain names', async () => {
    await expect(copyRows(database, 'bulk_row; drop table x', ['id'], [])).rejects.toThrow(
      /identifier/,
    );
  });
});

describe('withBulkTransaction', () => {
  it('rolls everything back when the function throws', async () => {
    await expect(
      withBulkTransaction(database, async (session) => {
        await session.copy('bulk_row', columns, [[30, 1, 'x', 1, true, null]]);
        expect(await session.query('select id from bulk_row')).toEqual([{ id: 30 }]);
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    expect(await rowsOf()).toEqual([]);
  });

  it('skips per-row foreign-key triggers as superuser, and verifyForeignKeys still finds an orphan', async () => {
    await expect(
      withBulkTransaction(database, async (session) => {
        expect(await session.skipRowTriggers(['bulk_row'])).toBe(true);
        await session.copy('bulk_row', columns, [
          [40, 1, 'ok', 1, true, null],
          [41, 77, 'orphan', 1, true, null],
        ]);
        await session.verifyForeignKeys(['bulk_row']);
      }),
    ).rejects.toThrow(/bulk_row_parent_id_fkey/);
    expect(await rowsOf()).toEqual([]);

    const loaded = await withBulkTransaction(database, async (session) => {
      await session.skipRowTriggers(['bulk_row']);
      const n = await session.copy('bulk_row', columns, [[42, 2, 'ok', 1, true, null]]);
      await session.verifyForeignKeys(['bulk_row']);
      return n;
    });
    expect(loaded).toBe(1);
    await sql`delete from bulk_row`.execute(database.db);
  });

  it('keeps the triggers when a table has a trigger of its own', async () => {
    await sql`create function bulk_noop() returns trigger language plpgsql as $$ begin return new; end $$`.execute(
      database.db,
    );
    await sql`create trigger bulk_parent_noop before insert on bulk_parent for each row execute function bulk_noop()`.execute(
      database.db,
    );
    const skipped = await withBulkTransaction(database, (session) =>
      session.skipRowTriggers(['bulk_parent', 'bulk_row']),
    );
    expect(skipped).toBe(false);
  });
});
