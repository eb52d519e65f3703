/**
 * The SQL that keeps the dashboard rollups (migration 0006) equal to what the registry holds:
 * child-level selection of each child's latest valid measurement per period kind and z-score,
 * counted per posyandu cell, summed up the region tree by kode wilayah prefix.
 *
 * One computation serves both ways (docs/indicators.md §10):
 * - **rebuild**: every current measurement → every cell (`tumbuh rollup --rebuild`, the demo);
 * - **refresh** after a write: the cells (posyandu × period) the written children can have been
 *   counted in are recomputed from the measurements, compared with what is stored, and only the
 *   differences are written — to the cells and, as increments, to every ancestor region.
 * Because the refresh recomputes from the measurements (never from the write's own rows), a
 * correction, a late month, a merge or a changed N/T status of an older row are all the same case.
 *
 * The statements are plain text with $n parameters, so they run through Kysely or inside the
 * demo's bulk (COPY) transaction alike.
 */
import { CompiledQuery, type Kysely, type Transaction } from 'kysely';
import { rollupCountNames } from '../../core/indicators/dashboard.ts';
import type { RollupCell } from '../../core/indicators/rollup-cells.ts';
import type { Database } from '../types.ts';

type Q = Kysely<Database> | Transaction<Database>;

/** Runs a statement with $n parameters and returns its rows. */
export interface SqlExecutor {
  query<R = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<R[]>;
}

/** An executor over Kysely (a database or a transaction). */
export function kyselyExecutor(db: Q): SqlExecutor {
  return {
    async query<R>(text: string, params: readonly unknown[] = []) {
      return (await db.executeQuery<R>(CompiledQuery.raw(text, [...params]))).rows;
    },
  };
}

/** The count columns of dashboard_cell and dashboard_area, in table order. */
export const ROLLUP_COUNT_COLUMNS = rollupCountNames;

const COUNTS = ROLLUP_COUNT_COLUMNS.join(', ');
const sumOf = (prefix: string) =>
  ROLLUP_COUNT_COLUMNS.map((c) => `sum(${prefix}${c})::int as ${c}`).join(', ');

// Advisory lock classes (pg_advisory_xact_lock(class, key)): children, then posyandu, are locked
// in hash order before a refresh reads anything, so two writers never count the same child twice.
const LOCK_CHILD = 7265441;
const LOCK_POSYANDU = 7265442;
const LOCK_REGISTER = 7265443;

/** The measurement columns the selection reads (a source of rows must give them). */
const SOURCE_COLUMNS = `child_id, region_code, posyandu_id, age_days, measured_on, zlen, flen,
  zwfl, fwfl, zwei, fwei, oedema, weight_kg, weight_gain, two_t`;

/**
 * Rows → selected rows → counts per cell (the SQL twin of core/indicators/rollup-cells, used by
 * the rebuild and the recompute path). `source` is a query of current measurement rows with
 * the child's sex. Age 0–59 months = age_days ≤ 1826 (unrounded months = days ÷ 30.4375 < 60); age groups by the
 * same rule: ≤ 182, ≤ 365, ≤ 730 days. A row is the child's selection for a z-score in a period when its z is valid and
 * no later row of the same period has a valid one (`next_*` = month index of the next valid
 * row). Flags: WHO anthro's; oedema counts as WHZ = WAZ = −3.1 (docs/indicators.md §2).
 * `keep` is a condition on the selected row `s`: only the rows it holds are counted (a part of
 * the rebuild reads its children's whole history but counts their rows in its kabupaten).
 */
