-- The child growth registry (Tumbuh's e-PPGBM): puskesmas, posyandu, children and their
-- measurements. Every fact row carries its desa kode wilayah (region_code) so that rollups,
-- partitioning and region-keyed distribution need no join.

create table puskesmas (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(name) between 1 and 200),
  region_code text not null references region (code), -- the kecamatan it serves
  created_at timestamptz not null default now(),
  check (length(region_code) = 6)
);

create index puskesmas_region_code_idx on puskesmas (region_code text_pattern_ops);

create table posyandu (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(name) between 1 and 200),
  region_code text not null references region (code), -- the desa/kelurahan it belongs to
  puskesmas_id uuid references puskesmas (id),
  active boolean not null default true,
  created_at timestamptz not null default now(),
  check (length(region_code) = 10)
);

create index posyandu_region_code_idx on posyandu (region_code text_pattern_ops);

-- A kader works at one posyandu.
alter table app_user add column posyandu_id uuid references posyandu (id);

create table child (
  id uuid primary key,                      -- may be generated on the phone (offline registration)
  region_code text not null references region (code), -- desa/kelurahan of residence
  posyandu_id uuid not null references posyandu (id),
  nik text check (nik ~ '^[0-9]{16}$'),     -- (personal)
  name text not null check (length(name) between 1 and 120), -- (personal)
  sex smallint not null check (sex in (1, 2)),
  birth_date date not null,                 -- (personal)
  birth_weight_kg numeric(4, 2) check (birth_weight_kg > 0 and birth_weight_kg < 7),
  birth_length_cm numeric(4, 1) check (birth_length_cm >= 30 and birth_length_cm <= 65),
  mother_name text check (length(mother_name) <= 120),   -- (personal)
  mother_nik text check (mother_nik ~ '^[0-9]{16}$'),     -- (personal)
  address text check (length(address) <= 300),           -- (personal)
  merged_into uuid references child (id),   -- a duplicate folded into another record
  version integer not null default 1,
  created_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (length(region_code) = 10),
  check (merged_into is null or merged_into <> id)
);

create unique index child_nik_key on child (nik) where nik is not null and merged_into is null;
create index child_posyandu_id_idx on child (posyandu_id) where merged_into is null;
create index child_region_code_idx on child (region_code text_pattern_ops);
create index child_duplicate_idx on child (region_code, birth_date) where merged_into is null;

-- One row per submission. A correction is a new row that supersedes the old one, which stays
-- readable (superseded_at set). id is the client's UUID: resending the same submission is a no-op.
create table measurement (
  id uuid primary key,
  child_id uuid not null references child (id),
  region_code text not null references region (code),
  posyandu_id uuid not null references posyandu (id),
  measured_on date not null,
  age_days integer not null check (age_days >= 0 and age_days <= 1856),
  weight_kg numeric(5, 2) check (weight_kg > 0 and weight_kg <= 40),
  height_cm numeric(5, 1) check (height_cm >= 38 and height_cm <= 130),
  measure text check (measure in ('l', 'h')),          -- as measured: lying (l) or standing (h)
  head_cm numeric(4, 1) check (head_cm > 0 and head_cm < 70),
  muac_cm numeric(4, 1) check (muac_cm > 0 and muac_cm < 40),
  oedema boolean not null default false,
  -- WHO 2006 z-scores (anthro rules, rounded to 2 decimals) and implausibility flags
  zlen numeric(5, 2),
  zwei numeric(5, 2),
  zwfl numeric(5, 2),
  zbmi numeric(5, 2),
  zhc numeric(5, 2),
  zac numeric(5, 2),
  flen boolean,
  fwei boolean,
  fwfl boolean,
  fbmi boolean,
  fhc boolean,
  fac boolean,
  -- Permenkes 2/2020 categories (codes; labels live in core/growth)
  height_for_age text,
  weight_for_age text,
  weight_for_height text,
  -- KMS weight gain against the previous month's weighing
  weight_gain text check (weight_gain in ('N', 'T', 'O', 'B')),
  two_t boolean not null default false,
  implausible boolean not null default false,
  source text not null check (source in ('entry', 'import', 'api', 'demo')),
  entered_by uuid references app_user (id),
  payload_hash text not null,               -- detects a different body resent under the same id
  supersedes uuid references measurement (id),
  superseded_at timestamptz,
  created_at timestamptz not null default now(),
  check (length(region_code) = 10)
);

-- One current measurement per child and day: a second entry is a correction, not a new row.
create unique index measurement_child_day_key on measurement (child_id, measured_on) where superseded_at is null;
create index measurement_region_month_idx on measurement (region_code, measured_on) where superseded_at is null;
create index measurement_posyandu_idx on measurement (posyandu_id, measured_on) where superseded_at is null;
create unique index measurement_supersedes_key on measurement (supersedes) where supersedes is not null;
