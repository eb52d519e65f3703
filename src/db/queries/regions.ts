import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, RegionRow } from '../types.ts';

type Q = Kysely<Database> | Transaction<Database>;
export type RegionRecord = Omit<RegionRow, 'search_key' | 'loose_key'>;

const columns = ['code', 'name', 'level', 'parent_code', 'type'] as const;

export async function countRegions(db: Q): Promise<number> {
  const row = await db
    .selectFrom('region')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findRegion(db: Q, code: string): Promise<RegionRecord | undefined> {
  return db.selectFrom('region').select(columns).where('code', '=', code).executeTakeFirst();
}

export async function findRegions(db: Q, codes: string[]): Promise<RegionRecord[]> {
  if (codes.length === 0) return [];
  return db
    .selectFrom('region')
    .select(columns)
    .where('code', 'in', codes)
    .orderBy('code')
    .execute();
}

export async function findProvinces(db: Q): Promise<RegionRecord[]> {
  return db
    .selectFrom('region')
    .select(columns)
    .where('level', '=', 'provinsi')
    .orderBy('code')
    .execute();
}

export async function findChildRegions(db: Q, code: string): Promise<RegionRecord[]> {
  return db
    .selectFrom('region')
    .select(columns)
    .where('parent_code', '=', code)
    .orderBy('code')
    .execute();
}

/** Counts of regions per level under a code (by prefix), e.g. NTT → 22 kabupaten, 315 kecamatan… */
export async function countRegionsWithin(db: Q, code: string): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('region')
    .select(['level', (eb) => eb.fn.countAll<number>().as('n')])
    .where('code', 'like', `${code}%`)
    .where('code', '!=', code)
    .groupBy('level')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.level, Number(r.n)]));
}

/**
 * Name search on folded keys: exact key first, then prefix, then substring; larger regions before
 * smaller ones at the same rank. `key` and `looseKey` come from core/regions/region-name.
 */
export async function searchRegions(
  db: Q,
  params: { key: string; looseKey: string; level?: string; within?: string; limit: number },
): Promise<RegionRecord[]> {
  const { key, looseKey, level, within, limit } = params;
  const escaped = key.replace(/[\\%_]/g, (c) => `\\${c}`);
  let query = db
    .selectFrom('region')
    .select(columns)
    .where((eb) =>
      eb.or([eb('search_key', 'like', `%${escaped}%`), eb('loose_key', '=', looseKey)]),
    );
  if (level) query = query.where('level', '=', level as RegionRow['level']);
  if (within) query = query.where('code', 'like', `${within}%`);
  return (
    query
      // Rank: same key, then prefix, then same but for doubled letters (Sika/Sikka), then loose, then substring.
      .orderBy(
        sql`case when search_key = ${key} then 0 when search_key like ${`${escaped}%`} then 1
        when regexp_replace(search_key, '(.)\\1+', '\\1', 'g') = ${key.replace(/(.)\1+/g, '$1')} then 2
        when loose_key = ${looseKey} then 3 else 4 end`,
      )
      .orderBy(sql`length(code)`)
      .orderBy('name')
      .limit(limit)
      .execute()
  );
}

export async function insertRegions(db: Q, rows: RegionRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insertInto('region').values(rows).execute();
}
