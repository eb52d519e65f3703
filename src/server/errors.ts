import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
} from 'fastify-type-provider-zod';
import {
  DomainError,
  formatMessage,
  type ErrorCode,
  type ErrorDetails,
  type Lang,
} from '../core/errors.ts';

/** Indonesian unless the client prefers English (Accept-Language). */
export function requestLang(request: FastifyRequest): Lang {
  const header = request.headers['accept-language'];
  if (typeof header !== 'string') return 'id';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'id';
}

function send(
  reply: FastifyReply,
  request: FastifyRequest,
  code: ErrorCode,
  details: ErrorDetails,
  status: number,
) {
  const requestId = String(request.id);
  return reply.status(status).send({
    error: {
      code,
      message: formatMessage(code, { ...details, requestId }, requestLang(request)),
      details,
      requestId,
    },
  });
}

/** Maps fastify's own error codes to ours; anything unknown becomes a 500. */
const fastifyCodes: Record<string, { code: ErrorCode; status: number; details?: ErrorDetails }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'payload_too_large', status: 413 },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'validation_failed',
    status: 415,
    details: { summary: 'Content-Type', field: 'content-type', allowed: 'application/json' },
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    code: 'validation_failed',
    status: 400,
    details: { summary: 'body', field: 'body', allowed: 'a JSON object' },
  },
  FST_ERR_CTP_INVALID_JSON_BODY: {
    code: 'validation_failed',
    status: 400,
    details: { summary: 'body: not valid JSON', field: 'body' },
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: 'validation_failed',
    status: 400,
    details: { summary: 'Content-Length', field: 'content-length' },
  },
};

/**
 * The one place errors become HTTP (house rule 4): {error: {code, message, details, requestId}}.
 * Details name the field and what is allowed; they never echo the submitted value, so personal
 * data in a bad request cannot come back out or reach the log.
 */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof DomainError)
      return send(reply, request, error.code, error.details, error.status);

    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'body';
      const issues = error.validation.map((issue) => ({
        field: [
          where,
          ...String(issue.instancePath || '')
            .split('/')
            .filter(Boolean),
        ].join('.'),
        message: issue.message ?? 'invalid',
      }));
      const summary = issues.map((i) => `${i.field}: ${i.message}`).join('; ');
      return send(
        reply,
        request,
        'validation_failed',
        { summary, field: issues[0]?.field, issues },
        400,
      );
    }

    if (error.statusCode === 429) {
      return send(
        reply,
        request,
        'rate_limited',
        { retryAfter: String(reply.getHeader('retry-after') ?? 60) + ' s' },
        429,
      );
    }

    const known = error.code ? fastifyCodes[error.code] : undefined;
    if (known)
      return send(
        reply,
        request,
        known.code,
        { summary: known.details?.summary ?? error.code, ...known.details },
        known.status,
      );

    if (isResponseSerializationError(error)) {
      request.log.error(
        {
          err: {
            message: 'response did not match its schema',
            issues: error.cause.issues.map((i) => i.path.join('.')),
          },
        },
        'response serialization',
      );
      return send(reply, request, 'internal', {}, 500);
    }

    // Unknown: log what locates the bug (type, code, constraint, stack) and answer with the request
    // id only. Not the whole error: a database error's `detail` quotes row values (a NIK, a name).
    request.log.error({ err: loggableError(error) }, 'unhandled error');
    return send(reply, request, 'internal', {}, 500);
  });

  app.setNotFoundHandler((request, reply) =>
    send(
      reply,
      request,
      'not_found',
      { what: `${request.method} ${request.url.split('?')[0]}` },
      404,
    ),
  );
}

/** The parts of an unexpected error that are safe to log: no values from rows or requests. */
export function loggableError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const e = error as Error & {
    code?: unknown;
    constraint?: unknown;
    table?: unknown;
    column?: unknown;
  };
  return {
    type: e.name,
    message: e.message,
    code: e.code,
    constraint: e.constraint,
    table: e.table,
    column: e.column,
    stack: e.stack,
  };
}
