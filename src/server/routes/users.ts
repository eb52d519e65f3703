import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  auditListSchema,
  createUserBodySchema,
  createUserResponseSchema,
  userListSchema,
} from '../../contract/auth.ts';
import { errorResponses, regionCodeSchema } from '../../contract/common.ts';
import { listAuditEntries } from '../../services/audit.ts';
import { createUser, listUsers } from '../../services/auth/users.ts';
import { requireActor } from '../plugins/session.ts';
import { presentAuditEntry, presentUser } from '../presenters/auth.ts';

const errors = errorResponses(400, 401, 403, 404, 409);

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/users',
    {
      schema: {
        tags: ['admin'],
        summary: "Users inside the administrator's scope",
        response: { 200: userListSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return { items: (await listUsers({ ...request.ctx, actor })).map(presentUser) };
    },
  );

  app.post(
    '/api/users',
    {
      schema: {
        tags: ['admin'],
        summary: 'Create a user; answers with a one-time password shown once',
        body: createUserBodySchema,
        response: { 201: createUserResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      requireActor(request);
      const created = await createUser(request.ctx, request.body);
      return reply
        .status(201)
        .send({ user: presentUser(created.user), oneTimePassword: created.oneTimePassword });
    },
  );

  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['admin'],
        summary: 'The audit trail of a region inside the user’s scope, newest first',
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(500).default(100),
          region: regionCodeSchema.optional().describe("default: the user's whole scope"),
          entity: z.string().max(50).optional(),
          entityId: z.string().max(100).optional(),
        }),
        response: { 200: auditListSchema, ...errors },
      },
    },
    async (request) => {
      requireActor(request);
      const { region, ...rest } = request.query;
      return {
        items: (await listAuditEntries(request.ctx, { ...rest, regionCode: region })).map(
          presentAuditEntry,
        ),
      };
    },
  );
};
