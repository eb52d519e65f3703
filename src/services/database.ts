import { sql } from 'kysely';
import { connectDatabase, type DatabaseHandle, type Db } from '../db/connect.ts';
import { databaseConfigFrom, type DatabaseConfig } from '../db/config.ts';
import { migrate } from '../db/migrate.ts';
import { loadRegions } from './regions/load-regions.ts';
import { loadPublishedIndicators } from './dashboard/indicator-store.ts';

export type { DatabaseConfig, DatabaseHandle, Db };
export { databaseConfigFrom };

/**
 * Opens the database, runs pending migrations and, on an empty database, loads the reference data
 * (kode wilayah). Everything that starts Tumbuh — server, CLI, tests — goes through here.
 */
export async function openDatabase(
  config: DatabaseConfig,
  options: { seedRegions?: boolean; onProgress?: (message: string) => void } = {},
): Promise<DatabaseHandle> {
  const handle = await connectDatabase(config);
  try {
    const { applied } = await migrate(handle.db);
    if (applied.length) options.onProgress?.(`migrations applied: ${applied.join(', ')}`);
    if (options.seedRegions ?? true) {
      const result = await loadRegions(handle.db);
      if (!result.skipped) options.onProgress?.(`regions loaded: ${result.loaded}`);
      // The published survey figures and targets (data/indicators): once, again when they change.
      const figures = await loadPublishedIndicators(handle.db);
      if (!figures.skipped) {
        options.onProgress?.(`published indicator values loaded: ${figures.loaded}`);
        for (const problem of figures.problems) options.onProgress?.(`data/indicators ${problem}`);
      }
    }
    return handle;
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** A trivial query: throws when the database is unreachable. */
export async function databaseIsUp(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}

export { describeSchema } from '../db/schema.ts';