function cellsSql(source: string, keep = 'true'): string {
  return `
  m as (
    select m.child_id, m.sex, m.region_code, m.posyandu_id, m.age_days, m.measured_on,
      (extract(year from m.measured_on)::int * 12 + extract(month from m.measured_on)::int - 1) as mi,
      (m.zlen is not null and not coalesce(m.flen, false)) as haz_ok, m.zlen as haz,
      (m.oedema or (m.zwfl is not null and not coalesce(m.fwfl, false))) as whz_ok,
      case when m.oedema then -3.1 else m.zwfl end as whz,
      (m.oedema or (m.zwei is not null and not coalesce(m.fwei, false))) as waz_ok,
      case when m.oedema then -3.1 else m.zwei end as waz,
      m.weight_kg is not null as wt_ok, m.weight_gain, m.two_t
    from (${source}) m
    where m.age_days <= 1826
  ),
  w as (
    select m.*,
      min(mi) over later as next_any,
      min(case when wt_ok then mi end) over later as next_wt,
      min(case when haz_ok then mi end) over later as next_haz,
      min(case when whz_ok then mi end) over later as next_whz,
      min(case when waz_ok then mi end) over later as next_waz
    from m
    window later as (partition by child_id order by measured_on desc
                     rows between unbounded preceding and 1 preceding)
  ),
  s as (
    select w.child_id, w.sex, w.region_code, w.posyandu_id, w.age_days, g.kind, w.mi / g.d as pkey,
      w.haz, w.whz, w.waz, w.weight_gain, w.two_t,
      (w.next_any is null or w.next_any / g.d <> w.mi / g.d) as s_any,
      (w.wt_ok and (w.next_wt is null or w.next_wt / g.d <> w.mi / g.d)) as s_wt,
      (w.haz_ok and (w.next_haz is null or w.next_haz / g.d <> w.mi / g.d)) as s_haz,
      (w.whz_ok and (w.next_whz is null or w.next_whz / g.d <> w.mi / g.d)) as s_whz,
      (w.waz_ok and (w.next_waz is null or w.next_waz / g.d <> w.mi / g.d)) as s_waz
    from w cross join (values ('month', 1), ('quarter', 3), ('year', 12)) as g(kind, d)
  ),
  -- grouped by numbers (period key, age group 0–3); the texts are made once per cell below
  grouped as (
    select s.kind, s.pkey, s.region_code, s.posyandu_id, s.sex,
      case when s.age_days <= 182 then 0 when s.age_days <= 365 then 1
           when s.age_days <= 730 then 2 else 3 end as age,
      count(*) filter (where s_any)::int as measured,
      count(*) filter (where s_wt)::int as weighed,
      count(*) filter (where s_haz)::int as haz_n,
      count(*) filter (where s_haz and haz < -2)::int as haz_lt2,
      count(*) filter (where s_haz and haz < -3)::int as haz_lt3,
      count(*) filter (where s_whz)::int as whz_n,
      count(*) filter (where s_whz and whz < -2)::int as whz_lt2,
      count(*) filter (where s_whz and whz < -3)::int as whz_lt3,
      count(*) filter (where s_whz and whz > 2)::int as whz_gt2,
      count(*) filter (where s_waz)::int as waz_n,
      count(*) filter (where s_waz and waz < -2)::int as waz_lt2,
      count(*) filter (where s_waz and waz < -3)::int as waz_lt3,
      count(*) filter (where s_wt and weight_gain = 'N')::int as gained,
      count(*) filter (where s_wt and weight_gain = 'T')::int as not_gained,
      count(*) filter (where s_wt and weight_gain = 'O')::int as not_weighed_last_month,
      count(*) filter (where s_wt and weight_gain = 'B')::int as first_weighing,
      count(*) filter (where s_wt and s.two_t)::int as two_t
    from s
    where (s_any or s_wt or s_haz or s_whz or s_waz) and ${keep}
    group by 1, 2, 3, 4, 5, 6
  ),
  cells as (
    select g.kind,
      case g.kind
        when 'month' then (g.pkey / 12)::text || '-' || lpad((g.pkey % 12 + 1)::text, 2, '0')
        when 'quarter' then (g.pkey / 4)::text || '-Q' || (g.pkey % 4 + 1)::text
        else g.pkey::text end as period,
      g.region_code, g.posyandu_id, g.sex,
      (array['00-05', '06-11', '12-23', '24-59'])[g.age + 1] as age_group,
      ${ROLLUP_COUNT_COLUMNS.join(', ')}
    from grouped g
  )`;
}

/** sum(x) filter returns null for a group without such rows: 0 then. */
const counted = ROLLUP_COUNT_COLUMNS.map((c) => `coalesce(${c}, 0) as ${c}`).join(', ');

/** The five region codes a desa adds up to: Indonesia (00), provinsi, kabupaten, kecamatan, desa. */
const ancestorsOf = (column: string) =>
  `(values ('00'), (left(${column}, 2)), (left(${column}, 4)), (left(${column}, 6)), (${column}))`;

// ── rebuild ────────────────────────────────────────────────────────────────────────────────
//
// A full rebuild fills fresh tables beside the live ones (`<table>_build` for each of
// BUILT_ROLLUPS), one kabupaten at a time — so several connections can share the work —
// indexes them, and swaps them in at the end: the dashboard reads the old counts meanwhile.

/** The rollup tables a full rebuild fills beside the live ones and then swaps in. */
export const BUILT_ROLLUPS = [
  'dashboard_cell',
  'dashboard_area',
  'dashboard_register',
  'dashboard_register_area',
] as const;
export type BuiltRollup = (typeof BUILT_ROLLUPS)[number];

