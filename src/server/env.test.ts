import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './env.ts';

describe('configuration', () => {
  it('has working defaults: PGlite in ./data/db on 127.0.0.1:3000', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      cookieSecure: false,
      database: { kind: 'pglite', dataDir: './data/db' },
    });
  });

  it('switches to PostgreSQL with DATABASE_URL and to secure cookies in production', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u:p@db:5432/tumbuh',
      NODE_ENV: 'production',
    });
    expect(config.database).toEqual({
      kind: 'postgres',
      url: 'postgres://u:p@db:5432/tumbuh',
      poolSize: 10,
    });
    expect(config.cookieSecure).toBe(true);
  });

  it('lists every invalid value at once, naming the variable', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        LOG_LEVEL: 'loud',
        DATABASE_URL: 'mysql://x',
        SESSION_IDLE_MINUTES: '1',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(/PORT/);
    expect(message).toMatch(/LOG_LEVEL/);
    expect(message).toMatch(/SESSION_IDLE_MINUTES/);
    expect(message).toMatch(/DATABASE_URL must start with postgres/);
  });
});
