/**
 * The SQL of the portal (migration 0010): content items, their revisions and files. Public reads
 * always filter on status = 'published'; the service layer decides who may write.
 */
import { sql, type Kysely, type Transaction, type Updateable } from 'kysely';
import type {
  ContentFileRow,
  ContentItemRow,
  ContentItemTable,
  ContentRevisionRow,
  Database,
  NewContentItem,
} from '../types.ts';

type Q = Kysely<Database> | Transaction<Database>;
type Kind = ContentItemRow['kind'];

export async function insertContentItem(db: Q, row: NewContentItem): Promise<ContentItemRow> {
  return db.insertInto('content_item').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findContentItem(db: Q, id: string): Promise<ContentItemRow | undefined> {
  return db.selectFrom('content_item').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function lockContentItem(db: Transaction<Database>, id: string) {
  return db
    .selectFrom('content_item')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** A published item by kind and slug (never a draft). */
export async function findPublishedItem(
  db: Q,
  kind: Kind,
  slug: string,
): Promise<ContentItemRow | undefined> {
  return db
    .selectFrom('content_item')
    .selectAll()
    .where('kind', '=', kind)
    .where('slug', '=', slug)
    .where('status', '=', 'published')
    .executeTakeFirst();
}

/** Slugs of a kind equal to `base` or `base-N` (to make a free one), except the item itself. */
export async function slugsLike(
  db: Q,
  kind: Kind,
  base: string,
  exceptId?: string,
): Promise<Set<string>> {
  let query = db
    .selectFrom('content_item')
    .select('slug')
    .where('kind', '=', kind)
    .where((eb) => eb.or([eb('slug', '=', base), eb('slug', 'like', `${base}-%`)]));
  if (exceptId) query = query.where('id', '<>', exceptId);
  return new Set((await query.execute()).map((r) => r.slug));
}

/** Updates the item if still at `version`, bumping it; undefined when someone changed it first. */
export async function updateContentItemRow(
  db: Q,
  id: string,
  version: number,
  changes: Updateable<ContentItemTable>,
): Promise<ContentItemRow | undefined> {
  return db
    .updateTable('content_item')
    .set({ ...changes, version: sql<number>`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export async function deleteContentItem(db: Q, id: string): Promise<void> {
  await db.deleteFrom('content_item').where('id', '=', id).execute();
}

export interface PublishedFilter {
  kind: Kind;
  tag?: string | null;
  limit: number;
  offset: number;
  /** Events: upcoming (eventStart ≥ today) soonest first, then past ones latest first. */
  today?: string;
}

/** Published items of a kind: newest first (events by date, see PublishedFilter.today). */
export async function listPublishedItems(db: Q, filter: PublishedFilter) {
  let query = db
    .selectFrom('content_item')
    .selectAll()
    .where('kind', '=', filter.kind)
    .where('status', '=', 'published');
  if (filter.tag) query = query.where(sql<boolean>`${filter.tag} = any(tags)`);
  const countQuery = query.clearSelect().select((eb) => eb.fn.countAll<number>().as('n'));
  if (filter.kind === 'event' && filter.today) {
    const today = filter.today;
    query = query
      .orderBy(sql`case when coalesce(event_end, event_start) >= ${today}::date then 0 else 1 end`)
      .orderBy(
        sql`case when coalesce(event_end, event_start) >= ${today}::date then event_start end`,
        'asc',
      )
      .orderBy('event_start', 'desc');
  } else {
    query = query.orderBy('published_at', 'desc');
  }
  const [rows, count] = await Promise.all([
    query.orderBy('id').limit(filter.limit).offset(filter.offset).execute(),
    countQuery.executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Every tag used by published items of a kind, with how many, most used first. */
export async function publishedTags(db: Q, kind: Kind): Promise<{ tag: string; count: number }[]> {
  const result = await sql<{ tag: string; count: number | string }>`
    select t.tag, count(*) as count
      from content_item i cross join lateral unnest(i.tags) as t(tag)
     where i.kind = ${kind} and i.status = 'published'
     group by t.tag order by count(*) desc, t.tag`.execute(db);
  return result.rows.map((r) => ({ tag: r.tag, count: Number(r.count) }));
}

/** The latest published items of every kind (sitemap) or one kind (RSS). */
export async function latestPublished(db: Q, params: { kind?: Kind; limit: number }) {
  let query = db.selectFrom('content_item').selectAll().where('status', '=', 'published');
  if (params.kind) query = query.where('kind', '=', params.kind);
  return query.orderBy('published_at', 'desc').orderBy('id').limit(params.limit).execute();
}

export interface EditorFilter {
  kind?: Kind;
  status?: 'draft' | 'published';
  q?: string;
  limit: number;
}

/** Items for the CMS list, last changed first. */
export async function listEditorItems(db: Q, filter: EditorFilter): Promise<ContentItemRow[]> {
  let query = db.selectFrom('content_item').selectAll();
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.q) {
    const like = `%${filter.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['title']), 'like', like),
        eb(eb.fn('lower', ['slug']), 'like', like),
        eb(eb.fn('lower', ['summary']), 'like', like),
      ]),
    );
  }
  return query.orderBy('updated_at', 'desc').orderBy('id').limit(filter.limit).execute();
}

