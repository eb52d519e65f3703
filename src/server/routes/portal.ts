import type { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, okSchema } from '../../contract/common.ts';
import {
  createItemBodySchema,
  datasetListSchema,
  editorItemSchema,
  editorListQuerySchema,
  editorListSchema,
  fileListSchema,
  fileRefSchema,
  idParams,
  itemListQuerySchema,
  itemListSchema,
  itemParams,
  portalSettingsResponseSchema,
  portalSettingsSchema,
  publicItemSchema,
  publicSettingsResponseSchema,
  restoreParams,
  revisionListSchema,
  updateItemBodySchema,
  uploadLimits,
  versionBodySchema,
} from '../../contract/portal.ts';
import { localDateAt, utcOffsetOfRegion } from '../../core/deaths/time-zone.ts';
import { renderRobots } from '../../core/portal/web.ts';
import { datasets } from '../../services/portal/datasets.ts';
import { rssFeed, sitemap } from '../../services/portal/feeds.ts';
import {
  fileToServe,
  limitOf,
  listFiles,
  MAX_UPLOAD_BYTES,
  storeUpload,
  tooLarge,
} from '../../services/portal/files.ts';
import {
  createItem,
  deleteItem,
  itemRevisions,
  listItemsForEditor,
  publicItem,
  publicItemList,
  readEditorItem,
  requireContentWriter,
  restoreRevision,
  setPublished,
  updateItem,
} from '../../services/portal/items.ts';
import {
  editorSettings,
  publicSettings,
  readSettings,
  saveSettings,
} from '../../services/portal/settings.ts';
import { requireActor } from '../plugins/session.ts';

const tags = ['portal'];
const publicErrors = errorResponses(400, 404);
const errors = errorResponses(400, 401, 403, 404, 409);
const itemResponse = z.object({ item: editorItemSchema });

/** The scheme and host the request came to (behind a trusted proxy: the forwarded ones). */
export const originOf = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

