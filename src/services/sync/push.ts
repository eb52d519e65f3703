/**
 * Offline sync, the server side of a phone's queue (docs/offline.md): one request carries new
 * children, child corrections and measurements, each answered on its own. Nothing here writes by
 * itself: every item goes through the registry's use cases (registerChild, updateChild and the one
 * write path recordMeasurements), which check the caller's scope, audit, and make every item
 * idempotent by its client id. What this adds is the server's version of the record for each
 * conflict, so the phone can show both versions to the kader.
 */
import { DomainError } from '../../core/errors.ts';
import {
  findChild,
  findMeasurements,
  currentMeasurementsOnDays,
} from '../../db/queries/registry.ts';
import type { ChildRow, MeasurementRow } from '../../db/types.ts';
import type { ServiceContext } from '../context.ts';
import { assertRecordAccess } from '../registry/access.ts';
import { registerChild, updateChild, type ChildFields } from '../registry/children.ts';
import { recordMeasurements, type MeasurementSubmission } from '../registry/measurements.ts';

/** A child registered on the phone (its id made there). */
export type PushedChild = ChildFields & { id: string; confirmNotDuplicate?: boolean };

/** A correction of a child made on the phone, against the version it had. */
export interface PushedChildUpdate {
  id: string;
  childId: string;
  version: number;
  fields: Partial<ChildFields>;
}

export type ChildOutcome =
  | { ok: true; child: ChildRow; created: boolean }
  | { ok: false; error: DomainError; current?: ChildRow };

export type MeasurementPushOutcome =
  | { ok: true; measurement: MeasurementRow; created: boolean }
  | { ok: false; error: DomainError; current?: MeasurementRow; mergedInto?: ChildRow };

export interface PushOutcomes {
  children: ChildOutcome[];
  childUpdates: ChildOutcome[];
  measurements: MeasurementPushOutcome[];
}

/** A record the caller may read, or undefined (a conflict never reveals a record outside scope). */
async function readable(ctx: ServiceContext, id: string | null): Promise<ChildRow | undefined> {
  if (!id) return undefined;
  const child = await findChild(ctx.db, id);
  if (!child) return undefined;
  try {
    assertRecordAccess(ctx, 'records:read', {
      regionCode: child.region_code,
      posyanduId: child.posyandu_id,
    });
    return child;
  } catch {
    return undefined;
  }
}

async function settle<T>(
  run: () => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; error: DomainError }> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    if (error instanceof DomainError) return { ok: false, error };
    throw error;
  }
}

/** The record a `child_merged` error points at. */
const mergedIntoOf = (error: DomainError): string | null =>
  typeof error.details.mergedInto === 'string' ? error.details.mergedInto : null;

const trimmed = (v: string | null | undefined) => (v == null ? null : v.trim() || null);

/** Whether every field of a change already holds its value: the change was applied before. */
function holdsChange(child: ChildRow, fields: Partial<ChildFields>): boolean {
  const now: Record<keyof ChildFields, unknown> = {
    posyanduId: child.posyandu_id,
    regionCode: child.region_code,
    name: child.name,
    sex: child.sex,
    birthDate: child.birth_date,
    nik: child.nik,
    birthWeightKg: child.birth_weight_kg,
    birthLengthCm: child.birth_length_cm,
    motherName: child.mother_name,
    motherNik: child.mother_nik,
    address: child.address,
  };
  return (Object.keys(fields) as (keyof ChildFields)[]).every((key) => {
    const value = fields[key];
    if (value === undefined) return true;
    const wanted =
      key === 'name' || key === 'motherName' || key === 'address'
        ? trimmed(value as string | null)
        : value;
    return (wanted ?? null) === (now[key] ?? null);
  });
}

/** A new child: registered once whatever the number of deliveries. */
async function pushChild(ctx: ServiceContext, item: PushedChild): Promise<ChildOutcome> {
  const result = await settle(() => registerChild(ctx, item));
  if (result.ok) return { ok: true, ...result.value };
  const current =
    result.error.code === 'child_conflict'
      ? await readable(ctx, item.id)
      : result.error.code === 'child_merged'
        ? await readable(ctx, mergedIntoOf(result.error))
        : undefined;
  return { ok: false, error: result.error, ...(current && { current }) };
}

