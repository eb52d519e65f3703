import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { connectDatabase, type DatabaseHandle } from '../db/connect.ts';
import { withDatabase } from './global-setup.ts';

export const testEngine: 'pglite' | 'postgres' = process.env.TEST_DATABASE_URL
  ? 'postgres'
  : 'pglite';

/**
 * A fresh, migrated database with all regions, private to the calling test file: PGlite in
 * memory by default, a new PostgreSQL database when TEST_DATABASE_URL is set (house rule 6).
 * Call `close()` in afterAll; the PostgreSQL database is dropped then.
 */
export async function createTestDb(): Promise<DatabaseHandle> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const template = inject('postgresTemplate');
    if (!template) throw new Error('global setup did not create the PostgreSQL template');
    const name = `tumbuh_test_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    // A template can be copied by one session at a time; retry while another file copies it.
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`create database ${name} template ${template}`);
        break;
      } catch (error) {
        if (attempt > 50 || !String(error).includes('is being accessed by other users'))
          throw error;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
    // Dropping the database at the end ends its idle connections: expected, not an error.
    const handle = await connectDatabase(
      { kind: 'postgres', url: withDatabase(url, name), poolSize: 5 },
      { onIdleError: () => {} },
    );
    return {
      ...handle,
      async close() {
        await handle.close();
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  }
  const template = inject('pgliteTemplate');
  if (!template) throw new Error('global setup did not create the PGlite template');
  return connectDatabase(
    { kind: 'pglite', dataDir: null },
    { loadDataDir: new Blob([readFileSync(template)]) },
  );
}
