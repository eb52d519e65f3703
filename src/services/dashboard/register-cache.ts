/**
 * Sums of the register (S: children 0–59 months registered, the denominator of weighing
 * coverage) kept per database until the register changes. S of an area list adds 60 birth
 * months of every area (the desa of a province: several hundred thousand rows), and the usual
 * write — a weighing — leaves the register as it was: it bumps the dashboard version, not the
 * register version (dashboard_state.register_version, bumped by registrations, moves, merges
 * and rebuilds). Several processes on one PostgreSQL stay correct: the version is in the database.
 */
import type { Db } from '../../db/connect.ts';
import {
  registerOf,
  registerOfLevel,
  registerOfPosyandu,
  registerVersion,
} from '../../db/queries/dashboard.ts';

/** Most sums kept at once per database (oldest dropped first); each is one list of areas. */
const MAX_ENTRIES = 500;

interface Entries {
  version: number;
  sums: Map<string, Promise<unknown>>;
}

const caches = new WeakMap<Db, Entries>();

/** The register sum named `key` at the current register version, computed on a miss. */
export async function cachedRegister<T>(
  db: Db,
  key: string,
  compute: () => Promise<T>,
): Promise<T> {
  const version = await registerVersion(db);
  let entries = caches.get(db);
  if (!entries || entries.version !== version) {
    entries = { version, sums: new Map() };
    caches.set(db, entries);
  }
  const cached = entries.sums.get(key);
  if (cached) return cached as Promise<T>;
  const sums = entries.sums;
  const answer = compute();
  sums.set(key, answer);
  answer.catch(() => sums.delete(key));
  if (sums.size > MAX_ENTRIES) sums.delete(sums.keys().next().value!);
  return answer;
}

/** {@link registerOf} of a region, cached until the register changes. */
export function registerOfRegion(db: Db, region: string, fromMonth: number, toMonth: number) {
  return cachedRegister(db, `region|${region}|${fromMonth}|${toMonth}`, () =>
    registerOf(db, region, fromMonth, toMonth),
  );
}

/** {@link registerOfLevel}, cached until the register changes. */
export function registerOfAreas(db: Db, params: Parameters<typeof registerOfLevel>[1]) {
  const { within, codeLength, fromMonth, toMonth } = params;
  return cachedRegister(db, `level|${within}|${codeLength}|${fromMonth}|${toMonth}`, () =>
    registerOfLevel(db, params),
  );
}

/** {@link registerOfPosyandu}, cached until the register changes. */
export function registerOfPosyanduIn(db: Db, params: Parameters<typeof registerOfPosyandu>[1]) {
  const { within, fromMonth, toMonth } = params;
  return cachedRegister(db, `posyandu|${within}|${fromMonth}|${toMonth}`, () =>
    registerOfPosyandu(db, params),
  );
}
