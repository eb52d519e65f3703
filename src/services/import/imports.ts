/**
 * Importing e-PPGBM-style registers (CSV or XLSX) into the registry (docs/import-format.md).
 *
 * An import is recorded first (import_batch: who, when, file name, size, SHA-256), then the file
 * is inspected as a whole (type, encoding, zip bomb, giant cell, sheet, header and required
 * columns): a file that cannot be imported fails here, before any record is written. Rows are
 * then streamed in chunks: each row is read and checked (core/import/rows), its desa, posyandu and
 * child are resolved in bulk (./matching.ts: an existing child is matched, never duplicated), and
 * its measurement goes through the registry's one write path, `recordMeasurements`, with a
 * measurement id derived from (child, date, values) — so importing the same file again finds
 * every row already stored and adds nothing. A bad row is reported (row, column, code) and never
 * stops the good ones. A preview runs the same steps without writing records.
 */
import { createHash, randomUUID } from 'node:crypto';
import { DomainError } from '../../core/errors.ts';
import { canAccessRegion, type Actor } from '../../core/access/scope.ts';
import {
  detectHeader,
  HEADER_SEARCH_ROWS,
  missingColumns,
  safeHeader,
  type ColumnMapping,
  type HeaderLayout,
  type ImportField,
} from '../../core/import/columns.ts';
import type { RowIssue } from '../../core/import/issues.ts';
import {
  fieldColumns,
  isBlankRow,
  measurementValuesKey,
  readImportRow,
  type ImportRecord,
} from '../../core/import/rows.ts';
import { assessMeasurement } from '../../core/registry/assess.ts';
import {
  deleteImportIssues,
  findImportBatch,
  importIssuesPage,
  insertImportBatch,
  insertImportIssues,
  listImportBatches,
  updateImportBatch,
  type NewImportIssue,
} from '../../db/queries/imports.ts';
import {
  analyzeRegistry,
  currentMeasurementsOnDays,
  findMeasurements,
} from '../../db/queries/registry.ts';
import type { ImportBatchRow, ImportIssueRow, MeasurementRow } from '../../db/types.ts';
import { audit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { recordMeasurements, type MeasurementSubmission } from '../registry/measurements.ts';
import { hash53, RowMatcher, type ChildRef } from './matching.ts';
import {
  DEFAULT_IMPORT_LIMITS,
  hashFile,
  inspectImportFile,
  readSourceRows,
  type ImportLimits,
  type InspectedFile,
  type SourceRow,
} from './source.ts';

export type { ImportBatchRow, ImportIssueRow };

export type ImportMode = 'preview' | 'commit';

export interface ImportCounts {
  rowsTotal: number;
  rowsImported: number;
  rowsDuplicate: number;
  rowsRejected: number;
  rowsWarned: number;
  childrenMatched: number;
  childrenCreated: number;
  posyanduCreated: number;
  issuesStored: number;
}

export interface ImportProgress extends ImportCounts {
  bytesRead: number;
  bytesTotal: number;
}

export interface ImportOptions {
  /** XLSX: the sheet to read (default: the first). */
  sheet?: string | null;
  /** Called after every chunk (CLI progress line, the web's progress bar through the record). */
  onProgress?: (progress: ImportProgress) => void;
  limits?: ImportLimits;
  /** Rows per chunk: parse → check → match → write. */
  chunkSize?: number;
  /** Report rows stored at most (the counts are never capped). */
  maxIssues?: number;
  /**
   * Chunks (of different children) written at once: 1 on PGlite (one connection, one thread);
   * 2 on PostgreSQL, where the server works on one chunk while the next is prepared.
   */
  parallelWrites?: number;
}

export interface ImportFile {
  path: string;
  /** The name the user gave the file (stored in the record; never a path). */
  name: string;
}

export interface ImportResult {
  batch: ImportBatchRow;
  /** The first issues of the report (the whole report: importIssues / the CSV download). */
  issues: RowIssue[];
}

const DEFAULT_CHUNK = 2000;
const DEFAULT_MAX_ISSUES = 100_000;
const FIRST_ISSUES = 100;
const ANALYZE_AFTER_ROWS = 50_000;

/** Who may import: `records:write` in their own scope (a kader: for their posyandu only). */
export function assertMayImport(ctx: ServiceContext): Actor {
  const actor = ctx.actor;
  if (!actor) throw new DomainError('unauthenticated');
  if (!canAccessRegion(actor, 'records:write', actor.regionCode))
    throw new DomainError('forbidden');
  if (actor.role === 'kader' && !actor.posyanduId) throw new DomainError('forbidden');
  return actor;
}

/** A file name as stored and shown: its last path part, without control characters, at most 255. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return (clean || 'import').slice(0, 255);
}

/**
 * Records a file about to be imported (status previewing or committing). The record exists
 * before the file is read, so that a file that fails is on record too.
 */
export async function registerImport(
  ctx: ServiceContext,
  file: ImportFile,
  mode: ImportMode,
  options: { id?: string } = {},
): Promise<ImportBatchRow> {
  const actor = assertMayImport(ctx);
  const { size, sha256 } = await hashFile(file.path);
  return insertImportBatch(ctx.db, {
    id: options.id ?? randomUUID(),
    actor_id: actor.id,
    region_code: actor.regionCode,
    posyandu_id: actor.role === 'kader' ? (actor.posyanduId ?? null) : null,
    file_name: cleanFileName(file.name),
    file_size: size,
    file_sha256: sha256,
    status: mode === 'preview' ? 'previewing' : 'committing',
    bytes_total: size,
    error_details: null,
    columns: null,
  });
}

/** Preview (dry run): every check and match, counts and report; no record is written. */
export async function previewImport(
  ctx: ServiceContext,
  file: ImportFile,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const batch = await registerImport(ctx, file, 'preview');
  return runImport(ctx, batch.id, file.path, 'preview', options);
}

/**
 * Imports a file: a new one, or the file of a previewed import (`importId`; the file at `path`
 * must be the one previewed, byte for byte).
 */
export async function commitImport(
  ctx: ServiceContext,
  target: ImportFile | { importId: string; path: string },
  options: ImportOptions = {},
): Promise<ImportResult> {
  if ('importId' in target) {
    await beginCommit(ctx, target.importId, target.path);
    return runImport(ctx, target.importId, target.path, 'commit', options);
  }
  const batch = await registerImport(ctx, target, 'commit');
  return runImport(ctx, batch.id, target.path, 'commit', options);
}

/** A previewed import moves to committing (the same user or scope; the same file). */
export async function beginCommit(
  ctx: ServiceContext,
  importId: string,
  path: string,
): Promise<ImportBatchRow> {
  assertMayImport(ctx);
  const batch = await readImport(ctx, importId);
  if (batch.status !== 'previewed')
    throw new DomainError('import_state', { status: batch.status, action: 'commit' });
  let sha: string;
  try {
    sha = (await hashFile(path)).sha256;
  } catch {
    throw new DomainError('import_file_changed', {});
  }
  if (sha !== batch.file_sha256) throw new DomainError('import_file_changed', {});
  const updated = await updateImportBatch(ctx.db, importId, {
    status: 'committing',
    error_code: null,
  });
  return updated!;
}

/** An import the caller may see: inside their scope (a kader: their own imports), else 404. */
export async function readImport(ctx: ServiceContext, id: string): Promise<ImportBatchRow> {
  const actor = ctx.actor;
  if (!actor) throw new DomainError('unauthenticated');
  const batch = await findImportBatch(ctx.db, id);
  const visible =
    batch &&
    canAccessRegion(actor, 'records:read', batch.region_code) &&
    (actor.role !== 'kader' || batch.actor_id === actor.id);
  if (!visible) throw new DomainError('not_found', { what: 'import' });
  return batch;
}

/** Imports inside the caller's scope, newest first (a kader: their own). */
export async function listImports(
  ctx: ServiceContext,
  params: { limit: number },
): Promise<(ImportBatchRow & { actor_email: string | null })[]> {
  const actor = ctx.actor;
  if (!actor) throw new DomainError('unauthenticated');
  if (!canAccessRegion(actor, 'records:read', actor.regionCode)) throw new DomainError('forbidden');
  return listImportBatches(ctx.db, {
    regionCode: actor.regionCode,
    actorId: actor.role === 'kader' ? actor.id : undefined,
    limit: params.limit,
  });
}

/** The report of an import the caller may see, in file order, page by page (for the CSV download). */
export async function* importReport(
  ctx: ServiceContext,
  id: string,
): AsyncGenerator<ImportIssueRow> {
  await readImport(ctx, id);
  let after = 0;
  for (;;) {
    const page = await importIssuesPage(ctx.db, id, after, 5000);
    yield* page;
    if (page.length < 5000) return;
    after = page[page.length - 1]!.seq;
  }
}

/** The first issues of an import's report (the detail view). */
export async function firstImportIssues(
  ctx: ServiceContext,
  id: string,
  limit = FIRST_ISSUES,
): Promise<ImportIssueRow[]> {
  await readImport(ctx, id);
  return importIssuesPage(ctx.db, id, 0, limit);
}

interface RunState {
  counts: ImportCounts;
  firstIssues: RowIssue[];
  pending: NewImportIssue[];
  seq: number;
  maxIssues: number;
}

/**
 * Runs a recorded import (preview or commit) over its file. File-level problems fail the import
 * (status failed, error code kept) and are thrown; row problems go to the report.
 */
export async function runImport(
  ctx: ServiceContext,
  importId: string,
  path: string,
  mode: ImportMode,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const actor = assertMayImport(ctx);
  const limits = options.limits ?? DEFAULT_IMPORT_LIMITS;
  const state: RunState = {
    counts: {
      rowsTotal: 0,
      rowsImported: 0,
      rowsDuplicate: 0,
      rowsRejected: 0,
      rowsWarned: 0,
      childrenMatched: 0,
      childrenCreated: 0,
      posyanduCreated: 0,
      issuesStored: 0,
    },
    firstIssues: [],
    pending: [],
    seq: 0,
    maxIssues: options.maxIssues ?? DEFAULT_MAX_ISSUES,
  };
  await deleteImportIssues(ctx.db, importId);
  let file: InspectedFile;
  try {
    const batch = await findImportBatch(ctx.db, importId);
    file = await inspectImportFile(path, {
      sheet: options.sheet ?? null,
      limits,
      known: batch ? { size: Number(batch.file_size), sha256: batch.file_sha256 } : undefined,
    });
    if (batch && file.sha256 !== batch.file_sha256)
      throw new DomainError('import_file_changed', {});
    await updateImportBatch(ctx.db, importId, { format: file.format, sheet: file.sheet });
    await processRows(ctx, actor, importId, path, file, mode, options, limits, state);
  } catch (error) {
    const known = error instanceof DomainError;
    await flushIssues(ctx, importId, state);
    await updateImportBatch(ctx.db, importId, {
      status: 'failed',
      error_code: known ? error.code : 'internal',
      error_details: known ? JSON.stringify(error.details) : null,
      ...countColumns(state.counts),
    });
    if (mode === 'commit')
      await audit(ctx.db, ctx, {
        action: 'import.failed',
        entity: 'import_batch',
        entityId: importId,
        regionCode: actor.regionCode,
        after: { code: known ? error.code : 'internal', ...state.counts },
      });
    throw error;
  }
  await flushIssues(ctx, importId, state);
  const done = await updateImportBatch(ctx.db, importId, {
    status: mode === 'preview' ? 'previewed' : 'committed',
    ...(mode === 'commit' && { committed_at: ctx.now() }),
    ...countColumns(state.counts),
    bytes_read: file.size,
  });
  if (mode === 'commit')
    await audit(ctx.db, ctx, {
      action: 'import.committed',
      entity: 'import_batch',
      entityId: importId,
      regionCode: actor.regionCode,
      after: { fileName: done!.file_name, fileSha256: done!.file_sha256, ...state.counts },
    });
  // A big load changes the tables more than autovacuum has seen yet: fresh planner statistics,
  // so the next export or dashboard query is not planned for the tables as they were.
  if (mode === 'commit' && state.counts.rowsImported >= ANALYZE_AFTER_ROWS)
    await analyzeRegistry(ctx.db);
  return { batch: done!, issues: state.firstIssues };
}

function countColumns(c: ImportCounts) {
  return {
    rows_total: c.rowsTotal,
    rows_imported: c.rowsImported,
    rows_duplicate: c.rowsDuplicate,
    rows_rejected: c.rowsRejected,
    rows_warned: c.rowsWarned,
    children_matched: c.childrenMatched,
    children_created: c.childrenCreated,
    posyandu_created: c.posyanduCreated,
    issues_stored: c.issuesStored,
  };
}

async function flushIssues(ctx: ServiceContext, importId: string, state: RunState) {
  const batch = state.pending;
  state.pending = [];
  await insertImportIssues(ctx.db, importId, batch);
}

function report(state: RunState, issues: RowIssue[]) {
  for (const issue of issues) {
    if (state.firstIssues.length < FIRST_ISSUES) state.firstIssues.push(issue);
    if (state.counts.issuesStored >= state.maxIssues) continue;
    state.counts.issuesStored++;
    state.pending.push({
      seq: ++state.seq,
      row: issue.row,
      column: issue.column,
      field: issue.field,
      severity: issue.severity,
      code: issue.code,
      details: issue.details,
    });
  }
}

/** A file's header rows and mapping, from its first rows; throws for missing or doubled columns. */
function layoutOf(rows: SourceRow[]): HeaderLayout {
  const candidates = rows
    .slice(0, HEADER_SEARCH_ROWS)
    .map((r) =>
      r.cells.map((c) => (typeof c === 'string' ? c : typeof c === 'number' ? String(c) : null)),
    );
  const layout = detectHeader(candidates);
  const best =
    layout?.columns ??
    candidates[0]?.map((h, index): ColumnMapping => ({
      index,
      header: h ?? '',
      field: null,
      status: 'unknown',
    })) ??
    [];
  const missing = missingColumns(best);
  if (!layout || missing.length) {
    const found = best
      .map((c) => safeHeader(c.header))
      .filter(Boolean)
      .slice(0, 40);
    throw new DomainError('import_missing_columns', {
      missing: missing.join('; '),
      found: found.length ? found.join(', ') : '—',
      required: missing,
      columns: found,
    });
  }
  if (layout.duplicates.length)
    throw new DomainError('import_duplicate_columns', {
      columns: layout.duplicates.map((d) => d.headers.map(safeHeader).join(' / ')).join('; '),
    });
  return layout;
}

const round = (value: number | null, digits: number) =>
  value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits;

/** Measurement values as stored (numeric(5,2) kg, numeric(5,1)/(4,1) cm): compared and hashed so. */
function storedValues(r: ImportRecord) {
  return {
    weightKg: round(r.weightKg, 2),
    heightCm: round(r.heightCm, 1),
    measure: r.heightCm === null ? null : r.measure,
    headCm: round(r.headCm, 1),
    muacCm: round(r.muacCm, 1),
    oedema: r.oedema,
  };
}

/**
 * The id an imported measurement gets: derived from the child, the date and the values, so the
 * same row imported twice is the same submission (recordMeasurements answers "already stored").
 * A UUID of version 8 (RFC 9562: custom) from SHA-256.
 */
export function importMeasurementId(
  childId: string,
  measuredOn: string,
  valuesKey: string,
): string {
  const hex = createHash('sha256')
    .update(`tumbuh-import:v1|${childId}|${measuredOn}|${valuesKey}`)
    .digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const ZFIELDS: [keyof MeasurementRow, string][] = [
  ['flen', 'TB/U'],
  ['fwei', 'BB/U'],
  ['fwfl', 'BB/TB'],
  ['fbmi', 'IMT/U'],
  ['fhc', 'LK/U'],
  ['fac', 'LiLA/U'],
];

function sameValues(
  m: Pick<MeasurementRow, 'weight_kg' | 'height_cm' | 'measure' | 'head_cm' | 'muac_cm' | 'oedema'>,
  v: ReturnType<typeof storedValues>,
) {
  return (
    m.weight_kg === v.weightKg &&
    m.height_cm === v.heightCm &&
    (m.height_cm === null || m.measure === v.measure) &&
    m.head_cm === v.headCm &&
    m.muac_cm === v.muacCm &&
    m.oedema === v.oedema
  );
}

/** A chunk read, checked and matched, waiting for (or in) its write. */
interface PreparedChunk {
  rowIssues: Map<number, RowIssue[]>;
  accepted: Accepted[];
  childIds: Set<string>;
}

interface Accepted {
  record: ImportRecord;
  child: ChildRef;
  id: string;
  values: ReturnType<typeof storedValues>;
}

async function processRows(
  ctx: ServiceContext,
  actor: Actor,
  importId: string,
  path: string,
  file: InspectedFile,
  mode: ImportMode,
  options: ImportOptions,
  limits: ImportLimits,
  state: RunState,
): Promise<void> {
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK;
  const parallel = Math.max(1, options.parallelWrites ?? 1);
  let bytesRead = 0;
  const rows = readSourceRows(path, file, {
    batchSize: chunkSize,
    limits,
    onBytes: (b) => (bytesRead = b),
  });
  const today = ctx.now().toISOString().slice(0, 10);
  let layout: HeaderLayout | null = null;
  let columns: ReturnType<typeof fieldColumns> = {};
  let matcher: RowMatcher | null = null;
  // (child, day) → values hash and row: the same row twice, or two rows that disagree.
  const seen = new PackedMap();
  let head: SourceRow[] = [];
  let lastProgress = 0;
  const columnOf = (field: ImportField) => columns[field]?.header ?? null;

  // Writes in flight, oldest first; each settles to null or its error (never an unhandled rejection).
  const inflight: { chunk: PreparedChunk; done: Promise<Error | null> }[] = [];
  const settleOldest = async () => {
    const oldest = inflight.shift()!;
    const error = await oldest.done;
    if (error) throw error;
    finishChunk(oldest.chunk, state);
    state.counts.childrenMatched = matcher!.counts.childrenMatched;
    state.counts.childrenCreated = matcher!.counts.childrenCreated;
    state.counts.posyanduCreated = matcher!.counts.posyanduCreated;
    await flushIssues(ctx, importId, state);
    options.onProgress?.({ ...state.counts, bytesRead, bytesTotal: file.size });
    if (Date.now() - lastProgress > 1000) {
      lastProgress = Date.now();
      await updateImportBatch(ctx.db, importId, {
        ...countColumns(state.counts),
        bytes_read: bytesRead,
      });
    }
  };

  try {
    // Reading runs one chunk ahead, and the next chunk is checked and matched while the
    // previous one is written (on PostgreSQL, `parallelWrites` chunks of different children
    // are written at once).
    let next = rows.next();
    for (;;) {
      const step = await next;
      if (step.done) break;
      next = rows.next();
      let chunk = step.value;
      if (!layout) {
        head = head.concat(chunk);
        if (head.length < HEADER_SEARCH_ROWS && !(await peekDone(next))) continue;
        const nonBlank = head.filter((r) => !isBlankRow(r.cells));
        if (nonBlank.length === 0) throw new DomainError('import_empty', {});
        layout = layoutOf(nonBlank);
        columns = fieldColumns(layout.columns);
        matcher = new RowMatcher(ctx, actor, mode, columnOf);
        await updateImportBatch(ctx.db, importId, {
          columns: JSON.stringify(
            layout.columns.map((c) => ({
              header: safeHeader(c.header),
              field: c.field,
              status: c.status,
            })),
          ),
        });
        const headerRow = nonBlank[layout.headerRowIndex]!.number;
        chunk = head.filter((r) => r.number > headerRow);
        head = [];
      }
      const prepared = await prepareChunk(chunk, columns, matcher!, seen, today, state);
      if (state.counts.rowsTotal > limits.maxRows)
        throw new DomainError('import_too_many_rows', {
          max: limits.maxRows.toLocaleString('id-ID'),
        });
      // A chunk waits for writes of the same children (N/T depends on their order).
      while (
        inflight.length >= parallel ||
        inflight.some((f) => [...prepared.childIds].some((id) => f.chunk.childIds.has(id)))
      )
        await settleOldest();
      inflight.push({
        chunk: prepared,
        done: writeChunk(ctx, importId, mode, prepared, columns, state).then(
          () => null,
          (error: unknown) =>
            error instanceof Error ? error : new Error('import write failed', { cause: error }),
        ),
      });
    }
    while (inflight.length) await settleOldest();
  } finally {
    // On an error, let the writes still running finish before the import is marked failed.
    await Promise.all(inflight.map((f) => f.done));
  }
  if (!layout) throw new DomainError('import_empty', {});
  if (state.counts.rowsTotal === 0) throw new DomainError('import_empty', {});
  options.onProgress?.({ ...state.counts, bytesRead: file.size, bytesTotal: file.size });
}

/** Whether a pending iterator step is the end (without losing it: the promise is kept). */
async function peekDone(next: Promise<IteratorResult<SourceRow[]>>): Promise<boolean> {
  return (await next).done === true;
}

function addIssue(chunk: PreparedChunk, issue: RowIssue): void {
  const list = chunk.rowIssues.get(issue.row);
  if (list) list.push(issue);
  else chunk.rowIssues.set(issue.row, [issue]);
}

/** Reads and checks the rows, matches their children, drops rows seen before in the file. */
async function prepareChunk(
  chunk: SourceRow[],
  columns: ReturnType<typeof fieldColumns>,
  matcher: RowMatcher,
  seen: PackedMap,
  today: string,
  state: RunState,
): Promise<PreparedChunk> {
  const prepared: PreparedChunk = { rowIssues: new Map(), accepted: [], childIds: new Set() };
  const add = (issue: RowIssue) => addIssue(prepared, issue);
  const records: ImportRecord[] = [];
  for (const source of chunk) {
    if (isBlankRow(source.cells)) continue;
    state.counts.rowsTotal++;
    const { record, issues } = readImportRow(source.number, source.cells, columns, today);
    issues.forEach(add);
    if (source.truncated)
      add({
        row: source.number,
        field: null,
        column: null,
        severity: 'warning',
        code: 'too_many_cells',
      });
    if (record) records.push(record);
  }

  const resolved = records.length ? await matcher.resolve(records) : [];
  records.forEach((record, i) => {
    const r = resolved[i]!;
    if ('code' in r) return add(r);
    const values = storedValues(record);
    const valuesKey = measurementValuesKey({ ...record, ...values });
    const key = hash53(`${r.id}|${record.measuredOn}`);
    const valuesHash = hash53(valuesKey) % 2 ** 32;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      const earlierRow = earlier % 2 ** 21;
      if (Math.floor(earlier / 2 ** 21) === valuesHash) {
        state.counts.rowsDuplicate++;
        return add({
          row: record.row,
          field: null,
          column: null,
          severity: 'warning',
          code: 'duplicate_row',
          details: { otherRow: earlierRow },
        });
      }
      return add({
        row: record.row,
        field: 'measuredOn',
        column: columns.measuredOn?.header ?? null,
        severity: 'error',
        code: 'conflicting_row',
        details: { otherRow: earlierRow },
      });
    }
    seen.set(key, valuesHash * 2 ** 21 + (record.row % 2 ** 21));
    prepared.childIds.add(r.id);
    prepared.accepted.push({
      record,
      child: r,
      id: importMeasurementId(r.id, record.measuredOn, valuesKey),
      values,
    });
  });
  return prepared;
}

const IMPLAUSIBLE_LABELS: Record<string, string> = {
  zlen: 'TB/U',
  zwei: 'BB/U',
  zwfl: 'BB/TB',
  zbmi: 'IMT/U',
  zhc: 'LK/U',
  zac: 'LiLA/U',
};

/** Stores the chunk's measurements through recordMeasurements (commit), or simulates it (preview). */
async function writeChunk(
  ctx: ServiceContext,
  importId: string,
  mode: ImportMode,
  prepared: PreparedChunk,
  columns: ReturnType<typeof fieldColumns>,
  state: RunState,
): Promise<void> {
  const { accepted } = prepared;
  if (accepted.length === 0) return;
  const add = (issue: RowIssue) => addIssue(prepared, issue);
  const columnOfField = (field: string) => columns[field as ImportField]?.header ?? null;
  const implausibleWarning = (row: number, flagged: string[]) =>
    add({
      row,
      field: null,
      column: null,
      severity: 'warning',
      code: 'implausible',
      details: { fields: flagged.join(', ') },
    });
  const existsIssue = (row: number) =>
    add({
      row,
      field: 'measuredOn',
      column: columnOfField('measuredOn'),
      severity: 'error',
      code: 'measurement_exists',
    });

  if (mode === 'commit') {
    const submissions: MeasurementSubmission[] = accepted.map((a) => ({
      id: a.id,
      childId: a.child.id,
      measuredOn: a.record.measuredOn,
      ...a.values,
    }));
    const outcomes = await recordMeasurements(ctx, submissions, {
      source: 'import',
      auditEach: false,
      importId,
    });
    const existingIds = outcomes.flatMap((o) =>
      !o.ok &&
      o.error.code === 'measurement_exists' &&
      typeof o.error.details.existingId === 'string'
        ? [o.error.details.existingId]
        : [],
    );
    const existing = new Map((await findMeasurements(ctx.db, existingIds)).map((m) => [m.id, m]));
    outcomes.forEach((o, i) => {
      const a = accepted[i]!;
      const row = a.record.row;
      if (o.ok) {
        if (o.created) {
          state.counts.rowsImported++;
          const flagged = ZFIELDS.filter(([f]) => o.measurement[f] === true).map(
            ([, label]) => label,
          );
          if (flagged.length) implausibleWarning(row, flagged);
        } else {
          // Already stored: by an earlier import of the same data, or by an earlier row of this file.
          state.counts.rowsDuplicate++;
          if (o.measurement.import_id === importId)
            add({
              row,
              field: null,
              column: null,
              severity: 'warning',
              code: 'duplicate_earlier_row',
            });
        }
        return;
      }
      const e = o.error;
      if (e.code === 'measurement_exists') {
        const other =
          typeof e.details.existingId === 'string' ? existing.get(e.details.existingId) : undefined;
        if (other && sameValues(other, a.values)) state.counts.rowsDuplicate++;
        else existsIssue(row);
        return;
      }
      if (e.code === 'validation_failed' && Array.isArray(e.details.issues)) {
        for (const p of e.details.issues as { field: string; problem: string; allowed: string }[])
          add({
            row,
            field: p.field as ImportField,
            column: columnOfField(p.field),
            severity: 'error',
            code: p.problem,
            details: { allowed: p.allowed },
          });
        return;
      }
      if (e.code === 'not_found')
        return add({
          row,
          field: 'name',
          column: columnOfField('name'),
          severity: 'error',
          code: 'child_outside_scope',
        });
      add({
        row,
        field: null,
        column: null,
        severity: 'error',
        code: 'not_stored',
        details: { allowed: e.code },
      });
    });
    return;
  }

  // Preview: what the write path would answer, read-only.
  const known = accepted.filter((a) => !a.child.isNew);
  const stored = new Set(
    (
      await findMeasurements(
        ctx.db,
        known.map((a) => a.id),
      )
    ).map((m) => m.id),
  );
  const onDay = new Map(
    (
      await currentMeasurementsOnDays(
        ctx.db,
        known
          .filter((a) => !stored.has(a.id))
          .map((a) => ({ childId: a.child.id, measuredOn: a.record.measuredOn })),
      )
    ).map((m) => [`${m.child_id}|${m.measured_on}`, m]),
  );
  for (const a of accepted) {
    const row = a.record.row;
    if (stored.has(a.id)) {
      state.counts.rowsDuplicate++;
      continue;
    }
    const other = onDay.get(`${a.child.id}|${a.record.measuredOn}`);
    if (other) {
      if (sameValues(other, a.values)) state.counts.rowsDuplicate++;
      else existsIssue(row);
      continue;
    }
    state.counts.rowsImported++;
    const assessment = assessMeasurement({
      sex: a.child.sex,
      birthDate: a.child.birthDate,
      measuredOn: a.record.measuredOn,
      ...a.values,
    });
    if (assessment.implausible)
      implausibleWarning(
        row,
        assessment.implausibleFields.map((f) => IMPLAUSIBLE_LABELS[f] ?? f),
      );
  }
}

/** Counts per row (rejected when any error, warned when stored with a warning), report in row order. */
function finishChunk(prepared: PreparedChunk, state: RunState): void {
  const ordered = [...prepared.rowIssues.keys()].sort((a, b) => a - b);
  for (const row of ordered) {
    const issues = prepared.rowIssues.get(row)!;
    if (issues.some((i) => i.severity === 'error')) state.counts.rowsRejected++;
    else if (issues.some((i) => i.code !== 'duplicate_row' && i.code !== 'duplicate_earlier_row'))
      state.counts.rowsWarned++;
    report(state, issues);
  }
}

/**
 * A hash map of numbers to numbers in two Float64Arrays (open addressing): a million keys in
 * 32 MB with nothing for the garbage collector to trace, where a Map would take twice that.
 */
export class PackedMap {
  private keys = new Float64Array(1 << 16).fill(-1);
  private values = new Float64Array(1 << 16);
  private size = 0;

  private slot(key: number): number {
    const mask = this.keys.length - 1;
    let i = (key % 2 ** 31) & mask;
    while (this.keys[i] !== -1 && this.keys[i] !== key) i = (i + 1) & mask;
    return i;
  }

  get(key: number): number | undefined {
    const i = this.slot(key);
    return this.keys[i] === -1 ? undefined : this.values[i];
  }

  /** Keys are non-negative (hash53). */
  set(key: number, value: number): void {
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    const i = this.slot(key);
    if (this.keys[i] === -1) this.size++;
    this.keys[i] = key;
    this.values[i] = value;
  }

  private grow(): void {
    const { keys, values } = this;
    this.keys = new Float64Array(keys.length * 2).fill(-1);
    this.values = new Float64Array(keys.length * 2);
    this.size = 0;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== -1) this.set(keys[i]!, values[i]!);
  }
}
