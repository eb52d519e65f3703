-- The monitoring dashboard (docs/indicators.md §7, §10): rollups the dashboard reads instead of
-- scanning measurements, and the aggregate indicator store (published survey figures, targets,
-- values entered or imported by authorised users).
--
-- Rollups hold COUNTS, never figures. A child is selected once per period and z-score (its
-- latest valid measurement) at write time, for each period kind — month, quarter, year (a bulan
-- timbang is its month) — so a quarter is never the sum of its months. They are derived data:
-- `tumbuh rollup --rebuild` recreates them from measurement and child with the same result.
-- Region codes use the C collation so that prefix searches (`like '53%'`) use the indexes.

-- The rollup refresh finds a child's superseded rows by child (corrections are rare: a small index).
create index measurement_superseded_child_idx on measurement (child_id, measured_on)
  where superseded_at is not null;

-- Counts per posyandu cell: (period kind, period, desa of the measurement, posyandu, sex, age group).
create table dashboard_cell (
  kind text not null check (kind in ('month', 'quarter', 'year')),
  period text not null,                       -- 2025-08, 2025-Q3, 2025 (core formatPeriod)
  region_code text collate "C" not null check (length(region_code) = 10),
  posyandu_id uuid not null,
  sex smallint not null check (sex in (1, 2)),
  age_group text not null check (age_group in ('00-05', '06-11', '12-23', '24-59')),
  -- children 0–59 months counted once in the period, each at its selected measurement:
  measured integer not null,                  -- latest measurement of any kind
  weighed integer not null,                   -- latest weighing (D)
  haz_n integer not null,                     -- latest valid length/height-for-age z
  haz_lt2 integer not null,                   -- … < −2 (stunted)
  haz_lt3 integer not null,                   -- … < −3 (severely stunted)
  whz_n integer not null,                     -- latest valid weight-for-length/height z (or oedema)
  whz_lt2 integer not null,
  whz_lt3 integer not null,
  whz_gt2 integer not null,                   -- overweight
  waz_n integer not null,                     -- latest valid weight-for-age z (or oedema)
  waz_lt2 integer not null,
  waz_lt3 integer not null,
  gained integer not null,                    -- N at the latest weighing
  not_gained integer not null,                -- T
  not_weighed_last_month integer not null,    -- O
  first_weighing integer not null,            -- B
  two_t integer not null,                     -- 2T at the latest weighing
  primary key (posyandu_id, kind, period, region_code, sex, age_group)
) with (fillfactor = 70);  -- room on each page: a write's increments stay on the page (HOT)
create index dashboard_cell_region_idx on dashboard_cell (kind, period, region_code);

-- The same counts summed up the region tree by kode wilayah prefix: one row per region
-- (00 = Indonesia, provinsi, kabupaten, kecamatan, desa) × period × (sex, age group), plus the
-- total row (sex 0, age group 'all').
create table dashboard_area (
  region_code text collate "C" not null check (region_code ~ '^[0-9]{2}([0-9]{2}([0-9]{2}([0-9]{4})?)?)?$'),
  code_length smallint not null,
  kind text not null check (kind in ('month', 'quarter', 'year')),
  period text not null,
  sex smallint not null check (sex in (0, 1, 2)),
  age_group text not null check (age_group in ('00-05', '06-11', '12-23', '24-59', 'all')),
  measured integer not null,
  weighed integer not null,
  haz_n integer not null,
  haz_lt2 integer not null,
  haz_lt3 integer not null,
  whz_n integer not null,
  whz_lt2 integer not null,
  whz_lt3 integer not null,
  whz_gt2 integer not null,
  waz_n integer not null,
  waz_lt2 integer not null,
  waz_lt3 integer not null,
  gained integer not null,
  not_gained integer not null,
  not_weighed_last_month integer not null,
  first_weighing integer not null,
  two_t integer not null,
  changed_at timestamptz not null,            -- when these counts last changed (asOf)
  primary key (region_code, kind, period, sex, age_group),
  check (code_length = length(region_code)),
  check ((sex = 0) = (age_group = 'all'))
) with (fillfactor = 70);
-- The areas of one level inside a region, for one period (maps, rankings, top villages).
create index dashboard_area_level_idx on dashboard_area (kind, period, code_length, region_code)
  where sex = 0;

