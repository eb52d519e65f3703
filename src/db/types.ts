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
  puskesmas: PuskesmasTable;
  posyandu: PosyanduTable;
  child: ChildTable;
  measurement: MeasurementTable;
  app_setting: AppSettingTable;
  import_batch: ImportBatchTable;
  import_issue: ImportIssueTable;
  dashboard_state: DashboardStateTable;
  indicator: IndicatorTable;
  indicator_value: IndicatorValueTable;
  indicator_value_history: IndicatorValueHistoryTable;
  death_case: DeathCaseTable;
  death_recommendation: DeathRecommendationTable;
  live_birth: LiveBirthTable;
  population_figure: PopulationFigureTable;
  content_file: ContentFileTable;
  content_item: ContentItemTable;
  content_revision: ContentRevisionTable;
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
  posyandu_id: string | null;
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

export interface PuskesmasTable {
  id: Generated<string>;
  name: string;
  region_code: string;
  created_at: Generated<Date>;
}

export interface PosyanduTable {
  id: Generated<string>;
  name: string;
  region_code: string;
  puskesmas_id: string | null;
  active: Generated<boolean>;
  created_at: Generated<Date>;
}
export type PosyanduRow = Selectable<PosyanduTable>;

/** Numeric columns arrive as numbers (see connect.ts parsers) and go in as numbers. */
type Num = ColumnType<number, number | null, number | null>;

