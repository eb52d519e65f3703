import { randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../contract/common.ts';
import {
  actionBodySchema,
  caseIdParams,
  caseListQuerySchema,
  caseListSchema,
  caseResponseSchema,
  correctBodySchema,
  deathAreasQuerySchema,
  deathAreasSchema,
  deathBreakdownQuerySchema,
  deathBreakdownSchema,
  deathSeriesQuerySchema,
  deathSeriesSchema,
  deathSummaryQuerySchema,
  deathSummarySchema,
  exportFormatParams,
  historySchema,
  liveBirthImportQuerySchema,
  liveBirthImportSchema,
  liveBirthsBodySchema,
  liveBirthsListSchema,
  liveBirthsQuerySchema,
  liveBirthsSavedSchema,
  populationBodySchema,
  notifyBodySchema,
  recommendationBodySchema,
  recommendationDoneBodySchema,
  recommendationParams,
  voidQuerySchema,
} from '../../contract/deaths.ts';
import type { CaseDeadlines } from '../../core/deaths/deadlines.ts';
import { LIVE_BIRTH_TEMPLATE, liveBirthIssueMessage } from '../../core/deaths/live-birth-import.ts';
import { DomainError } from '../../core/errors.ts';
import { csvStream, xlsxStream } from '../../services/export/table-export.ts';
import {
  caseDetail,
  correctDeathCase,
  listDeathCases,
  notifyDeath,
  regionNamesOf,
  requireActor as requireCaseActor,
} from '../../services/deaths/cases.ts';
import { caseHistory } from '../../services/deaths/history.ts';
import {
  deathAreas,
  deathBreakdown,
  deathSeries,
  deathSummary,
} from '../../services/deaths/indicators.ts';
import {
  importLiveBirths,
  liveBirthsOverview,
  saveLiveBirths,
  savePopulation,
} from '../../services/deaths/live-births.ts';
import {
  addRecommendation,
  completeRecommendation,
  takeAction,
} from '../../services/deaths/review.ts';
import type { ServiceContext } from '../../services/context.ts';
import { requestLang } from '../errors.ts';
import { requireActor } from '../plugins/session.ts';
import {
  deathPolicyId,
  presentCase,
  presentCaseSummary,
  presentFigures,
  presentLiveBirths,
  presentPeriod,
} from '../presenters/deaths.ts';
import { saveUpload, UPLOAD_TYPES } from './imports.ts';

const tags = ['deaths'];
const publicErrors = errorResponses(400, 404);
const errors = errorResponses(400, 401, 403, 404, 409, 422);

/** Options of the deaths routes: the installation's review deadlines (env DEATHS_*_DAYS). */
export interface DeathRouteOptions {
  deadlines: CaseDeadlines;
  /** Live-birth uploads wait here while they are read (deleted right after). */
  uploadsDir: string;
  maxBytes: number;
}

/**
 * AKI-AKB (docs/deaths.md). Public: summary, series, areas, breakdown — counts and rates only.
 * Signed in: death notifications (health roles and hospitals, in scope), the review workflow,
 * recommendations and the case history.
 */
export function deathRoutes(options: DeathRouteOptions): FastifyPluginAsyncZod {
  const { deadlines } = options;

  async function caseResponse(ctx: ServiceContext, id: string) {
    const detail = await caseDetail(ctx, id, deadlines);
    return {
      case: presentCase(detail.item, detail.recommendations, {
        actor: requireCaseActor(ctx),
        names: detail.names,
        regionNames: detail.regionNames,
        today: detail.today,
      }),
    };
  }

  return async (app) => {
    // ── public figures ──

    app.get(
      '/api/deaths/summary',
      {
        schema: {
          tags,
          summary:
            'Deaths, live births and AKI/AKB/AKN of a region and period (public; API-SPEC.md)',
          description:
            'Counts of verified deaths (never case details), live births (entered, summed or estimated — `estimated` says which) and rates with exact Poisson 95 % intervals, flagged unstable below 10 deaths.',
          querystring: deathSummaryQuerySchema,
          response: { 200: deathSummarySchema, ...publicErrors },
        },
      },
      async (request) => {
        const summary = await deathSummary(request.ctx, {
          region: request.query.region,
          period: request.query.period,
        });
        return {
          region: summary.region,
          period: presentPeriod(summary.period),
          asOf: summary.asOf.toISOString(),
          ...presentFigures(summary, requestLang(request)),
          hasData: summary.hasData,
          policy: deathPolicyId,
          unverified: summary.unverified,
          complete: summary.complete,
        };
      },
    );

    app.get(
      '/api/deaths/series',
      {
        schema: {
          tags,
          summary: 'Monthly or yearly deaths, live births and rates of a region (public)',
          querystring: deathSeriesQuerySchema,
          response: { 200: deathSeriesSchema, ...publicErrors },
        },
      },
      async (request) => {
        const lang = requestLang(request);
        const series = await deathSeries(request.ctx, request.query);
        return {
          region: series.region,
          policy: deathPolicyId,
          points: series.points.map((p) => ({
            period: presentPeriod(p.period),
            complete: p.complete,
            ...presentFigures(p, lang),
          })),
        };
      },
    );

    app.get(
      '/api/deaths/areas',
      {
        schema: {
          tags,
          summary:
            'Deaths, live births and rates of every area below a region (public; map and table)',
          querystring: deathAreasQuerySchema,
          response: { 200: deathAreasSchema, ...publicErrors },
        },
      },
      async (request) => {
        const lang = requestLang(request);
        const areas = await deathAreas(request.ctx, request.query);
        return {
          region: areas.region,
          period: presentPeriod(request.query.period),
          policy: deathPolicyId,
          level: areas.level,
          complete: areas.complete,
          rows: areas.rows.map((r) => ({
            code: r.code,
            name: r.name,
            level: r.level,
            ...presentFigures(r, lang),
          })),
        };
      },
    );

    app.get(
      '/api/deaths/breakdown',
      {
        schema: {
          tags,
          summary: 'Deaths by cause group and place of death (public for kabupaten/kota and above)',
          querystring: deathBreakdownQuerySchema,
          response: { 200: deathBreakdownSchema, ...publicErrors },
        },
      },
      async (request) => {
        const breakdown = await deathBreakdown(request.ctx, request.query);
        return { ...breakdown, period: presentPeriod(breakdown.period) };
      },
    );

    app.get(
      '/api/deaths/live-births/template.:format',
      {
        schema: {
          tags,
          summary: 'The live-birth import template (two made-up example rows)',
          params: exportFormatParams,
        },
      },
      async (request, reply) => {
        const { format } = request.params;
        const columns = LIVE_BIRTH_TEMPLATE.headers.map((header, i) => ({
          header,
          value: (row: (string | number)[]) => row[i] ?? null,
          width: Math.max(14, header.length + 2),
        }));
        void reply.header(
          'content-disposition',
          `attachment; filename="templat-lahir-hidup.${format}"`,
        );
        if (format === 'csv')
          return reply
            .type('text/csv; charset=utf-8')
            .send(csvStream(columns, LIVE_BIRTH_TEMPLATE.examples));
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .send(xlsxStream('Lahir hidup', columns, LIVE_BIRTH_TEMPLATE.examples));
      },
    );

    // ── cases (signed in) ──

    const cases: FastifyPluginAsyncZod = async (secured) => {
      secured.addHook('preHandler', async (request) => {
        requireActor(request);
      });

      secured.post(
        '/api/deaths/cases',
        {
          schema: {
            tags,
            summary:
              'Notify a death (within 24 hours); 409 death_duplicate lists likely duplicates',
            body: notifyBodySchema,
            response: { 200: caseResponseSchema, 201: caseResponseSchema, ...errors },
          },
        },
        async (request, reply) => {
          const { row, created } = await notifyDeath(request.ctx, request.body);
          return reply.status(created ? 201 : 200).send(await caseResponse(request.ctx, row.id));
        },
      );

      secured.get(
        '/api/deaths/cases',
        {
          schema: {
            tags,
            summary: 'Death cases in your scope with their next step and whether it is overdue',
            querystring: caseListQuerySchema,
            response: { 200: caseListSchema, ...errors },
          },
        },
        async (request) => {
          const q = request.query;
          const { items, truncated } = await listDeathCases(
            request.ctx,
            {
              region: q.region ?? null,
              statuses: q.status ?? null,
              kinds: q.kind ?? null,
              from: q.from ?? null,
              to: q.to ?? null,
              overdueOnly: q.overdue ?? false,
              lateOnly: q.late ?? false,
              limit: q.limit,
            },
            deadlines,
          );
          const names = await regionNamesOf(
            request.ctx,
            items.map((i) => i.row.region_code),
          );
          return { items: items.map((i) => presentCaseSummary(i, names)), truncated, deadlines };
        },
      );

      secured.get(
        '/api/deaths/cases/:id',
        {
          schema: {
            tags,
            summary: 'A death case with its workflow, recommendations and what you may do now',
            params: caseIdParams,
            response: { 200: caseResponseSchema, ...errors },
          },
        },
        async (request) => caseResponse(request.ctx, request.params.id),
      );

      secured.patch(
        '/api/deaths/cases/:id',
        {
          schema: {
            tags,
            summary: "Correct a case's facts (send the version you edited)",
            params: caseIdParams,
            body: correctBodySchema,
            response: { 200: caseResponseSchema, ...errors },
          },
        },
        async (request) => {
          await correctDeathCase(request.ctx, request.params.id, request.body);
          return caseResponse(request.ctx, request.params.id);
        },
      );

      secured.delete(
        '/api/deaths/cases/:id',
        {
          schema: {
            tags,
            summary:
              'Withdraw a notification (void: kept in the history, never counted; nothing is erased)',
            params: caseIdParams,
            querystring: voidQuerySchema,
            response: { 200: caseResponseSchema, ...errors },
          },
        },
        async (request) => {
          await takeAction(request.ctx, request.params.id, {
            action: 'void',
            version: request.query.version,
            voidReason: request.query.reason,
          });
          return caseResponse(request.ctx, request.params.id);
        },
      );

      secured.post(
        '/api/deaths/cases/:id/transitions',
        {
          schema: {
            tags,
            summary: 'A workflow step: verify, review, recommend, close (follow-up done) or void',
            description:
              'A step the status does not allow answers 409 death_case_state naming the status and the steps allowed now.',
            params: caseIdParams,
            body: actionBodySchema,
            response: { 200: caseResponseSchema, ...errors },
          },
        },
        async (request) => {
          await takeAction(request.ctx, request.params.id, request.body);
          return caseResponse(request.ctx, request.params.id);
        },
      );

      secured.post(
        '/api/deaths/cases/:id/recommendations',
        {
          schema: {
            tags,
            summary: 'Add a recommendation of the review (who carries it out, by when)',
            params: caseIdParams,
            body: recommendationBodySchema,
            response: { 201: caseResponseSchema, ...errors },
          },
        },
        async (request, reply) => {
          await addRecommendation(request.ctx, request.params.id, request.body, deadlines);
          return reply.status(201).send(await caseResponse(request.ctx, request.params.id));
        },
      );

      secured.post(
        '/api/deaths/cases/:id/recommendations/:recommendationId/done',
        {
          schema: {
            tags,
            summary: 'Mark a recommendation carried out (what was done)',
            params: recommendationParams,
            body: recommendationDoneBodySchema,
            response: { 200: caseResponseSchema, ...errors },
          },
        },
        async (request) => {
          await completeRecommendation(
            request.ctx,
            request.params.id,
            request.params.recommendationId,
            request.body,
          );
          return caseResponse(request.ctx, request.params.id);
        },
      );

      secured.get(
        '/api/deaths/cases/:id/history',
        {
          schema: {
            tags,
            summary: 'Every change of a case (from the append-only audit log)',
            params: caseIdParams,
            response: { 200: historySchema, ...errors },
          },
        },
        async (request) => ({
          items: (await caseHistory(request.ctx, request.params.id)).map((h) => ({
            id: h.id,
            at: h.at,
            action: h.action,
            actorName: h.actorName,
            before: h.before,
            after: h.after,
          })),
        }),
      );

      // ── live births and population ──

      secured.addContentTypeParser(UPLOAD_TYPES, (_request, payload, done) => done(null, payload));

      secured.get(
        '/api/deaths/live-births',
        {
          schema: {
            tags,
            summary:
              'Live births entered for a region and year, per area and month, and what the rates use',
            querystring: liveBirthsQuerySchema,
            response: { 200: liveBirthsListSchema, ...errors },
          },
        },
        async (request) => {
          const lang = requestLang(request);
          const overview = await liveBirthsOverview(request.ctx, {
            region: request.query.region ?? requireActor(request).regionCode,
            year: request.query.year,
          });
          const area = (a: (typeof overview)['self']) => ({
            ...a,
            resolved: presentLiveBirths(a.resolved, lang),
          });
          return { ...overview, self: area(overview.self), areas: overview.areas.map(area) };
        },
      );

      secured.put(
        '/api/deaths/live-births',
        {
          schema: {
            tags,
            summary: 'Enter live births (all or none; count null removes an entry)',
            description:
              'A count below the infant deaths recorded for the region and period answers 422 live_births_below_deaths naming entries.N.count; nothing of the request is stored.',
            body: liveBirthsBodySchema,
            response: { 200: liveBirthsSavedSchema, ...errors },
          },
        },
        async (request) => saveLiveBirths(request.ctx, request.body.entries),
      );

      secured.put(
        '/api/deaths/live-births/import',
        {
          schema: {
            tags,
            summary:
              'Import live births from CSV/XLSX (raw body): good rows kept, bad rows reported',
            description:
              'Columns: Kode Wilayah, Periode (YYYY-MM or YYYY; or Tahun + Bulan), Lahir Hidup, Sumber (optional). Importing the same file twice changes nothing. dryRun=true checks only.',
            querystring: liveBirthImportQuerySchema,
            response: { 200: liveBirthImportSchema, ...errorResponses(400, 401, 403, 413, 415) },
          },
        },
        async (request) => {
          const body = request.body as Readable | undefined;
          if (!body || typeof (body as { pipe?: unknown }).pipe !== 'function')
            throw new DomainError('validation_failed', {
              field: 'content-type',
              summary: 'the file as the request body (application/octet-stream)',
              allowed: UPLOAD_TYPES.join(', '),
            });
          await mkdir(options.uploadsDir, { recursive: true });
          const file = path.join(options.uploadsDir, `live-births-${randomUUID()}.upload`);
          await saveUpload(body, file, options.maxBytes);
          try {
            const report = await importLiveBirths(request.ctx, file, {
              dryRun: request.query.dryRun,
              sheet: request.query.sheet ?? null,
              maxBytes: options.maxBytes,
            });
            const lang = requestLang(request);
            return {
              ...report,
              issues: report.issues.map((i) => ({
                row: i.row,
                column: i.column,
                field: i.field,
                code: i.code,
                message: liveBirthIssueMessage(i, lang),
              })),
            };
          } finally {
            await rm(file, { force: true });
          }
        },
      );

      secured.put(
        '/api/deaths/population',
        {
          schema: {
            tags,
            summary: 'Enter population and crude birth rate (inputs of the live-birth estimate)',
            body: populationBodySchema,
            response: { 200: z.object({ stored: z.number() }), ...errors },
          },
        },
        async (request) => savePopulation(request.ctx, request.body.entries),
      );
    };
    await app.register(cases);
  };
}
