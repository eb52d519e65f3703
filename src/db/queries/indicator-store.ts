/**
 * The aggregate indicator store (migration 0006): the catalogue of indicators and their values
 * per region × period × source, with the history of every value. Written by the published-data
 * loader, by authorised users (one value at a time or a file) — always in the caller's
 * transaction, together with the audit entry.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, IndicatorRow, IndicatorValueRow } from '../types.ts';

type Q = Kysely<Database> | Transaction<Database>;

/** The whole catalogue, by code. */
export async function listIndicators(db: Q): Promise<IndicatorRow[]> {
  return db.selectFrom('indicator').selectAll().orderBy('code').execute();
}

/** Inserts or updates catalogue entries (the built-in catalogue at start). */
export async function upsertIndicators(
  db: Q,
  rows: Omit<IndicatorRow, 'updated_at'>[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('indicator')
    .values(rows)
    .onConflict((oc) =>
      oc.column('code').doUpdateSet((eb) => ({
        name_id: eb.ref('excluded.name_id'),
        name_en: eb.ref('excluded.name_en'),
        unit: eb.ref('excluded.unit'),
        direction: eb.ref('excluded.direction'),
        definition_id: eb.ref('excluded.definition_id'),
        definition_en: eb.ref('excluded.definition_en'),
        source: eb.ref('excluded.source'),
        updated_at: sql`now()`,
      })),
    )
    .execute();
}

/** Filters of a value listing. */
export interface ValueFilter {
  indicator?: string;
  /** Exact region codes. */
  regions?: readonly string[];
  /** Regions inside this code (prefix), itself included. */
  within?: string;
  sources?: readonly string[];
  /** Periods starting on or after / ending on or before (YYYY-MM-DD). */
  from?: string;
  to?: string;
  limit: number;
}

/** Values matching the filter, with the region's name (Indonesia for 00). */
export async function findValues(
  db: Q,
  filter: ValueFilter,
): Promise<(IndicatorValueRow & { region_name: string | null })[]> {
  let query = db
    .selectFrom('indicator_value as v')
    .leftJoin('region as r', 'r.code', 'v.region_code')
    .selectAll('v')
    .select('r.name as region_name');
  if (filter.indicator) query = query.where('v.indicator_code', '=', filter.indicator);
  if (filter.regions)
    query = query.where(sql<boolean>`v.region_code = any(${filter.regions}::text[])`);
  if (filter.within && filter.within !== '00')
    query = query.where('v.region_code', 'like', `${filter.within}%`);
  if (filter.sources) query = query.where(sql<boolean>`v.source = any(${filter.sources}::text[])`);
  if (filter.from) query = query.where('v.period_start', '>=', filter.from);
  if (filter.to) query = query.where('v.period_end', '<=', filter.to);
  return query
    .orderBy('v.indicator_code')
    .orderBy('v.region_code')
    .orderBy('v.period_start')
    .orderBy('v.source')
    .limit(filter.limit)
    .execute();
}

/** The stored values of the given keys (indicator, region, period, source). */
export async function valuesByKey(
  db: Q,
  keys: readonly { indicator: string; regionCode: string; period: string; source: string }[],
): Promise<IndicatorValueRow[]> {
  if (keys.length === 0) return [];
  const result = await sql<IndicatorValueRow>`
    select v.* from indicator_value v
    join unnest(${keys.map((k) => k.indicator)}::text[], ${keys.map((k) => k.regionCode)}::text[],
                ${keys.map((k) => k.period)}::text[], ${keys.map((k) => k.source)}::text[])
      as k(indicator_code, region_code, period, source)
      on v.indicator_code = k.indicator_code and v.region_code = k.region_code
     and v.period = k.period and v.source = k.source`.execute(db);
  return result.rows;
}

/** A value as written (new or replacing the stored one of the same key). */
export type ValueWrite = Pick<
  IndicatorValueRow,
  | 'indicator_code'
  | 'region_code'
  | 'period'
  | 'period_start'
  | 'period_end'
  | 'source'
  | 'value'
  | 'numerator'
  | 'denominator'
  | 'note'
  | 'source_key'
  | 'origin'
  | 'updated_by'
>;

/** Inserts or replaces values by key; returns the stored rows (id and whether each was new). */
export async function upsertValues(
  db: Q,
  rows: readonly ValueWrite[],
): Promise<
  {
    id: number;
    indicator_code: string;
    region_code: string;
    period: string;
    source: string;
    created: boolean;
  }[]
> {
  if (rows.length === 0) return [];
  const result = await sql<{
    id: number;
    indicator_code: string;
    region_code: string;
    period: string;
    source: string;
    created: boolean;
  }>`
    insert into indicator_value (indicator_code, region_code, period, period_start, period_end, source,
      value, numerator, denominator, note, source_key, origin, updated_by)
    select * from unnest(${rows.map((r) => r.indicator_code)}::text[], ${rows.map((r) => r.region_code)}::text[],
      ${rows.map((r) => r.period)}::text[], ${rows.map((r) => r.period_start)}::date[],
      ${rows.map((r) => r.period_end)}::date[], ${rows.map((r) => r.source)}::text[],
      ${rows.map((r) => r.value)}::numeric[], ${rows.map((r) => r.numerator)}::numeric[],
      ${rows.map((r) => r.denominator)}::numeric[], ${rows.map((r) => r.note)}::text[],
      ${rows.map((r) => r.source_key)}::text[], ${rows.map((r) => r.origin)}::text[],
      ${rows.map((r) => r.updated_by)}::uuid[])
    on conflict (indicator_code, region_code, period, source) do update set
      period_start = excluded.period_start, period_end = excluded.period_end,
      value = excluded.value, numerator = excluded.numerator, denominator = excluded.denominator,
      note = excluded.note, source_key = excluded.source_key, origin = excluded.origin,
      updated_by = excluded.updated_by, updated_at = now()
    returning id::float8 as id, indicator_code, region_code, period, source, (xmax = 0) as created`.execute(
    db,
  );
  return result.rows;
}

/** Appends the history rows of written values. */
export async function insertValueHistory(
  db: Q,
  rows: readonly {
    value_id: number;
    actor_id: string | null;
    action: 'created' | 'updated';
    value: number;
    numerator: number | null;
    denominator: number | null;
    note: string | null;
    source_key: string | null;
    origin: string;
    request_id: string | null;
  }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('indicator_value_history')
    .values([...rows])
    .execute();
}

/** The history of one value, oldest first. */
export async function valueHistory(db: Q, valueId: number) {
  return db
    .selectFrom('indicator_value_history')
    .selectAll()
    .where('value_id', '=', valueId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

/** Deletes published values whose key is not in the current files (a figure withdrawn). */
export async function deletePublishedValuesExcept(
  db: Q,
  keep: readonly { indicator: string; regionCode: string; period: string; source: string }[],
): Promise<number> {
  const result = await sql<{ n: number }>`
    with gone as (
      select v.id from indicator_value v
      where v.origin = 'published' and not exists (
        select 1 from unnest(${keep.map((k) => k.indicator)}::text[], ${keep.map((k) => k.regionCode)}::text[],
                             ${keep.map((k) => k.period)}::text[], ${keep.map((k) => k.source)}::text[])
          as k(indicator_code, region_code, period, source)
        where k.indicator_code = v.indicator_code and k.region_code = v.region_code
          and k.period = v.period and k.source = v.source)),
    history as (delete from indicator_value_history h using gone where h.value_id = gone.id returning 1),
    removed as (delete from indicator_value v using gone where v.id = gone.id returning 1)
    select count(*)::int as n from removed`.execute(db);
  return result.rows[0]?.n ?? 0;
}
