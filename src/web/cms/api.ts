/**
 * HTTP calls of the portal CMS (editor routes of src/server/routes/portal.ts, docs/portal.md).
 * Shapes follow src/contract/portal.ts as types only (zod is not shipped). Uploads are a raw POST
 * with XMLHttpRequest, the one browser API that reports upload progress; everything else goes
 * through api-client's `request`.
 */
import type { z } from 'zod';
import type {
  ContentKind,
  EditorItem,
  FileRef,
  PortalSettings,
  PublicSettings,
  UploadMime,
  createItemBodySchema,
  editorListSchema,
  fileListSchema,
  revisionListSchema,
  updateItemBodySchema,
} from '../../contract/portal.ts';
import { ApiError, currentCsrfToken, request, type Ok } from '../api-client.ts';
import { getLang, translate } from '../i18n/language.ts';

export type { ContentKind, EditorItem, FileRef, PortalSettings, PublicSettings, UploadMime };
export type CreateItemBody = z.input<typeof createItemBodySchema>;
export type UpdateItemBody = z.input<typeof updateItemBodySchema>;
export type EditorList = z.infer<typeof editorListSchema>;
export type EditorListItem = EditorList['items'][number];
export type Revision = z.infer<typeof revisionListSchema>['revisions'][number];
export type FileList = z.infer<typeof fileListSchema>;
export type ContentStatus = EditorItem['status'];

export interface EditorListQuery {
  kind?: ContentKind | undefined;
  status?: ContentStatus | undefined;
  q?: string | undefined;
}

const base = '/api/portal/admin';
const itemUrl = (id: string) => `${base}/items/${encodeURIComponent(id)}`;
type ItemResponse = { item: EditorItem };

/** The error body of an XMLHttpRequest answer, like api-client's for fetch. */
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
    // not JSON (e.g. a proxy's 413 page): fall through
  }
  return new ApiError(xhr.status, 'http_error', translate('error.http', { status: xhr.status }));
}

/**
 * Uploads an image or PDF (raw body, name in `x-file-name`). `onProgress` gets the fraction sent
 * (0–1). 413 file_too_large and 415 unsupported_file_type come back as ApiError with the
 * server's message. `signal` cancels the upload.
 */
export function uploadContentFile(
  file: File,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<FileRef> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${base}/files`);
    xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', getLang());
    xhr.setRequestHeader('x-file-name', encodeURIComponent(file.name));
    const csrf = currentCsrfToken();
    if (csrf) xhr.setRequestHeader('x-csrf-token', csrf);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve(JSON.parse(xhr.responseText) as FileRef);
      } else reject(errorOf(xhr));
    };
    xhr.onerror = () => reject(new ApiError(0, 'network_error', translate('error.network')));
    xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}

export const cmsApi = {
  items: (query: EditorListQuery, signal?: AbortSignal) =>
    request<EditorList>('GET', `${base}/items`, { query: { ...query }, signal }),
  item: async (id: string, signal?: AbortSignal) =>
    (await request<ItemResponse>('GET', itemUrl(id), { signal })).item,
  create: async (body: CreateItemBody) =>
    (await request<ItemResponse>('POST', `${base}/items`, { body })).item,
  update: async (id: string, body: UpdateItemBody) =>
    (await request<ItemResponse>('PUT', itemUrl(id), { body })).item,
  publish: async (id: string, version: number) =>
    (await request<ItemResponse>('POST', `${itemUrl(id)}/publish`, { body: { version } })).item,
  unpublish: async (id: string, version: number) =>
    (await request<ItemResponse>('POST', `${itemUrl(id)}/unpublish`, { body: { version } })).item,
  remove: (id: string) => request<Ok>('DELETE', itemUrl(id)),
  revisions: (id: string, signal?: AbortSignal) =>
    request<{ revisions: Revision[] }>('GET', `${itemUrl(id)}/revisions`, { signal }),
  restore: async (id: string, version: number) =>
    (
      await request<ItemResponse>(
        'POST',
        `${itemUrl(id)}/revisions/${encodeURIComponent(String(version))}/restore`,
      )
    ).item,
  files: (signal?: AbortSignal) => request<FileList>('GET', `${base}/files`, { signal }),
  settings: (signal?: AbortSignal) =>
    request<PortalSettings>('GET', `${base}/settings`, { signal }),
  saveSettings: (body: PortalSettings) =>
    request<PublicSettings>('PUT', `${base}/settings`, { body }),
};

/** A stale version (someone else saved meanwhile); the code may carry a prefix like other capabilities'. */
export const isVersionConflict = (e: unknown): boolean =>
  e instanceof ApiError && e.status === 409 && e.code.endsWith('version_conflict');
