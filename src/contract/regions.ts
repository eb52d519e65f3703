import { z } from 'zod';
import { regionLevels } from '../core/regions/region-code.ts';
import { regionCodeSchema, text } from './common.ts';

export const regionLevelSchema = z.enum(regionLevels);

export const regionSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: regionLevelSchema,
  type: z.enum(['kabupaten', 'kota', 'desa', 'kelurahan', 'desa_adat']).nullable(),
  parentCode: z.string().nullable(),
});
export type Region = z.infer<typeof regionSchema>;

export const regionParamsSchema = z.object({ code: regionCodeSchema });

export const regionDetailSchema = z.object({
  region: regionSchema,
  ancestors: z.array(regionSchema).describe('province first'),
  children: z.array(regionSchema),
  hasBoundaries: z.boolean().describe('whether GeoJSON boundaries of the children exist'),
});
export type RegionDetail = z.infer<typeof regionDetailSchema>;

export const regionSearchQuerySchema = z.object({
  q: text(100)
    .pipe(z.string().min(2, { message: 'at least 2 characters' }))
    .optional()
    .describe('without q: the list of provinces'),
  level: regionLevelSchema.optional(),
  within: regionCodeSchema.optional().describe('only regions inside this code'),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const regionSearchResultSchema = z.object({
  items: z.array(
    regionSchema.extend({
      path: z.string().describe('ancestors, e.g. "Nusa Tenggara Timur › Kabupaten Kupang"'),
    }),
  ),
});
export type RegionSearchResult = z.infer<typeof regionSearchResultSchema>;

/** GeoJSON FeatureCollection whose features carry `code`, `name`, `level` properties. */
export const boundariesSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      properties: z.object({ code: z.string(), name: z.string() }).passthrough(),
      geometry: z.unknown(),
    }),
  ),
});
