/**
 * Offline sync (docs/offline.md): what a phone sends when the network returns, what it gets back
 * for each item, and the posyandu snapshot it keeps for working offline. Items are validated one
 * by one on the server, so one bad item is answered with its own error and never blocks the rest.
 */
import { z } from 'zod';
import {
  childBodySchema,
  childSchema,
  childUpdateBodySchema,
  measurementBodySchema,
  measurementSchema,
  posyanduSchema,
} from './registry.ts';

const uuid = z.uuid({ message: 'a UUID' });

/** A child registered on the phone: its id is the phone's UUID (resending it stores nothing new). */
export const syncChildSchema = childBodySchema.extend({
  id: uuid.describe('made on the phone; the same id with another body is child_conflict'),
});
export type SyncChild = z.infer<typeof syncChildSchema>;

/** A correction of a child's record made on the phone, against the version the phone had. */
export const syncChildUpdateSchema = z.object({
  id: uuid.describe("the phone's id of this change (answers are matched by it)"),
  childId: uuid,
  version: z.number().int().min(1).describe('the version the phone edited'),
  fields: childUpdateBodySchema.omit({ version: true }),
});
export type SyncChildUpdate = z.infer<typeof syncChildUpdateSchema>;

/** A measurement (or a correction of one, with `supersedes`) made on the phone. */
export const syncMeasurementSchema = measurementBodySchema.extend({
  supersedes: uuid.nullish().describe('a correction: the current measurement it replaces'),
});
export type SyncMeasurement = z.infer<typeof syncMeasurementSchema>;

export const SYNC_MAX_CHILDREN = 100;
export const SYNC_MAX_MEASUREMENTS = 500;

/** Items are objects checked one by one (syncChildSchema…), so the envelope only bounds them. */
const items = (max: number, what: string) =>
  z
    .array(z.record(z.string(), z.unknown()))
    .max(max, { message: `at most ${max} per request` })
    .default([])
    .describe(what);

export const syncPushBodySchema = z.object({
  children: items(SYNC_MAX_CHILDREN, 'new children (syncChildSchema); processed first'),
  childUpdates: items(SYNC_MAX_CHILDREN, 'child corrections (syncChildUpdateSchema); second'),
  measurements: items(
    SYNC_MAX_MEASUREMENTS,
    'measurements (syncMeasurementSchema); last, so they may refer to children of this request',
  ),
});

const itemError = z.object({
  code: z.string().describe('stable snake_case code (src/core/errors.ts)'),
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});

/** Per-item answer: `ok` with the stored record, or the error and the server's version of it. */
export const syncChildResultSchema = z.object({
  id: z.string(),
  ok: z.boolean(),
  created: z.boolean().optional().describe('false: stored before (a resend)'),
  child: childSchema.optional(),
  error: itemError.optional(),
  current: childSchema
    .optional()
    .describe(
      'conflicts: the record as the server has it (child_conflict, child_version_conflict) or the one it was merged into (child_merged)',
    ),
});
export const syncMeasurementResultSchema = z.object({
  id: z.string(),
  ok: z.boolean(),
  created: z.boolean().optional(),
  measurement: measurementSchema.optional(),
  error: itemError.optional(),
  current: measurementSchema
    .optional()
    .describe(
      "conflicts: the server's measurement (measurement_conflict: under this id; measurement_exists: on that day)",
    ),
  mergedInto: childSchema
    .optional()
    .describe('child_merged: the record the child was merged into, if in your scope'),
});

export const syncPushResponseSchema = z.object({
  children: z.array(syncChildResultSchema),
  childUpdates: z.array(syncChildResultSchema),
  measurements: z.array(syncMeasurementResultSchema),
});
export type SyncPushResponse = z.infer<typeof syncPushResponseSchema>;
export type SyncChildResult = z.infer<typeof syncChildResultSchema>;
export type SyncMeasurementResult = z.infer<typeof syncMeasurementResultSchema>;

/** What a phone keeps of one posyandu to work offline. */
export const posyanduSnapshotSchema = z.object({
  asOf: z.string().describe('server time of the snapshot (ISO)'),
  posyandu: posyanduSchema,
  children: z.array(childSchema).describe('children of the posyandu (merged ones left out)'),
  measurements: z
    .array(measurementSchema)
    .describe('current measurements of those children, oldest first per child'),
  merged: z
    .array(z.object({ id: z.string(), mergedInto: z.string() }))
    .describe('children of the posyandu merged into another record (a phone may still hold them)'),
});
export type PosyanduSnapshot = z.infer<typeof posyanduSnapshotSchema>;
