import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { healthSchema } from '../../contract/health.ts';
import { databaseIsUp } from '../../services/database.ts';

export const healthRoutes = (info: {
  database: 'pglite' | 'postgres';
  version: string;
}): FastifyPluginAsyncZod =>
  async function health(app) {
    app.get(
      '/healthz',
      {
        schema: {
          tags: ['system'],
          summary: 'Liveness and database check',
          response: { 200: healthSchema },
        },
      },
      async (request) => {
        await databaseIsUp(request.ctx.db);
        return { status: 'ok' as const, database: info.database, version: info.version };
      },
    );
  };
