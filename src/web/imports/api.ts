/**
 * HTTP calls of file import and export (src/server/routes/imports.ts, docs/import-format.md).
 * The upload is a raw PUT of the file with XMLHttpRequest, the one browser API that reports
 * upload progress; everything else goes through api-client's `request`.
 */
import type { z } from 'zod';
import type { ImportView, importDetailSchema, importListSchema } from '../../contract/imports.ts';
import { request, withQuery } from '../api-client.ts';
import { uploadWithProgress } from '../upload.ts';

export type { ImportView };
export type ImportDetail = z.infer<typeof importDetailSchema>;
export type ImportList = z.infer<typeof importListSchema>;

/** File types the server reads; anything else is refused before it is sent. */
export const IMPORT_EXTENSIONS = ['.csv', '.xlsx'] as const;

/** Why a chosen file is not sent at all (checked on the phone, the server checks again). */
export function fileProblem(file: { name: string; size: number }): 'type' | 'empty' | null {
  const name = file.name.toLowerCase();
  if (!IMPORT_EXTENSIONS.some((ext) => name.endsWith(ext))) return 'type';
  if (file.size === 0) return 'empty';
  return null;
}

/**
 * Uploads a file to preview it (dry run, the default) or import it at once. `onProgress` gets
 * the fraction sent (0–1). Resolves with the import record (202: it runs in the background).
 */
export function uploadImport(
  file: File,
  options: { dryRun: boolean; sheet?: string | undefined },
  onProgress: (fraction: number) => void,
): Promise<ImportView> {
  return uploadWithProgress<ImportView>({
    method: 'PUT',
    url: withQuery('/api/imports', {
      name: file.name,
      dryRun: String(options.dryRun),
      sheet: options.sheet || undefined,
    }),
    body: file,
    contentType: 'application/octet-stream',
    onProgress,
  });
}

const id = (value: string) => encodeURIComponent(value);

export const importApi = {
  get: (importId: string, signal?: AbortSignal) =>
    request<ImportDetail>('GET', `/api/imports/${id(importId)}`, { signal }),
  list: (signal?: AbortSignal) =>
    request<ImportList>('GET', '/api/imports', { query: { limit: 50 }, signal }),
  commit: (importId: string) => request<ImportView>('POST', `/api/imports/${id(importId)}/commit`),
  reportUrl: (importId: string) => `/api/imports/${id(importId)}/report.csv`,
  templateUrl: (format: 'csv' | 'xlsx') => `/api/imports/template.${format}`,
  exportUrl: (
    what: 'children' | 'measurements',
    format: 'csv' | 'xlsx',
    query: { from?: string | undefined; to?: string | undefined } = {},
  ) => withQuery(`/api/export/${what}.${format}`, what === 'measurements' ? query : {}),
};

/** Statuses in which the import still runs: poll. */
export const isRunning = (status: ImportView['status']) =>
  status === 'previewing' || status === 'committing';
