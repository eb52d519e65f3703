import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z, type ZodType } from 'zod';
import { errorResponses } from '../../contract/common.ts';
import {
  posyanduSnapshotSchema,
  syncChildSchema,
  syncChildUpdateSchema,
  syncMeasurementSchema,
  syncPushBodySchema,
  syncPushResponseSchema,
  type SyncChildResult,
  type SyncMeasurementResult,
} from '../../contract/sync.ts';
import { DomainError, formatMessage, type Lang } from '../../core/errors.ts';
import {
  pushSync,
  type ChildOutcome,
  type MeasurementPushOutcome,
} from '../../services/sync/push.ts';
import { posyanduSnapshot } from '../../services/sync/snapshot.ts';
import { requestLang } from '../errors.ts';
import { requireActor } from '../plugins/session.ts';
import { presentChild, presentMeasurement, presentPosyandu } from '../presenters/registry.ts';

const tags = ['sync'];
const errors = errorResponses(400, 401, 403, 404, 413);

/** An item that does not match its schema: its own validation error, naming the field. */
function invalidItem(issues: z.core.$ZodIssue[]): DomainError {
  const list = issues.map((i) => ({ field: i.path.join('.') || 'item', message: i.message }));
  return new DomainError('validation_failed', {
    field: list[0]?.field,
    summary: list.map((i) => `${i.field}: ${i.message}`).join('; '),
    issues: list,
  });
}

/** Validates each item on its own: the good ones go on, the bad ones get their error. */
function checkItems<T>(schema: ZodType<T>, raw: Record<string, unknown>[]) {
  const valid: { index: number; value: T }[] = [];
  const invalid = new Map<number, DomainError>();
  raw.forEach((item, index) => {
    const parsed = schema.safeParse(item);
    if (parsed.success) valid.push({ index, value: parsed.data });
    else invalid.set(index, invalidItem(parsed.error.issues));
  });
  return { valid, invalid };
}

const idOf = (raw: Record<string, unknown>) => (typeof raw.id === 'string' ? raw.id : '');

const errorBody = (error: DomainError, lang: Lang) => ({
  code: error.code,
  message: formatMessage(error.code, error.details, lang),
  details: error.details,
});

function childResult(id: string, o: ChildOutcome, lang: Lang): SyncChildResult {
  if (o.ok) return { id, ok: true, created: o.created, child: presentChild(o.child) };
  return {
    id,
    ok: false,
    error: errorBody(o.error, lang),
    ...(o.current && { current: presentChild(o.current) }),
  };
}

function measurementResult(
  id: string,
  o: MeasurementPushOutcome,
  lang: Lang,
): SyncMeasurementResult {
  if (o.ok)
    return { id, ok: true, created: o.created, measurement: presentMeasurement(o.measurement) };
  return {
    id,
    ok: false,
    error: errorBody(o.error, lang),
    ...(o.current && { current: presentMeasurement(o.current) }),
    ...(o.mergedInto && { mergedInto: presentChild(o.mergedInto) }),
  };
}

/** Puts the outcomes of the valid items and the errors of the invalid ones back in request order. */
function inOrder<T, R>(
  raw: Record<string, unknown>[],
  checked: { valid: { index: number }[]; invalid: Map<number, DomainError> },
  outcomes: T[],
  ok: (id: string, o: T) => R,
  bad: (id: string, e: DomainError) => R,
): R[] {
  const byIndex = new Map(checked.valid.map((v, k) => [v.index, outcomes[k]!]));
  return raw.map((item, i) => {
    const outcome = byIndex.get(i);
    return outcome === undefined
      ? bad(idOf(item), checked.invalid.get(i)!)
      : ok(idOf(item), outcome);
  });
}

/**
 * The phone's side of offline capture: push the queue (each item answered on its own, through
 * the registry's use cases: scope, audit, idempotency by client id) and pull a posyandu snapshot.
 */
export const syncRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('preHandler', async (request) => {
    requireActor(request);
  });

  app.post(
    '/api/sync/push',
    {
      schema: {
        tags,
        summary: "Send a phone's queue: new children, child corrections, measurements",
        description:
          'Each item is validated and stored on its own and answered by its id, in the order sent. ' +
          'Resending an item stores nothing new (same id, same body); the same id with another body, ' +
          'a stale child version, a merged child or a day already measured are answered with the ' +
          "server's version in `current`. See docs/offline.md.",
        body: syncPushBodySchema,
        response: { 200: syncPushResponseSchema, ...errors },
      },
    },
    async (request) => {
      const lang = requestLang(request);
      const body = request.body;
      const children = checkItems(syncChildSchema, body.children);
      const updates = checkItems(syncChildUpdateSchema, body.childUpdates);
      const measurements = checkItems(syncMeasurementSchema, body.measurements);
      const outcomes = await pushSync(request.ctx, {
        children: children.valid.map((v) => v.value),
        childUpdates: updates.valid.map((v) => v.value),
        measurements: measurements.valid.map((v) => v.value),
      });
      const badChild = (id: string, e: DomainError): SyncChildResult => ({
        id,
        ok: false,
        error: errorBody(e, lang),
      });
      return {
        children: inOrder(
          body.children,
          children,
          outcomes.children,
          (id, o) => childResult(id, o, lang),
          badChild,
        ),
        childUpdates: inOrder(
          body.childUpdates,
          updates,
          outcomes.childUpdates,
          (id, o) => childResult(id, o, lang),
          badChild,
        ),
        measurements: inOrder(
          body.measurements,
          measurements,
          outcomes.measurements,
          (id, o) => measurementResult(id, o, lang),
          (id, e) => ({ id, ok: false, error: errorBody(e, lang) }),
        ),
      };
    },
  );

  app.get(
    '/api/sync/posyandu/:id',
    {
      schema: {
        tags,
        summary:
          'A posyandu for working offline: its children, their current measurements, merged records',
        params: z.object({ id: z.uuid({ message: 'a UUID' }) }),
        response: { 200: posyanduSnapshotSchema, ...errors },
      },
    },
    async (request, reply) => {
      const snapshot = await posyanduSnapshot(request.ctx, request.params.id);
      void reply.header('cache-control', 'no-store');
      return {
        asOf: snapshot.asOf.toISOString(),
        posyandu: presentPosyandu(snapshot.posyandu),
        children: snapshot.children.map(presentChild),
        measurements: snapshot.measurements.map(presentMeasurement),
        merged: snapshot.merged,
      };
    },
  );
};
