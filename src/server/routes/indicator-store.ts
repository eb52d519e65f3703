import { randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../contract/common.ts';
import {
  catalogueSchema,
  indicatorValuesBodySchema,
  indicatorValuesImportQuerySchema,
  indicatorValuesImportSchema,
  indicatorValuesQuerySchema,
  indicatorValuesSchema,
  indicatorValuesWriteSchema,
  type IndicatorValue,
} from '../../contract/dashboard.ts';
import { roleAllows } from '../../core/access/roles.ts';
import { DomainError } from '../../core/errors.ts';
import {
  importIndicatorValues,
  VALUE_IMPORT_LIMITS,
} from '../../services/dashboard/indicator-import.ts';
import {
  indicatorCatalogue,
  issueIn,
  listIndicatorValues,
  writeIndicatorValues,
} from '../../services/dashboard/indicator-store.ts';
import { csvStream, xlsxStream, type ExportColumn } from '../../services/export/table-export.ts';
import { requestLang } from '../errors.ts';
import { requireActor } from '../plugins/session.ts';
import { exportFileName } from '../presenters/dashboard.ts';
import { saveUpload } from './imports.ts';

const tags = ['dashboard'];
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const UPLOAD_TYPES = [
  'application/octet-stream',
  'text/csv',
  'application/csv',
  XLSX_TYPE,
  'application/vnd.ms-excel',
];

const valueColumns = (lang: 'id' | 'en'): ExportColumn<IndicatorValue>[] => {
  const t = (id: string, en: string) => (lang === 'id' ? id : en);
  return [
    { header: t('indikator', 'indicator'), value: (v) => v.indicator, width: 22 },
    { header: t('kode_wilayah', 'region_code'), value: (v) => v.regionCode, width: 12 },
    { header: t('nama_wilayah', 'region_name'), value: (v) => v.regionName, width: 28 },
    { header: t('periode', 'period'), value: (v) => v.period },
    { header: t('sumber', 'source'), value: (v) => v.source, width: 16 },
    // percent values as proportions (0–1), as the API gives them
    { header: t('nilai', 'value'), value: (v) => v.value },
    { header: t('pembilang', 'numerator'), value: (v) => v.numerator },
    { header: t('penyebut', 'denominator'), value: (v) => v.denominator },
    { header: t('catatan', 'note'), value: (v) => v.note ?? '', width: 30 },
    { header: t('rujukan', 'source_key'), value: (v) => v.sourceKey ?? '', width: 28 },
    { header: t('asal', 'origin'), value: (v) => v.origin },
    { header: t('diubah', 'updated_at'), value: (v) => v.updatedAt, width: 24 },
  ];
};

/**
 * The aggregate indicator store: catalogue and values are public (published aggregate
 * figures); writing needs a session whose role grants aggregates:write over each value's region.
 */
export function indicatorStoreRoutes(options: { uploadsDir: string }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/indicator-catalogue',
      {
        schema: {
          tags,
          summary: 'The indicator catalogue of the store: code, names, unit, direction, definition',
          response: { 200: catalogueSchema },
        },
      },
      async (request) => ({ items: await indicatorCatalogue(request.ctx.db) }),
    );

    app.get(
      '/api/indicator-values',
      {
        schema: {
          tags,
          summary:
            'Stored values (surveys, targets, reported counts…) by indicator, region, source and period; JSON, CSV or XLSX',
          querystring: indicatorValuesQuerySchema,
          response: { 200: indicatorValuesSchema, ...errorResponses(400) },
        },
      },
      async (request, reply) => {
        const { format, ...params } = request.query;
        const result = await listIndicatorValues(request.ctx, params);
        if (format === 'json') return result;
        const lang = requestLang(request);
        const name = exportFileName([
          'nilai-indikator',
          params.indicator ?? 'semua',
          params.region ?? 'semua',
        ]);
        const file = reply as unknown as FastifyReply; // a download, not the JSON schema
        void file.header('content-disposition', `attachment; filename="${name}.${format}"`);
        if (format === 'csv')
          return file
            .type('text/csv; charset=utf-8')
            .send(csvStream(valueColumns(lang), result.items));
        return file.type(XLSX_TYPE).send(xlsxStream('Nilai', valueColumns(lang), result.items));
      },
    );

    app.post(
      '/api/indicator-values',
      {
        schema: {
          tags,
          summary:
            'Enter values (aggregates:write over each region; audited; history kept); bad values reported, good ones kept',
          body: indicatorValuesBodySchema,
          response: { 200: indicatorValuesWriteSchema, ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        if (!roleAllows(actor.role, 'aggregates:write'))
          throw new DomainError('forbidden', { action: 'aggregates:write' });
        const result = await writeIndicatorValues(
          request.ctx,
          request.body.values.map((v, i) => ({ ...v, row: i + 1 })),
          { origin: 'entry' },
        );
        const lang = requestLang(request);
        return { ...result, issues: result.issues.map((i) => issueIn(i, lang)) };
      },
    );

    const uploads: FastifyPluginAsyncZod = async (upload) => {
      // The body is the file, streamed to disk with a size cap (as the registry import).
      upload.addContentTypeParser(UPLOAD_TYPES, (_request, payload, done) => done(null, payload));
      upload.post(
        '/api/indicator-values/import',
        {
          schema: {
            tags,
            summary:
              'Import values from a CSV/XLSX file (raw body): a per-row report; good rows kept; idempotent',
            description:
              'Columns: indicator, region_code, period (or year), source, value, and optional numerator, denominator, note, source_key, unit. ' +
              'Percent values as percentages (15.7) unless unit is `proportion`. The format of data/indicators is accepted too.',
            querystring: indicatorValuesImportQuerySchema,
            response: {
              200: indicatorValuesImportSchema,
              ...errorResponses(400, 401, 403, 413, 415),
            },
          },
        },
        async (request) => {
          const actor = requireActor(request);
          if (!roleAllows(actor.role, 'aggregates:write'))
            throw new DomainError('forbidden', { action: 'aggregates:write' });
          const max = VALUE_IMPORT_LIMITS.maxFileBytes;
          if (Number(request.headers['content-length'] ?? 0) > max)
            throw new DomainError('import_too_large', { max: `${max / 2 ** 20} MB` });
          const body = request.body as Readable | undefined;
          if (!body || typeof (body as { pipe?: unknown }).pipe !== 'function')
            throw new DomainError('validation_failed', {
              field: 'content-type',
              summary: 'the file as the request body (application/octet-stream)',
              allowed: UPLOAD_TYPES.join(', '),
            });
          await mkdir(options.uploadsDir, { recursive: true });
          const file = path.join(options.uploadsDir, `values-${randomUUID()}.upload`);
          try {
            await saveUpload(body, file, max);
            const result = await importIndicatorValues(request.ctx, file, {
              sheet: request.query.sheet ?? null,
            });
            const lang = requestLang(request);
            return { ...result, issues: result.issues.map((i) => issueIn(i, lang)) };
          } finally {
            await rm(file, { force: true });
          }
        },
      );
    };
    await app.register(uploads);
  };
}