/**
 * Holds back writers of every rollup table until the transaction ends (readers go on): what
 * the build reads is then what the swapped-in tables must count.
 */
export async function holdRollupWriters(exec: SqlExecutor): Promise<void> {
  await exec.query(`lock table ${BUILT_ROLLUPS.join(', ')} in share mode`);
}

/**
 * Empty build tables shaped like the live ones (columns, defaults, checks, storage options; no
 * indexes while they fill), and the latest write time of each desa, which the parts read.
 */
export async function startRollupBuild(exec: SqlExecutor): Promise<void> {
  await dropRollupBuild(exec);
  for (const table of BUILT_ROLLUPS) {
    const [row] = await exec.query<{ options: string }>(
      `select coalesce(array_to_string(reloptions, ', '), '') as options
       from pg_class where oid = $1::regclass`,
      [table],
    );
    await exec.query(
      `create table ${table}_build (like ${table} including defaults including constraints)` +
        (row?.options ? ` with (${row.options})` : ''),
    );
  }
  await exec.query(
    `create unlogged table dashboard_rebuild_time as
     select region_code, max(greatest(created_at, superseded_at)) as at, count(*) as measurements
     from measurement group by 1`,
  );
}

/** Removes what an earlier build left (a failed or interrupted one). */
export async function dropRollupBuild(exec: SqlExecutor): Promise<void> {
  await exec.query(
    `drop table if exists ${BUILT_ROLLUPS.map((t) => `${t}_build`).join(', ')}, dashboard_rebuild_time`,
  );
}

/**
 * The parts of a build: every kabupaten (4-digit code) with a measurement in one of its desa,
 * the largest first (the connections then finish together).
 */
export async function rollupBuildParts(exec: SqlExecutor): Promise<string[]> {
  const rows = await exec.query<{ code: string }>(
    `select left(region_code, 4) as code from dashboard_rebuild_time
     group by 1 order by sum(measurements) desc, 1`,
  );
  return rows.map((r) => r.code);
}

/**
 * One kabupaten into the build tables: the cells of its desa, and their sums for its desa,
 * kecamatan and the kabupaten itself (all complete inside the part). The children are those
 * measured in the kabupaten, each seen with all its rows (a child that moved is selected by its
 * whole history), and only the rows measured there are counted. Returns the cells written.
 */
export async function buildRollupPart(exec: SqlExecutor, kabupaten: string): Promise<number> {
  const inPart = (column: string) => `${column} >= $1 and ${column} < $2`;
  // each child's rows by its index, in child order (offset 0: not flattened into a join that
  // would scan the whole index for the children of one kabupaten)
  const source = `select m.*, c.sex from (
      select distinct child_id from measurement
      where superseded_at is null and ${inPart('region_code')} order by 1) k
    join child c on c.id = k.child_id
    cross join lateral (
      select ${SOURCE_COLUMNS} from measurement m
      where m.child_id = k.child_id and m.superseded_at is null offset 0) m`;
  const rows = await exec.query<{ n: number }>(
    `with ${cellsSql(source, inPart('s.region_code'))},
     ins as (insert into dashboard_cell_build (kind, period, region_code, posyandu_id, sex, age_group, ${COUNTS})
             select kind, period, region_code, posyandu_id, sex, age_group, ${counted} from cells
             -- rows of one period and place together on disk: a listing reads few pages
             order by kind, period, region_code
             returning region_code, kind, period, sex, age_group, ${COUNTS}),
     areas as (
       insert into dashboard_area_build (region_code, code_length, kind, period, sex, age_group, ${COUNTS}, changed_at)
       select l.code, length(l.code), i.kind, i.period, g.sex, g.age_group, ${sumOf('i.')},
              coalesce(max(t.at), now())
       from ins i
       left join dashboard_rebuild_time t on t.region_code = i.region_code
       cross join lateral (values (i.region_code), (left(i.region_code, 6)), (left(i.region_code, 4))) as l(code)
       cross join lateral (values (i.sex, i.age_group), (0::smallint, 'all')) as g(sex, age_group)
       group by 1, 2, 3, 4, 5, 6
       order by 3, 4, 2, 1)
     select count(*)::int as n from ins`,
    [kabupaten, `${kabupaten}~`],
  );
  return rows[0]?.n ?? 0;
}

/**
 * The provinces and Indonesia (00) from the kabupaten rows, after every part. Each row's change
 * time is the latest of the areas below it (a desa's: the latest write of one of its
 * measurements, so asOf stays honest: a rebuild changes no figure).
 */
