/**
 * Content items of the portal (docs/portal.md): public reads (published only) and the CMS
 * writes. Every write needs `content:write`, checks the version the editor started from, stores
 * a revision (the editors' undo) and is audited in the same transaction.
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type {
  ContentKind,
  EditorItem,
  ItemFields,
  ItemList,
  PublicItem,
} from '../../core/portal/model.ts';
import type { Actor } from '../../core/access/scope.ts';
import { roleAllows } from '../../core/access/roles.ts';
import { DomainError } from '../../core/errors.ts';
import { slugify, uniqueSlug } from '../../core/portal/text.ts';
import {
  deleteContentItem,
  findContentItem,
  findFileMetas,
  findPublishedItem,
  findRevision,
  insertContentItem,
  insertRevision,
  listEditorItems,
  listPublishedItems,
  listRevisions,
  lockContentItem,
  publishedTags,
  slugsLike,
  updateContentItemRow,
  userEmails,
} from '../../db/queries/portal.ts';
import { findRegion, findRegions } from '../../db/queries/regions.ts';
import type { ContentItemRow, ContentItemTable, Database } from '../../db/types.ts';
import { audit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { presentEditorItem, presentPublicItem, withoutBody, type Lookups } from './present.ts';
import { sanitizeBody } from './sanitize.ts';

export interface CreateItemInput extends ItemFields {
  kind: ContentKind;
  slug?: string;
}
export interface UpdateItemInput extends ItemFields {
  version: number;
  slug: string;
}
type RevisionAction = 'create' | 'update' | 'publish' | 'unpublish' | 'restore';

/** The signed-in actor if they may edit portal content (editor, admin); else 401/403. */
export function requireContentWriter(ctx: ServiceContext): Actor {
  const actor = ctx.actor;
  if (!actor) throw new DomainError('unauthenticated');
  if (!roleAllows(actor.role, 'content:write'))
    throw new DomainError('forbidden', { action: 'content:write' });
  return actor;
}

const validation = (field: string, allowed: string) =>
  new DomainError('validation_failed', { field, allowed, summary: `${field}: ${allowed}` });

/** The columns of an item's editable fields; the body is sanitised here. */
function columnsOf(fields: ItemFields) {
  return {
    title: fields.title,
    summary: fields.summary,
    body_html: sanitizeBody(fields.bodyHtml),
    tags: [...new Set(fields.tags)],
    author: fields.author,
    cover_file_id: fields.coverFileId,
    document_file_id: fields.documentFileId,
    document_type: fields.documentType,
    region_code: fields.regionCode,
    intervention_type: fields.interventionType,
    event_start: fields.eventStart,
    event_end: fields.eventEnd,
    location: fields.location,
  } satisfies Partial<Record<keyof ContentItemTable, unknown>>;
}

/** The item's content as a revision snapshot (and as restored from one). */
export function snapshotOf(row: ContentItemRow) {
  return {
    kind: row.kind,
    slug: row.slug,
    status: row.status,
    title: row.title,
    summary: row.summary,
    bodyHtml: row.body_html,
    tags: row.tags,
    author: row.author,
    coverFileId: row.cover_file_id,
    documentFileId: row.document_file_id,
    documentType: row.document_type,
    regionCode: row.region_code,
    interventionType: row.intervention_type,
    eventStart: row.event_start,
    eventEnd: row.event_end,
    location: row.location,
  };
}
type Snapshot = ReturnType<typeof snapshotOf>;

const AUDIT_BODY_MAX = 2048;

/** What the audit log keeps of an item: everything, with the body cut at 2 kB. */
export function itemAuditView(row: ContentItemRow) {
  const snap = snapshotOf(row);
  return {
    ...snap,
    bodyHtml:
      snap.bodyHtml.length > AUDIT_BODY_MAX
        ? `${snap.bodyHtml.slice(0, AUDIT_BODY_MAX)}… [${snap.bodyHtml.length} characters]`
        : snap.bodyHtml,
    version: row.version,
    publishedAt: row.published_at ? new Date(row.published_at).toISOString() : null,
  };
}

