/**
 * The portal's content model as plain types (docs/portal.md), for the services; the HTTP
 * contract (src/contract/portal.ts) has the same shapes as zod schemas, and model.test.ts keeps
 * the two in step.
 */
export type ContentKind = 'news' | 'page' | 'knowledge' | 'practice' | 'event';
export type ContentStatus = 'draft' | 'published';
export type DocumentType = 'laporan' | 'pedoman' | 'regulasi' | 'kajian' | 'infografis' | 'lainnya';
export type InterventionType =
  | 'gizi_spesifik'
  | 'gizi_sensitif'
  | 'konvergensi'
  | 'pendampingan_keluarga'
  | 'sanitasi'
  | 'lainnya';

/** Accepted upload types and their byte limits. */
export const uploadLimits = {
  'image/png': 5 * 1024 * 1024,
  'image/jpeg': 5 * 1024 * 1024,
  'image/webp': 5 * 1024 * 1024,
  'application/pdf': 20 * 1024 * 1024,
} as const;
export type UploadMime = keyof typeof uploadLimits;

export interface FileRef {
  id: string;
  name: string;
  mime: string;
  size: number;
  url: string;
}

/** The editable fields of an item (as validated by the contract). */
export interface ItemFields {
  title: string;
  summary: string;
  bodyHtml: string;
  tags: string[];
  author: string;
  coverFileId: string | null;
  documentFileId: string | null;
  documentType: DocumentType | null;
  regionCode: string | null;
  interventionType: InterventionType | null;
  eventStart: string | null;
  eventEnd: string | null;
  location: string;
}

export interface PublicItem {
  id: string;
  kind: ContentKind;
  slug: string;
  title: string;
  summary: string;
  bodyHtml: string;
  tags: string[];
  author: string;
  cover: FileRef | null;
  document: FileRef | null;
  documentType: DocumentType | null;
  region: { code: string; name: string } | null;
  interventionType: InterventionType | null;
  eventStart: string | null;
  eventEnd: string | null;
  location: string;
  publishedAt: string | null;
  updatedAt: string;
}

export interface EditorItem extends PublicItem {
  status: ContentStatus;
  version: number;
  coverFileId: string | null;
  documentFileId: string | null;
  regionCode: string | null;
  createdAt: string;
  updatedBy: string | null;
}

export interface ItemList {
  items: Omit<PublicItem, 'bodyHtml'>[];
  total: number;
  page: number;
  pageSize: number;
  tags: { tag: string; count: number }[];
}

export interface PortalSettings {
  siteName: { id: string; en: string };
  homeRegion: string;
  welcome: { id: string; en: string };
  logoFileId: string | null;
  colors: { primary: string; accent: string };
  contact: { address: string; email: string; phone: string };
}
export interface PublicSettings extends PortalSettings {
  logo: FileRef | null;
  homeRegionName: string;
}
