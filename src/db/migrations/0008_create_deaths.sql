-- AKI-AKB (docs/deaths.md): maternal and perinatal death notifications and their review
-- (audit maternal perinatal, AMP-SR), the recommendations that follow, and the live births and
-- population figures that make the rates. Every fact row carries its kode wilayah.

-- A hospital officer notifies deaths (role `hospital`, src/core/access/roles.ts).
alter table app_user drop constraint app_user_role_check;
alter table app_user add constraint app_user_role_check
  check (role in ('admin', 'province', 'district', 'puskesmas', 'village', 'kader', 'partner', 'editor', 'hospital'));

create table death_case (
  id uuid primary key,                      -- may be generated on the phone: re-sending is safe
  kind text not null check (kind in ('maternal', 'stillbirth', 'neonatal', 'postneonatal', 'child')),
  status text not null default 'notified'
    check (status in ('notified', 'verified', 'reviewed', 'recommended', 'closed', 'void')),
  region_code text not null references region (code),       -- desa/kelurahan of residence: where it counts
  death_region_code text not null references region (code), -- where the death happened
  death_date date not null,
  death_time time,                          -- local clock time, when known
  place_of_death text not null check (place_of_death in ('facility', 'home', 'on_the_way', 'other')),
  facility_type text check (facility_type in ('hospital', 'puskesmas', 'clinic', 'midwife_practice', 'other')),
  facility_name text check (length(facility_name) <= 200),
  -- (personal) the deceased and the family
  name text not null check (length(name) between 1 and 120),
  nik text check (nik ~ '^[0-9]{16}$'),
  birth_date date,
  mother_name text check (length(mother_name) <= 120),
  mother_nik text check (mother_nik ~ '^[0-9]{16}$'),
  address text check (length(address) <= 300),
  -- the facts of the death
  sex smallint check (sex in (1, 2)),
  age_days integer check (age_days >= 0 and age_days < 1827),       -- babies born alive
  mother_age_years smallint check (mother_age_years between 10 and 60),
  gestational_weeks smallint check (gestational_weeks between 4 and 45),
  birth_weight_g integer check (birth_weight_g between 300 and 6500),
  maternal_timing text check (maternal_timing in ('pregnancy', 'delivery', 'postpartum')),
  delivery_date date,
  stillbirth_timing text check (stillbirth_timing in ('antepartum', 'intrapartum', 'unknown')),
  cause_group text check (length(cause_group) <= 40),              -- ICD-MM / ICD-PM / child group code
  maternal_condition text check (maternal_condition in ('m1', 'm2', 'm3', 'm4', 'm5')),
  cause_note text check (length(cause_note) <= 2000),
  delay_deciding boolean,                   -- the three delays; null = not known
  delay_reaching boolean,
  delay_receiving boolean,
  chronology text check (length(chronology) <= 2000),
  -- notification (within 24 hours of the death)
  notified_at timestamptz not null,
  notified_by uuid references app_user (id),
  notifier_role text,
  notified_late boolean not null,
  notification_delay_minutes integer not null check (notification_delay_minutes >= 0),
  late_reason text check (length(late_reason) <= 500),
  -- the workflow: who did each step, when
  verified_at timestamptz,
  verified_by uuid references app_user (id),
  verification_note text check (length(verification_note) <= 2000),
  reviewed_at timestamptz,
  reviewed_by uuid references app_user (id),
  review_summary text check (length(review_summary) <= 4000),
  avoidable text check (avoidable in ('yes', 'no', 'unknown')),
  recommended_at timestamptz,
  recommended_by uuid references app_user (id),
  closed_at timestamptz,
  closed_by uuid references app_user (id),
  closing_note text check (length(closing_note) <= 2000),
  voided_at timestamptz,
  voided_by uuid references app_user (id),
  void_reason text check (void_reason in ('duplicate', 'not_eligible', 'entered_in_error')),
  void_note text check (length(void_note) <= 2000),
  duplicate_of uuid references death_case (id),
  source text not null check (source in ('entry', 'api', 'demo')),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (length(region_code) = 10),
  check (length(death_region_code) in (4, 6, 10)),
  check (place_of_death <> 'facility' or (facility_type is not null and facility_name is not null)),
  check ((status = 'void') = (voided_at is not null)),
  check (duplicate_of is null or duplicate_of <> id)
);

create index death_case_region_idx on death_case (region_code text_pattern_ops, death_date);
create index death_case_death_region_idx on death_case (death_region_code text_pattern_ops, death_date);
create index death_case_notified_by_idx on death_case (notified_by);
create index death_case_open_idx on death_case (status) where status not in ('closed', 'void');
-- Likely duplicates: the same kind of death in the same desa on the same day.
create index death_case_duplicate_idx on death_case (region_code, death_date, kind) where status <> 'void';

-- What the review decided must change, who carries it out and by when; done when carried out.
create table death_recommendation (
  id uuid primary key,
  case_id uuid not null references death_case (id),
  region_code text not null references region (code),       -- the case's desa of residence
  text text not null check (length(text) between 1 and 1000),
  responsible text check (length(responsible) <= 200),
  level text not null check (level in ('community', 'facility', 'district', 'province')),
  due_date date not null,
  created_at timestamptz not null default now(),
  created_by uuid references app_user (id),
  done_at timestamptz,
  done_by uuid references app_user (id),
  done_note text check (length(done_note) <= 2000),
  check (length(region_code) = 10)
);

create index death_recommendation_case_idx on death_recommendation (case_id);
create index death_recommendation_open_idx on death_recommendation (region_code text_pattern_ops) where done_at is null;

-- Live births per region and month (YYYY-MM) or year (YYYY): the denominator of AKI/AKB/AKN.
create table live_birth (
  region_code text not null references region (code),
  period text not null check (period ~ '^[0-9]{4}(-(0[1-9]|1[0-2]))?$'),
  count integer not null check (count >= 0 and count <= 10000000),
  source text check (length(source) <= 200),                -- e.g. "PWS-KIA", "Profil Kesehatan 2024"
  origin text not null check (origin in ('entry', 'import', 'demo')),
  entered_by uuid references app_user (id),
  updated_at timestamptz not null default now(),
  primary key (region_code, period)
);

create index live_birth_region_idx on live_birth (region_code text_pattern_ops, period);

-- Population and crude birth rate per region and year: the inputs of the live-birth estimate
-- (population × CBR ÷ 1,000) where births were not entered.
create table population_figure (
  region_code text not null references region (code),
  year smallint not null check (year between 1900 and 9999),
  population integer check (population > 0),
  crude_birth_rate numeric(5, 2) check (crude_birth_rate > 0 and crude_birth_rate < 80),
  source text not null check (length(source) between 1 and 200),
  entered_by uuid references app_user (id),
  updated_at timestamptz not null default now(),
  primary key (region_code, year),
  check (population is not null or crude_birth_rate is not null)
);