// ── revisions ──

export async function insertRevision(
  db: Q,
  row: {
    itemId: string;
    version: number;
    action: ContentRevisionRow['action'];
    snapshot: unknown;
    actorId: string | null;
  },
): Promise<void> {
  await db
    .insertInto('content_revision')
    .values({
      item_id: row.itemId,
      version: row.version,
      action: row.action,
      snapshot: JSON.stringify(row.snapshot),
      actor_id: row.actorId,
    })
    .execute();
}

export async function listRevisions(db: Q, itemId: string) {
  return db
    .selectFrom('content_revision as r')
    .leftJoin('app_user as u', 'u.id', 'r.actor_id')
    .select(['r.version', 'r.action', 'r.snapshot', 'r.at', 'u.email as actor_email'])
    .where('r.item_id', '=', itemId)
    .orderBy('r.version', 'desc')
    .execute();
}

export async function findRevision(db: Q, itemId: string, version: number) {
  return db
    .selectFrom('content_revision')
    .selectAll()
    .where('item_id', '=', itemId)
    .where('version', '=', version)
    .executeTakeFirst();
}

/** Emails of users by id (the "last edited by" of the CMS). */
export async function userEmails(db: Q, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('app_user')
    .select(['id', 'email'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.email]));
}

// ── files ──

export type ContentFileMeta = Omit<ContentFileRow, 'bytes'>;
const fileMeta = ['id', 'name', 'mime', 'size', 'sha256', 'created_at', 'created_by'] as const;

export async function insertContentFile(
  db: Q,
  row: Omit<ContentFileRow, 'created_at'>,
): Promise<ContentFileMeta> {
  return db.insertInto('content_file').values(row).returning(fileMeta).executeTakeFirstOrThrow();
}

/** A file with its bytes. */
export async function findContentFile(db: Q, id: string): Promise<ContentFileRow | undefined> {
  return db.selectFrom('content_file').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findFileMetas(db: Q, ids: string[]): Promise<Map<string, ContentFileMeta>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom('content_file')
    .select(fileMeta)
    .where('id', 'in', unique)
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

export async function listFileMetas(db: Q, limit: number): Promise<ContentFileMeta[]> {
  return db
    .selectFrom('content_file')
    .select(fileMeta)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Whether a published item uses the file (cover, document, or in its body). */
export async function fileUsedByPublished(db: Q, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('content_item')
    .select('id')
    .where('status', '=', 'published')
    .where((eb) =>
      eb.or([
        eb('cover_file_id', '=', id),
        eb('document_file_id', '=', id),
        eb('body_html', 'like', `%/api/portal/files/${id}/%`),
      ]),
    )
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
