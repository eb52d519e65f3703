import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../contract/common.ts';
import {
  areasQuerySchema,
  areasSchema,
  breakdownQuerySchema,
  breakdownSchema,
  comparisonQuerySchema,
  comparisonSchema,
  dashboardMetaSchema,
  seriesQuerySchema,
  seriesSchema,
  summaryQuerySchema,
  summarySchema,
  topVillagesQuerySchema,
  topVillagesSchema,
  type ExportFormat,
} from '../../contract/dashboard.ts';
import { csvStream, xlsxStream, type ExportColumn } from '../../services/export/table-export.ts';
import { DashboardCache } from '../../services/dashboard/cache.ts';
import {
  dashboardAreas,
  dashboardBreakdown,
  dashboardComparison,
  dashboardMeta,
  dashboardSeries,
  dashboardSummary,
  dashboardTopVillages,
  homeRegion,
  policyFor,
  type DashboardSettings,
} from '../../services/dashboard/dashboard.ts';
import { requestLang } from '../errors.ts';
import {
  areaColumns,
  comparisonColumns,
  exportFileName,
  topVillageColumns,
} from '../presenters/dashboard.ts';

const tags = ['dashboard'];
const errors = errorResponses(400);
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The public dashboard API (aggregate figures only, never a child). Staff with records:read over
 * the region get the figures unsuppressed (`policy` says which rule was applied). Answers are
 * cached per dashboard version, so a write shows at once.
 */
