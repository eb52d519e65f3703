import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import { DomainError } from '../../core/errors.ts';
import { ageDaysBetween } from '../../core/growth/age.ts';
import {
  assessMeasurement,
  weightGainSeries,
  type MeasurementAssessment,
} from '../../core/registry/assess.ts';
import { measurementProblems } from '../../core/registry/rules.ts';
import type { Db } from '../../db/connect.ts';
import {
  currentMeasurementOn,
  currentMeasurementsOfChild,
  findChild,
  findMeasurement,
  insertMeasurementOnce,
  markSuperseded,
  updateWeightGain,
} from '../../db/queries/registry.ts';
import type { ChildRow, Database, MeasurementRow, NewMeasurement } from '../../db/types.ts';
import { audit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { assertRecordAccess } from './access.ts';
import { readChild, rejectProblems, today } from './children.ts';

export interface MeasurementFields {
  id: string;
  measuredOn: string;
  weightKg?: number | null;
  heightCm?: number | null;
  measure?: 'l' | 'h' | null;
  headCm?: number | null;
  muacCm?: number | null;
  oedema?: boolean;
  /** The kader looked again at an implausible value and confirms it. */
  confirmImplausible?: boolean;
}

export type MeasurementSource = NewMeasurement['source'];

/** What identifies a submission's content: the same id with another body is a conflict, not a retry. */
function payloadHash(childId: string, f: MeasurementFields, supersedes: string | null): string {
  const canonical = [
    childId,
    f.measuredOn,
    f.weightKg ?? '',
    f.heightCm ?? '',
    f.measure ?? '',
    f.headCm ?? '',
    f.muacCm ?? '',
    f.oedema ? 1 : 0,
    supersedes ?? '',
  ].join('|');
  return createHash('sha256').update(canonical).digest('hex').slice(0, 32);
}

function rowFor(
  child: ChildRow,
  f: MeasurementFields,
  a: MeasurementAssessment,
  source: MeasurementSource,
  enteredBy: string | null,
  supersedes: string | null,
): NewMeasurement {
  return {
    id: f.id,
    child_id: child.id,
    region_code: child.region_code,
    posyandu_id: child.posyandu_id,
    measured_on: f.measuredOn,
    age_days: ageDaysBetween(child.birth_date, f.measuredOn),
    weight_kg: f.weightKg ?? null,
    height_cm: f.heightCm ?? null,
    measure: f.heightCm != null ? (f.measure ?? null) : null,
    head_cm: f.headCm ?? null,
    muac_cm: f.muacCm ?? null,
    oedema: f.oedema ?? false,
    zlen: a.zlen,
    zwei: a.zwei,
    zwfl: a.zwfl,
    zbmi: a.zbmi,
    zhc: a.zhc,
    zac: a.zac,
    flen: a.flen,
    fwei: a.fwei,
    fwfl: a.fwfl,
    fbmi: a.fbmi,
    fhc: a.fhc,
    fac: a.fac,
    height_for_age: a.heightForAge,
    weight_for_age: a.weightForAge,
    weight_for_height: a.weightForHeight,
    weight_gain: null,
    two_t: false,
    implausible: a.implausible,
    source,
    entered_by: enteredBy,
    payload_hash: payloadHash(child.id, f, supersedes),
    supersedes,
  };
}

/**
 * The one write path of a measurement (entry, import, API): validates against the child, computes
 * z-scores, categories and flags with the growth engine, stores once per client id, recomputes
 * the weight-gain series of the child (N/T of later months depend on it) and audits — all in
 * one transaction. Re-sending the same id with the same content returns the stored row.
 */
export async function recordMeasurement(
  ctx: ServiceContext,
  input: MeasurementFields & { childId: string },
  options: { source?: MeasurementSource; supersedes?: MeasurementRow | null } = {},
): Promise<{ measurement: MeasurementRow; created: boolean }> {
  const source = options.source ?? 'entry';
  const supersedes = options.supersedes ?? null;
  const child = await readChild(ctx, input.childId);
  assertRecordAccess(ctx, 'records:write', {
    regionCode: child.region_code,
    posyanduId: child.posyandu_id,
  });
  if (child.merged_into) throw new DomainError('child_merged', { mergedInto: child.merged_into });

  const existing = await findMeasurement(ctx.db, input.id);
  if (existing) return sameSubmission(existing, child, input, supersedes?.id ?? null);

  rejectProblems(measurementProblems(input, child.birth_date, today(ctx)));
  const assessment = assessMeasurement({
    sex: child.sex as 1 | 2,
    birthDate: child.birth_date,
    ...input,
  });
  if (assessment.implausible && source === 'entry' && !input.confirmImplausible)
    throw new DomainError('implausible_unconfirmed', {
      fields: assessment.implausibleFields.join(', '),
      field: assessment.implausibleFields[0],
      implausible: assessment.implausibleFields,
    });

  const row = rowFor(
    child,
    input,
    assessment,
    source,
    ctx.actor?.id ?? null,
    supersedes?.id ?? null,
  );
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      if (supersedes) await markSuperseded(trx, supersedes.id, ctx.now());
      else {
        const sameDay = await currentMeasurementOn(trx, child.id, input.measuredOn);
        if (sameDay)
          throw new DomainError('measurement_exists', {
            date: input.measuredOn,
            field: 'measuredOn',
            existingId: sameDay.id,
          });
      }
      const { row: stored, created } = await insertMeasurementOnce(trx, row);
      if (!created) return sameSubmission(stored, child, input, supersedes?.id ?? null);
      await refreshWeightGain(trx, child.id);
      await audit(trx, ctx, {
        action: supersedes ? 'measurement.corrected' : 'measurement.recorded',
        entity: 'measurement',
        entityId: stored.id,
        regionCode: stored.region_code,
        before: supersedes ? measurementAudit(supersedes) : undefined,
        after: measurementAudit(stored),
      });
      return { measurement: (await findMeasurement(trx, stored.id))!, created: true };
    });
  } catch (error) {
    // Two deliveries of the same submission racing: the loser finds the winner's row.
    if (isUniqueViolation(error)) {
      const stored = await findMeasurement(ctx.db, input.id);
      if (stored) return sameSubmission(stored, child, input, supersedes?.id ?? null);
      const sameDay = await currentMeasurementOn(ctx.db, child.id, input.measuredOn);
      if (sameDay)
        throw new DomainError('measurement_exists', {
          date: input.measuredOn,
          field: 'measuredOn',
          existingId: sameDay.id,
        });
    }
    throw error;
  }
}