export async function buildTopAreas(exec: SqlExecutor): Promise<void> {
  for (const [below, length] of [
    [4, 2],
    [2, 0],
  ] as const)
    await exec.query(
      `insert into dashboard_area_build (region_code, code_length, kind, period, sex, age_group, ${COUNTS}, changed_at)
       select ${length === 0 ? `'00'` : `left(a.region_code, ${length})`}, 2,
              a.kind, a.period, a.sex, a.age_group, ${sumOf('a.')}, max(a.changed_at)
       from dashboard_area_build a where a.code_length = ${below} and a.region_code <> '00'
       group by 1, 2, 3, 4, 5, 6
       order by 3, 4, 2, 1`,
    );
}

/**
 * The live table's indexes and key, made on its filled build table (from their own definitions,
 * so a migration that changes them needs no change here), then fresh planner statistics.
 */
export async function indexRollupBuild(exec: SqlExecutor, table: BuiltRollup): Promise<void> {
  for (const index of await indexesOf(exec, table)) {
    const on = new RegExp(`^(CREATE (?:UNIQUE )?INDEX) ${index.name} ON ((?:\\w+\\.)?)${table} `);
    if (!on.test(index.def)) throw new Error(`unexpected index definition: ${index.def}`);
    await exec.query(index.def.replace(on, `$1 ${index.name}_build ON $2${table}_build `));
    if (index.constraint)
      await exec.query(
        `alter table ${table}_build add constraint ${index.constraint}_build
         ${index.kind === 'p' ? 'primary key' : 'unique'} using index ${index.name}_build`,
      );
  }
  await exec.query(`analyze ${table}_build`);
}

/** A table's indexes: name, definition, and the key or unique constraint it backs (p / u). */
async function indexesOf(exec: SqlExecutor, table: string) {
  return exec.query<{ name: string; def: string; constraint: string | null; kind: string | null }>(
    `select i.relname as name, pg_get_indexdef(x.indexrelid) as def, c.conname as constraint,
            c.contype as kind
     from pg_index x join pg_class i on i.oid = x.indexrelid
     left join pg_constraint c on c.conindid = x.indexrelid and c.conrelid = x.indrelid
     where x.indrelid = $1::regclass order by 1`,
    [table],
  );
}

/** Puts the build tables in place of the live ones, under the live names (in the holding transaction). */
export async function swapRollupBuild(exec: SqlExecutor): Promise<void> {
  await exec.query(`drop table ${BUILT_ROLLUPS.join(', ')}`);
  for (const table of BUILT_ROLLUPS) {
    await exec.query(`alter table ${table}_build rename to ${table}`);
    for (const index of await indexesOf(exec, table))
      await exec.query(
        index.constraint
          ? `alter table ${table} rename constraint ${index.constraint} to ${index.constraint.replace(/_build$/, '')}`
          : `alter index ${index.name} rename to ${index.name.replace(/_build$/, '')}`,
      );
  }
  await exec.query(`drop table dashboard_rebuild_time`);
}

/** The register and its sums up the tree, from every child not merged away, into the build tables. */
export async function buildRegister(exec: SqlExecutor): Promise<void> {
  await exec.query(
    `insert into dashboard_register_build (region_code, posyandu_id, sex, birth_month, children)
     select region_code, posyandu_id, sex,
            extract(year from birth_date)::int * 12 + extract(month from birth_date)::int - 1,
            count(*)::int
     from child where merged_into is null group by 1, 2, 3, 4`,
  );
  await exec.query(
    `with desa_time as (select region_code, max(updated_at) as at from child group by 1)
     insert into dashboard_register_area_build (region_code, code_length, sex, birth_month, children, changed_at)
     select a.code, length(a.code), r.sex, r.birth_month, sum(r.children)::int, coalesce(max(t.at), now())
     from dashboard_register_build r
     left join desa_time t on t.region_code = r.region_code
     cross join lateral ${ancestorsOf('r.region_code')} as a(code)
     group by 1, 2, 3, 4`,
  );
}

/**
 * Bumps the version every cached dashboard answer is keyed by; returns the new one. Call it
 * last in a transaction: the one state row is the last lock a writer takes (no deadlock).
 */
