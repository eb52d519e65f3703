import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../contract/common.ts';
import {
  childBodySchema,
  childDetailSchema,
  childSchema,
  childSearchQuerySchema,
  childSearchResultSchema,
  childUpdateBodySchema,
  correctionBodySchema,
  createPosyanduBodySchema,
  followUpListSchema,
  followUpQuerySchema,
  measurementBatchBodySchema,
  measurementBatchResponseSchema,
  measurementBodySchema,
  mergeBodySchema,
  posyanduListQuerySchema,
  posyanduListSchema,
  posyanduSchema,
  recordMeasurementResponseSchema,
  rosterQuerySchema,
  rosterSchema,
} from '../../contract/registry.ts';
import { csvStream, xlsxStream } from '../../services/export/table-export.ts';
import { childRecord } from '../../services/registry/child-record.ts';
import {
  mergeChildren,
  registerChild,
  searchChildrenInScope,
  updateChild,
} from '../../services/registry/children.ts';
import { followUpColumns, followUpList } from '../../services/registry/follow-up.ts';
import {
  correctMeasurement,
  recordMeasurement,
  recordMeasurements,
} from '../../services/registry/measurements.ts';
import { formatMessage } from '../../core/errors.ts';
import { requestLang } from '../errors.ts';
import { createPosyandu, listPosyandu, posyanduRoster } from '../../services/registry/posyandu.ts';
import { requireActor } from '../plugins/session.ts';
import {
  presentChild,
  presentChildSummary,
  presentMeasurement,
  presentPosyandu,
} from '../presenters/registry.ts';

const tags = ['registry'];
const errors = errorResponses(400, 401, 403, 404, 409, 422);
const idParams = z.object({ id: z.uuid({ message: 'a UUID' }) });