function sameSubmission(
  stored: MeasurementRow,
  child: ChildRow,
  input: MeasurementFields,
  supersedes: string | null,
) {
  if (
    stored.child_id !== child.id ||
    stored.payload_hash !== payloadHash(child.id, input, supersedes)
  )
    throw new DomainError('measurement_conflict', { field: 'id', id: stored.id });
  return { measurement: stored, created: false };
}

function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { code?: string }).code === '23505'
  );
}

/** Measurements carry no names: their values may be audited as they are. */
function measurementAudit(m: MeasurementRow) {
  return {
    childId: m.child_id,
    measuredOn: m.measured_on,
    weightKg: m.weight_kg,
    heightCm: m.height_cm,
    measure: m.measure,
    headCm: m.head_cm,
    muacCm: m.muac_cm,
    oedema: m.oedema,
    zlen: m.zlen,
    zwei: m.zwei,
    zwfl: m.zwfl,
    source: m.source,
    supersedes: m.supersedes,
  };
}

/**
 * A correction is a new submission (new client id) that supersedes the current row; the old row
 * stays readable with `superseded_at` set.
 */
export async function correctMeasurement(
  ctx: ServiceContext,
  measurementId: string,
  input: MeasurementFields,
): Promise<{ measurement: MeasurementRow; created: boolean }> {
  const old = await findMeasurement(ctx.db, measurementId);
  if (!old) throw new DomainError('not_found', { what: 'measurement' });
  await readChild(ctx, old.child_id);
  if (old.superseded_at) {
    const retry = await findMeasurement(ctx.db, input.id);
    if (retry && retry.supersedes === old.id)
      return sameSubmission(retry, (await findChild(ctx.db, old.child_id))!, input, old.id);
    throw new DomainError('conflict', {
      what: 'this measurement was already corrected; correct the newest version',
      field: 'id',
    });
  }
  return recordMeasurement(
    ctx,
    { ...input, childId: old.child_id },
    { source: old.source === 'import' ? 'entry' : old.source, supersedes: old },
  );
}

/** Recomputes N/T/O/B and 2T over a child's current measurements, writing only what changed. */
export async function refreshWeightGain(
  db: Db | Transaction<Database>,
  childId: string,
): Promise<void> {
  const child = await findChild(db, childId);
  if (!child) return;
  const series = await currentMeasurementsOfChild(db, childId);
  const statuses = weightGainSeries(
    child.birth_date,
    series.map((m) => ({ measuredOn: m.measured_on, weightKg: m.weight_kg })),
  );
  for (let i = 0; i < series.length; i++) {
    const m = series[i]!;
    const s = statuses[i]!;
    if (m.weight_gain !== s.weightGain || m.two_t !== s.twoT)
      await updateWeightGain(db, m.id, s.weightGain, s.twoT);
  }
}