export async function bumpDashboardVersion(
  exec: SqlExecutor,
  options: { rebuilt?: boolean; register?: boolean } = {},
): Promise<number> {
  const rows = await exec.query<{ version: number }>(
    `update dashboard_state set version = version + 1
       ${options.rebuilt || options.register ? ', register_version = register_version + 1' : ''}
       ${options.rebuilt ? ', rebuilt_at = now()' : ''}
     returning version::float8 as version`,
  );
  return rows[0]?.version ?? 0;
}

// ── refresh after writes ───────────────────────────────────────────────────────────────────

/** A child whose measurements changed, and the earliest date any change touched. */
export interface ChangedChild {
  childId: string;
  /** YYYY-MM-DD: periods from the one containing this date onwards are recomputed. */
  from: string;
}

/** A posyandu × period whose cells are recomputed. */
export interface RollupCellKey {
  posyanduId: string;
  kind: 'month' | 'quarter' | 'year';
  period: string;
  /** First and last day of the period (YYYY-MM-DD). */
  start: string;
  end: string;
}

/**
 * Locks the children (in hash order) for the rest of the transaction: a second writer of the
 * same child waits, then sees this one's rows. Lock order of every writer: children, posyandu,
 * area rows (sorted, one statement), register posyandu, register area rows, the state row.
 */
export async function lockChildren(exec: SqlExecutor, childIds: readonly string[]): Promise<void> {
  await lockKeys(exec, LOCK_CHILD, childIds);
}

async function lockKeys(exec: SqlExecutor, lockClass: number, keys: readonly string[]) {
  if (keys.length === 0) return;
  await exec.query(
    `select count(pg_advisory_xact_lock(${lockClass}, h)) from (
       select distinct hashtext(k) as h from unnest($1::text[]) as k order by 1 offset 0) s`,
    [keys],
  );
}

/**
 * The cells whose counts the changed children can have moved: for every period (of each kind)
 * from the one containing `from` onwards, each posyandu where the child has a measurement —
 * current or superseded, so the place of the old selection is recomputed too. Locks those
 * posyandu (hash order) before returning them.
 */
export async function affectedCells(
  exec: SqlExecutor,
  changed: readonly ChangedChild[],
): Promise<{ posyanduId: string; kind: RollupCellKey['kind']; period: string }[]> {
  if (changed.length === 0) return [];
  const rows = await exec.query<{
    posyandu_id: string;
    kind: RollupCellKey['kind'];
    period: string;
  }>(
    `with t as (
       select child_id, min(from_on) as from_on
       from unnest($1::uuid[], $2::date[]) as t(child_id, from_on) group by 1),
     r as (
       select m.posyandu_id, m.measured_on, t.from_on from t cross join lateral (
         select posyandu_id, measured_on from measurement m where m.child_id = t.child_id
           and m.superseded_at is null and m.measured_on >= date_trunc('year', t.from_on::timestamp)::date
         union all
         select posyandu_id, measured_on from measurement m where m.child_id = t.child_id
           and m.superseded_at is not null and m.measured_on >= date_trunc('year', t.from_on::timestamp)::date
       ) m)
     select distinct r.posyandu_id::text as posyandu_id, k.kind, k.period
     from r cross join lateral (values
       ('month', to_char(r.measured_on, 'YYYY-MM'), r.measured_on >= date_trunc('month', r.from_on::timestamp)::date),
       ('quarter', to_char(r.measured_on, 'YYYY-"Q"Q'), r.measured_on >= date_trunc('quarter', r.from_on::timestamp)::date),
       ('year', to_char(r.measured_on, 'YYYY'), true)
     ) as k(kind, period, affected)
     where k.affected`,
    [changed.map((c) => c.childId), changed.map((c) => c.from)],
  );
  await lockKeys(exec, LOCK_POSYANDU, [...new Set(rows.map((r) => r.posyandu_id))]);
  return rows.map((r) => ({ posyanduId: r.posyandu_id, kind: r.kind, period: r.period }));
}

const cellKeyColumns = 'posyandu_id, kind, period, region_code, sex, age_group';
const allZero = (alias: string) =>
  `(${ROLLUP_COUNT_COLUMNS.map((c) => `${alias}.${c}`).join(' + ')}) = 0 and ` +
  ROLLUP_COUNT_COLUMNS.map((c) => `${alias}.${c} = 0`).join(' and ');

/**
 * The statement tail that adds the `delta` rows (cell key + signed counts) to their cells and,
 * summed, to every ancestor region — always as increments, in key order, so writers that touch
 * the same rows at once serialise on them and none is lost — and returns the keys of rows left
 * at zero (removed afterwards, as a rebuild would not have them).
 */
