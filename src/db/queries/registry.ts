import { sql, type Kysely, type Transaction } from 'kysely';
import type {
  ChildRow,
  Database,
  MeasurementRow,
  NewChild,
  NewMeasurement,
  PosyanduRow,
} from '../types.ts';

type Q = Kysely<Database> | Transaction<Database>;

/** Folds a name column the way core/registry personNameKey folds a string. */
const nameKey = (column: string) =>
  sql<string>`lower(regexp_replace(${sql.ref(column)}, '[^a-zA-Z0-9]', '', 'g'))`;

// ── puskesmas and posyandu ─────────────────────────────────────────────────────────────────

export async function insertPuskesmas(db: Q, values: { name: string; region_code: string }) {
  return db.insertInto('puskesmas').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function insertPosyandu(
  db: Q,
  values: { name: string; region_code: string; puskesmas_id?: string | null },
) {
  return db.insertInto('posyandu').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function findPosyandu(
  db: Q,
  id: string,
): Promise<(PosyanduRow & { region_name: string }) | undefined> {
  return db
    .selectFrom('posyandu')
    .innerJoin('region', 'region.code', 'posyandu.region_code')
    .selectAll('posyandu')
    .select('region.name as region_name')
    .where('posyandu.id', '=', id)
    .executeTakeFirst();
}

/** Posyandu inside a region (prefix), with their desa name and count of registered children. */
export async function listPosyanduWithin(db: Q, regionCode: string, limit: number) {
  return db
    .selectFrom('posyandu as p')
    .innerJoin('region as r', 'r.code', 'p.region_code')
    .select([
      'p.id',
      'p.name',
      'p.region_code',
      'p.puskesmas_id',
      'p.active',
      'r.name as region_name',
    ])
    .select((eb) =>
      eb
        .selectFrom('child as c')
        .whereRef('c.posyandu_id', '=', 'p.id')
        .where('c.merged_into', 'is', null)
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('children'),
    )
    .where('p.region_code', 'like', `${regionCode}%`)
    .orderBy('p.region_code')
    .orderBy('p.name')
    .limit(limit)
    .execute();
}

// ── children ───────────────────────────────────────────────────────────────────────────────

export async function insertChild(db: Q, child: NewChild): Promise<ChildRow> {
  return db.insertInto('child').values(child).returningAll().executeTakeFirstOrThrow();
}

/**
 * Inserts a child unless its id is stored already (a second delivery of the same registration
 * racing the first); undefined then, and the caller reads the stored one.
 */
export async function insertChildOnce(db: Q, child: NewChild): Promise<ChildRow | undefined> {
  return db
    .insertInto('child')
    .values(child)
    .onConflict((oc) => oc.column('id').doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function findChild(db: Q, id: string): Promise<ChildRow | undefined> {
  return db.selectFrom('child').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Updates only when the version is the one the editor saw; returns undefined on a stale version. */
export async function updateChild(
  db: Q,
  id: string,
  version: number,
  changes: Partial<NewChild>,
): Promise<ChildRow | undefined> {
  return db
    .updateTable('child')
    .set({ ...changes, version: version + 1, updated_at: new Date() })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export async function findChildByNik(db: Q, nik: string): Promise<ChildRow | undefined> {
  return db
    .selectFrom('child')
    .selectAll()
    .where('nik', '=', nik)
    .where('merged_into', 'is', null)
    .executeTakeFirst();
}

/** Same desa, same birth date, same folded name and (when both known) same folded mother's name. */
export async function findLikelyDuplicates(
  db: Q,
  params: {
    regionCode: string;
    birthDate: string;
    nameKey: string;
    motherNameKey: string | null;
    excludeId?: string;
  },
): Promise<ChildRow[]> {
  let query = db
    .selectFrom('child')
    .selectAll()
    .where('region_code', '=', params.regionCode)
    .where('birth_date', '=', params.birthDate)
    .where('merged_into', 'is', null)
    .where(nameKey('name'), '=', params.nameKey);
  if (params.motherNameKey)
    query = query.where((eb) =>
      eb.or([eb('mother_name', 'is', null), eb(nameKey('mother_name'), '=', params.motherNameKey)]),
    );
  if (params.excludeId) query = query.where('id', '!=', params.excludeId);
  return query.limit(10).execute();
}

export interface ChildWithLatest extends ChildRow {
  last_measured_on: string | null;
  last_weight_kg: number | null;
  last_height_cm: number | null;
  last_height_for_age: string | null;
  last_weight_for_age: string | null;
  last_weight_for_height: string | null;
  last_weight_gain: string | null;
  last_two_t: boolean | null;
  last_implausible: boolean | null;
}

/** The children of a posyandu (not merged away) with their latest current measurement. */
export async function listChildrenOfPosyandu(
  db: Q,
  posyanduId: string,
): Promise<ChildWithLatest[]> {
  const result = await sql<ChildWithLatest>`
    select c.*, m.measured_on as last_measured_on, m.weight_kg as last_weight_kg, m.height_cm as last_height_cm,
           m.height_for_age as last_height_for_age, m.weight_for_age as last_weight_for_age,
           m.weight_for_height as last_weight_for_height, m.weight_gain as last_weight_gain,
           m.two_t as last_two_t, m.implausible as last_implausible
    from child c
    left join lateral (
      select * from measurement m
      where m.child_id = c.id and m.superseded_at is null
      order by m.measured_on desc limit 1
    ) m on true
    where c.posyandu_id = ${posyanduId} and c.merged_into is null
    order by c.name, c.birth_date`.execute(db);
  return result.rows;
}

/** Name (folded, substring) or NIK search inside a region prefix, optionally one posyandu. */
export async function searchChildren(
  db: Q,
  params: { regionCode: string; q: string; posyanduId?: string; limit: number },
) {
  const digits = /^\d{4,16}$/.test(params.q);
  const key = params.q
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .replace(/[\\%_]/g, '');
  let query = db
    .selectFrom('child')
    .selectAll()
    .where('region_code', 'like', `${params.regionCode}%`)
    .where('merged_into', 'is', null)
    .where((eb) =>
      digits ? eb('nik', 'like', `${params.q}%`) : eb(nameKey('name'), 'like', `%${key}%`),
    );
  if (params.posyanduId) query = query.where('posyandu_id', '=', params.posyanduId);
  return query.orderBy('name').limit(params.limit).execute();
}

export async function markChildMerged(db: Q, id: string, into: string): Promise<void> {
  await db
    .updateTable('child')
    .set({ merged_into: into, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

// ── measurements ───────────────────────────────────────────────────────────────────────────

export async function findMeasurement(db: Q, id: string): Promise<MeasurementRow | undefined> {
  return db.selectFrom('measurement').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Every measurement of a child, current and superseded, oldest first (the history table). */
export async function measurementsOfChild(db: Q, childId: string): Promise<MeasurementRow[]> {
  return db
    .selectFrom('measurement')
    .selectAll()
    .where('child_id', '=', childId)
    .orderBy('measured_on')
    .orderBy('created_at')
    .execute();
}

/** The current measurements of a child, oldest first. */
export async function currentMeasurementsOfChild(
  db: Q,
  childId: string,
): Promise<MeasurementRow[]> {
  return db
    .selectFrom('measurement')
    .selectAll()
    .where('child_id', '=', childId)
    .where('superseded_at', 'is', null)
    .orderBy('measured_on')
    .execute();
}

/** Every measurement of a child, superseded ones too: all of them depend on its sex and birth date. */
export async function allMeasurementsOfChild(db: Q, childId: string): Promise<MeasurementRow[]> {
  return db
    .selectFrom('measurement')
    .selectAll()
    .where('child_id', '=', childId)
    .orderBy('measured_on')
    .execute();
}

/** Rewrites the derived columns (age, z-scores, flags, categories) of one measurement. */
export async function updateMeasurementAssessment(
  db: Q,
  id: string,
  derived: Pick<
    NewMeasurement,
    | 'age_days'
    | 'zlen'
    | 'zwei'
    | 'zwfl'
    | 'zbmi'
    | 'zhc'
    | 'zac'
    | 'flen'
    | 'fwei'
    | 'fwfl'
    | 'fbmi'
    | 'fhc'
    | 'fac'
    | 'height_for_age'
    | 'weight_for_age'
    | 'weight_for_height'
    | 'implausible'
  >,
): Promise<void> {
  await db.updateTable('measurement').set(derived).where('id', '=', id).execute();
}

export async function moveMeasurements(
  db: Q,
  fromChildId: string,
  toChildId: string,
): Promise<number> {
  const result = await db
    .updateTable('measurement')
    .set({ child_id: toChildId })
    .where('child_id', '=', fromChildId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export type FollowUpCategory = 'stunted' | 'wasted' | 'underweight' | 'two_t' | 'implausible';

/**
 * Children whose latest current measurement (inside the period) puts them on a follow-up list.
 * Region prefix scopes it; a posyandu narrows it further.
 */
export async function followUpChildren(
  db: Q,
  params: {
    regionCode: string;
    posyanduId?: string;
    from: string;
    to: string;
    categories: FollowUpCategory[];
    limit: number;
  },
) {
  const conditions = {
    stunted: sql`m.height_for_age in ('stunted', 'severely_stunted') and not coalesce(m.flen, false)`,
    wasted: sql`m.weight_for_height in ('wasted', 'severely_wasted') and not coalesce(m.fwfl, false)`,
    underweight: sql`m.weight_for_age in ('underweight', 'severely_underweight') and not coalesce(m.fwei, false)`,
    two_t: sql`m.two_t`,
    implausible: sql`m.implausible`,
  } as const;
  const where = sql.join(
    params.categories.map((c) => sql`(${conditions[c]})`),
    sql` or `,
  );
  const result = await sql<
    ChildRow &
      MeasurementRow & { measurement_id: string; posyandu_name: string; region_name: string }
  >`
    select c.id, c.name, c.sex, c.birth_date, c.nik, c.mother_name, c.region_code, c.posyandu_id,
           p.name as posyandu_name, r.name as region_name,
           m.id as measurement_id, m.measured_on, m.age_days, m.weight_kg, m.height_cm, m.zlen, m.zwei, m.zwfl,
           m.height_for_age, m.weight_for_age, m.weight_for_height, m.weight_gain, m.two_t, m.implausible
    from child c
    join posyandu p on p.id = c.posyandu_id
    join region r on r.code = c.region_code
    join lateral (
      select * from measurement m
      where m.child_id = c.id and m.superseded_at is null and m.measured_on between ${params.from} and ${params.to}
      order by m.measured_on desc limit 1
    ) m on true
    where c.merged_into is null and c.region_code like ${`${params.regionCode}%`}
      ${params.posyanduId ? sql`and c.posyandu_id = ${params.posyanduId}` : sql``}
      and (${where})
    order by p.name, c.name
    limit ${params.limit}`.execute(db);
  return result.rows;
}

// ── batch forms (the import and offline sync send many at once) ────────────────────────────
// One array parameter per column (`= any($1::uuid[])`, `unnest(…)`) instead of one parameter per
// value: a statement stays small and quick to plan however many rows it carries, and never meets
// PostgreSQL's limit of 65,535 parameters (a 5,000-row import chunk would need 190,000).

export async function findChildren(db: Q, ids: string[]): Promise<ChildRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('child')
    .selectAll()
    .where(sql<boolean>`id = any(${ids}::uuid[])`)
    .execute();
}

export async function findMeasurements(db: Q, ids: string[]): Promise<MeasurementRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('measurement')
    .selectAll()
    .where(sql<boolean>`id = any(${ids}::uuid[])`)
    .execute();
}

/** Current measurements on given (child, day) pairs. */
export async function currentMeasurementsOnDays(
  db: Q,
  pairs: { childId: string; measuredOn: string }[],
): Promise<MeasurementRow[]> {
  if (pairs.length === 0) return [];
  const result = await sql<MeasurementRow>`
    select m.* from unnest(${pairs.map((p) => p.childId)}::uuid[], ${pairs.map((p) => p.measuredOn)}::date[])
      as p(child_id, measured_on)
    -- one probe of the (child, day) index per pair (a hash join scanned the whole table)
    cross join lateral (select * from measurement m where m.child_id = p.child_id
      and m.measured_on = p.measured_on and m.superseded_at is null) m`.execute(db);
  // A pair given twice joins twice: one row per measurement.
  return [...new Map(result.rows.map((r) => [r.id, r])).values()];
}

/**
 * A new measurement as it is stored: every column of the table, defaults filled in. Written out
 * (not looped over column names) because it runs for every row of a million-row import.
 */
function asStored(r: NewMeasurement): Omit<MeasurementRow, 'created_at'> {
  return {
    id: r.id,
    child_id: r.child_id,
    region_code: r.region_code,
    posyandu_id: r.posyandu_id,
    measured_on: r.measured_on,
    age_days: r.age_days,
    weight_kg: r.weight_kg ?? null,
    height_cm: r.height_cm ?? null,
    measure: r.measure ?? null,
    head_cm: r.head_cm ?? null,
    muac_cm: r.muac_cm ?? null,
    oedema: r.oedema,
    zlen: r.zlen ?? null,
    zwei: r.zwei ?? null,
    zwfl: r.zwfl ?? null,
    zbmi: r.zbmi ?? null,
    zhc: r.zhc ?? null,
    zac: r.zac ?? null,
    flen: r.flen ?? null,
    fwei: r.fwei ?? null,
    fwfl: r.fwfl ?? null,
    fbmi: r.fbmi ?? null,
    fhc: r.fhc ?? null,
    fac: r.fac ?? null,
    height_for_age: r.height_for_age ?? null,
    weight_for_age: r.weight_for_age ?? null,
    weight_for_height: r.weight_for_height ?? null,
    weight_gain: r.weight_gain ?? null,
    two_t: r.two_t ?? false,
    implausible: r.implausible ?? false,
    source: r.source,
    entered_by: r.entered_by ?? null,
    payload_hash: r.payload_hash,
    supersedes: r.supersedes ?? null,
    superseded_at: null,
    import_id: r.import_id ?? null,
  };
}

/** Insert columns with the array type each is sent as (superseded_at and created_at: defaults). */
const measurementColumns = [
  ['id', 'uuid'],
  ['child_id', 'uuid'],
  ['region_code', 'text'],
  ['posyandu_id', 'uuid'],
  ['measured_on', 'date'],
  ['age_days', 'int4'],
  ['weight_kg', 'numeric'],
  ['height_cm', 'numeric'],
  ['measure', 'text'],
  ['head_cm', 'numeric'],
  ['muac_cm', 'numeric'],
  ['oedema', 'bool'],
  ['zlen', 'numeric'],
  ['zwei', 'numeric'],
  ['zwfl', 'numeric'],
  ['zbmi', 'numeric'],
  ['zhc', 'numeric'],
  ['zac', 'numeric'],
  ['flen', 'bool'],
  ['fwei', 'bool'],
  ['fwfl', 'bool'],
  ['fbmi', 'bool'],
  ['fhc', 'bool'],
  ['fac', 'bool'],
  ['height_for_age', 'text'],
  ['weight_for_age', 'text'],
  ['weight_for_height', 'text'],
  ['weight_gain', 'text'],
  ['two_t', 'bool'],
  ['implausible', 'bool'],
  ['source', 'text'],
  ['entered_by', 'uuid'],
  ['payload_hash', 'text'],
  ['supersedes', 'uuid'],
  ['import_id', 'uuid'],
] as const satisfies readonly (readonly [keyof MeasurementRow, string])[];

/** Columns PostgreSQL may change on the way in (numeric scale): read back, not assumed. */
const roundedColumns = [
  'weight_kg',
  'height_cm',
  'head_cm',
  'muac_cm',
  'zlen',
  'zwei',
  'zwfl',
  'zbmi',
  'zhc',
  'zac',
] as const;

/**
 * Inserts rows whose id and (child, day) are free, in one statement; returns the rows actually
 * inserted, as stored. Only the id, the numeric columns (rounded to their scale by the database)
 * and created_at are read back; every other column is stored exactly as sent.
 */
export async function insertMeasurementRows(
  db: Q,
  rows: NewMeasurement[],
): Promise<MeasurementRow[]> {
  if (rows.length === 0) return [];
  const full = rows.map(asStored);
  const columns = measurementColumns.map(() => new Array<unknown>(full.length));
  full.forEach((row, i) => {
    const values = row as unknown as Record<string, unknown>;
    measurementColumns.forEach(([column], c) => (columns[c]![i] = values[column]));
  });
  const arrays = measurementColumns.map(([, type], c) => sql`${columns[c]}::${sql.raw(type)}[]`);
  const result = await sql<
    Pick<MeasurementRow, 'id' | 'created_at' | (typeof roundedColumns)[number]>
  >`
    insert into measurement (${sql.join(measurementColumns.map(([c]) => sql.ref(c)))})
    select * from unnest(${sql.join(arrays)})
    on conflict do nothing
    returning id, created_at, ${sql.join(roundedColumns.map((c) => sql.ref(c)))}`.execute(db);
  const sent = new Map(full.map((r) => [r.id, r]));
  return result.rows.map((stored) => ({ ...sent.get(stored.id)!, ...stored }));
}

/** Inserts rows whose id and (child, day) are free; returns the ids actually inserted. */
export async function insertMeasurements(db: Q, rows: NewMeasurement[]): Promise<Set<string>> {
  return new Set((await insertMeasurementRows(db, rows)).map((r) => r.id));
}

/** Marks rows superseded at `at`, or current again with null (undoing a failed correction). */
export async function markSupersededMany(db: Q, ids: string[], at: Date | null): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('measurement')
    .set({ superseded_at: at })
    .where(sql<boolean>`id = any(${ids}::uuid[])`)
    .execute();
}

/** Current measurements of several children, oldest first within each child. */
export async function currentMeasurementsOfChildren(db: Q, childIds: string[]) {
  if (childIds.length === 0) return [];
  return db
    .selectFrom('measurement')
    .select([
      'id',
      'child_id',
      'measured_on',
      'weight_kg',
      'weight_gain',
      'two_t',
      'payload_hash',
      // what the rollups count (services/registry writtenRollupChange)
      'age_days',
      'region_code',
      'posyandu_id',
      'zlen',
      'flen',
      'zwfl',
      'fwfl',
      'zwei',
      'fwei',
      'oedema',
    ])
    .where(sql<boolean>`child_id = any(${childIds}::uuid[])`)
    .where('superseded_at', 'is', null)
    .orderBy('child_id')
    .orderBy('measured_on')
    .execute();
}

/** Sets weight_gain/two_t on many rows in one statement. */
export async function updateWeightGains(
  db: Q,
  updates: { id: string; weightGain: MeasurementRow['weight_gain']; twoT: boolean }[],
): Promise<void> {
  if (updates.length === 0) return;
  await sql`update measurement m set weight_gain = v.weight_gain, two_t = v.two_t
    from unnest(${updates.map((u) => u.id)}::uuid[], ${updates.map((u) => u.weightGain)}::text[],
                ${updates.map((u) => u.twoT)}::bool[]) as v(id, weight_gain, two_t)
    where m.id = v.id`.execute(db);
}

/** Fresh planner statistics of the registry tables (after a bulk import). */
export async function analyzeRegistry(db: Q): Promise<void> {
  await sql`analyze child, measurement`.execute(db);
}
