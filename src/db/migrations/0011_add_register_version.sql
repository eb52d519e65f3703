-- A second version, bumped only when the register (children per desa × posyandu × birth month)
-- changes: S, the denominator of weighing coverage, is summed over 60 birth months of every
-- area, and a weighing (the usual write) leaves it as it was.
alter table dashboard_state add column register_version bigint not null default 0;