/** Files and region names the rows refer to (and editors' emails when asked). */
async function lookupsFor(
  ctx: ServiceContext,
  rows: ContentItemRow[],
  withEmails = false,
): Promise<Lookups> {
  const fileIds = rows.flatMap((r) =>
    [r.cover_file_id, r.document_file_id].filter((x): x is string => !!x),
  );
  const regionCodes = [...new Set(rows.map((r) => r.region_code).filter((x): x is string => !!x))];
  const [files, regions, emails] = await Promise.all([
    findFileMetas(ctx.db, fileIds),
    findRegions(ctx.db, regionCodes),
    withEmails
      ? userEmails(
          ctx.db,
          rows.map((r) => r.updated_by).filter((x): x is string => !!x),
        )
      : Promise.resolve(undefined),
  ]);
  return { files, regionNames: new Map(regions.map((r) => [r.code, r.name])), emails };
}

/** Refuses references to files or regions that do not exist, or of the wrong type. */
async function checkReferences(ctx: ServiceContext, fields: ItemFields): Promise<void> {
  const files = await findFileMetas(
    ctx.db,
    [fields.coverFileId, fields.documentFileId].filter((x): x is string => !!x),
  );
  if (fields.coverFileId) {
    const cover = files.get(fields.coverFileId);
    if (!cover || !cover.mime.startsWith('image/'))
      throw validation('coverFileId', 'an uploaded image (PNG, JPEG, WebP)');
  }
  if (fields.documentFileId && !files.has(fields.documentFileId))
    throw validation('documentFileId', 'an uploaded file');
  if (fields.regionCode && !(await findRegion(ctx.db, fields.regionCode)))
    throw new DomainError('region_not_found', {
      code: fields.regionCode,
      field: 'regionCode',
      allowed: 'a known kode wilayah',
    });
  if (fields.eventStart && fields.eventEnd && fields.eventEnd < fields.eventStart)
    throw validation('eventEnd', 'on or after eventStart');
}

/** What a kind needs before it can be published (also a check constraint of the table). */
function requirePublishable(row: {
  kind: ContentKind;
  document_file_id: string | null;
  event_start: string | null;
  region_code: string | null;
}): void {
  if (row.kind === 'knowledge' && !row.document_file_id)
    throw validation('documentFileId', 'a knowledge product needs its document to be published');
  if (row.kind === 'event' && !row.event_start)
    throw validation('eventStart', 'an event needs its start date to be published');
  if (row.kind === 'practice' && !row.region_code)
    throw validation('regionCode', 'a good practice needs its region to be published');
}

const isUniqueViolation = (error: unknown) =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';

async function editorView(ctx: ServiceContext, row: ContentItemRow): Promise<EditorItem> {
  return presentEditorItem(row, await lookupsFor(ctx, [row], true));
}

/** Runs a write; a unique (kind, slug) violation of a concurrent writer becomes slug_taken. */
async function writing<T>(
  ctx: ServiceContext,
  slug: string,
  work: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  try {
    return await ctx.db.transaction().execute(work);
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError('slug_taken', { field: 'slug', slug });
    throw error;
  }
}

async function recordRevision(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  row: ContentItemRow,
  action: RevisionAction,
  before: ContentItemRow | null,
): Promise<void> {
  await insertRevision(trx, {
    itemId: row.id,
    version: row.version,
    action,
    snapshot: snapshotOf(row),
    actorId: ctx.actor?.id ?? null,
  });
  await audit(trx, ctx, {
    action: action === 'create' ? 'create' : action,
    entity: 'content_item',
    entityId: row.id,
    before: before ? itemAuditView(before) : undefined,
    after: itemAuditView(row),
  });
}

// ── CMS ──