export function dashboardRoutes(settings: DashboardSettings): FastifyPluginAsyncZod {
  return async (app) => {
    const cache = new DashboardCache();

    /** The request's region (default: the home region) and the cache key of its answer. */
    const keyed = async (request: FastifyRequest, name: string, params: object) => {
      const query = request.query as { region?: string };
      const region = query.region ?? (await homeRegion(request.ctx, settings));
      const policy = policyFor(request.ctx, region).id;
      const day = request.ctx.now().toISOString().slice(0, 10);
      return { region, key: JSON.stringify([name, region, policy, day, params]) };
    };
    /**
     * The answer of a request, from the cache or computed. Kept with its JSON text: a repeated
     * request sends the text as it is, checked against the response schema once per change.
     */
    const answer = async <T>(
      request: FastifyRequest,
      reply: FastifyReply,
      name: string,
      params: object,
      compute: (region: string) => Promise<T>,
    ): Promise<{ result: T; json?: string }> => {
      const { region, key } = await keyed(request, name, params);
      const policy = policyFor(request.ctx, region);
      void reply.header(
        'cache-control',
        policy.id === 'internal_no_suppression' ? 'private, no-store' : 'no-cache',
      );
      return cache.get<{ result: T; json?: string }>(request.ctx.db, key, async () => ({
        result: await compute(region),
      }));
    };
    const sendJson = <T>(
      reply: FastifyReply,
      entry: { result: T; json?: string },
      schema: { parse: (value: unknown) => unknown },
    ) => {
      entry.json ??= JSON.stringify(schema.parse(entry.result));
      return reply.type('application/json; charset=utf-8').send(entry.json);
    };
    const download = <Row>(
      reply: FastifyReply,
      format: Exclude<ExportFormat, 'json'>,
      name: string,
      sheet: string,
      columns: ExportColumn<Row>[],
      rows: Row[],
    ) => {
      void reply.header('content-disposition', `attachment; filename="${name}.${format}"`);
      if (format === 'csv')
        return reply.type('text/csv; charset=utf-8').send(csvStream(columns, rows));
      return reply.type(XLSX_TYPE).send(xlsxStream(sheet, columns, rows));
    };

    app.get(
      '/api/dashboard/meta',
      {
        schema: {
          tags,
          summary: 'Indicators (labels, units, definitions), periods with data, the default region',
          response: { 200: dashboardMetaSchema, ...errors },
        },
      },
      async (request, reply) => {
        const day = request.ctx.now().toISOString().slice(0, 10);
        void reply.header('cache-control', 'no-cache');
        return cache.get(
          request.ctx.db,
          JSON.stringify(['meta', request.ctx.actor?.regionCode ?? null, day]),
          () => dashboardMeta(request.ctx, settings),
        );
      },
    );

    app.get(
      '/api/dashboard/summary',
      {
        schema: {
          tags,
          summary: 'Headline figures of a region and period (e-PPGBM from the registry)',
          querystring: summaryQuerySchema,
          response: { 200: summarySchema, ...errors },
        },
      },
      async (request, reply) =>
        sendJson(
          reply,
          await answer(request, reply, 'summary', request.query, (region) =>
            dashboardSummary(request.ctx, { ...request.query, region }),
          ),
          summarySchema,
        ),
    );

    app.get(
      '/api/dashboard/series',
      {
        schema: {
          tags,
          summary: 'Time series of an indicator for a region, with its targets',
          querystring: seriesQuerySchema,
          response: { 200: seriesSchema, ...errors },
        },
      },
      async (request, reply) =>
        sendJson(
          reply,
          await answer(request, reply, 'series', request.query, (region) =>
            dashboardSeries(request.ctx, { ...request.query, region }),
          ),
          seriesSchema,
        ),
    );

    app.get(
      '/api/dashboard/breakdown',
      {
        schema: {
          tags,
          summary: 'An indicator by sex and by age group (0–5, 6–11, 12–23, 24–59 months)',
          querystring: breakdownQuerySchema,
          response: { 200: breakdownSchema, ...errors },
        },
      },
      async (request, reply) =>
        sendJson(
          reply,
          await answer(request, reply, 'breakdown', request.query, (region) =>
            dashboardBreakdown(request.ctx, { ...request.query, region }),
          ),
          breakdownSchema,
        ),
    );

    app.get(
      '/api/dashboard/areas',
      {
        schema: {
          tags,
          summary:
            'Every area one level below (or at `level`) inside a region with its figure: map, ranking, table; JSON, CSV or XLSX',
          querystring: areasQuerySchema,
          response: { 200: areasSchema, ...errors },
        },
      },
      async (request, reply) => {
        const { format, ...params } = request.query;
        const entry = await answer(request, reply, 'areas', params, (region) =>
          dashboardAreas(request.ctx, { ...params, region }),
        );
        if (format === 'json') return sendJson(reply, entry, areasSchema);
        const result = entry.result;
        const lang = requestLang(request);
        return download(
          reply,
          format,
          exportFileName([result.indicator, result.level, result.region.code, result.period.code]),
          result.period.label[lang],
          areaColumns(result, lang),
          result.rows,
        );
      },
    );

    app.get(
      '/api/dashboard/top-villages',
      {
        schema: {
          tags,
          summary:
            'The desa/kelurahan with the most children with the condition; JSON, CSV or XLSX',
          querystring: topVillagesQuerySchema,
          response: { 200: topVillagesSchema, ...errors },
        },
      },
      async (request, reply) => {
        const { format, ...params } = request.query;
        const entry = await answer(request, reply, 'top-villages', params, (region) =>
          dashboardTopVillages(request.ctx, { ...params, region }),
        );
        if (format === 'json') return sendJson(reply, entry, topVillagesSchema);
        const result = entry.result;
        const lang = requestLang(request);
        return download(
          reply,
          format,
          exportFileName([
            'desa-teratas',
            result.indicator,
            result.region.code,
            result.period.code,
          ]),
          result.period.label[lang],
          topVillageColumns(result, lang),
          result.rows,
        );
      },
    );

    app.get(
      '/api/dashboard/comparison',
      {
        schema: {
          tags,
          summary:
            'e-PPGBM (August weighing month) next to SSGI, SKI and other published figures, with weighing coverage; JSON, CSV or XLSX',
          querystring: comparisonQuerySchema,
          response: { 200: comparisonSchema, ...errors },
        },
      },
      async (request, reply) => {
        const { format, ...params } = request.query;
        const entry = await answer(request, reply, 'comparison', params, (region) =>
          dashboardComparison(request.ctx, { ...params, region }),
        );
        if (format === 'json') return sendJson(reply, entry, comparisonSchema);
        const result = entry.result;
        const lang = requestLang(request);
        const rows = result.years.flatMap((y) => [
          ...(y.eppgbm
            ? [
                {
                  year: y.year,
                  source: 'e-PPGBM (Tumbuh)',
                  value: y.eppgbm.figure.value,
                  period: y.eppgbm.period.code,
                  sourceKey: '',
                  note: null,
                  coverage: y.weighingCoverage?.value ?? null,
                },
              ]
            : []),
          ...y.surveys.map((s) => ({
            year: y.year,
            source: s.source,
            value: s.value,
            period: String(y.year),
            sourceKey: s.sourceKey,
            note: s.note,
            coverage: null,
          })),
        ]);
        return download(
          reply,
          format,
          exportFileName(['perbandingan', result.indicator, result.region.code]),
          result.region.name,
          comparisonColumns(lang),
          rows,
        );
      },
    );
  };
}
