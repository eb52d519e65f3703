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
import { ApiError, request, type Ok } from '../api-client.ts';
import { uploadWithProgress } from '../upload.ts';

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
  return uploadWithProgress<FileRef>({
    method: 'POST',
    url: `${base}/files`,
    body: file,
    contentType: file.type || 'application/octet-stream',
    headers: { 'x-file-name': encodeURIComponent(file.name) },
    onProgress,
    signal,
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
