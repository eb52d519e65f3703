import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponseSchema } from '../../contract/common.ts';
import {
  boundariesSchema,
  regionDetailSchema,
  regionParamsSchema,
  regionSearchQuerySchema,
  regionSearchResultSchema,
} from '../../contract/regions.ts';
import {
  childBoundaries,
  regionDetail,
  searchRegionsByName,
} from '../../services/regions/region-directory.ts';

const tags = ['regions'];

/** Kode wilayah are public reference data: no login needed. */
export const regionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/regions',
    {
      schema: {
        tags,
        summary: 'Search regions by name (ignores case, punctuation and Kab./Kota prefixes)',
        querystring: regionSearchQuerySchema,
        response: { 200: regionSearchResultSchema, 400: errorResponseSchema },
      },
    },
    async (request) => searchRegionsByName(request.ctx.db, request.query),
  );

  app.get(
    '/api/regions/:code',
    {
      schema: {
        tags,
        summary: 'A region with its ancestors and children',
        params: regionParamsSchema,
        response: { 200: regionDetailSchema, 400: errorResponseSchema, 404: errorResponseSchema },
      },
    },
    async (request, reply) => {
      void reply.header('cache-control', 'public, max-age=3600');
      return regionDetail(request.ctx.db, request.params.code);
    },
  );

  app.get(
    '/api/regions/:code/boundaries',
    {
      schema: {
        tags,
        summary:
          "GeoJSON boundaries of a region's children (where shipped); `missing` lists children without one",
        params: regionParamsSchema,
        response: {
          200: boundariesSchema.extend({
            missing: regionDetailSchema.shape.children.element.shape.code.array(),
          }),
          404: errorResponseSchema,
        },
      },
    },
    async (request, reply) => {
      void reply.header('cache-control', 'public, max-age=86400');
      return childBoundaries(request.ctx.db, request.params.code);
    },
  );
};
