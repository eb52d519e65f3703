import { z } from 'zod';
import { isRegionCode } from '../core/regions/region-code.ts';

/** Dotless kode wilayah of any level; dotted input is accepted and normalised. */
export const regionCodeSchema = z
  .string()
  .trim()
  .max(13)
  .transform((s) => s.replace(/\./g, ''))
  .refine(isRegionCode, {
    message: 'kode wilayah: 2, 4, 6 or 10 digits (e.g. 53, 5301, 530101, 5301012001)',
  });

/** Every error leaves the server in this one shape (house rule 4). */
export const errorResponseSchema = z.object({
  error: z.object({
    code: z.string().describe('stable snake_case code'),
    message: z.string().describe('in Indonesian or English, by Accept-Language'),
    details: z.record(z.string(), z.unknown()).optional(),
    requestId: z.string(),
  }),
});
export type ErrorResponse = z.infer<typeof errorResponseSchema>;

export const okSchema = z.object({ ok: z.literal(true) });

/** A short text field: trimmed, bounded, no control characters. */
export const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `at most ${max} characters` })
    // eslint-disable-next-line no-control-regex
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(s), {
      message: 'control characters are not allowed',
    });

/** The error responses a route documents in OpenAPI, by status: `errorResponses(400, 401, 403)`. */
export function errorResponses<S extends number>(
  ...statuses: S[]
): Record<S, typeof errorResponseSchema> {
  return Object.fromEntries(statuses.map((s) => [s, errorResponseSchema])) as Record<
    S,
    typeof errorResponseSchema
  >;
}