-- The register (S of SKDN): children not merged away, by desa of residence, posyandu, sex and
-- birth month (year × 12 + month − 1). S of a period = children born in the 60 months up to its
-- last month, so it is summed at read time from at most 60 birth months.
create table dashboard_register (
  region_code text collate "C" not null check (length(region_code) = 10),
  posyandu_id uuid not null,
  sex smallint not null check (sex in (1, 2)),
  birth_month integer not null,
  children integer not null check (children > 0),
  primary key (posyandu_id, region_code, sex, birth_month)
);

create table dashboard_register_area (
  region_code text collate "C" not null,
  code_length smallint not null,
  sex smallint not null check (sex in (1, 2)),
  birth_month integer not null,
  -- no check: an upsert of a negative difference is checked before it becomes an update
  children integer not null,
  changed_at timestamptz not null,
  primary key (region_code, birth_month, sex),
  check (code_length = length(region_code))
);
create index dashboard_register_area_level_idx
  on dashboard_register_area (code_length, region_code, birth_month);

-- One version number that every change of dashboard data bumps (the API's cache key).
create table dashboard_state (
  id boolean primary key default true check (id),
  version bigint not null default 0,
  rebuilt_at timestamptz
);
insert into dashboard_state default values;

-- ── Aggregate indicator store (like DHIS2 data elements and data values) ──

create table indicator (
  code text primary key check (code ~ '^[a-z][a-z0-9_]{1,59}$'),
  name_id text not null check (length(name_id) between 1 and 200),
  name_en text not null check (length(name_en) between 1 and 200),
  unit text not null check (unit in ('percent', 'count', 'per_1000', 'per_1000_live_births', 'per_100000_live_births')),
  direction text check (direction in ('lower_is_better', 'higher_is_better')),
  definition_id text not null check (length(definition_id) <= 2000),
  definition_en text not null check (length(definition_en) <= 2000),
  source text check (length(source) <= 300),  -- where the definition comes from
  updated_at timestamptz not null default now()
);

-- One value per indicator × region × period × source. Percent values are stored as 0–1.
-- region_code 00 is Indonesia (not in the region table, so no foreign key: the service checks).
create table indicator_value (
  id bigint generated always as identity primary key,
  indicator_code text not null references indicator (code),
  region_code text collate "C" not null check (region_code ~ '^[0-9]{2}([0-9]{2}([0-9]{2}([0-9]{4})?)?)?$'),
  period text not null check (length(period) between 4 and 10),
  period_start date not null,
  period_end date not null,
  source text not null check (length(source) between 1 and 60),
  value numeric not null,
  numerator numeric check (numerator >= 0),
  denominator numeric check (denominator >= 0),
  note text check (length(note) <= 500),
  source_key text check (length(source_key) <= 120),   -- citation (data/indicators/sources.csv)
  origin text not null check (origin in ('published', 'entry', 'import')),
  updated_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (period_start <= period_end),
  unique (indicator_code, region_code, period, source)
);
create index indicator_value_region_idx on indicator_value (region_code, indicator_code, period_start);

-- Every version a value had (append-only, like the audit log): who changed it, when, from what.
create table indicator_value_history (
  id bigint generated always as identity primary key,
  value_id bigint not null references indicator_value (id),
  at timestamptz not null default now(),
  actor_id uuid references app_user (id),
  action text not null check (action in ('created', 'updated')),
  value numeric not null,
  numerator numeric,
  denominator numeric,
  note text,
  source_key text,
  origin text not null,
  request_id text
);
create index indicator_value_history_value_idx on indicator_value_history (value_id, at);