export async function createItem(ctx: ServiceContext, input: CreateItemInput): Promise<EditorItem> {
  const actor = requireContentWriter(ctx);
  await checkReferences(ctx, input);
  let slug: string;
  if (input.slug) {
    if ((await slugsLike(ctx.db, input.kind, input.slug)).has(input.slug))
      throw new DomainError('slug_taken', { field: 'slug', slug: input.slug });
    slug = input.slug;
  } else {
    const base = slugify(input.title);
    slug = uniqueSlug(base, await slugsLike(ctx.db, input.kind, base));
  }
  const row = await writing(ctx, slug, async (trx) => {
    const inserted = await insertContentItem(trx, {
      id: randomUUID(),
      kind: input.kind,
      slug,
      status: 'draft',
      ...columnsOf(input),
      created_by: actor.id,
      updated_by: actor.id,
    });
    await recordRevision(trx, ctx, inserted, 'create', null);
    return inserted;
  });
  return editorView(ctx, row);
}

export async function readEditorItem(ctx: ServiceContext, id: string): Promise<EditorItem> {
  requireContentWriter(ctx);
  const row = await findContentItem(ctx.db, id);
  if (!row) throw new DomainError('not_found', { what: 'content item' });
  return editorView(ctx, row);
}

export async function listItemsForEditor(
  ctx: ServiceContext,
  filter: { kind?: ContentKind; status?: 'draft' | 'published'; q?: string },
): Promise<Omit<EditorItem, 'bodyHtml'>[]> {
  requireContentWriter(ctx);
  const rows = await listEditorItems(ctx.db, { ...filter, limit: 500 });
  const lookups = await lookupsFor(ctx, rows, true);
  return rows.map((r) => withoutBody(presentEditorItem(r, lookups)));
}

/** Locks the item and checks the version; the row as it was. */
async function lockAt(
  trx: Transaction<Database>,
  id: string,
  version: number | null,
): Promise<ContentItemRow> {
  const row = await lockContentItem(trx, id);
  if (!row) throw new DomainError('not_found', { what: 'content item' });
  if (version !== null && row.version !== version)
    throw new DomainError('version_conflict', {
      field: 'version',
      current: row.version,
      sent: version,
    });
  return row;
}

async function change(
  trx: Transaction<Database>,
  before: ContentItemRow,
  changes: Parameters<typeof updateContentItemRow>[3],
): Promise<ContentItemRow> {
  const after = await updateContentItemRow(trx, before.id, before.version, changes);
  if (!after)
    throw new DomainError('version_conflict', {
      field: 'version',
      current: 'newer',
      sent: before.version,
    });
  return after;
}

export async function updateItem(
  ctx: ServiceContext,
  id: string,
  input: UpdateItemInput,
): Promise<EditorItem> {
  const actor = requireContentWriter(ctx);
  await checkReferences(ctx, input);
  const row = await writing(ctx, input.slug, async (trx) => {
    const before = await lockAt(trx, id, input.version);
    if (
      input.slug !== before.slug &&
      (await slugsLike(trx, before.kind, input.slug, id)).has(input.slug)
    )
      throw new DomainError('slug_taken', { field: 'slug', slug: input.slug });
    const columns = columnsOf(input);
    if (before.status === 'published') requirePublishable({ kind: before.kind, ...columns });
    const after = await change(trx, before, {
      slug: input.slug,
      ...columns,
      updated_by: actor.id,
    });
    await recordRevision(trx, ctx, after, 'update', before);
    return after;
  });
  return editorView(ctx, row);
}

export async function setPublished(
  ctx: ServiceContext,
  id: string,
  version: number,
  publish: boolean,
): Promise<EditorItem> {
  const actor = requireContentWriter(ctx);
  const row = await ctx.db.transaction().execute(async (trx) => {
    const before = await lockAt(trx, id, version);
    if (publish) requirePublishable(before);
    const after = await change(trx, before, {
      status: publish ? 'published' : 'draft',
      published_at: before.published_at ?? (publish ? ctx.now() : null),
      updated_by: actor.id,
    });
    await recordRevision(trx, ctx, after, publish ? 'publish' : 'unpublish', before);
    return after;
  });
  return editorView(ctx, row);
}

