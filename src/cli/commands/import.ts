/**
 * `tumbuh import FILE --as EMAIL [--dry-run] [--sheet NAME] [--report PATH] [--lang id|en]`:
 * imports an e-PPGBM-style register (CSV or XLSX, docs/import-format.md) as a named user, whose
 * role and region scope limit it exactly as on the web. Progress goes to stderr; the per-row
 * report is written as CSV (default FILE.report.csv) when there are issues.
 * Exit 0: every row imported (or already there); 1: some rows rejected; 2: the file (or the
 * command) could not be used, nothing written.
 */
import { createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { actorOf } from '../../services/auth/sessions.ts';
import { formatMessage, isDomainError, type Lang } from '../../core/errors.ts';
import { issueMessage } from '../../core/import/issues.ts';
import { isRole } from '../../core/access/roles.ts';
import { findUserByEmail } from '../../db/queries/users.ts';
import { systemClock, type ServiceContext } from '../../services/context.ts';
import { csvStream, type ExportColumn } from '../../services/export/table-export.ts';
import {
  commitImport,
  importReport,
  previewImport,
  type ImportIssueRow,
  type ImportProgress,
} from '../../services/import/imports.ts';
import { openCliDatabase, parseOptions } from '../env.ts';
import type { CliIo } from '../io.ts';

const usage = `Usage: tumbuh import FILE --as EMAIL [--dry-run] [--sheet NAME] [--report PATH] [--lang id|en]

Imports a CSV or XLSX register (columns: docs/import-format.md; template: GET /api/imports/template.csv)
as the user EMAIL, inside that user's scope. --dry-run checks and counts without writing records.
Exit 0: all rows imported; 1: some rows rejected (see the report); 2: the file could not be used.
`;

const fmt = (n: number) => n.toLocaleString('en');

/** A progress line, at most twice a second; on a terminal it rewrites itself. */
function progressPrinter(io: CliIo, started: number) {
  const tty = (io.stderr as NodeJS.WriteStream).isTTY === true;
  let last = 0;
  return (p: ImportProgress, final = false) => {
    const now = Date.now();
    if (!final && now - last < (tty ? 500 : 5000)) return;
    last = now;
    const seconds = Math.max(0.001, (now - started) / 1000);
    const percent = p.bytesTotal
      ? Math.min(100, Math.round((100 * p.bytesRead) / p.bytesTotal))
      : 0;
    const line =
      `${String(percent).padStart(3)}%  ${fmt(p.rowsTotal)} rows  ${fmt(Math.round(p.rowsTotal / seconds))} rows/s` +
      `  imported ${fmt(p.rowsImported)}  already there ${fmt(p.rowsDuplicate)}  rejected ${fmt(p.rowsRejected)}`;
    io.stderr.write(tty ? `\r${line}${final ? '\n' : ''}` : `${line}\n`);
  };
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const { options, positional } = parseOptions(args);
  const file = positional[0];
  const email = options.as?.trim().toLowerCase();
  const lang: Lang = options.lang === 'en' ? 'en' : 'id';
  if (!file || !email || options.help) {
    io.stderr.write(usage);
    return 2;
  }
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) {
    io.stderr.write(`${file}: not a file (give the path of a CSV or XLSX file)\n`);
    return 2;
  }
  const handle = await openCliDatabase(io);
  try {
    const user = await findUserByEmail(handle.db, email);
    if (!user || user.disabled || !isRole(user.role)) {
      io.stderr.write(`No active user ${email}: create one with \`tumbuh user add\`.\n`);
      return 2;
    }
    const ctx: ServiceContext = {
      db: handle.db,
      actor: actorOf({
        id: user.id,
        role: user.role,
        regionCode: user.region_code,
        posyanduId: user.posyandu_id,
      }),
      now: systemClock,
      requestId: 'cli',
    };
    const started = Date.now();
    const print = progressPrinter(io, started);
    let lastProgress: ImportProgress | null = null;
    const importOptions = {
      sheet: options.sheet ?? null,
      parallelWrites: handle.kind === 'postgres' ? 2 : 1,
      onProgress: (p: ImportProgress) => {
        lastProgress = p;
        print(p);
      },
    };
    const source = { path: file, name: file };
    const { batch } = options['dry-run']
      ? await previewImport(ctx, source, importOptions)
      : await commitImport(ctx, source, importOptions);
    if (lastProgress && (io.stderr as NodeJS.WriteStream).isTTY) print(lastProgress, true);
    const seconds = (Date.now() - started) / 1000;
    io.stdout.write(
      `${options['dry-run'] ? 'Preview (nothing written)' : 'Imported'}: ${batch.file_name} (import ${batch.id})\n` +
        `  rows ${fmt(batch.rows_total)} in ${seconds.toFixed(1)} s (${fmt(Math.round(batch.rows_total / Math.max(seconds, 0.001)))} rows/s)\n` +
        `  ${options['dry-run'] ? 'to import' : 'imported'} ${fmt(batch.rows_imported)}, already there ${fmt(batch.rows_duplicate)}, ` +
        `rejected ${fmt(batch.rows_rejected)}, with warnings ${fmt(batch.rows_warned)}\n` +
        `  children matched ${fmt(batch.children_matched)}, created ${fmt(batch.children_created)}; posyandu created ${fmt(batch.posyandu_created)}\n`,
    );
    if (batch.issues_stored > 0) {
      const reportPath = options.report ?? `${file}.report.csv`;
      const columns: ExportColumn<ImportIssueRow>[] = [
        { header: lang === 'en' ? 'Row' : 'Baris', value: (i) => i.row_number },
        { header: lang === 'en' ? 'Column' : 'Kolom', value: (i) => i.column_name },
        { header: lang === 'en' ? 'Severity' : 'Tingkat', value: (i) => i.severity },
        { header: lang === 'en' ? 'Code' : 'Kode', value: (i) => i.code },
        {
          header: lang === 'en' ? 'Message' : 'Keterangan',
          value: (i) => issueMessage({ code: i.code, details: i.details ?? undefined }, lang),
        },
      ];
      await pipeline(
        csvStream(columns, importReport(ctx, batch.id)),
        createWriteStream(reportPath),
      );
      io.stdout.write(`  report (${fmt(batch.issues_stored)} issues): ${reportPath}\n`);
    }
    return batch.rows_rejected > 0 ? 1 : 0;
  } catch (error) {
    if (isDomainError(error)) {
      io.stderr.write(
        `\nNot imported (${error.code}): ${formatMessage(error.code, error.details, 'en')}\n`,
      );
      return 2;
    }
    throw error;
  } finally {
    await handle.close();
  }
}
