import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponseSchema } from '../../contract/common.ts';
import {
  commitQuerySchema,
  exportFormatParams,
  exportQuerySchema,
  importDetailSchema,
  importIdParams,
  importListQuerySchema,
  importListSchema,
  importSchema,
  measurementExportQuerySchema,
  uploadQuerySchema,
} from '../../contract/imports.ts';
import { DomainError } from '../../core/errors.ts';
import { TEMPLATE_EXAMPLES, TEMPLATE_HEADERS } from '../../core/import/template.ts';
import { csvStream, xlsxStream, type ExportColumn } from '../../services/export/table-export.ts';
import {
  assertMayImport,
  beginCommit,
  firstImportIssues,
  importReport,
  listImports,
  registerImport,
  runImport,
  type ImportBatchRow,
  type ImportIssueRow,
} from '../../services/import/imports.ts';
import { importStatus, startImportJob } from '../../services/import/jobs.ts';
import type { ServiceContext } from '../../services/context.ts';
import {
  childExportColumns,
  exportChildren,
  exportMeasurements,
  measurementExportColumns,
} from '../../services/import/registry-export.ts';
import { requestLang } from '../errors.ts';
import { requireActor } from '../plugins/session.ts';
import { presentImport, presentIssue } from '../presenters/imports.ts';

const tags = ['imports'];
const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
  413: errorResponseSchema,
  415: errorResponseSchema,
};

/** Media types an upload may be sent as: the raw file is the body. */
export const UPLOAD_TYPES = [
  'application/octet-stream',
  'text/csv',
  'application/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-excel',
];
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** A previewed upload waits this long for its commit, then is deleted. */
const UPLOAD_TTL_MS = 24 * 3600_000;

const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;

/** Streams the request body to `target`, refusing more than `maxBytes`; nothing stays on failure. */
export async function saveUpload(
  body: Readable,
  target: string,
  maxBytes: number,
): Promise<number> {
  let bytes = 0;
  const cap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      if (bytes > maxBytes) return done(new DomainError('import_too_large', { max: mb(maxBytes) }));
      done(null, chunk);
    },
  });
  try {
    await pipeline(body, cap, createWriteStream(target, { flags: 'wx' }));
  } catch (error) {
    await rm(target, { force: true });
    body.resume();
    throw error;
  }
  return bytes;
}

/** Deletes uploads older than a day (previews never committed). */
async function sweepUploads(dir: string, now: number): Promise<void> {
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (!name.endsWith('.upload')) continue;
    const file = path.join(dir, name);
    const info = await stat(file).catch(() => null);
    if (info && now - info.mtimeMs > UPLOAD_TTL_MS) await rm(file, { force: true });
  }
}

const templateColumns: ExportColumn<(string | number | null)[]>[] = TEMPLATE_HEADERS.map(
  (header, i) => ({ header, value: (row) => row[i], width: Math.max(12, header.length + 2) }),
);

/**
 * File import (preview, commit, report, template) and the scope's export. Uploads are the raw
 * body (no multipart), streamed to a file under the data directory with a size cap.
 */