const applyDeltaSql = () => `
  changed as (
    select * from delta where ${ROLLUP_COUNT_COLUMNS.map((c) => `${c} <> 0`).join(' or ')}),
  written as (
    insert into dashboard_cell (${cellKeyColumns}, ${COUNTS})
    select ${cellKeyColumns}, ${COUNTS} from changed order by ${cellKeyColumns}
    on conflict (${cellKeyColumns}) do update set
      ${ROLLUP_COUNT_COLUMNS.map((c) => `${c} = dashboard_cell.${c} + excluded.${c}`).join(', ')}
    returning 'cell'::text as what, ${cellKeyColumns}, ${allZero('dashboard_cell')} as empty),
  area_delta as (
    select a.code as region_code, d.kind, d.period, g.sex, g.age_group, ${sumOf('d.')}
    from changed d
    cross join lateral ${ancestorsOf('d.region_code')} as a(code)
    cross join lateral (values (d.sex, d.age_group), (0::smallint, 'all')) as g(sex, age_group)
    group by 1, 2, 3, 4, 5),
  summed as (
    insert into dashboard_area (region_code, code_length, kind, period, sex, age_group, ${COUNTS}, changed_at)
    select region_code, length(region_code), kind, period, sex, age_group, ${COUNTS}, now()
    from area_delta order by region_code, kind, period, sex, age_group
    on conflict (region_code, kind, period, sex, age_group) do update set
      ${ROLLUP_COUNT_COLUMNS.map((c) => `${c} = dashboard_area.${c} + excluded.${c}`).join(', ')},
      changed_at = excluded.changed_at
    returning 'area'::text as what, null::uuid as posyandu_id, kind, period, region_code, sex,
      age_group, ${allZero('dashboard_area')} as empty)
  select (select count(*)::int from changed) as changed, null::text as what, null::text as posyandu_id,
         null::text as kind, null::text as period, null::text as region_code, null::smallint as sex,
         null::text as age_group
  union all
  select 0, what, posyandu_id::text, kind, period, region_code, sex, age_group from written where empty
  union all
  select 0, what, posyandu_id::text, kind, period, region_code, sex, age_group from summed where empty`;

interface DeltaResult {
  changed: number;
  what: 'cell' | 'area' | null;
  posyandu_id: string | null;
  kind: string;
  period: string;
  region_code: string;
  sex: number;
  age_group: string;
}

/** Removes the cells and region rows an increment left at zero; returns the changed count. */
async function finishDelta(exec: SqlExecutor, rows: readonly DeltaResult[]): Promise<number> {
  const cells = rows.filter((r) => r.what === 'cell');
  if (cells.length)
    await exec.query(
      `delete from dashboard_cell c
       using unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::smallint[], $6::text[])
         as k(posyandu_id, kind, period, region_code, sex, age_group)
       where (c.${cellKeyColumns.replace(/, /g, ', c.')}) = (k.${cellKeyColumns.replace(/, /g, ', k.')})
         and ${allZero('c')}`,
      [
        cells.map((k) => k.posyandu_id),
        cells.map((k) => k.kind),
        cells.map((k) => k.period),
        cells.map((k) => k.region_code),
        cells.map((k) => k.sex),
        cells.map((k) => k.age_group),
      ],
    );
  const areas = rows.filter((r) => r.what === 'area');
  if (areas.length)
    await exec.query(
      `delete from dashboard_area a
       using unnest($1::text[], $2::text[], $3::text[], $4::smallint[], $5::text[])
         as k(region_code, kind, period, sex, age_group)
       where a.region_code = k.region_code and a.kind = k.kind and a.period = k.period
         and a.sex = k.sex and a.age_group = k.age_group and ${allZero('a')}`,
      [
        areas.map((k) => k.region_code),
        areas.map((k) => k.kind),
        areas.map((k) => k.period),
        areas.map((k) => k.sex),
        areas.map((k) => k.age_group),
      ],
    );
  return rows.reduce((total, r) => total + r.changed, 0);
}

const yearBounds = (dates: readonly string[]) => {
  const lo = dates.reduce((min, d) => (d < min ? d : min), dates[0]!);
  const hi = dates.reduce((max, d) => (d > max ? d : max), dates[0]!);
  return [`${lo.slice(0, 4)}-01-01`, `${hi.slice(0, 4)}-12-31`] as const;
};

/**
 * Recomputes the cells of `keys` from the measurements (every child measured there in the
 * period, wherever its selection now falls) and adds the differences to the stored cells and
 * their regions. Returns the number of cells that changed.
 */
