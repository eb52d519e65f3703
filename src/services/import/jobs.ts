/**
 * Imports started over HTTP run in the background, one at a time per process (two imports of the
 * same children at once could both create the same child, and a second import would only halve
 * the speed of the first on a small server). The web polls GET /api/imports/:id for status and
 * progress, which the running import writes into its record. An import left in progress by a
 * stopped process is shown as failed (import_interrupted); running it again adds only what is
 * missing, since already stored rows are recognised.
 */
import { rm } from 'node:fs/promises';
import { DomainError } from '../../core/errors.ts';
import { updateImportBatch } from '../../db/queries/imports.ts';
import type { ImportBatchRow } from '../../db/types.ts';
import type { ServiceContext } from '../context.ts';
import { readImport, runImport, type ImportMode, type ImportOptions } from './imports.ts';

const queued = new Set<string>();
let tail: Promise<unknown> = Promise.resolve();

/** Queues a recorded import; the upload is deleted after a commit or a failure (kept after a preview, for its commit). */
export function startImportJob(
  ctx: ServiceContext,
  importId: string,
  path: string,
  mode: ImportMode,
  options: ImportOptions = {},
): void {
  queued.add(importId);
  const run = async () => {
    let keep = false;
    try {
      await runImport(ctx, importId, path, mode, options);
      keep = mode === 'preview';
    } catch {
      // Recorded in the import (status failed, error code); nothing else to do here.
    } finally {
      queued.delete(importId);
      if (!keep) await rm(path, { force: true }).catch(() => {});
    }
  };
  tail = tail.then(run, run);
}

/** Whether this process has the import queued or running. */
export function isImportQueued(importId: string): boolean {
  return queued.has(importId);
}

/** Waits until every queued import has finished (tests, shutdown). */
export async function importJobsIdle(): Promise<void> {
  while (queued.size) await tail.catch(() => {});
}

const STALE_MS = 2 * 60_000;

/** An import the caller may see, with an abandoned run (no progress for 2 minutes, not queued here) marked failed. */
export async function importStatus(ctx: ServiceContext, id: string): Promise<ImportBatchRow> {
  const batch = await readImport(ctx, id);
  const inProgress = batch.status === 'previewing' || batch.status === 'committing';
  if (
    inProgress &&
    !isImportQueued(id) &&
    ctx.now().getTime() - new Date(batch.updated_at).getTime() > STALE_MS
  ) {
    const error = new DomainError('import_interrupted', {});
    return (await updateImportBatch(ctx.db, id, {
      status: 'failed',
      error_code: error.code,
      error_details: JSON.stringify(error.details),
    }))!;
  }
  return batch;
}
