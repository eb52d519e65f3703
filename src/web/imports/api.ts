/**
 * HTTP calls of file import and export (src/server/routes/imports.ts, docs/import-format.md).
 * The upload is a raw PUT of the file with XMLHttpRequest, the one browser API that reports
 * upload progress; everything else goes through api-client's `request`.
 */
import type { z } from 'zod';
import type { ImportView, importDetailSchema, importListSchema } from '../../contract/imports.ts';
import { ApiError, currentCsrfToken, request, withQuery } from '../api-client.ts';
import { getLang, translate } from '../i18n/language.ts';

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

function errorOf(xhr: XMLHttpRequest): ApiError {
  try {
    const body = JSON.parse(xhr.responseText) as {
      error?: {
        code: string;
        message: string;
        details?: Record<string, unknown>;
        requestId?: string;
      };
    };
    if (body.error)
      return new ApiError(
        xhr.status,
        body.error.code,
        body.error.message,
        body.error.details ?? {},
        body.error.requestId ?? null,
      );
  } catch {
    // not JSON: fall through
  }
  return new ApiError(xhr.status, 'http_error', translate('error.http', { status: xhr.status }));
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
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(
      'PUT',
      withQuery('/api/imports', {
        name: file.name,
        dryRun: String(options.dryRun),
        sheet: options.sheet || undefined,
      }),
    );
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', getLang());
    const csrf = currentCsrfToken();
    if (csrf) xhr.setRequestHeader('x-csrf-token', csrf);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve(JSON.parse(xhr.responseText) as ImportView);
      } else reject(errorOf(xhr));
    };
    xhr.onerror = () => reject(new ApiError(0, 'network_error', translate('error.network')));
    xhr.send(file);
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
