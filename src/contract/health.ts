import { z } from 'zod';

export const healthSchema = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  version: z.string(),
});

export const aboutSchema = z.object({
  version: z.string(),
  database: z.enum(['pglite', 'postgres']),
  demo: z
    .object({
      label: z.object({ id: z.string(), en: z.string() }),
      children: z.number(),
      measurements: z.number(),
      seed: z.number(),
      today: z.string(),
      generatedAt: z.string(),
    })
    .nullable()
    .describe('set when the registry holds the synthetic demo province: every screen must say so'),
});
export type About = z.infer<typeof aboutSchema>;
