import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/**
 * Kysely's view of the schema. Kept by hand beside the migrations; src/db/schema.sql (generated
 * by `npm run db:schema`) is the reference, and a test fails when the two drift.
 */
export interface Database {
  region: RegionTable;
  app_user: AppUserTable;
  user_session: UserSessionTable;
  audit_log: AuditLogTable;
  schema_migration: SchemaMigrationTable;
}

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface RegionTable {
  code: string;
  name: string;
  level: 'provinsi' | 'kabupaten' | 'kecamatan' | 'desa';
  parent_code: string | null;
  type: 'kabupaten' | 'kota' | 'desa' | 'kelurahan' | 'desa_adat' | null;
  search_key: string;
  loose_key: string;
}
export type RegionRow = Selectable<RegionTable>;

export interface AppUserTable {
  id: Generated<string>;
  email: string;
  name: string;
  role: string;
  region_code: string;
  password_hash: string;
  must_change_password: Generated<boolean>;
  failed_attempts: Generated<number>;
  locked_until: Timestamp | null;
  disabled: Generated<boolean>;
  created_at: Generated<Date>;
  last_login_at: Timestamp | null;
}
export type AppUserRow = Selectable<AppUserTable>;
export type NewAppUser = Insertable<AppUserTable>;

export interface UserSessionTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  expires_at: Timestamp;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Generated<Date>;
  actor_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  region_code: string | null;
  before: ColumnType<unknown, string | null, never>;
  after: ColumnType<unknown, string | null, never>;
  request_id: string | null;
}
export type AuditLogRow = Selectable<AuditLogTable>;

export interface SchemaMigrationTable {
  name: string;
  checksum: string;
  applied_at: Generated<Date>;
}
