import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { aboutSchema, healthSchema } from '../../contract/health.ts';
import { demoDatasetInfo } from '../../services/demo/demo-province.ts';
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
    app.get(
      '/api/about',
      {
        schema: {
          tags: ['system'],
          summary: 'Version, database engine, and whether the data is the synthetic demo',
          response: { 200: aboutSchema },
        },
      },
      async (request) => {
        const demo = await demoDatasetInfo(request.ctx.db);
        return {
          version: info.version,
          database: info.database,
          demo: demo && {
            label: demo.label,
            children: demo.children,
            measurements: demo.measurements,
            seed: demo.seed,
            today: demo.today,
            generatedAt: demo.generatedAt,
          },
        };
      },
    );
  };