/**
 * A correction of a child. A stale version is a conflict unless the record already holds the
 * change (a resend whose first delivery was applied, or the same change made elsewhere).
 */
async function pushChildUpdate(
  ctx: ServiceContext,
  item: PushedChildUpdate,
): Promise<ChildOutcome> {
  const result = await settle(() =>
    updateChild(ctx, item.childId, { ...item.fields, version: item.version }),
  );
  if (result.ok) return { ok: true, child: result.value, created: true };
  const { error } = result;
  if (error.code === 'child_version_conflict') {
    const current = await readable(ctx, item.childId);
    if (current && !current.merged_into && holdsChange(current, item.fields))
      return { ok: true, child: current, created: false };
    return { ok: false, error, ...(current && { current }) };
  }
  if (error.code === 'child_merged') {
    const current = await readable(ctx, mergedIntoOf(error));
    return { ok: false, error, ...(current && { current }) };
  }
  return { ok: false, error };
}

/** The server's side of each measurement conflict, read after the write path has answered. */
async function measurementConflicts(
  ctx: ServiceContext,
  items: MeasurementSubmission[],
  outcomes: Awaited<ReturnType<typeof recordMeasurements>>,
): Promise<MeasurementPushOutcome[]> {
  const sameId = outcomes.flatMap((o, i) =>
    !o.ok && o.error.code === 'measurement_conflict' ? [items[i]!.id] : [],
  );
  const sameDay = outcomes.flatMap((o, i) =>
    !o.ok && o.error.code === 'measurement_exists'
      ? [{ childId: items[i]!.childId, measuredOn: items[i]!.measuredOn }]
      : [],
  );
  const byId = new Map((await findMeasurements(ctx.db, sameId)).map((m) => [m.id, m]));
  const byDay = new Map(
    (await currentMeasurementsOnDays(ctx.db, sameDay)).map((m) => [
      `${m.child_id}|${m.measured_on}`,
      m,
    ]),
  );
  const merged = new Map<string, ChildRow | undefined>();
  const result: MeasurementPushOutcome[] = [];
  for (const [i, o] of outcomes.entries()) {
    if (o.ok) {
      result.push(o);
      continue;
    }
    const item = items[i]!;
    let current: MeasurementRow | undefined;
    let mergedInto: ChildRow | undefined;
    if (o.error.code === 'measurement_conflict') current = byId.get(item.id);
    if (o.error.code === 'measurement_exists')
      current = byDay.get(`${item.childId}|${item.measuredOn}`);
    if (o.error.code === 'child_merged') {
      const into = mergedIntoOf(o.error) ?? '';
      if (!merged.has(into)) merged.set(into, await readable(ctx, into));
      mergedInto = merged.get(into);
    }
    // A record outside the caller's scope is never shown (hideExistence as everywhere).
    if (current) {
      const child = await readable(ctx, current.child_id);
      if (!child) current = undefined;
    }
    result.push({
      ok: false,
      error: o.error,
      ...(current && { current }),
      ...(mergedInto && { mergedInto }),
    });
  }
  return result;
}

/**
 * One request of a phone's queue: children first (one transaction each), then child corrections,
 * then all measurements in one call of the write path, so a measurement may refer to a child of
 * the same request. Each item's outcome is independent of the others'.
 */
export async function pushSync(
  ctx: ServiceContext,
  push: {
    children: PushedChild[];
    childUpdates: PushedChildUpdate[];
    measurements: MeasurementSubmission[];
  },
): Promise<PushOutcomes> {
  if (!ctx.actor) throw new DomainError('unauthenticated');
  const children: ChildOutcome[] = [];
  for (const item of push.children) children.push(await pushChild(ctx, item));
  const childUpdates: ChildOutcome[] = [];
  for (const item of push.childUpdates) childUpdates.push(await pushChildUpdate(ctx, item));
  const recorded = push.measurements.length
    ? await recordMeasurements(ctx, push.measurements, { source: 'entry' })
    : [];
  const measurements = await measurementConflicts(ctx, push.measurements, recorded);
  return { children, childUpdates, measurements };
}
