/**
 * The public portal and its CMS (docs/portal.md). Content items are news, pages (the Pokja
 * profile), knowledge products, good practices and agenda events; each has a draft/published
 * state and a history of revisions. Bodies are HTML sanitised on the server (allow-list), titles
 * and other fields are plain text. Files (images, PDFs) are stored in the database.
 */
import { z } from 'zod';
import {
  contentKinds,
  contentStatuses,
  documentTypes,
  interventionTypes,
  slugPattern,
  uploadLimits,
  type UploadMime,
} from '../core/portal/model.ts';
import { regionCodeSchema, text } from './common.ts';

export {
  contentKinds,
  contentStatuses,
  documentTypes,
  interventionTypes,
  slugPattern,
  uploadLimits,
};
export type { UploadMime };

export const contentKindSchema = z.enum(contentKinds);
export type ContentKind = z.infer<typeof contentKindSchema>;
export const contentStatusSchema = z.enum(contentStatuses);

export const slugSchema = z.string().trim().min(1).max(120).regex(slugPattern, {
  message: 'lowercase letters, digits and single hyphens, e.g. rembuk-stunting-2025',
});

const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'YYYY-MM-DD' });

/** A stored file as the public sees it: the URL is `/api/portal/files/{id}/{name}`. */
export const fileRefSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  mime: z.string(),
  size: z.number().int(),
  url: z.string(),
});
export type FileRef = z.infer<typeof fileRefSchema>;

/** Fields shared by every kind; the kind-specific ones are null where they do not apply. */
const itemFields = {
  title: text(200).min(1),
  summary: text(500).default(''),
  /** HTML; sanitised by the server before it is stored (script, on*, javascript: removed). */
  bodyHtml: z.string().max(200_000).default(''),
  tags: z.array(text(40).min(1)).max(12).default([]),
  author: text(120).default(''),
  coverFileId: z.uuid().nullable().default(null),
  /** knowledge: the document to download */
  documentFileId: z.uuid().nullable().default(null),
  documentType: z.enum(documentTypes).nullable().default(null),
  /** practice: where and what */
  regionCode: regionCodeSchema.nullable().default(null),
  interventionType: z.enum(interventionTypes).nullable().default(null),
  /** event: when and where (dates in the province's local calendar) */
  eventStart: dateSchema.nullable().default(null),
  eventEnd: dateSchema.nullable().default(null),
  location: text(200).default(''),
};

export const createItemBodySchema = z.object({
  kind: contentKindSchema,
  /** Made from the title when absent; a slug already used by the same kind is refused (409 slug_taken). */
  slug: slugSchema.optional(),
  ...itemFields,
});
export const updateItemBodySchema = z.object({
  /** The version the editor started from; a newer stored version answers 409 version_conflict. */
  version: z.number().int().positive(),
  slug: slugSchema,
  ...itemFields,
});

/** What a visitor sees of a published item. */
export const publicItemSchema = z.object({
  id: z.uuid(),
  kind: contentKindSchema,
  slug: z.string(),
  title: z.string(),
  summary: z.string(),
  bodyHtml: z.string(),
  tags: z.array(z.string()),
  author: z.string(),
  cover: fileRefSchema.nullable(),
  document: fileRefSchema.nullable(),
  documentType: z.enum(documentTypes).nullable(),
  region: z.object({ code: z.string(), name: z.string() }).nullable(),
  interventionType: z.enum(interventionTypes).nullable(),
  eventStart: z.string().nullable(),
  eventEnd: z.string().nullable(),
  location: z.string(),
  publishedAt: z.string().nullable().describe('ISO timestamp of first publication'),
  updatedAt: z.string(),
});
export type PublicItem = z.infer<typeof publicItemSchema>;

/** A list entry: everything but the body. */
export const publicItemSummarySchema = publicItemSchema.omit({ bodyHtml: true });
export type PublicItemSummary = z.infer<typeof publicItemSummarySchema>;