export async function refreshCells(
  exec: SqlExecutor,
  keys: readonly RollupCellKey[],
): Promise<number> {
  if (keys.length === 0) return 0;
  const [lo, hi] = yearBounds(keys.flatMap((k) => [k.start, k.end]));
  const rows = await exec.query<DeltaResult>(
    `with k as (
       select * from unnest($1::uuid[], $2::text[], $3::text[], $4::date[], $5::date[])
         as k(posyandu_id, kind, period, start_on, end_on)),
     scope as (
       select distinct m.child_id from k cross join lateral (
         select child_id from measurement m where m.posyandu_id = k.posyandu_id
           and m.measured_on between k.start_on and k.end_on and m.superseded_at is null) m),
     ${cellsSql(
       `select ${SOURCE_COLUMNS.replace(/(\w+)/g, 'm.$1')}, c.sex from scope
        join child c on c.id = scope.child_id cross join lateral (
          select * from measurement m where m.child_id = scope.child_id and m.superseded_at is null
            and m.measured_on between $6::date and $7::date) m`,
     )},
     fresh as (
       select ${cellKeyColumns}, ${counted} from cells
       where exists (select 1 from k where k.posyandu_id = cells.posyandu_id
                       and k.kind = cells.kind and k.period = cells.period)),
     old as (
       select c.* from dashboard_cell c
       join k on c.posyandu_id = k.posyandu_id and c.kind = k.kind and c.period = k.period),
     delta as (
       select ${cellKeyColumns}, ${ROLLUP_COUNT_COLUMNS.map((c) => `sum(${c})::int as ${c}`).join(', ')}
       from (select ${cellKeyColumns}, ${COUNTS} from fresh
             union all
             select ${cellKeyColumns}, ${ROLLUP_COUNT_COLUMNS.map((c) => `-${c}`).join(', ')} from old) d
       group by ${cellKeyColumns}),
     ${applyDeltaSql()}`,
    [
      keys.map((k) => k.posyanduId),
      keys.map((k) => k.kind),
      keys.map((k) => k.period),
      keys.map((k) => k.start),
      keys.map((k) => k.end),
      lo,
      hi,
    ],
  );
  return finishDelta(exec, rows);
}

/**
 * Adds counts a writer computed itself (core/indicators/rollup-cells: its children's cells after
 * the write minus before, from rows it read under their locks) to the cells and their regions.
 * Its cost follows the cells the write moved, not the rows behind them. Returns the number of
 * cells changed.
 */
export async function applyRollupDeltas(
  exec: SqlExecutor,
  deltas: readonly RollupCell[],
): Promise<number> {
  if (deltas.length === 0) return 0;
  const keyArrays = [
    deltas.map((d) => d.posyanduId),
    deltas.map((d) => d.kind),
    deltas.map((d) => d.period),
    deltas.map((d) => d.regionCode),
    deltas.map((d) => d.sex),
    deltas.map((d) => d.ageGroup),
  ];
  const countArrays = ROLLUP_COUNT_COLUMNS.map((_, i) => deltas.map((d) => d.counts[i]!));
  const rows = await exec.query<DeltaResult>(
    `with delta as (
       select * from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::smallint[], $6::text[],
         ${ROLLUP_COUNT_COLUMNS.map((_, i) => `$${i + 7}::int[]`).join(', ')})
       as d(${cellKeyColumns}, ${COUNTS})),
     ${applyDeltaSql()}`,
    [...keyArrays, ...countArrays],
  );
  return finishDelta(exec, rows);
}

// ── register ───────────────────────────────────────────────────────────────────────────────

/**
 * Recomputes the register rows of the posyandu from the child table and adds the differences
 * to every ancestor region; locks the posyandu first. Returns the number of changed rows.
 */