/** Personal records: every route needs a session, and every service checks role, region and posyandu. */
export const registryRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('preHandler', async (request) => {
    requireActor(request);
  });

  app.get(
    '/api/posyandu',
    {
      schema: {
        tags,
        summary: 'Posyandu in a region of your scope',
        querystring: posyanduListQuerySchema,
        response: { 200: posyanduListSchema, ...errors },
      },
    },
    async (request) => {
      const { items, truncated } = await listPosyandu(request.ctx, request.query.region);
      return { items: items.map(presentPosyandu), truncated };
    },
  );

  app.post(
    '/api/posyandu',
    {
      schema: {
        tags,
        summary: 'Add a posyandu to a desa',
        body: createPosyanduBodySchema,
        response: { 201: posyanduSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(presentPosyandu(await createPosyandu(request.ctx, request.body))),
  );

  app.get(
    '/api/posyandu/:id/children',
    {
      schema: {
        tags,
        summary: "A posyandu's children with their latest measurement (the kader's monthly list)",
        params: idParams,
        querystring: rosterQuerySchema,
        response: { 200: rosterSchema, ...errors },
      },
    },
    async (request) => {
      const month = request.query.month ?? request.ctx.now().toISOString().slice(0, 7);
      const { posyandu, children } = await posyanduRoster(request.ctx, request.params.id);
      return {
        posyandu: presentPosyandu(posyandu),
        month,
        items: children.map((c) => presentChildSummary(c, month)),
      };
    },
  );

  app.get(
    '/api/children',
    {
      schema: {
        tags,
        summary: 'Find children by name or NIK inside your scope',
        querystring: childSearchQuerySchema,
        response: { 200: childSearchResultSchema, ...errors },
      },
    },
    async (request) => ({
      items: (await searchChildrenInScope(request.ctx, request.query)).map(presentChild),
    }),
  );

  app.post(
    '/api/children',
    {
      schema: {
        tags,
        summary: 'Register a child (409 child_duplicate lists likely duplicates)',
        body: childBodySchema,
        response: {
          200: z.object({ child: childSchema }),
          201: z.object({ child: childSchema }),
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const { child, created } = await registerChild(request.ctx, request.body);
      return reply.status(created ? 201 : 200).send({ child: presentChild(child) });
    },
  );

  app.get(
    '/api/children/:id',
    {
      schema: {
        tags,
        summary: 'A child with every measurement (corrections included) and referral status',
        params: idParams,
        response: { 200: childDetailSchema, ...errors },
      },
    },
    async (request) => {
      const record = await childRecord(request.ctx, request.params.id);
      return {
        child: presentChild(record.child),
        posyandu: {
          id: record.posyandu.id,
          name: record.posyandu.name,
          regionCode: record.posyandu.region_code,
          regionName: record.posyandu.region_name,
        },
        measurements: record.measurements.map(presentMeasurement),
        referral: record.referral,
      };
    },
  );

  app.patch(
    '/api/children/:id',
    {
      schema: {
        tags,
        summary: "Correct a child's data (send the version you edited)",
        params: idParams,
        body: childUpdateBodySchema,
        response: { 200: z.object({ child: childSchema }), ...errors },
      },
    },
    async (request) => ({
      child: presentChild(await updateChild(request.ctx, request.params.id, request.body)),
    }),
  );

  app.post(
    '/api/children/:id/merge',
    {
      schema: {
        tags,
        summary: 'Fold a duplicate record into this child',
        params: idParams,
        body: mergeBodySchema,
        response: { 200: z.object({ child: childSchema }), ...errors },
      },
    },
    async (request) => ({
      child: presentChild(
        await mergeChildren(request.ctx, request.params.id, request.body.duplicateId),
      ),
    }),
  );

  app.post(
    '/api/measurements',
    {
      schema: {
        tags,
        summary: 'Record a measurement (idempotent by its client id)',
        body: measurementBodySchema,
        response: {
          200: recordMeasurementResponseSchema,
          201: recordMeasurementResponseSchema,
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const { measurement, created } = await recordMeasurement(request.ctx, request.body);
      return reply
        .status(created ? 201 : 200)
        .send({ measurement: presentMeasurement(measurement), created });
    },
  );

  app.post(
    '/api/measurements/batch',
    {
      schema: {
        tags,
        summary:
          'Record many measurements (offline sync); each gets its own result, bad ones never block good ones',
        body: measurementBatchBodySchema,
        response: { 200: measurementBatchResponseSchema, ...errors },
      },
    },
    async (request) => {
      const outcomes = await recordMeasurements(request.ctx, request.body.items);
      const lang = requestLang(request);
      return {
        results: outcomes.map((o, i) =>
          o.ok
            ? {
                id: request.body.items[i]!.id,
                ok: true,
                created: o.created,
                measurement: presentMeasurement(o.measurement),
              }
            : {
                id: request.body.items[i]!.id,
                ok: false,
                error: {
                  code: o.error.code,
                  message: formatMessage(o.error.code, o.error.details, lang),
                  details: o.error.details,
                },
              },
        ),
      };
    },
  );

  app.post(
    '/api/measurements/:id/correction',
    {
      schema: {
        tags,
        summary: 'Correct a measurement: a new row supersedes it; the old one stays readable',
        params: idParams,
        body: correctionBodySchema,
        response: {
          200: recordMeasurementResponseSchema,
          201: recordMeasurementResponseSchema,
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const { measurement, created } = await correctMeasurement(
        request.ctx,
        request.params.id,
        request.body,
      );
      return reply
        .status(created ? 201 : 200)
        .send({ measurement: presentMeasurement(measurement), created });
    },
  );

  app.get(
    '/api/follow-up',
    {
      schema: {
        tags,
        summary:
          'Children to follow up (stunted, wasted, underweight, 2T, implausible); JSON, CSV or XLSX',
        querystring: followUpQuerySchema,
        response: { 200: followUpListSchema.or(z.any()), ...errors },
      },
    },
    async (request, reply) => {
      const { format, region, ...rest } = request.query;
      const list = await followUpList(request.ctx, { ...rest, regionCode: region });
      if (format === 'json') return list;
      const name = `tindak-lanjut-${region ?? request.ctx.actor!.regionCode}-${list.from}-${list.to}`;
      void reply
        .header('content-disposition', `attachment; filename="${name}.${format}"`)
        .header('cache-control', 'no-store');
      if (format === 'csv')
        return reply.type('text/csv; charset=utf-8').send(csvStream(followUpColumns, list.items));
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .send(xlsxStream('Tindak lanjut', followUpColumns, list.items));
    },
  );
};