export const itemListQuerySchema = z.object({
  kind: contentKindSchema,
  tag: text(40).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(9),
});
export const itemListSchema = z.object({
  items: z.array(publicItemSummarySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Every tag used by published items of the kind, with how many. */
  tags: z.array(z.object({ tag: z.string(), count: z.number().int() })),
});
export type ItemList = z.infer<typeof itemListSchema>;

export const itemParams = z.object({ kind: contentKindSchema, slug: slugSchema });

/** What the editor sees: the stored item with state and version. */
export const editorItemSchema = publicItemSchema.extend({
  status: contentStatusSchema,
  version: z.number().int(),
  coverFileId: z.uuid().nullable(),
  documentFileId: z.uuid().nullable(),
  regionCode: z.string().nullable(),
  createdAt: z.string(),
  updatedBy: z.string().nullable().describe('email of the last editor'),
});
export type EditorItem = z.infer<typeof editorItemSchema>;

export const editorListQuerySchema = z.object({
  kind: contentKindSchema.optional(),
  status: contentStatusSchema.optional(),
  q: text(100).optional(),
});
export const editorListSchema = z.object({
  items: z.array(editorItemSchema.omit({ bodyHtml: true })),
});

export const revisionSchema = z.object({
  version: z.number().int(),
  at: z.string(),
  actorEmail: z.string().nullable(),
  action: z.enum(['create', 'update', 'publish', 'unpublish', 'restore']),
  title: z.string(),
  status: contentStatusSchema,
});
export const revisionListSchema = z.object({ revisions: z.array(revisionSchema) });
export const idParams = z.object({ id: z.uuid() });
export const versionBodySchema = z.object({ version: z.number().int().positive() });
export const restoreParams = z.object({
  id: z.uuid(),
  version: z.coerce.number().int().positive(),
});

// Uploads: raw body with Content-Type and an `x-file-name` header (URL-encoded); limits in
// core/portal/model.ts (uploadLimits).
export const fileListSchema = z.object({
  files: z.array(fileRefSchema.extend({ createdAt: z.string() })),
});

/** Settings of this installation's portal (one row in app_setting, key `portal_settings`). */
export const portalSettingsSchema = z.object({
  siteName: z.object({ id: text(120).min(1), en: text(120).min(1) }),
  /** The region the home page is about (a province or kabupaten/kota). */
  homeRegion: regionCodeSchema,
  welcome: z.object({ id: text(600), en: text(600) }),
  logoFileId: z.uuid().nullable(),
  /** CSS colours #rrggbb; the server refuses a primary colour with contrast below 4.5:1 on white. */
  colors: z.object({
    primary: z.string().regex(/^#[0-9a-fA-F]{6}$/),
    accent: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  }),
  contact: z.object({ address: text(300), email: text(120), phone: text(40) }),
});
export type PortalSettings = z.infer<typeof portalSettingsSchema>;
export const publicSettingsSchema = portalSettingsSchema.extend({
  logo: fileRefSchema.nullable(),
  homeRegionName: z.string(),
});
export type PublicSettings = z.infer<typeof publicSettingsSchema>;
/**
 * The same shapes for responses (added by the backend): regionCodeSchema normalises input with a
 * transform, which zod cannot encode, so answers carry homeRegion as the plain stored string.
 */
export const portalSettingsResponseSchema = portalSettingsSchema.extend({ homeRegion: z.string() });
export const publicSettingsResponseSchema = publicSettingsSchema.extend({ homeRegion: z.string() });

/** The open-data catalogue: every public dataset with its download links. */
export const datasetSchema = z.object({
  id: z.string(),
  title: z.object({ id: z.string(), en: z.string() }),
  description: z.object({ id: z.string(), en: z.string() }),
  source: z.string(),
  /** Links to the public API, e.g. /api/dashboard/areas?region=53&format=csv */
  downloads: z.array(z.object({ format: z.enum(['csv', 'json', 'xlsx']), url: z.string() })),
  updatedAt: z.string().nullable(),
});
export const datasetListSchema = z.object({
  datasets: z.array(datasetSchema),
  apiDocs: z.string(),
});
export type Dataset = z.infer<typeof datasetSchema>;
