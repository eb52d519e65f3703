import { defineConfig } from 'vitest/config';

// Unit (x.test.ts) and database (x.db.test.ts) tiers. Database tests run on PGlite unless
// TEST_DATABASE_URL points at a PostgreSQL server; the same files serve both.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'bench/**/*.test.ts'],
    globalSetup: ['src/test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