export async function deleteItem(ctx: ServiceContext, id: string): Promise<void> {
  requireContentWriter(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const before = await lockAt(trx, id, null);
    await deleteContentItem(trx, id);
    await audit(trx, ctx, {
      action: 'delete',
      entity: 'content_item',
      entityId: id,
      before: itemAuditView(before),
    });
  });
}

export async function itemRevisions(ctx: ServiceContext, id: string) {
  requireContentWriter(ctx);
  const rows = await listRevisions(ctx.db, id);
  if (rows.length === 0 && !(await findContentItem(ctx.db, id)))
    throw new DomainError('not_found', { what: 'content item' });
  return rows.map((r) => {
    const snap = r.snapshot as Snapshot;
    return {
      version: r.version,
      at: new Date(r.at).toISOString(),
      actorEmail: r.actor_email,
      action: r.action,
      title: snap.title,
      status: snap.status,
    };
  });
}

/** A new version whose content is the old one's, as a draft (the editors' undo). */
export async function restoreRevision(
  ctx: ServiceContext,
  id: string,
  version: number,
): Promise<EditorItem> {
  const actor = requireContentWriter(ctx);
  const revision = await findRevision(ctx.db, id, version);
  if (!revision) throw new DomainError('not_found', { what: 'revision' });
  const snap = revision.snapshot as Snapshot;
  const files = await findFileMetas(
    ctx.db,
    [snap.coverFileId, snap.documentFileId].filter((x): x is string => !!x),
  );
  const row = await writing(ctx, snap.slug, async (trx) => {
    const before = await lockAt(trx, id, null);
    if (
      snap.slug !== before.slug &&
      (await slugsLike(trx, before.kind, snap.slug, id)).has(snap.slug)
    )
      throw new DomainError('slug_taken', { field: 'slug', slug: snap.slug });
    const after = await change(trx, before, {
      slug: snap.slug,
      status: 'draft',
      title: snap.title,
      summary: snap.summary,
      body_html: sanitizeBody(snap.bodyHtml),
      tags: snap.tags,
      author: snap.author,
      cover_file_id: snap.coverFileId && files.has(snap.coverFileId) ? snap.coverFileId : null,
      document_file_id:
        snap.documentFileId && files.has(snap.documentFileId) ? snap.documentFileId : null,
      document_type: snap.documentType,
      region_code: snap.regionCode,
      intervention_type: snap.interventionType,
      event_start: snap.eventStart,
      event_end: snap.eventEnd,
      location: snap.location,
      updated_by: actor.id,
    });
    await recordRevision(trx, ctx, after, 'restore', before);
    return after;
  });
  return editorView(ctx, row);
}

// ── public ──

/** A published item; drafts and missing items are the same 404. */
export async function publicItem(
  ctx: ServiceContext,
  kind: ContentKind,
  slug: string,
): Promise<PublicItem> {
  const row = await findPublishedItem(ctx.db, kind, slug);
  if (!row) throw new DomainError('not_found', { what: 'content item' });
  return presentPublicItem(row, await lookupsFor(ctx, [row]));
}

export async function publicItemList(
  ctx: ServiceContext,
  params: { kind: ContentKind; tag?: string; page: number; pageSize: number; today: string },
): Promise<ItemList> {
  const [{ rows, total }, tags] = await Promise.all([
    listPublishedItems(ctx.db, {
      kind: params.kind,
      tag: params.tag,
      limit: params.pageSize,
      offset: (params.page - 1) * params.pageSize,
      today: params.today,
    }),
    publishedTags(ctx.db, params.kind),
  ]);
  const lookups = await lookupsFor(ctx, rows);
  return {
    items: rows.map((r) => withoutBody(presentPublicItem(r, lookups))),
    total,
    page: params.page,
    pageSize: params.pageSize,
    tags,
  };
}
