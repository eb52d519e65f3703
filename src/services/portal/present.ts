/** How stored portal rows become the contract's shapes (src/contract/portal.ts). */
import type { EditorItem, FileRef, PublicItem } from '../../core/portal/model.ts';
import type { ContentFileMeta } from '../../db/queries/portal.ts';
import type { ContentItemRow } from '../../db/types.ts';

export const fileUrl = (file: { id: string; name: string }) =>
  `/api/portal/files/${file.id}/${file.name}`;

export const fileRef = (file: ContentFileMeta): FileRef => ({
  id: file.id,
  name: file.name,
  mime: file.mime,
  size: file.size,
  url: fileUrl(file),
});

export interface Lookups {
  files: Map<string, ContentFileMeta>;
  regionNames: Map<string, string>;
  emails?: Map<string, string>;
}

const iso = (d: Date | string) => new Date(d).toISOString();

export function presentPublicItem(row: ContentItemRow, lookups: Lookups): PublicItem {
  const file = (id: string | null) => {
    const found = id ? lookups.files.get(id) : undefined;
    return found ? fileRef(found) : null;
  };
  return {
    id: row.id,
    kind: row.kind,
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    bodyHtml: row.body_html,
    tags: row.tags,
    author: row.author,
    cover: file(row.cover_file_id),
    document: file(row.document_file_id),
    documentType: row.document_type as PublicItem['documentType'],
    region: row.region_code
      ? { code: row.region_code, name: lookups.regionNames.get(row.region_code) ?? row.region_code }
      : null,
    interventionType: row.intervention_type as PublicItem['interventionType'],
    eventStart: row.event_start,
    eventEnd: row.event_end,
    location: row.location,
    publishedAt: row.published_at ? iso(row.published_at) : null,
    updatedAt: iso(row.updated_at),
  };
}

export function presentEditorItem(row: ContentItemRow, lookups: Lookups): EditorItem {
  return {
    ...presentPublicItem(row, lookups),
    status: row.status,
    version: row.version,
    coverFileId: row.cover_file_id,
    documentFileId: row.document_file_id,
    regionCode: row.region_code,
    createdAt: iso(row.created_at),
    updatedBy: row.updated_by ? (lookups.emails?.get(row.updated_by) ?? null) : null,
  };
}

export function withoutBody<T extends { bodyHtml: string }>(item: T): Omit<T, 'bodyHtml'> {
  const { bodyHtml: _body, ...rest } = item;
  return rest;
}
