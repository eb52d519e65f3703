/**
 * The SQL of AKI-AKB (migration 0008): death cases, their recommendations, live births and
 * population figures. Region scope is the kode wilayah prefix, on the desa of residence or the
 * place of death (services/deaths decides which).
 */
import { sql, type Kysely, type Transaction, type Updateable } from 'kysely';
import type {
  Database,
  DeathCaseRow,
  DeathCaseTable,
  DeathRecommendationRow,
  LiveBirthRow,
  NewDeathCase,
  PopulationFigureRow,
} from '../types.ts';

type Q = Kysely<Database> | Transaction<Database>;

/** Stores a new notification. */
export async function insertDeathCase(db: Q, row: NewDeathCase): Promise<DeathCaseRow> {
  return db.insertInto('death_case').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findDeathCase(db: Q, id: string): Promise<DeathCaseRow | undefined> {
  return db.selectFrom('death_case').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The case, locked for the rest of the transaction (workflow steps). */
export async function lockDeathCase(db: Transaction<Database>, id: string) {
  return db
    .selectFrom('death_case')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/**
 * Updates a case if it is still at `version` (optimistic locking) and bumps the version;
 * undefined when someone else changed it first.
 */
export async function updateDeathCaseRow(
  db: Q,
  id: string,
  version: number,
  changes: Updateable<DeathCaseTable>,
): Promise<DeathCaseRow | undefined> {
  return db
    .updateTable('death_case')
    .set({ ...changes, version: sql<number>`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

/** Who may see which cases: prefixes on either place, or cases the actor notified. */
export interface CaseScopeFilter {
  /** Region prefixes: a case is in scope when its residence or place of death starts with one. */
  regionPrefixes: readonly string[];
  /** Also the cases this user notified (hospitals see only these: empty prefixes). */
  notifiedBy?: string | null;
}

export interface CaseListFilter {
  scope: CaseScopeFilter;
  /** Narrower region asked for (residence or place of death inside it). */
  regionCode?: string | null;
  statuses?: readonly DeathCaseRow['status'][] | null;
  kinds?: readonly DeathCaseRow['kind'][] | null;
  from?: string | null;
  to?: string | null;
  limit: number;
}

/** Cases in scope, newest death first. */
export async function listDeathCaseRows(db: Q, filter: CaseListFilter): Promise<DeathCaseRow[]> {
  let query = db
    .selectFrom('death_case')
    .selectAll()
    .where((eb) => {
      const ors = filter.scope.regionPrefixes.flatMap((prefix) => [
        eb('region_code', 'like', `${prefix}%`),
        eb('death_region_code', 'like', `${prefix}%`),
      ]);
      if (filter.scope.notifiedBy) ors.push(eb('notified_by', '=', filter.scope.notifiedBy));
      return ors.length ? eb.or(ors) : eb.val(false);
    });
  if (filter.regionCode) {
    const prefix = `${filter.regionCode}%`;
    query = query.where((eb) =>
      eb.or([eb('region_code', 'like', prefix), eb('death_region_code', 'like', prefix)]),
    );
  }
  if (filter.statuses?.length) query = query.where('status', 'in', filter.statuses);
  if (filter.kinds?.length) query = query.where('kind', 'in', filter.kinds);
  if (filter.from) query = query.where('death_date', '>=', filter.from);
  if (filter.to) query = query.where('death_date', '<=', filter.to);
  return query
    .orderBy('death_date', 'desc')
    .orderBy('notified_at', 'desc')
    .limit(filter.limit)
    .execute();
}

/** Cases of the same kind, desa and day that are not voided (likely the same death notified twice). */
export async function findLikelyDuplicateCases(
  db: Q,
  params: { regionCode: string; deathDate: string; kind: DeathCaseRow['kind'] },
): Promise<DeathCaseRow[]> {
  return db
    .selectFrom('death_case')
    .selectAll()
    .where('region_code', '=', params.regionCode)
    .where('death_date', '=', params.deathDate)
    .where('kind', '=', params.kind)
    .where('status', '<>', 'void')
    .limit(20)
    .execute();
}

/** The facts the indicators need (no personal data) of cases resident in a region in a date range. */
export async function listDeathFacts(
  db: Q,
  params: {
    regionCode: string | null;
    from: string;
    to: string;
    statuses: readonly DeathCaseRow['status'][];
  },
) {
  let query = db
    .selectFrom('death_case')
    .select([
      'kind',
      'status',
      'death_date',
      'region_code',
      'cause_group',
      'place_of_death',
      'notified_late',
    ])
    .where('death_date', '>=', params.from)
    .where('death_date', '<=', params.to)
    .where('status', 'in', params.statuses);
  if (params.regionCode) query = query.where('region_code', 'like', `${params.regionCode}%`);
  return query.execute();
}

/** Number of cases per status in a region (residence), for the "awaiting verification" figure. */
export async function countCasesByStatus(
  db: Q,
  params: { regionCode: string | null; from: string; to: string },
): Promise<Map<string, number>> {
  let query = db
    .selectFrom('death_case')
    .select(['status', db.fn.countAll<number>().as('n')])
    .where('death_date', '>=', params.from)
    .where('death_date', '<=', params.to)
    .groupBy('status');
  if (params.regionCode) query = query.where('region_code', 'like', `${params.regionCode}%`);
  const rows = await query.execute();
  return new Map(rows.map((r) => [r.status, Number(r.n)]));
}

/** The latest death date before `before` of a region's non-voided cases (default period). */
export async function latestDeathDateBefore(
  db: Q,
  regionCode: string | null,
  before: string,
  statuses: readonly DeathCaseRow['status'][],
): Promise<string | null> {
  let query = db
    .selectFrom('death_case')
    .select((eb) => eb.fn.max('death_date').as('latest'))
    .where('death_date', '<', before)
    .where('status', 'in', statuses);
  if (regionCode) query = query.where('region_code', 'like', `${regionCode}%`);
  const row = await query.executeTakeFirst();
  return (row?.latest as string | null | undefined) ?? null;
}

/** When a region's cases or live births last changed (the figures' "as of"). */
export async function deathDataChangedAt(db: Q, regionCode: string | null): Promise<Date | null> {
  const prefix = `${regionCode ?? ''}%`;
  const row = await sql<{ at: Date | string | null }>`
    select greatest(
      (select max(updated_at) from death_case where region_code like ${prefix}),
      (select max(updated_at) from live_birth where region_code like ${prefix})
    ) as at`.execute(db);
  const at = row.rows[0]?.at;
  return at ? new Date(at) : null;
}

/**
 * Changes whenever anything an AKI-AKB figure reads changes (a case, a live birth, a population
 * figure: inserted, updated or deleted), for caching public answers.
 */
export async function deathFiguresStamp(db: Q): Promise<string> {
  const row = await sql<{ stamp: string }>`
    select concat_ws('|',
      (select count(*) from death_case), (select sum(version) from death_case),
      (select max(updated_at) from death_case),
      (select count(*) from live_birth), (select max(updated_at) from live_birth),
      (select count(*) from population_figure), (select max(updated_at) from population_figure)
    ) as stamp`.execute(db);
  return row.rows[0]?.stamp ?? '';
}

/** The province (2 digits) with the most cases and live-birth entries, or null when none. */
export async function busiestDeathProvince(db: Q): Promise<string | null> {
  const row = await sql<{ province: string }>`
    select province from (
      select substr(region_code, 1, 2) as province from death_case
      union all select substr(region_code, 1, 2) from live_birth
    ) t group by province order by count(*) desc, province limit 1`.execute(db);
  return row.rows[0]?.province ?? null;
}

// ── recommendations ──

export async function insertRecommendation(
  db: Q,
  row: Omit<DeathRecommendationRow, 'created_at' | 'done_at' | 'done_by' | 'done_note'>,
): Promise<DeathRecommendationRow> {
  return db.insertInto('death_recommendation').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function listRecommendations(
  db: Q,
  caseIds: readonly string[],
): Promise<DeathRecommendationRow[]> {
  if (caseIds.length === 0) return [];
  return db
    .selectFrom('death_recommendation')
    .selectAll()
    .where('case_id', 'in', caseIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function markRecommendationDone(
  db: Q,
  id: string,
  changes: { done_at: Date; done_by: string | null; done_note: string | null },
): Promise<DeathRecommendationRow | undefined> {
  return db
    .updateTable('death_recommendation')
    .set(changes)
    .where('id', '=', id)
    .where('done_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

/** Names of users (for "who did each step"), by id. */
export async function userNames(
  db: Q,
  ids: readonly (string | null)[],
): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom('app_user')
    .select(['id', 'name'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The audit trail of a case (its own rows and its recommendations'), oldest first. */
export async function caseAuditRows(db: Q, caseId: string) {
  return db
    .selectFrom('audit_log as a')
    .leftJoin('app_user as u', 'u.id', 'a.actor_id')
    .select([
      'a.id',
      'a.at',
      'a.action',
      'a.actor_id',
      'u.name as actor_name',
      'a.before',
      'a.after',
    ])
    .where('a.entity', '=', 'death_case')
    .where('a.entity_id', '=', caseId)
    .orderBy('a.id')
    .execute();
}

// ── live births and population ──

/** Every live-birth entry of regions inside `regionCode` (all of them for null) for the years. */
export async function listLiveBirthRows(
  db: Q,
  regionCode: string | null,
  years: { from: number; to: number },
): Promise<LiveBirthRow[]> {
  let query = db
    .selectFrom('live_birth')
    .selectAll()
    .where(sql<boolean>`substr(period, 1, 4)::int between ${years.from} and ${years.to}`);
  if (regionCode) query = query.where('region_code', 'like', `${regionCode}%`);
  return query.execute();
}

/** Live-birth entries of exactly these regions and periods (before an overwrite). */
export async function findLiveBirthRows(
  db: Q,
  keys: readonly { regionCode: string; period: string }[],
): Promise<LiveBirthRow[]> {
  if (keys.length === 0) return [];
  return db
    .selectFrom('live_birth')
    .selectAll()
    .where((eb) =>
      eb.or(
        keys.map((k) =>
          eb.and([eb('region_code', '=', k.regionCode), eb('period', '=', k.period)]),
        ),
      ),
    )
    .execute();
}

/** Writes entries, replacing what a region had for the same period. */
export async function upsertLiveBirthRows(
  db: Q,
  rows: readonly Omit<LiveBirthRow, 'updated_at'>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('live_birth')
      .values(rows.slice(i, i + 500).map((r) => ({ ...r })))
      .onConflict((oc) =>
        oc.columns(['region_code', 'period']).doUpdateSet((eb) => ({
          count: eb.ref('excluded.count'),
          source: eb.ref('excluded.source'),
          origin: eb.ref('excluded.origin'),
          entered_by: eb.ref('excluded.entered_by'),
          updated_at: sql`now()`,
        })),
      )
      .execute();
  }
}

export async function deleteLiveBirthRow(
  db: Q,
  regionCode: string,
  period: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('live_birth')
    .where('region_code', '=', regionCode)
    .where('period', '=', period)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Infant deaths (neonatal + post-neonatal, not voided) resident in each region per period asked. */
export async function infantDeathsIn(
  db: Q,
  keys: readonly { regionCode: string; from: string; to: string }[],
): Promise<number[]> {
  const counts: number[] = [];
  for (const key of keys) {
    const row = await db
      .selectFrom('death_case')
      .select(db.fn.countAll<number>().as('n'))
      .where('region_code', 'like', `${key.regionCode}%`)
      .where('kind', 'in', ['neonatal', 'postneonatal'])
      .where('status', '<>', 'void')
      .where('death_date', '>=', key.from)
      .where('death_date', '<=', key.to)
      .executeTakeFirst();
    counts.push(Number(row?.n ?? 0));
  }
  return counts;
}

export async function listPopulationRows(
  db: Q,
  regionCode: string | null,
  years: { from: number; to: number },
): Promise<PopulationFigureRow[]> {
  let query = db
    .selectFrom('population_figure')
    .selectAll()
    .where('year', '>=', years.from)
    .where('year', '<=', years.to);
  if (regionCode) {
    // The region, what lies inside it, and its ancestors (whose CBR it inherits).
    const ancestors = [2, 4, 6]
      .filter((n) => n < regionCode.length)
      .map((n) => regionCode.slice(0, n));
    query = query.where((eb) =>
      eb.or([
        eb('region_code', 'like', `${regionCode}%`),
        ...(ancestors.length ? [eb('region_code', 'in', ancestors)] : []),
      ]),
    );
  }
  return query.execute();
}

export async function upsertPopulationRows(
  db: Q,
  rows: readonly Omit<PopulationFigureRow, 'updated_at'>[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('population_figure')
    .values(rows.map((r) => ({ ...r })))
    .onConflict((oc) =>
      oc.columns(['region_code', 'year']).doUpdateSet((eb) => ({
        population: eb.ref('excluded.population'),
        crude_birth_rate: eb.ref('excluded.crude_birth_rate'),
        source: eb.ref('excluded.source'),
        entered_by: eb.ref('excluded.entered_by'),
        updated_at: sql`now()`,
      })),
    )
    .execute();
}

/** Codes of every region inside a prefix (all of Indonesia for null): the tree births add up on. */
export async function regionCodesWithin(db: Q, regionCode: string | null): Promise<string[]> {
  let query = db.selectFrom('region').select('code');
  if (regionCode) query = query.where('code', 'like', `${regionCode}%`);
  const rows = await query.execute();
  return rows.map((r) => r.code);
}

/** The latest month (YYYY-MM) before `beforeMonth` with a monthly live-birth entry inside a region. */
export async function latestLiveBirthMonthBefore(
  db: Q,
  regionCode: string | null,
  beforeMonth: string,
): Promise<string | null> {
  let query = db
    .selectFrom('live_birth')
    .select((eb) => eb.fn.max('period').as('latest'))
    .where('period', 'like', '____-__')
    .where('period', '<', beforeMonth);
  if (regionCode) query = query.where('region_code', 'like', `${regionCode}%`);
  const row = await query.executeTakeFirst();
  return (row?.latest as string | null | undefined) ?? null;
}

/** Regions of one level inside a region (code and name), for area tables and maps. */
export async function regionsAtLevelWithin(
  db: Q,
  regionCode: string | null,
  level: 'provinsi' | 'kabupaten' | 'kecamatan' | 'desa',
) {
  let query = db.selectFrom('region').select(['code', 'name', 'level']).where('level', '=', level);
  if (regionCode) query = query.where('code', 'like', `${regionCode}%`);
  return query.orderBy('code').execute();
}

/** COPY column lists of the AKI-AKB tables, in the order the demo loader writes its rows. */
export const DEATH_CASE_COPY_COLUMNS = [
  'id',
  'kind',
  'status',
  'region_code',
  'death_region_code',
  'death_date',
  'death_time',
  'place_of_death',
  'facility_type',
  'facility_name',
  'name',
  'birth_date',
  'mother_name',
  'sex',
  'age_days',
  'mother_age_years',
  'gestational_weeks',
  'birth_weight_g',
  'maternal_timing',
  'delivery_date',
  'stillbirth_timing',
  'cause_group',
  'delay_deciding',
  'delay_reaching',
  'delay_receiving',
  'notified_at',
  'notifier_role',
  'notified_late',
  'notification_delay_minutes',
  'late_reason',
  'verified_at',
  'reviewed_at',
  'review_summary',
  'avoidable',
  'recommended_at',
  'closed_at',
  'source',
  'created_at',
  'updated_at',
] as const;
export const DEATH_RECOMMENDATION_COPY_COLUMNS = [
  'id',
  'case_id',
  'region_code',
  'text',
  'responsible',
  'level',
  'due_date',
  'created_at',
  'done_at',
  'done_note',
] as const;
export const LIVE_BIRTH_COPY_COLUMNS = [
  'region_code',
  'period',
  'count',
  'source',
  'origin',
] as const;
export const AUDIT_COPY_COLUMNS = [
  'at',
  'action',
  'entity',
  'entity_id',
  'region_code',
  'after',
] as const;

/** True when any death case or live birth is stored (the demo adds its own only to none). */
export async function hasDeathData(db: Q): Promise<boolean> {
  const a = await db.selectFrom('death_case').select('id').limit(1).executeTakeFirst();
  if (a) return true;
  const b = await db.selectFrom('live_birth').select('region_code').limit(1).executeTakeFirst();
  return b !== undefined;
}

/**
 * A fingerprint of a region's live-birth and population entries: it changes with every insert,
 * update or delete, so a cached denominator can be reused until it does.
 */
export async function denominatorStamp(db: Q, regionCode: string | null): Promise<string> {
  const prefix = `${regionCode ?? ''}%`;
  const row = await sql<{ stamp: string }>`
    select concat_ws('|',
      (select count(*) from live_birth where region_code like ${prefix}),
      (select max(updated_at) from live_birth where region_code like ${prefix}),
      (select count(*) from population_figure),
      (select max(updated_at) from population_figure)) as stamp`.execute(db);
  return row.rows[0]?.stamp ?? '';
}