export interface ChildTable {
  id: string;
  region_code: string;
  posyandu_id: string;
  nik: string | null;
  name: string;
  sex: number;
  birth_date: string;
  birth_weight_kg: Num | null;
  birth_length_cm: Num | null;
  mother_name: string | null;
  mother_nik: string | null;
  address: string | null;
  merged_into: string | null;
  version: Generated<number>;
  /** Hash of the registration as submitted (offline resend check); null for imports and demo. */
  payload_hash: Generated<string | null>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
export type ChildRow = Selectable<ChildTable>;
export type NewChild = Insertable<ChildTable>;

export interface MeasurementTable {
  id: string;
  child_id: string;
  region_code: string;
  posyandu_id: string;
  measured_on: string;
  age_days: number;
  weight_kg: Num | null;
  height_cm: Num | null;
  measure: 'l' | 'h' | null;
  head_cm: Num | null;
  muac_cm: Num | null;
  oedema: boolean;
  zlen: Num | null;
  zwei: Num | null;
  zwfl: Num | null;
  zbmi: Num | null;
  zhc: Num | null;
  zac: Num | null;
  flen: boolean | null;
  fwei: boolean | null;
  fwfl: boolean | null;
  fbmi: boolean | null;
  fhc: boolean | null;
  fac: boolean | null;
  height_for_age: string | null;
  weight_for_age: string | null;
  weight_for_height: string | null;
  weight_gain: 'N' | 'T' | 'O' | 'B' | null;
  two_t: Generated<boolean>;
  implausible: Generated<boolean>;
  source: 'entry' | 'import' | 'api' | 'demo';
  entered_by: string | null;
  payload_hash: string;
  supersedes: string | null;
  superseded_at: Timestamp | null;
  created_at: Generated<Date>;
  /** The file import that stored it (migration 0005); null for entry, API and sync. */
  import_id: ColumnType<string | null, string | null | undefined, string | null>;
}
export type MeasurementRow = Selectable<MeasurementTable>;
export type NewMeasurement = Insertable<MeasurementTable>;

/** Installation settings (migration 0004), e.g. `demo_dataset`. `value` is jsonb: in as JSON text. */
export interface AppSettingTable {
  key: string;
  value: ColumnType<unknown, string, string>;
  updated_at: Generated<Date>;
}

/** One uploaded file and its last run (migration 0005); see docs/import-format.md. */
export interface ImportBatchTable {
  id: string;
  actor_id: string | null;
  region_code: string;
  posyandu_id: string | null;
  file_name: string;
  file_size: number;
  file_sha256: string;
  format: 'csv' | 'xlsx' | null;
  sheet: string | null;
  status: 'previewing' | 'previewed' | 'committing' | 'committed' | 'failed';
  error_code: string | null;
  /** jsonb: in as JSON text. */
  error_details: ColumnType<unknown, string | null, string | null>;
  columns: ColumnType<unknown, string | null, string | null>;
  rows_total: Generated<number>;
  rows_imported: Generated<number>;
  rows_duplicate: Generated<number>;
  rows_rejected: Generated<number>;
  rows_warned: Generated<number>;
  children_matched: Generated<number>;
  children_created: Generated<number>;
  posyandu_created: Generated<number>;
  issues_stored: Generated<number>;
  bytes_read: Generated<number>;
  bytes_total: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  committed_at: Timestamp | null;
}
export type ImportBatchRow = Selectable<ImportBatchTable>;

/** A row of an import's per-row report: row, column, code; never the cell's value. */
export interface ImportIssueTable {
  import_id: string;
  seq: number;
  row_number: number;
  column_name: string | null;
  field: string | null;
  severity: 'error' | 'warning';
  code: string;
  details: ColumnType<unknown, string | null, string | null>;
}
export type ImportIssueRow = Selectable<ImportIssueTable>;

// ── dashboard (0006): rollups are read and written with plain SQL (db/queries/dashboard*.ts) ──

export interface DashboardStateTable {
  id: Generated<boolean>;
  version: Generated<number>;
  rebuilt_at: Timestamp | null;
  register_version: Generated<number>;
}

/** The indicator catalogue of the aggregate store. */
export interface IndicatorTable {
  code: string;
  name_id: string;
  name_en: string;
  unit: 'percent' | 'count' | 'per_1000' | 'per_1000_live_births' | 'per_100000_live_births';
  direction: 'lower_is_better' | 'higher_is_better' | null;
  definition_id: string;
  definition_en: string;
  source: string | null;
  updated_at: Generated<Date>;
}
export type IndicatorRow = Selectable<IndicatorTable>;

/** One value of an indicator for a region, period and source (percent as 0–1). */
export interface IndicatorValueTable {
  id: Generated<number>;
  indicator_code: string;
  region_code: string;
  period: string;
  period_start: string;
  period_end: string;
  source: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
  note: string | null;
  source_key: string | null;
  origin: 'published' | 'entry' | 'import';
  updated_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
export type IndicatorValueRow = Selectable<IndicatorValueTable>;

export interface IndicatorValueHistoryTable {
  id: Generated<number>;
  value_id: number;
  at: Generated<Date>;
  actor_id: string | null;
  action: 'created' | 'updated';
  value: number;
  numerator: number | null;
  denominator: number | null;
  note: string | null;
  source_key: string | null;
  origin: string;
  request_id: string | null;
}
/** A maternal, perinatal or child death case (migration 0008); see docs/deaths.md. */
export interface DeathCaseTable {
  id: string;
  kind: 'maternal' | 'stillbirth' | 'neonatal' | 'postneonatal' | 'child';
  status: Generated<'notified' | 'verified' | 'reviewed' | 'recommended' | 'closed' | 'void'>;
  region_code: string;
  death_region_code: string;
  death_date: string;
  death_time: string | null;
  place_of_death: 'facility' | 'home' | 'on_the_way' | 'other';
  facility_type: 'hospital' | 'puskesmas' | 'clinic' | 'midwife_practice' | 'other' | null;
  facility_name: string | null;
  name: string;
  nik: string | null;
  birth_date: string | null;
  mother_name: string | null;
  mother_nik: string | null;
  address: string | null;
  sex: number | null;
  age_days: number | null;
  mother_age_years: number | null;
  gestational_weeks: number | null;
  birth_weight_g: number | null;
  maternal_timing: 'pregnancy' | 'delivery' | 'postpartum' | null;
  delivery_date: string | null;
  stillbirth_timing: 'antepartum' | 'intrapartum' | 'unknown' | null;
  cause_group: string | null;
  maternal_condition: string | null;
  cause_note: string | null;
  delay_deciding: boolean | null;
  delay_reaching: boolean | null;
  delay_receiving: boolean | null;
  chronology: string | null;
  notified_at: Timestamp;
  notified_by: string | null;
  notifier_role: string | null;
  notified_late: boolean;
  notification_delay_minutes: number;
  late_reason: string | null;
  verified_at: Timestamp | null;
  verified_by: string | null;
  verification_note: string | null;
  reviewed_at: Timestamp | null;
  reviewed_by: string | null;
  review_summary: string | null;
  avoidable: 'yes' | 'no' | 'unknown' | null;
  recommended_at: Timestamp | null;
  recommended_by: string | null;
  closed_at: Timestamp | null;
  closed_by: string | null;
  closing_note: string | null;
  voided_at: Timestamp | null;
  voided_by: string | null;
  void_reason: 'duplicate' | 'not_eligible' | 'entered_in_error' | null;
  void_note: string | null;
  duplicate_of: string | null;
  source: 'entry' | 'api' | 'demo';
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
export type DeathCaseRow = Selectable<DeathCaseTable>;
export type NewDeathCase = Insertable<DeathCaseTable>;

/** A recommendation of a case review and whether it was carried out (migration 0008). */
export interface DeathRecommendationTable {
  id: string;
  case_id: string;
  region_code: string;
  text: string;
  responsible: string | null;
  level: 'community' | 'facility' | 'district' | 'province';
  due_date: string;
  created_at: Generated<Date>;
  created_by: string | null;
  done_at: Timestamp | null;
  done_by: string | null;
  done_note: string | null;
}
export type DeathRecommendationRow = Selectable<DeathRecommendationTable>;

/** Live births of a region in a month or year (migration 0008). */
export interface LiveBirthTable {
  region_code: string;
  period: string;
  count: number;
  source: string | null;
  origin: 'entry' | 'import' | 'demo';
  entered_by: string | null;
  updated_at: Generated<Date>;
}
export type LiveBirthRow = Selectable<LiveBirthTable>;

/** Population and crude birth rate of a region in a year (migration 0008). */
export interface PopulationFigureTable {
  region_code: string;
  year: number;
  population: number | null;
  crude_birth_rate: Num | null;
  source: string;
  entered_by: string | null;
  updated_at: Generated<Date>;
}
export type PopulationFigureRow = Selectable<PopulationFigureTable>;

// ── portal (0010): content of the public portal and its CMS (docs/portal.md) ──

/** An uploaded image or PDF; `bytes` comes back as a Buffer (pg) or Uint8Array (PGlite). */
export interface ContentFileTable {
  id: string;
  name: string;
  mime: 'image/png' | 'image/jpeg' | 'image/webp' | 'application/pdf';
  size: number;
  sha256: string;
  bytes: ColumnType<Uint8Array, Uint8Array, never>;
  created_at: Generated<Date>;
  created_by: string | null;
}
export type ContentFileRow = Selectable<ContentFileTable>;

/** A news article, page, knowledge product, good practice or event (draft or published). */
export interface ContentItemTable {
  id: string;
  kind: 'news' | 'page' | 'knowledge' | 'practice' | 'event';
  slug: string;
  status: Generated<'draft' | 'published'>;
  title: string;
  summary: Generated<string>;
  body_html: Generated<string>;
  tags: Generated<string[]>;
  author: Generated<string>;
  cover_file_id: string | null;
  document_file_id: string | null;
  document_type: string | null;
  region_code: string | null;
  intervention_type: string | null;
  event_start: string | null;
  event_end: string | null;
  location: Generated<string>;
  published_at: Timestamp | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  created_by: string | null;
  updated_by: string | null;
  version: Generated<number>;
}
export type ContentItemRow = Selectable<ContentItemTable>;
export type NewContentItem = Insertable<ContentItemTable>;

/** One saved state of an item; `snapshot` is jsonb (in as JSON text). */
export interface ContentRevisionTable {
  item_id: string;
  version: number;
  action: 'create' | 'update' | 'publish' | 'unpublish' | 'restore';
  snapshot: ColumnType<unknown, string, never>;
  actor_id: string | null;
  at: Generated<Date>;
}
export type ContentRevisionRow = Selectable<ContentRevisionTable>;
