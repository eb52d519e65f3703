import type { ImportView } from '../../contract/imports.ts';
import { formatMessage, messages, type ErrorCode, type Lang } from '../../core/errors.ts';
import { issueMessage } from '../../core/import/issues.ts';
import type { ImportBatchRow, ImportIssueRow } from '../../services/import/imports.ts';

const isErrorCode = (code: string): code is ErrorCode => code in messages;

/** An import record for users whose scope covers it (file name, counts; never row values). */
export function presentImport(
  b: ImportBatchRow & { actor_email?: string | null },
  lang: Lang,
): ImportView {
  const details = (b.error_details ?? {}) as Record<string, unknown>;
  const bytesTotal = Number(b.bytes_total);
  const bytesRead = Number(b.bytes_read);
  return {
    id: b.id,
    fileName: b.file_name,
    fileSize: Number(b.file_size),
    sha256: b.file_sha256,
    format: b.format,
    sheet: b.sheet,
    status: b.status,
    error: b.error_code
      ? {
          code: b.error_code,
          message: isErrorCode(b.error_code)
            ? formatMessage(b.error_code, details, lang)
            : b.error_code,
          details,
        }
      : null,
    columns: (b.columns as ImportView['columns']) ?? null,
    counts: {
      rowsTotal: b.rows_total,
      rowsImported: b.rows_imported,
      rowsDuplicate: b.rows_duplicate,
      rowsRejected: b.rows_rejected,
      rowsWarned: b.rows_warned,
      childrenMatched: b.children_matched,
      childrenCreated: b.children_created,
      posyanduCreated: b.posyandu_created,
      issuesStored: b.issues_stored,
    },
    progress: {
      bytesRead,
      bytesTotal,
      percent: bytesTotal > 0 ? Math.min(100, Math.round((100 * bytesRead) / bytesTotal)) : 0,
    },
    regionCode: b.region_code,
    actorEmail: b.actor_email ?? null,
    createdAt: new Date(b.created_at).toISOString(),
    updatedAt: new Date(b.updated_at).toISOString(),
    committedAt: b.committed_at ? new Date(b.committed_at).toISOString() : null,
  };
}

/** One row of the report: row, column, code and message; never the cell's value. */
export function presentIssue(
  i: Pick<ImportIssueRow, 'row_number' | 'column_name' | 'severity' | 'code' | 'details'>,
  lang: Lang,
) {
  return {
    row: i.row_number,
    column: i.column_name,
    severity: i.severity,
    code: i.code,
    message: issueMessage({ code: i.code, details: i.details ?? undefined }, lang),
  };
}
