-- Users with one role and one region scope; sessions stored in the database; an append-only audit log.
create table app_user (
  id uuid primary key default gen_random_uuid(),
  email text not null unique check (email = lower(email)),
  name text not null,
  role text not null check (role in ('admin', 'province', 'district', 'puskesmas', 'village', 'kader', 'partner', 'editor')),
  region_code text not null references region (code),
  password_hash text not null,
  must_change_password boolean not null default true,
  failed_attempts integer not null default 0,
  locked_until timestamptz,
  disabled boolean not null default false,
  created_at timestamptz not null default now(),
  last_login_at timestamptz
);

create index app_user_region_code_idx on app_user (region_code text_pattern_ops);

-- id is the SHA-256 of the cookie token, so a copy of this table opens no session.
create table user_session (
  id text primary key,
  user_id uuid not null references app_user (id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null
);

create index user_session_user_id_idx on user_session (user_id);
create index user_session_expires_at_idx on user_session (expires_at);

-- Every write: who, when, what, before/after. Rows are never updated or deleted.
create table audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  actor_id uuid references app_user (id),
  action text not null,
  entity text not null,
  entity_id text,
  region_code text,
  before jsonb,
  after jsonb,
  request_id text
);

create index audit_log_at_idx on audit_log (at desc);
create index audit_log_entity_idx on audit_log (entity, entity_id);
create index audit_log_region_code_idx on audit_log (region_code text_pattern_ops);

create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only: % is not allowed', tg_op using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_log_no_update_or_delete before update or delete on audit_log
  for each row execute function audit_log_is_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_is_append_only();
