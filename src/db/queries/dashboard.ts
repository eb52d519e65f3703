/**
 * Reading the dashboard rollups (migration 0006): counts of one region over periods, of the
 * areas of one level inside a region, of posyandu, and the register (S). Every query reads a
 * few rows by index — never the measurement table — so the API stays fast at provincial scale.
 */
import {
  rollupCountNames,
  type RollupCountName,
  type RollupCounts,
} from '../../core/indicators/dashboard.ts';
import { kyselyExecutor } from './dashboard-rollup.ts';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../types.ts';

type Q = Kysely<Database> | Transaction<Database>;

const COUNTS = rollupCountNames.join(', ');

/** Rollup counts of one row with its keys. */
export type CountsRow<K> = K & RollupCounts;

/** Counts of a row; columns not selected (see `only`) are 0. */
function toCounts<K>(row: Record<string, unknown>): CountsRow<K> {
  for (const c of rollupCountNames) row[c] = Number(row[c] ?? 0);
  return row as CountsRow<K>;
}

/** The count columns to read: all, or only those an indicator uses (dashboardCountsUsed). */
const countColumns = (only?: readonly RollupCountName[]) => (only ?? rollupCountNames).join(', ');
const sumColumns = (only?: readonly RollupCountName[]) =>
  (only ?? rollupCountNames).map((c) => `sum(${c})::int as ${c}`).join(', ');

/** The version of the dashboard data (bumped by every change). */
export async function dashboardVersion(db: Q): Promise<number> {
  const [row] = await kyselyExecutor(db).query<{ version: number }>(
    `select version::float8 as version from dashboard_state`,
  );
  return row?.version ?? 0;
}

/** The version of the register (bumped only when children are registered, moved or merged). */
export async function registerVersion(db: Q): Promise<number> {
  const [row] = await kyselyExecutor(db).query<{ version: number }>(
    `select register_version::float8 as version from dashboard_state`,
  );
  return row?.version ?? 0;
}

/**
 * A region's counts for the periods given (one kind), by sex × age group and in total
 * (sex 0, age group 'all').
 */
export async function regionCounts(
  db: Q,
  region: string,
  kind: string,
  periods: readonly string[],
): Promise<CountsRow<{ period: string; sex: number; age_group: string }>[]> {
  if (periods.length === 0) return [];
  const rows = await kyselyExecutor(db).query(
    `select period, sex, age_group, ${COUNTS} from dashboard_area
     where region_code = $1 and kind = $2 and period = any($3::text[])`,
    [region, kind, periods],
  );
  return rows.map((r) => toCounts(r));
}

/** Totals of the regions of one level (code length) inside `within`, for one period. */
export async function levelCounts(
  db: Q,
  params: {
    within: string;
    codeLength: number;
    kind: string;
    period: string;
    only?: readonly RollupCountName[];
  },
): Promise<CountsRow<{ region_code: string }>[]> {
  const rows = await kyselyExecutor(db).query(
    `select region_code, ${countColumns(params.only)} from dashboard_area
     where kind = $1 and period = $2 and code_length = $3 and sex = 0 and region_code like $4
       and region_code <> '00'`,
    [
      params.kind,
      params.period,
      params.codeLength,
      params.within === '00' ? '%' : `${params.within}%`,
    ],
  );
  return rows.map((r) => toCounts(r));
}

/** Totals per posyandu of the cells inside `within` (children living there), for one period. */
export async function posyanduCounts(
  db: Q,
  params: { within: string; kind: string; period: string; only?: readonly RollupCountName[] },
): Promise<CountsRow<{ posyandu_id: string }>[]> {
  const rows = await kyselyExecutor(db).query(
    `select posyandu_id::text as posyandu_id, ${sumColumns(params.only)} from dashboard_cell
     where kind = $1 and period = $2 and region_code like $3 group by 1`,
    [params.kind, params.period, params.within === '00' ? '%' : `${params.within}%`],
  );
  return rows.map((r) => toCounts(r));
}

/** Periods of a kind that have data for the region (sorted). */
export async function periodsWithData(db: Q, region: string, kind: string): Promise<string[]> {
  const rows = await kyselyExecutor(db).query<{ period: string }>(
    `select period from dashboard_area
     where region_code = $1 and kind = $2 and sex = 0 order by period`,
    [region, kind],
  );
  return rows.map((r) => r.period);
}

