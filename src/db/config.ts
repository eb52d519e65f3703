/**
 * Database settings from environment-like input. Pure: the edges (server/env.ts, cli/env.ts) pass
 * process.env in. DATABASE_URL selects a PostgreSQL server; otherwise PGlite stores its files in
 * TUMBUH_DATA_DIR/db (default ./data/db).
 */
export type DatabaseConfig =
  | { kind: 'postgres'; url: string; poolSize: number }
  | { kind: 'pglite'; dataDir: string | null /* null = in memory */ };

export function databaseConfigFrom(env: Record<string, string | undefined>): {
  config?: DatabaseConfig;
  problems: string[];
} {
  const problems: string[] = [];
  const url = env.DATABASE_URL?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url))
      problems.push('DATABASE_URL must start with postgres:// or postgresql://');
    const poolSize = Number(env.DATABASE_POOL_SIZE ?? '10');
    if (!Number.isInteger(poolSize) || poolSize < 1 || poolSize > 200)
      problems.push('DATABASE_POOL_SIZE must be a whole number from 1 to 200');
    return problems.length
      ? { problems }
      : { config: { kind: 'postgres', url, poolSize }, problems };
  }
  const dataDir = env.TUMBUH_DB_DIR?.trim() || `${env.TUMBUH_DATA_DIR?.trim() || './data'}/db`;
  return { config: { kind: 'pglite', dataDir: dataDir === ':memory:' ? null : dataDir }, problems };
}
