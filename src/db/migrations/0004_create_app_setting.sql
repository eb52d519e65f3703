-- Settings of this installation as key → JSON value. The first: `demo_dataset`, written by
-- `tumbuh demo`, says the registry holds synthetic data (seed, size, when) so every screen and
-- export can label it "Data sintetis (demo)".
create table app_setting (
  key text primary key check (key ~ '^[a-z][a-z0-9_]{0,62}$'),
  value jsonb not null,
  updated_at timestamptz not null default now()
);