export async function refreshRegister(
  exec: SqlExecutor,
  posyanduIds: readonly string[],
): Promise<number> {
  const ids = [...new Set(posyanduIds)];
  if (ids.length === 0) return 0;
  await lockKeys(exec, LOCK_REGISTER, ids);
  const rows = await exec.query<{
    changed: number;
    region_code: string | null;
    sex: number;
    birth_month: number;
  }>(
    `with fresh as (
       select region_code, posyandu_id, sex,
              extract(year from birth_date)::int * 12 + extract(month from birth_date)::int - 1 as birth_month,
              count(*)::int as children
       from child where posyandu_id = any($1::uuid[]) and merged_into is null group by 1, 2, 3, 4),
     old as (select * from dashboard_register where posyandu_id = any($1::uuid[])),
     diff as (
       select coalesce(n.region_code, o.region_code) as region_code,
              coalesce(n.posyandu_id, o.posyandu_id) as posyandu_id,
              coalesce(n.sex, o.sex) as sex, coalesce(n.birth_month, o.birth_month) as birth_month,
              coalesce(n.children, 0) as children, coalesce(n.children, 0) - coalesce(o.children, 0) as d
       from fresh n full join old o on n.region_code = o.region_code and n.posyandu_id = o.posyandu_id
         and n.sex = o.sex and n.birth_month = o.birth_month),
     changed as (select * from diff where d <> 0),
     removed as (
       delete from dashboard_register r using changed c
       where c.children = 0 and r.region_code = c.region_code and r.posyandu_id = c.posyandu_id
         and r.sex = c.sex and r.birth_month = c.birth_month
       returning 1),
     written as (
       insert into dashboard_register (region_code, posyandu_id, sex, birth_month, children)
       select region_code, posyandu_id, sex, birth_month, children from changed where children > 0
       order by posyandu_id, region_code, sex, birth_month
       on conflict (posyandu_id, region_code, sex, birth_month) do update set children = excluded.children
       returning 1),
     delta as (
       select a.code as region_code, c.sex, c.birth_month, sum(c.d)::int as d
       from changed c cross join lateral ${ancestorsOf('c.region_code')} as a(code)
       group by 1, 2, 3),
     summed as (
       insert into dashboard_register_area (region_code, code_length, sex, birth_month, children, changed_at)
       select region_code, length(region_code), sex, birth_month, d, now() from delta
       order by region_code, birth_month, sex
       on conflict (region_code, birth_month, sex) do update
         set children = dashboard_register_area.children + excluded.children,
             changed_at = excluded.changed_at
       returning region_code, sex, birth_month, children)
     select (select count(*)::int from changed) as changed,
            null::text as region_code, null::smallint as sex, null::int as birth_month
     union all
     select 0, region_code, sex, birth_month from summed where children = 0`,
    [ids],
  );
  const empty = rows.filter((r) => r.region_code !== null);
  if (empty.length)
    await exec.query(
      `delete from dashboard_register_area a
       using unnest($1::text[], $2::smallint[], $3::int[]) as k(region_code, sex, birth_month)
       where a.region_code = k.region_code and a.sex = k.sex and a.birth_month = k.birth_month
         and a.children = 0`,
      [empty.map((k) => k.region_code), empty.map((k) => k.sex), empty.map((k) => k.birth_month)],
    );
  return rows.reduce((total, r) => total + r.changed, 0);
}

// ── rebuild of one region ──────────────────────────────────────────────────────────────────

/** Locks posyandu like a write does (a region rebuild step). */
export async function lockPosyandu(exec: SqlExecutor, ids: readonly string[]): Promise<void> {
  await lockKeys(exec, LOCK_POSYANDU, ids);
}

/**
 * Posyandu whose cells or register a region's rebuild must recompute: those in the region, those
 * that measured a child living in it, and those that register one.
 */
export async function posyanduWithin(exec: SqlExecutor, region: string): Promise<string[]> {
  const rows = await exec.query<{ id: string }>(
    `select id::text from posyandu where region_code like $1
     union select distinct posyandu_id::text from measurement where region_code like $1
     union select distinct posyandu_id::text from child where region_code like $1
     order by 1`,
    [`${region}%`],
  );
  return rows.map((r) => r.id);
}

/** Every (posyandu, kind, period) that has measurements or stored cells, for the posyandu given. */
export async function rollupCellsOfPosyandu(
  exec: SqlExecutor,
  posyanduIds: readonly string[],
): Promise<{ posyanduId: string; kind: RollupCellKey['kind']; period: string }[]> {
  if (posyanduIds.length === 0) return [];
  const rows = await exec.query<{
    posyandu_id: string;
    kind: RollupCellKey['kind'];
    period: string;
  }>(
    `with months as (
       select distinct posyandu_id, date_trunc('month', measured_on::timestamp)::date as month
       from measurement where posyandu_id = any($1::uuid[]))
     select posyandu_id::text, k.kind, k.period from months cross join lateral (values
       ('month', to_char(month, 'YYYY-MM')), ('quarter', to_char(month, 'YYYY-"Q"Q')),
       ('year', to_char(month, 'YYYY'))) as k(kind, period)
     union
     select distinct posyandu_id::text, kind, period from dashboard_cell
     where posyandu_id = any($1::uuid[])`,
    [posyanduIds],
  );
  return rows.map((r) => ({ posyanduId: r.posyandu_id, kind: r.kind, period: r.period }));
}