export function importRoutes(options: {
  uploadsDir: string;
  maxBytes: number;
  /** On PostgreSQL two chunks are written at once (services/import ImportOptions.parallelWrites). */
  postgres?: boolean;
}): FastifyPluginAsyncZod {
  const parallelWrites = options.postgres ? 2 : 1;
  const uploadPath = (id: string) => path.join(options.uploadsDir, `${id}.upload`);

  const template: FastifyPluginAsyncZod = async (app) => {
    app.get(
      '/api/imports/template.:format',
      {
        schema: {
          tags,
          summary: 'The import template: every accepted column and two example rows (made up)',
          params: exportFormatParams,
        },
      },
      async (request, reply) => {
        const { format } = request.params;
        void reply.header(
          'content-disposition',
          `attachment; filename="templat-impor-tumbuh.${format}"`,
        );
        if (format === 'csv')
          return reply
            .type('text/csv; charset=utf-8')
            .send(csvStream(templateColumns, TEMPLATE_EXAMPLES));
        return reply.type(XLSX_TYPE).send(xlsxStream('Data', templateColumns, TEMPLATE_EXAMPLES));
      },
    );
  };

  const records: FastifyPluginAsyncZod = async (secured) => {
    // The body is the file, left as a stream for the handler (no size-limited buffering).
    secured.addContentTypeParser(UPLOAD_TYPES, (_request, payload, done) => done(null, payload));
    secured.addHook('preHandler', async (request) => {
      requireActor(request);
    });

    secured.put(
      '/api/imports',
      {
        schema: {
          tags,
          summary:
            'Upload a CSV/XLSX register (raw body) to preview (dryRun=true, default) or import it',
          description:
            'Send the file as the body with Content-Type application/octet-stream (or text/csv, or the XLSX type). ' +
            'Answers 202 with the import record; poll GET /api/imports/:id for status and progress ' +
            '(or send wait=true to get the finished import). See docs/import-format.md.',
          querystring: uploadQuerySchema,
          response: { 200: importDetailSchema, 202: importSchema, ...errors },
        },
      },
      async (request, reply) => {
        assertMayImport(request.ctx);
        const { name, dryRun, sheet, wait } = request.query;
        const declared = Number(request.headers['content-length'] ?? 0);
        if (declared > options.maxBytes)
          throw new DomainError('import_too_large', { max: mb(options.maxBytes) });
        const body = request.body as Readable | undefined;
        if (!body || typeof (body as { pipe?: unknown }).pipe !== 'function')
          throw new DomainError('validation_failed', {
            field: 'content-type',
            summary: 'the file as the request body (application/octet-stream)',
            allowed: UPLOAD_TYPES.join(', '),
          });
        await mkdir(options.uploadsDir, { recursive: true });
        void sweepUploads(options.uploadsDir, Date.now());
        const id = randomUUID();
        const file = uploadPath(id);
        await saveUpload(body, file, options.maxBytes);
        const mode = dryRun ? 'preview' : 'commit';
        let batch: ImportBatchRow;
        try {
          batch = await registerImport(request.ctx, { path: file, name }, mode, { id });
        } catch (error) {
          await rm(file, { force: true });
          throw error;
        }
        const lang = requestLang(request);
        if (!wait) {
          startImportJob(request.ctx, id, file, mode, { sheet: sheet ?? null, parallelWrites });
          return reply.status(202).send(presentImport(batch, lang));
        }
        return reply.send(await runNow(request.ctx, id, file, mode, sheet ?? null, lang));
      },
    );

    async function runNow(
      ctx: ServiceContext,
      id: string,
      file: string,
      mode: 'preview' | 'commit',
      sheet: string | null,
      lang: ReturnType<typeof requestLang>,
    ) {
      try {
        const { batch } = await runImport(ctx, id, file, mode, { sheet, parallelWrites });
        const issues = await firstImportIssues(ctx, id);
        if (mode === 'commit') await rm(file, { force: true });
        return detail(batch, issues, lang);
      } catch (error) {
        await rm(file, { force: true });
        // The import is on record (status failed): say which one.
        if (error instanceof DomainError)
          throw new DomainError(error.code, { ...error.details, importId: id });
        throw error;
      }
    }

    const detail = (batch: ImportBatchRow, issues: ImportIssueRow[], lang: 'id' | 'en') => ({
      ...presentImport(batch, lang),
      issues: issues.map((i) => presentIssue(i, lang)),
    });

    secured.get(
      '/api/imports',
      {
        schema: {
          tags,
          summary: 'Imports of your scope, newest first (a kader: their own)',
          querystring: importListQuerySchema,
          response: { 200: importListSchema, ...errors },
        },
      },
      async (request) => {
        const lang = requestLang(request);
        return {
          items: (await listImports(request.ctx, request.query)).map((b) => presentImport(b, lang)),
        };
      },
    );

    secured.get(
      '/api/imports/:id',
      {
        schema: {
          tags,
          summary:
            'An import: status, progress (poll while previewing/committing), counts, first issues',
          params: importIdParams,
          response: { 200: importDetailSchema, ...errors },
        },
      },
      async (request) => {
        const batch = await importStatus(request.ctx, request.params.id);
        return detail(batch, await firstImportIssues(request.ctx, batch.id), requestLang(request));
      },
    );

    secured.get(
      '/api/imports/:id/report.csv',
      {
        schema: {
          tags,
          summary: 'The per-row report of an import as CSV: row, column, severity, code, message',
          params: importIdParams,
        },
      },
      async (request, reply) => {
        const batch = await importStatus(request.ctx, request.params.id);
        const lang = requestLang(request);
        const columns: ExportColumn<ImportIssueRow>[] = [
          { header: lang === 'en' ? 'Row' : 'Baris', value: (i) => i.row_number },
          { header: lang === 'en' ? 'Column' : 'Kolom', value: (i) => i.column_name },
          {
            header: lang === 'en' ? 'Severity' : 'Tingkat',
            value: (i) =>
              lang === 'en' ? i.severity : i.severity === 'error' ? 'galat' : 'peringatan',
          },
          { header: lang === 'en' ? 'Code' : 'Kode', value: (i) => i.code },
          {
            header: lang === 'en' ? 'Message' : 'Keterangan',
            value: (i) => presentIssue(i, lang).message,
          },
        ];
        const base = batch.file_name
          .replace(/\.[^.]*$/, '')
          .replace(/[^\w.-]+/g, '_')
          .slice(0, 80);
        return reply
          .header('content-disposition', `attachment; filename="laporan-impor-${base}.csv"`)
          .header('cache-control', 'no-store')
          .type('text/csv; charset=utf-8')
          .send(csvStream(columns, importReport(request.ctx, batch.id)));
      },
    );

    secured.post(
      '/api/imports/:id/commit',
      {
        schema: {
          tags,
          summary: 'Import a previewed file (the same upload, checked by its SHA-256)',
          params: importIdParams,
          querystring: commitQuerySchema,
          response: { 200: importDetailSchema, 202: importSchema, ...errors },
        },
      },
      async (request, reply) => {
        const { id } = request.params;
        const file = uploadPath(id);
        const batch = await beginCommit(request.ctx, id, file);
        const lang = requestLang(request);
        if (!request.query.wait) {
          startImportJob(request.ctx, id, file, 'commit', { sheet: batch.sheet, parallelWrites });
          return reply.status(202).send(presentImport(batch, lang));
        }
        return reply.send(await runNow(request.ctx, id, file, 'commit', batch.sheet, lang));
      },
    );

    secured.get(
      '/api/export/children.:format',
      {
        schema: {
          tags,
          summary: 'Children of your scope (personal data), CSV or XLSX, streamed',
          params: exportFormatParams,
          querystring: exportQuerySchema,
        },
      },
      async (request, reply) => {
        const { format } = request.params;
        const { scope, rows } = await exportChildren(request.ctx, {
          regionCode: request.query.region,
          posyanduId: request.query.posyanduId,
          format,
        });
        void reply
          .header(
            'content-disposition',
            `attachment; filename="anak-${scope.regionCode}.${format}"`,
          )
          .header('cache-control', 'no-store');
        if (format === 'csv')
          return reply.type('text/csv; charset=utf-8').send(csvStream(childExportColumns, rows));
        return reply.type(XLSX_TYPE).send(xlsxStream('Anak', childExportColumns, rows));
      },
    );

    secured.get(
      '/api/export/measurements.:format',
      {
        schema: {
          tags,
          summary:
            'Current measurements of your scope with z-scores and status (personal data), CSV or XLSX, streamed',
          params: exportFormatParams,
          querystring: measurementExportQuerySchema,
        },
      },
      async (request, reply) => {
        const { format } = request.params;
        const { scope, rows } = await exportMeasurements(request.ctx, {
          regionCode: request.query.region,
          posyanduId: request.query.posyanduId,
          from: request.query.from,
          to: request.query.to,
          format,
        });
        void reply
          .header(
            'content-disposition',
            `attachment; filename="pengukuran-${scope.regionCode}.${format}"`,
          )
          .header('cache-control', 'no-store');
        if (format === 'csv')
          return reply
            .type('text/csv; charset=utf-8')
            .send(csvStream(measurementExportColumns, rows));
        return reply.type(XLSX_TYPE).send(xlsxStream('Pengukuran', measurementExportColumns, rows));
      },
    );
  };

  return async (app) => {
    await app.register(template);
    await app.register(records);
  };
}
