import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { connectDatabase, DatabaseOpenError, redactUrl } from './connect.ts';

// These tests are about the embedded database's files, so they use PGlite whatever the engine.
describe('embedded database directory', () => {
  it('refuses a directory it cannot open, with a clear message, and changes nothing in it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tumbuh-broken-'));
    const dbDir = path.join(dir, 'db');
    mkdirSync(dbDir);
    writeFileSync(path.join(dbDir, 'PG_VERSION'), 'not a version\n');
    writeFileSync(path.join(dbDir, 'precious.txt'), 'the only copy');
    const before = readdirSync(dbDir).sort();
    const error = await connectDatabase({ kind: 'pglite', dataDir: dbDir }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DatabaseOpenError);
    expect((error as Error).message).toMatch(
      /Cannot open the embedded database .* Nothing was changed/,
    );
    expect(readdirSync(dbDir).sort()).toEqual(before);
    expect(readFileSync(path.join(dbDir, 'precious.txt'), 'utf8')).toBe('the only copy');
  });

  it('refuses a second process on the same directory', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tumbuh-locked-'));
    const dbDir = path.join(dir, 'db');
    mkdirSync(dbDir);
    // A live process (this test's parent) holds the lock.
    writeFileSync(path.join(dir, 'db.lock'), String(process.ppid));
    const error = await connectDatabase({ kind: 'pglite', dataDir: dbDir }).catch(
      (e: unknown) => e,
    );
    expect((error as Error).message).toMatch(/in use by process \d+/);
  });

  it('opens, closes cleanly and opens again with the data kept', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tumbuh-reopen-'));
    const dbDir = path.join(dir, 'db');
    const first = await connectDatabase({ kind: 'pglite', dataDir: dbDir });
    await first.pglite!.exec("create table kept (x text); insert into kept values ('ok')");
    await first.close();
    expect(readdirSync(dir)).not.toContain('db.lock');
    const second = await connectDatabase({ kind: 'pglite', dataDir: dbDir });
    const rows = await second.pglite!.query<{ x: string }>('select x from kept');
    expect(rows.rows).toEqual([{ x: 'ok' }]);
    await second.close();
  });

  it('never shows a database password in messages', () => {
    expect(redactUrl('postgres://tumbuh:s3cret@db:5432/x')).toBe('postgres://tumbuh:***@db:5432/x');
  });
});
