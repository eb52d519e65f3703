import { sql, type Kysely, type Transaction } from 'kysely';
import type {
  ChildRow,
  Database,
  ImportBatchRow,
  ImportBatchTable,
  ImportIssueRow,
  NewChild,
} from '../types.ts';
import type { Insertable, Updateable } from 'kysely';

type Q = Kysely<Database> | Transaction<Database>;

// ── import_batch and import_issue ───────────────────────────────────────────────────────────

export async function insertImportBatch(
  db: Q,
  row: Insertable<ImportBatchTable>,
): Promise<ImportBatchRow> {
  return db.insertInto('import_batch').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateImportBatch(
  db: Q,
  id: string,
  changes: Updateable<ImportBatchTable>,
): Promise<ImportBatchRow | undefined> {
  return db
    .updateTable('import_batch')
    .set({ ...changes, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export async function findImportBatch(db: Q, id: string): Promise<ImportBatchRow | undefined> {
  return db.selectFrom('import_batch').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Imports whose scope lies inside `regionCode`, newest first, optionally one user's only. */
export async function listImportBatches(
  db: Q,
  params: { regionCode: string; actorId?: string; limit: number },
): Promise<(ImportBatchRow & { actor_email: string | null })[]> {
  let query = db
    .selectFrom('import_batch as i')
    .leftJoin('app_user as u', 'u.id', 'i.actor_id')
    .selectAll('i')
    .select('u.email as actor_email')
    .where('i.region_code', 'like', `${params.regionCode}%`);
  if (params.actorId) query = query.where('i.actor_id', '=', params.actorId);
  return query.orderBy('i.created_at', 'desc').limit(params.limit).execute();
}

export interface NewImportIssue {
  seq: number;
  row: number;
  column: string | null;
  field: string | null;
  severity: 'error' | 'warning';
  code: string;
  details: unknown;
}

/** Many report rows in one statement (one array parameter per column). */
export async function insertImportIssues(
  db: Q,
  importId: string,
  issues: NewImportIssue[],
): Promise<void> {
  if (issues.length === 0) return;
  await sql`insert into import_issue (import_id, seq, row_number, column_name, field, severity, code, details)
    select ${importId}::uuid, * from unnest(
      ${issues.map((i) => i.seq)}::int4[], ${issues.map((i) => i.row)}::int4[],
      ${issues.map((i) => i.column)}::text[], ${issues.map((i) => i.field)}::text[],
      ${issues.map((i) => i.severity)}::text[], ${issues.map((i) => i.code)}::text[],
      ${issues.map((i) => (i.details === undefined ? null : JSON.stringify(i.details)))}::jsonb[])`.execute(
    db,
  );
}

export async function deleteImportIssues(db: Q, importId: string): Promise<void> {
  await db.deleteFrom('import_issue').where('import_id', '=', importId).execute();
}

/** One page of an import's report, in file order (keyset on seq). */
export async function importIssuesPage(
  db: Q,
  importId: string,
  afterSeq: number,
  limit: number,
): Promise<ImportIssueRow[]> {
  return db
    .selectFrom('import_issue')
    .selectAll()
    .where('import_id', '=', importId)
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
}

// ── reference lookups for matching rows ─────────────────────────────────────────────────────

/** Desa/kelurahan rows among `codes` (others are unknown). */
export async function findVillages(db: Q, codes: string[]): Promise<{ code: string }[]> {
  if (codes.length === 0) return [];
  return db
    .selectFrom('region')
    .select('code')
    .where(sql<boolean>`code = any(${codes}::text[])`)
    .where('level', '=', 'desa')
    .execute();
}

/** Desa whose folded name is among `villageKeys`, with their kecamatan's and kabupaten's keys. */
export async function findVillagesByName(
  db: Q,
  villageKeys: string[],
): Promise<{ code: string; village_key: string; subdistrict_key: string; district_key: string }[]> {
  if (villageKeys.length === 0) return [];
  const result = await sql<{
    code: string;
    village_key: string;
    subdistrict_key: string;
    district_key: string;
  }>`select d.code, d.search_key as village_key, k.search_key as subdistrict_key, b.search_key as district_key
    from region d join region k on k.code = d.parent_code join region b on b.code = k.parent_code
    where d.level = 'desa' and d.search_key = any(${villageKeys}::text[])`.execute(db);
  return result.rows;
}

/** The posyandu of some desa. */
export async function posyanduOfVillages(
  db: Q,
  codes: string[],
): Promise<{ id: string; name: string; region_code: string }[]> {
  if (codes.length === 0) return [];
  return db
    .selectFrom('posyandu')
    .select(['id', 'name', 'region_code'])
    .where(sql<boolean>`region_code = any(${codes}::text[])`)
    .execute();
}

// ── children, in bulk ───────────────────────────────────────────────────────────────────────

/** Registered (not merged) children with one of these NIKs. */
export async function childrenByNik(db: Q, niks: string[]): Promise<ChildRow[]> {
  if (niks.length === 0) return [];
  return db
    .selectFrom('child')
    .selectAll()
    .where(sql<boolean>`nik = any(${niks}::text[])`)
    .where('merged_into', 'is', null)
    .execute();
}

/**
 * Registered (not merged) children born on a day in a desa, for the (desa, birth date) pairs
 * given: the candidates of the registry's duplicate rule (name and mother are compared by the
 * caller with core/registry personNameKey). Uses child_duplicate_idx.
 */
export async function childrenByVillageAndBirth(
  db: Q,
  pairs: { regionCode: string; birthDate: string }[],
): Promise<ChildRow[]> {
  if (pairs.length === 0) return [];
  const result = await sql<ChildRow>`select c.* from child c
    join (select distinct * from unnest(${pairs.map((p) => p.regionCode)}::text[], ${pairs.map((p) => p.birthDate)}::date[])) as k(region_code, birth_date)
      on c.region_code = k.region_code and c.birth_date = k.birth_date
    where c.merged_into is null`.execute(db);
  return result.rows;
}

/**
 * Inserts children in one statement; a NIK registered meanwhile (another import, a kader) makes
 * that row a no-op. Returns the ids inserted.
 */
export async function insertChildren(db: Q, rows: NewChild[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const col = <K extends keyof NewChild>(key: K) => rows.map((r) => r[key] ?? null);
  const result = await sql<{ id: string }>`insert into child
      (id, region_code, posyandu_id, nik, name, sex, birth_date, birth_weight_kg, birth_length_cm,
       mother_name, mother_nik, address, created_by)
    select * from unnest(${col('id')}::uuid[], ${col('region_code')}::text[], ${col('posyandu_id')}::uuid[],
      ${col('nik')}::text[], ${col('name')}::text[], ${col('sex')}::int2[], ${col('birth_date')}::date[],
      ${col('birth_weight_kg')}::numeric[], ${col('birth_length_cm')}::numeric[], ${col('mother_name')}::text[],
      ${col('mother_nik')}::text[], ${col('address')}::text[], ${col('created_by')}::uuid[])
    on conflict (nik) where nik is not null and merged_into is null do nothing
    returning id`.execute(db);
  return new Set(result.rows.map((r) => r.id));
}

// ── export pages (keyset: never the whole table in memory) ─────────────────────────────────

/** The row after which a page starts (null: from the beginning). */
export type ChildCursor = { regionCode: string; birthDate: string; id: string } | null;

export interface ChildExportRow {
  id: string;
  region_code: string;
  region_name: string;
  posyandu_name: string;
  nik: string | null;
  name: string;
  sex: number;
  birth_date: string;
  birth_weight_kg: number | null;
  birth_length_cm: number | null;
  mother_name: string | null;
  mother_nik: string | null;
  address: string | null;
  created_at: Date;
}

/** Upper bound of a code prefix: `5301` → `5302`, for a range scan instead of LIKE. */
function prefixEnd(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

/**
 * A page of the children inside a region prefix (optionally one posyandu), ordered by desa,
 * birth date and id (child_duplicate_idx serves it).
 */
export async function childrenExportPage(
  db: Q,
  params: { regionCode: string; posyanduId?: string; after: ChildCursor; limit: number },
): Promise<ChildExportRow[]> {
  const { regionCode, posyanduId, after, limit } = params;
  const result = await sql<ChildExportRow>`
    select c.id, c.region_code, r.name as region_name, p.name as posyandu_name, c.nik, c.name, c.sex,
           c.birth_date, c.birth_weight_kg, c.birth_length_cm, c.mother_name, c.mother_nik, c.address, c.created_at
    from child c
    join region r on r.code = c.region_code
    join posyandu p on p.id = c.posyandu_id
    where c.merged_into is null
      and c.region_code >= ${regionCode} and c.region_code < ${prefixEnd(regionCode)}
      ${posyanduId ? sql`and c.posyandu_id = ${posyanduId}` : sql``}
      ${after ? sql`and (c.region_code, c.birth_date, c.id) > (${after.regionCode}, ${after.birthDate}::date, ${after.id}::uuid)` : sql``}
    order by c.region_code, c.birth_date, c.id
    limit ${limit}`.execute(db);
  return result.rows;
}

export type MeasurementCursor = { regionCode: string; measuredOn: string; id: string } | null;

export interface MeasurementExportRow {
  id: string;
  child_id: string;
  region_code: string;
  region_name: string;
  posyandu_name: string;
  nik: string | null;
  name: string;
  sex: number;
  birth_date: string;
  mother_name: string | null;
  measured_on: string;
  age_days: number;
  weight_kg: number | null;
  height_cm: number | null;
  measure: 'l' | 'h' | null;
  muac_cm: number | null;
  head_cm: number | null;
  oedema: boolean;
  zlen: number | null;
  zwei: number | null;
  zwfl: number | null;
  zbmi: number | null;
  height_for_age: string | null;
  weight_for_age: string | null;
  weight_for_height: string | null;
  weight_gain: string | null;
  two_t: boolean;
  implausible: boolean;
  source: string;
}

/**
 * A page of the current measurements inside a region prefix (optionally one posyandu, optionally
 * a date range), ordered by desa, date and id (measurement_region_month_idx serves it).
 */
export async function measurementsExportPage(
  db: Q,
  params: {
    regionCode: string;
    posyanduId?: string;
    from?: string;
    to?: string;
    after: MeasurementCursor;
    limit: number;
  },
): Promise<MeasurementExportRow[]> {
  const { regionCode, posyanduId, from, to, after, limit } = params;
  const result = await sql<MeasurementExportRow>`
    select m.id, m.child_id, m.region_code, r.name as region_name, p.name as posyandu_name,
           c.nik, c.name, c.sex, c.birth_date, c.mother_name,
           m.measured_on, m.age_days, m.weight_kg, m.height_cm, m.measure, m.muac_cm, m.head_cm, m.oedema,
           m.zlen, m.zwei, m.zwfl, m.zbmi, m.height_for_age, m.weight_for_age, m.weight_for_height,
           m.weight_gain, m.two_t, m.implausible, m.source
    from measurement m
    join child c on c.id = m.child_id
    join region r on r.code = m.region_code
    join posyandu p on p.id = m.posyandu_id
    where m.superseded_at is null
      and m.region_code >= ${regionCode} and m.region_code < ${prefixEnd(regionCode)}
      ${posyanduId ? sql`and m.posyandu_id = ${posyanduId}` : sql``}
      ${from ? sql`and m.measured_on >= ${from}::date` : sql``}
      ${to ? sql`and m.measured_on <= ${to}::date` : sql``}
      ${after ? sql`and (m.region_code, m.measured_on, m.id) > (${after.regionCode}, ${after.measuredOn}::date, ${after.id}::uuid)` : sql``}
    order by m.region_code, m.measured_on, m.id
    limit ${limit}`.execute(db);
  return result.rows;
}