/** Reads a raw upload, refusing it (413) as soon as it passes `limit` bytes. */
async function readLimited(stream: Readable, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    size += buffer.length;
    if (size > limit) {
      stream.resume();
      throw tooLarge();
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * The public portal and its CMS (docs/portal.md). Public: settings, published items and the files
 * they use. Editors (content:write): items with revisions, files, settings.
 */
export const portalRoutes: FastifyPluginAsyncZod = async (app) => {
  // Plain-text fields may hold "<" (they are text, never HTML); escaped in the JSON too, so no
  // answer of the portal ever carries a raw tag outside the sanitised bodies' strings.
  app.addHook('onSend', async (_request, reply, payload) => {
    const type = String(reply.getHeader('content-type') ?? '');
    return typeof payload === 'string' && type.startsWith('application/json')
      ? payload.replace(/</g, '\\u003c').replace(/>/g, '\\u003e')
      : payload;
  });

  // ── public ──

  app.get(
    '/api/portal/settings',
    {
      schema: {
        tags,
        summary: "The portal's name, home region, colours, logo and contact (public)",
        response: { 200: publicSettingsResponseSchema },
      },
    },
    async (request) => publicSettings(request.ctx.db),
  );

  app.get(
    '/api/portal/items',
    {
      schema: {
        tags,
        summary: 'Published items of a kind, newest first (events: upcoming soonest first)',
        querystring: itemListQuerySchema,
        response: { 200: itemListSchema, ...publicErrors },
      },
    },
    async (request) => {
      const settings = await readSettings(request.ctx.db);
      const today = localDateAt(request.ctx.now(), utcOffsetOfRegion(settings.homeRegion));
      return publicItemList(request.ctx, { ...request.query, today });
    },
  );

  app.get(
    '/api/portal/items/:kind/:slug',
    {
      schema: {
        tags,
        summary: 'A published item (drafts answer 404 like missing items)',
        params: itemParams,
        response: { 200: publicItemSchema, ...publicErrors },
      },
    },
    async (request) => publicItem(request.ctx, request.params.kind, request.params.slug),
  );

  app.get(
    '/api/portal/files/:id/:name',
    {
      schema: {
        tags,
        summary: 'A file used by a published item or the settings (editors: any file)',
        params: z.object({ id: z.uuid(), name: z.string().max(200) }),
      },
    },
    async (request, reply) => {
      const file = await fileToServe(request.ctx, request.params.id, request.params.name);
      const image = file.mime.startsWith('image/');
      return reply
        .type(file.mime)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'")
        .header(
          'content-disposition',
          image ? 'inline' : `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
        )
        .header('cache-control', 'public, max-age=86400')
        .header('content-length', file.bytes.length)
        .send(file.bytes);
    },
  );

  app.get(
    '/api/portal/datasets',
    {
      schema: {
        tags,
        summary: 'The open-data catalogue: every public dataset with its download links',
        response: { 200: datasetListSchema },
      },
    },
    async (request) => datasets(request.ctx),
  );

  app.get(
    '/rss.xml',
    { schema: { tags, summary: 'RSS 2.0 of the 20 latest news' } },
    async (request, reply) =>
      reply
        .type('application/rss+xml; charset=utf-8')
        .header('cache-control', 'public, max-age=600')
        .send(await rssFeed(request.ctx, originOf(request))),
  );

  app.get(
    '/sitemap.xml',
    { schema: { tags, summary: 'Sitemap of the portal pages and published items' } },
    async (request, reply) =>
      reply
        .type('application/xml; charset=utf-8')
        .header('cache-control', 'public, max-age=600')
        .send(await sitemap(request.ctx, originOf(request))),
  );

  app.get(
    '/robots.txt',
    { schema: { tags, summary: 'Crawlers: everything but /api/ and /cms' } },
    async (request, reply) =>
      reply
        .type('text/plain; charset=utf-8')
        .header('cache-control', 'public, max-age=3600')
        .send(renderRobots(originOf(request))),
  );

  // ── CMS (content:write) ──

  const cms: FastifyPluginAsyncZod = async (secured) => {
    secured.addHook('preHandler', async (request) => {
      requireActor(request);
      requireContentWriter(request.ctx);
    });

    secured.get(
      '/api/portal/admin/items',
      {
        schema: {
          tags,
          summary: 'Every item (drafts too) for the CMS, last changed first',
          querystring: editorListQuerySchema,
          response: { 200: editorListSchema, ...errors },
        },
      },
      async (request) => ({ items: await listItemsForEditor(request.ctx, request.query) }),
    );

    secured.post(
      '/api/portal/admin/items',
      {
        schema: {
          tags,
          summary:
            'Create a draft (slug from the title when absent; a taken slug → 409 slug_taken)',
          body: createItemBodySchema,
          response: { 201: itemResponse, ...errors },
        },
      },
      async (request, reply) => {
        const item = await createItem(request.ctx, request.body);
        return reply.status(201).send({ item });
      },
    );

    secured.get(
      '/api/portal/admin/items/:id',
      {
        schema: {
          tags,
          summary: 'An item as the editor sees it',
          params: idParams,
          response: { 200: itemResponse, ...errors },
        },
      },
      async (request) => ({ item: await readEditorItem(request.ctx, request.params.id) }),
    );

    secured.put(
      '/api/portal/admin/items/:id',
      {
        schema: {
          tags,
          summary: 'Save an item (a stale version → 409 version_conflict)',
          params: idParams,
          body: updateItemBodySchema,
          response: { 200: itemResponse, ...errors },
        },
      },
      async (request) => ({
        item: await updateItem(request.ctx, request.params.id, request.body),
      }),
    );

    for (const [path, publish] of [
      ['publish', true],
      ['unpublish', false],
    ] as const) {
      secured.post(
        `/api/portal/admin/items/:id/${path}`,
        {
          schema: {
            tags,
            summary: publish
              ? 'Publish (refused while a field the kind needs is missing)'
              : 'Unpublish (back to draft; the first publication date is kept)',
            params: idParams,
            body: versionBodySchema,
            response: { 200: itemResponse, ...errors },
          },
        },
        async (request) => ({
          item: await setPublished(request.ctx, request.params.id, request.body.version, publish),
        }),
      );
    }

    secured.delete(
      '/api/portal/admin/items/:id',
      {
        schema: {
          tags,
          summary: 'Delete an item (audited; its revisions are kept)',
          params: idParams,
          response: { 200: okSchema, ...errors },
        },
      },
      async (request) => {
        await deleteItem(request.ctx, request.params.id);
        return { ok: true as const };
      },
    );

    secured.get(
      '/api/portal/admin/items/:id/revisions',
      {
        schema: {
          tags,
          summary: 'Saved versions of an item, newest first',
          params: idParams,
          response: { 200: revisionListSchema, ...errors },
        },
      },
      async (request) => ({ revisions: await itemRevisions(request.ctx, request.params.id) }),
    );

    secured.post(
      '/api/portal/admin/items/:id/revisions/:version/restore',
      {
        schema: {
          tags,
          summary: "Restore a version: a new draft version with the old one's content (undo)",
          params: restoreParams,
          response: { 200: itemResponse, ...errors },
        },
      },
      async (request) => ({
        item: await restoreRevision(request.ctx, request.params.id, request.params.version),
      }),
    );

    secured.get(
      '/api/portal/admin/files',
      {
        schema: {
          tags,
          summary: 'Uploaded files, newest first',
          response: { 200: fileListSchema, ...errors },
        },
      },
      async (request) => ({ files: await listFiles(request.ctx) }),
    );

    secured.get(
      '/api/portal/admin/settings',
      {
        schema: {
          tags,
          summary: 'The portal settings as stored (defaults until saved)',
          response: { 200: portalSettingsResponseSchema, ...errors },
        },
      },
      async (request) => editorSettings(request.ctx),
    );

    secured.put(
      '/api/portal/admin/settings',
      {
        schema: {
          tags,
          summary: 'Save the settings (a primary colour below 4.5:1 on white is refused)',
          body: portalSettingsSchema,
          response: { 200: publicSettingsResponseSchema, ...errors },
        },
      },
      async (request) => saveSettings(request.ctx, request.body),
    );

    // Uploads: any content type reaches the handler as a stream, so refusals have our codes.
    const uploads: FastifyPluginAsyncZod = async (scope) => {
      scope.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
      scope.addContentTypeParser(Object.keys(uploadLimits), (_request, payload, done) =>
        done(null, payload),
      );
      scope.post(
        '/api/portal/admin/files',
        {
          bodyLimit: MAX_UPLOAD_BYTES,
          schema: {
            tags,
            summary: 'Upload an image (≤ 5 MB) or PDF (≤ 20 MB) as the raw body',
            description:
              'Content-Type image/png, image/jpeg, image/webp or application/pdf, matching the bytes (else 415 unsupported_file_type); x-file-name header URL-encoded (cleaned to [A-Za-z0-9._-]). Too big → 413 file_too_large. Nothing is stored on refusal.',
            headers: z.object({ 'x-file-name': z.string().max(500).optional() }),
            response: { 201: fileRefSchema, ...errorResponses(400, 401, 403, 413, 415) },
          },
        },
        async (request, reply) => {
          requireContentWriter(request.ctx);
          const limit = limitOf(request.headers['content-type']);
          const declared = Number(request.headers['content-length'] ?? 0);
          if (declared > limit) throw tooLarge();
          const bytes = await readLimited(request.body as Readable, limit);
          const file = await storeUpload(request.ctx, {
            contentType: request.headers['content-type'],
            fileName: request.headers['x-file-name'],
            bytes,
          });
          return reply.status(201).send(file);
        },
      );
    };
    await secured.register(uploads);
  };
  await app.register(cms);
};
