/**
 * The portal's content model as plain types (docs/portal.md), for the services; the HTTP
 * contract (src/contract/portal.ts) has the same shapes as zod schemas, and model.test.ts keeps
 * the two in step.
 */
// The value lists live here, not in the contract, so that the web can use them without
// shipping zod to the phone.
export const contentKinds = ['news', 'page', 'knowledge', 'practice', 'event'] as const;
export const contentStatuses = ['draft', 'published'] as const;
/** Knowledge product types (Pusat Pembelajaran). */
export const documentTypes = [
  'laporan',
  'pedoman',
  'regulasi',
  'kajian',
  'infografis',
  'lainnya',
] as const;
/** Interventions a good practice is about (gizi spesifik/sensitif, convergence). */
export const interventionTypes = [
  'gizi_spesifik',
  'gizi_sensitif',
  'konvergensi',
  'pendampingan_keluarga',
  'sanitasi',
  'lainnya',
] as const;
/** A slug: lowercase letters, digits and single hyphens (`rembuk-stunting-2025`). */
export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export type ContentKind = (typeof contentKinds)[number];
export type ContentStatus = (typeof contentStatuses)[number];
export type DocumentType = (typeof documentTypes)[number];
export type InterventionType = (typeof interventionTypes)[number];

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
