-- File imports of e-PPGBM-style registers (docs/import-format.md): one row per uploaded file and
-- run (preview, then commit), with who, when, the file's name, size and SHA-256, its status and
-- counts, and the per-row report (import_issue) that can be downloaded later. Imported
-- measurements point back at their import.

create table import_batch (
  id uuid primary key,
  actor_id uuid references app_user (id),
  -- The importing user's scope when the file came in: who else may see this import and its report.
  region_code text not null references region (code),
  posyandu_id uuid references posyandu (id),   -- a kader's import: their posyandu only
  file_name text not null check (length(file_name) between 1 and 255),
  file_size bigint not null check (file_size >= 0),
  file_sha256 text not null check (file_sha256 ~ '^[0-9a-f]{64}$'),
  format text check (format in ('csv', 'xlsx')),
  sheet text check (length(sheet) <= 100),
  status text not null check (status in ('previewing', 'previewed', 'committing', 'committed', 'failed')),
  -- A file-level failure (unreadable file, missing columns…): its error code and safe details.
  error_code text,
  error_details jsonb,
  -- Header → field mapping as read from the file (column names only, never cell values).
  columns jsonb,
  -- Counts of the last run (preview or commit).
  rows_total integer not null default 0,        -- data rows read (blank rows not counted)
  rows_imported integer not null default 0,     -- new measurements stored (or that would be, in a preview)
  rows_duplicate integer not null default 0,    -- already stored, or the same as an earlier row of the file
  rows_rejected integer not null default 0,     -- rows with at least one error: nothing of them stored
  rows_warned integer not null default 0,       -- stored, with a warning in the report
  children_matched integer not null default 0,  -- existing children the rows were matched to
  children_created integer not null default 0,
  posyandu_created integer not null default 0,
  issues_stored integer not null default 0,     -- rows of import_issue (capped; the counts are not)
  -- Progress of a running import, for the progress bar (polled through GET /api/imports/:id).
  bytes_read bigint not null default 0,
  bytes_total bigint not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  committed_at timestamptz,
  check (length(region_code) in (2, 4, 6, 10))
);

create index import_batch_region_idx on import_batch (region_code text_pattern_ops, created_at desc);
create index import_batch_sha_idx on import_batch (file_sha256);

-- The per-row report: row number as a spreadsheet shows it, the column as named in the file, a
-- stable code and details that say what is allowed. Never the cell's value (personal data).
create table import_issue (
  import_id uuid not null references import_batch (id) on delete cascade,
  seq integer not null,
  row_number integer not null,
  column_name text check (length(column_name) <= 200),
  field text,
  severity text not null check (severity in ('error', 'warning')),
  code text not null,
  details jsonb,
  primary key (import_id, seq)
);

-- Which import stored a measurement (null for entry, API and sync).
alter table measurement add column import_id uuid references import_batch (id);
