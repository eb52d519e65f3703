import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../test/db.ts';
import type { DatabaseHandle } from '../database.ts';
import { DashboardCache } from './cache.ts';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDb();
});
afterAll(async () => database?.close());

describe('DashboardCache', () => {
  it('computes once per key and version, and again after the version moves', async () => {
    const cache = new DashboardCache();
    let computed = 0;
    const answer = () => Promise.resolve({ n: ++computed });
    expect(await cache.get(database.db, 'a', answer)).toEqual({ n: 1 });
    expect(await cache.get(database.db, 'a', answer)).toEqual({ n: 1 });
    await database.db.updateTable('dashboard_state').set({ version: 999 }).execute();
    expect(await cache.get(database.db, 'a', answer)).toEqual({ n: 2 });
  });

  it('keeps the list items of all answers under its budget, dropping the oldest first', async () => {
    const cache = new DashboardCache();
    const rows = (n: number) => () => Promise.resolve({ rows: new Array<number>(n).fill(0) });
    for (let i = 0; i < 30; i++) await cache.get(database.db, `desa-list-${i}`, rows(10_000));
    await new Promise((resolve) => setImmediate(resolve));
    expect(cache.stats.items).toBeLessThanOrEqual(200_000);
    expect(cache.stats.entries).toBeLessThan(30);
    let recomputed = false;
    await cache.get(database.db, 'desa-list-29', () => ((recomputed = true), rows(1)()));
    expect(recomputed).toBe(false); // the newest is kept
    await cache.get(database.db, 'desa-list-0', () => ((recomputed = true), rows(1)()));
    expect(recomputed).toBe(true); // the oldest went
  });

  it('forgets a failed computation so the next request tries again', async () => {
    const cache = new DashboardCache();
    await expect(
      cache.get(database.db, 'x', () => Promise.reject(new Error('down'))),
    ).rejects.toThrow();
    await new Promise((resolve) => setImmediate(resolve));
    expect(await cache.get(database.db, 'x', () => Promise.resolve('ok'))).toBe('ok');
  });
});
