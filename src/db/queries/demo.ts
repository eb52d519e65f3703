/**
 * The SQL of the demo-province loader (services/demo): the region tree it lays posyandu on, the
 * emptiness check, the `demo_dataset` setting, and the column lists its COPY rows follow.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { BulkSession } from '../bulk.ts';
import type { Database, RegionRow } from '../types.ts';

type Q = Kysely<Database> | Transaction<Database>;

/** Key of the setting that marks the registry as synthetic. */
export const DEMO_DATASET_SETTING = 'demo_dataset';

/** Every region of a province (itself, kabupaten/kota, kecamatan, desa/kelurahan). */
export async function regionsWithin(
  db: Q,
  provinceCode: string,
): Promise<Pick<RegionRow, 'code' | 'name' | 'level' | 'type'>[]> {
  return db
    .selectFrom('region')
    .select(['code', 'name', 'level', 'type'])
    .where('code', 'like', `${provinceCode}%`)
    .orderBy('code')
    .execute();
}

/** True when the registry has no child at all (the demo only goes into an empty one). */
export async function registryIsEmpty(db: Q): Promise<boolean> {
  const row = await db.selectFrom('child').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

/** A setting's value (parsed JSON), or undefined when not set. */
export async function readAppSetting(db: Q, key: string): Promise<unknown> {
  const row = await db
    .selectFrom('app_setting')
    .select('value')
    .where('key', '=', key)
    .executeTakeFirst();
  return row?.value;
}

/** Writes a setting (JSON value), replacing any earlier value. */
export async function writeAppSetting(db: Q, key: string, value: unknown): Promise<void> {
  await db
    .insertInto('app_setting')
    .values({ key, value: JSON.stringify(value) })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_at: sql`now()` }),
    )
    .execute();
}

/**
 * Inside a bulk load: serialises concurrent loaders (transaction-scoped advisory lock) and tells
 * whether the registry is still empty, so two starts on one empty database cannot both load.
 */
export async function lockEmptyRegistry(session: BulkSession): Promise<boolean> {
  await session.query('select pg_advisory_xact_lock(7265432)');
  const rows = await session.query('select 1 from child limit 1');
  return rows.length === 0;
}

/** Inside a bulk load: writes a setting in the same transaction. */
export async function writeAppSettingInBulk(
  session: BulkSession,
  key: string,
  value: unknown,
): Promise<void> {
  await session.query(
    `insert into app_setting (key, value) values ($1, $2::jsonb)
     on conflict (key) do update set value = excluded.value, updated_at = now()`,
    [key, JSON.stringify(value)],
  );
}

/** COPY column lists of the registry tables, in the order the loader writes its rows. */
export const PUSKESMAS_COPY_COLUMNS = ['id', 'name', 'region_code'] as const;
export const POSYANDU_COPY_COLUMNS = ['id', 'name', 'region_code', 'puskesmas_id'] as const;
export const CHILD_COPY_COLUMNS = [
  'id',
  'region_code',
  'posyandu_id',
  'nik',
  'name',
  'sex',
  'birth_date',
  'birth_weight_kg',
  'birth_length_cm',
  'mother_name',
  'mother_nik',
  'address',
  'created_at',
  'updated_at',
] as const;
export const MEASUREMENT_COPY_COLUMNS = [
  'id',
  'child_id',
  'region_code',
  'posyandu_id',
  'measured_on',
  'age_days',
  'weight_kg',
  'height_cm',
  'measure',
  'head_cm',
  'muac_cm',
  'oedema',
  'zlen',
  'zwei',
  'zwfl',
  'zbmi',
  'zhc',
  'zac',
  'flen',
  'fwei',
  'fwfl',
  'fbmi',
  'fhc',
  'fac',
  'height_for_age',
  'weight_for_age',
  'weight_for_height',
  'weight_gain',
  'two_t',
  'implausible',
  'source',
  'payload_hash',
  'created_at',
] as const;
