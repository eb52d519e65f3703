import { defineConfig } from 'vitest/config';

// Browser flows in Debian's Chromium, one file at a time (2 cores: server + browser).
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