/** When the region's figures or register last changed (null: never). */
export async function regionChangedAt(db: Q, region: string): Promise<Date | null> {
  const [row] = await kyselyExecutor(db).query<{ at: Date | string | null }>(
    `select greatest(
       (select max(changed_at) from dashboard_area where region_code = $1),
       (select max(changed_at) from dashboard_register_area where region_code = $1)) as at`,
    [region],
  );
  return row?.at ? new Date(row.at) : null;
}

/** The register of a region: children by sex and birth month (year × 12 + month − 1) in a range. */
export async function registerOf(
  db: Q,
  region: string,
  fromMonth: number,
  toMonth: number,
): Promise<{ sex: number; birth_month: number; children: number }[]> {
  return kyselyExecutor(db).query(
    `select sex, birth_month, children from dashboard_register_area
     where region_code = $1 and birth_month between $2 and $3`,
    [region, fromMonth, toMonth],
  );
}

/** Children registered per region of one level inside `within`, born in the month range. */
export async function registerOfLevel(
  db: Q,
  params: { within: string; codeLength: number; fromMonth: number; toMonth: number },
): Promise<{ region_code: string; children: number }[]> {
  return kyselyExecutor(db).query(
    `select region_code, sum(children)::int as children from dashboard_register_area
     where code_length = $1 and region_code like $2 and birth_month between $3 and $4
       and region_code <> '00'
     group by 1`,
    [
      params.codeLength,
      params.within === '00' ? '%' : `${params.within}%`,
      params.fromMonth,
      params.toMonth,
    ],
  );
}

/** Children registered per posyandu (living inside `within`), born in the month range. */
export async function registerOfPosyandu(
  db: Q,
  params: { within: string; fromMonth: number; toMonth: number },
): Promise<{ posyandu_id: string; children: number }[]> {
  return kyselyExecutor(db).query(
    `select posyandu_id::text as posyandu_id, sum(children)::int as children from dashboard_register
     where region_code like $1 and birth_month between $2 and $3 group by 1`,
    [params.within === '00' ? '%' : `${params.within}%`, params.fromMonth, params.toMonth],
  );
}

/** Posyandu of a region (by their own desa) with their desa's name. */
export async function posyanduOfRegion(
  db: Q,
  within: string,
): Promise<{ id: string; name: string; region_code: string; desa_name: string }[]> {
  return kyselyExecutor(db).query(
    `select p.id::text as id, p.name, p.region_code, r.name as desa_name
     from posyandu p join region r on r.code = p.region_code
     where p.region_code like $1 order by p.name`,
    [within === '00' ? '%' : `${within}%`],
  );
}

/** Posyandu by id (those of children living in a region may stand in a neighbouring desa). */
export async function posyanduByIds(
  db: Q,
  ids: readonly string[],
): Promise<{ id: string; name: string; region_code: string; desa_name: string }[]> {
  if (ids.length === 0) return [];
  return kyselyExecutor(db).query(
    `select p.id::text as id, p.name, p.region_code, r.name as desa_name
     from posyandu p join region r on r.code = p.region_code where p.id = any($1::uuid[])`,
    [ids],
  );
}

/** The first and last month with data anywhere, and the province with most children measured. */
export async function dataExtent(db: Q): Promise<{
  firstMonth: string | null;
  lastMonth: string | null;
  busiestProvince: string | null;
}> {
  const [row] = await kyselyExecutor(db).query<{
    first_month: string | null;
    last_month: string | null;
    busiest: string | null;
  }>(
    `select (select min(period) from dashboard_area where region_code = '00' and kind = 'month' and sex = 0) as first_month,
            (select max(period) from dashboard_area where region_code = '00' and kind = 'month' and sex = 0) as last_month,
            (select region_code from dashboard_area where code_length = 2 and region_code <> '00'
               and kind = 'year' and sex = 0 order by period desc, measured desc limit 1) as busiest`,
  );
  return {
    firstMonth: row?.first_month ?? null,
    lastMonth: row?.last_month ?? null,
    busiestProvince: row?.busiest ?? null,
  };
}

/** Every region's code, name and level (the dashboard keeps them in memory: reference data). */
export async function allRegions(
  db: Q,
): Promise<
  { code: string; name: string; level: 'provinsi' | 'kabupaten' | 'kecamatan' | 'desa' }[]
> {
  return kyselyExecutor(db).query(`select code, name, level from region order by code`);
}
