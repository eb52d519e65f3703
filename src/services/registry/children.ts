import { createHash, randomUUID } from 'node:crypto';
import { canAccessRegion } from '../../core/access/scope.ts';
import { findRegion } from '../../db/queries/regions.ts';
import { DomainError } from '../../core/errors.ts';
import { childProblems, measurementProblems, personNameKey } from '../../core/registry/rules.ts';
import { assessMeasurement } from '../../core/registry/assess.ts';
import { ageDaysBetween } from '../../core/growth/age.ts';
import {
  findChild,
  findChildByNik,
  findLikelyDuplicates,
  findPosyandu,
  insertChildOnce,
  markChildMerged,
  moveMeasurements,
  currentMeasurementsOfChild,
  allMeasurementsOfChild,
  updateMeasurementAssessment,
  markSupersededMany,
  searchChildren,
  updateChild as updateChildRow,
} from '../../db/queries/registry.ts';
import type { ChildRow, NewChild } from '../../db/types.ts';
import { audit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { assertRecordAccess } from './access.ts';
import { readChild, rejectProblems, today } from './record.ts';
import { refreshWeightGain } from './measurements.ts';
import { ALL_PERIODS_FROM, refreshRollups } from '../dashboard/rollups.ts';

export interface ChildFields {
  posyanduId: string;
  name: string;
  sex: 1 | 2;
  birthDate: string;
  nik?: string | null;
  birthWeightKg?: number | null;
  birthLengthCm?: number | null;
  motherName?: string | null;
  motherNik?: string | null;
  address?: string | null;
  regionCode?: string;
}

/** Personal fields are audited as changed/unchanged, never with their values. */
function auditView(row: ChildRow) {
  return {
    posyanduId: row.posyandu_id,
    regionCode: row.region_code,
    sex: row.sex,
    version: row.version,
    mergedInto: row.merged_into,
  };
}

/**
 * What identifies a registration's content: the same client id with another body is a conflict,
 * not a retry (as ODK's instanceID). The duplicate confirmation is a flag, not content.
 */
function childPayloadHash(input: ChildFields, regionCode: string): string {
  const canonical = [
    input.posyanduId,
    regionCode,
    input.name.trim(),
    input.sex,
    input.birthDate,
    input.nik ?? '',
    input.birthWeightKg ?? '',
    input.birthLengthCm ?? '',
    input.motherName?.trim() || '',
    input.motherNik ?? '',
    input.address?.trim() || '',
  ].join('|');
  return createHash('sha256').update(canonical).digest('hex').slice(0, 32);
}

/**
 * A registration whose id is stored already: the stored child when the body is the one stored
 * (a resend; later changes by others do not matter), `child_conflict` when it is another body.
 */
function storedRegistration(
  ctx: ServiceContext,
  existing: ChildRow,
  hash: string,
): { child: ChildRow; created: false } {
  assertRecordAccess(
    ctx,
    'records:read',
    { regionCode: existing.region_code, posyanduId: existing.posyandu_id },
    { hideExistence: true, what: 'child' },
  );
  if (existing.payload_hash !== null && existing.payload_hash !== hash)
    throw new DomainError('child_conflict', { field: 'id', id: existing.id });
  return { child: existing, created: false };
}

/**
 * Registers a child at a posyandu. A child with the same NIK, or with the same name, birth date
 * and mother in the same desa, is not created again: the caller gets `child_duplicate` with the
 * candidates (those inside the caller's scope) and may confirm that it is a different child.
 * Re-sending the same client id returns the stored child (idempotent, for offline sync), also
 * when two deliveries race; the same id with another body is `child_conflict`.
 */
export async function registerChild(
  ctx: ServiceContext,
  input: ChildFields & { id?: string; confirmNotDuplicate?: boolean },
): Promise<{ child: ChildRow; created: boolean }> {
  const posyandu = await findPosyandu(ctx.db, input.posyanduId);
  if (!posyandu)
    throw new DomainError('validation_failed', {
      field: 'posyanduId',
      summary: 'posyanduId: unknown posyandu',
      allowed: 'a posyandu of your area',
    });
  const regionCode = input.regionCode ?? posyandu.region_code;
  assertRecordAccess(ctx, 'records:write', {
    regionCode: posyandu.region_code,
    posyanduId: posyandu.id,
  });
  const hash = childPayloadHash(input, regionCode);
  // A resend is answered before any rule is checked again: the rules (age under 60 months…) may
  // have moved since the first delivery was stored.
  if (input.id) {
    const existing = await findChild(ctx.db, input.id);
    if (existing) return storedRegistration(ctx, existing, hash);
  }
  if (regionCode.length !== 10 || !regionCode.startsWith(posyandu.region_code.slice(0, 4)))
    throw new DomainError('validation_failed', {
      field: 'regionCode',
      summary: 'regionCode: a desa/kelurahan of the same kabupaten as the posyandu',
      allowed: 'a 10-digit desa code',
    });
  if (regionCode !== posyandu.region_code && !(await findRegion(ctx.db, regionCode)))
    throw new DomainError('region_not_found', { code: regionCode, field: 'regionCode' });
  rejectProblems(childProblems(input, today(ctx)));

  if (input.nik) {
    const sameNik = await findChildByNik(ctx.db, input.nik);
    if (sameNik && sameNik.id === input.id) return storedRegistration(ctx, sameNik, hash);
    if (sameNik) throw duplicateError(ctx, [sameNik], 'NIK');
  }
  if (!input.confirmNotDuplicate) {
    const likely = await findLikelyDuplicates(ctx.db, {
      regionCode,
      birthDate: input.birthDate,
      nameKey: personNameKey(input.name),
      motherNameKey: input.motherName ? personNameKey(input.motherName) : null,
    });
    // Another delivery of this very registration, stored meanwhile, is not a duplicate of it.
    const self = likely.find((c) => c.id === input.id);
    if (self) return storedRegistration(ctx, self, hash);
    if (likely.length) throw duplicateError(ctx, likely, 'nama, tanggal lahir, ibu');
  }

  const row: NewChild = {
    id: input.id ?? randomUUID(),
    region_code: regionCode,
    posyandu_id: posyandu.id,
    nik: input.nik ?? null,
    name: input.name.trim(),
    sex: input.sex,
    birth_date: input.birthDate,
    birth_weight_kg: input.birthWeightKg ?? null,
    birth_length_cm: input.birthLengthCm ?? null,
    mother_name: input.motherName?.trim() || null,
    mother_nik: input.motherNik ?? null,
    address: input.address?.trim() || null,
    payload_hash: hash,
    created_by: ctx.actor?.id ?? null,
  };
  const child = await ctx.db.transaction().execute(async (trx) => {
    const inserted = await insertChildOnce(trx, row);
    if (!inserted) return undefined;
    await refreshRollups(trx, { posyandu: [inserted.posyandu_id] });
    await audit(trx, ctx, {
      action: 'child.registered',
      entity: 'child',
      entityId: inserted.id,
      regionCode: inserted.region_code,
      after: auditView(inserted),
    });
    return inserted;
  });
  if (child) return { child, created: true };
  // The same id was stored by a delivery that raced this one.
  return storedRegistration(ctx, (await findChild(ctx.db, row.id))!, hash);
}

/** Candidates the caller may see are listed; others only make the count. */
function duplicateError(ctx: ServiceContext, rows: ChildRow[], reason: string): DomainError {
  const visible = rows.filter((r) => {
    try {
      assertRecordAccess(ctx, 'records:read', {
        regionCode: r.region_code,
        posyanduId: r.posyandu_id,
      });
      return true;
    } catch {
      return false;
    }
  });
  return new DomainError('child_duplicate', {
    reason,
    outsideScope: rows.length - visible.length,
    candidates: visible.map((r) => ({
      id: r.id,
      name: r.name,
      birthDate: r.birth_date,
      motherName: r.mother_name,
      sex: r.sex,
      regionCode: r.region_code,
      posyanduId: r.posyandu_id,
    })),
  });
}

/** Corrects a child's data; the previous values stay in the audit trail (changed fields named). */
/** A corrected birth date must still come before every measurement and keep them under 60 months. */
function rejectBirthDateAfterMeasurements(
  birthDate: string,
  measurements: { measured_on: string }[],
): void {
  for (const m of measurements) {
    const problem = measurementProblems(
      { measuredOn: m.measured_on, weightKg: 1 },
      birthDate,
      m.measured_on,
    ).find((p) => p.problem === 'before_birth' || p.problem === 'age_over_60_months');
    if (problem)
      throw new DomainError('validation_failed', {
        field: 'birthDate',
        problem: problem.problem,
        allowed: `a birth date that keeps the measurement of ${m.measured_on} between birth and 60 months`,
        summary: `birthDate: the measurement of ${m.measured_on} would be ${problem.problem === 'before_birth' ? 'before birth' : 'over 60 months'}`,
      });
  }
}

export async function updateChild(
  ctx: ServiceContext,
  id: string,
  input: Partial<ChildFields> & { version: number },
): Promise<ChildRow> {
  const child = await readChild(ctx, id);
  assertRecordAccess(ctx, 'records:write', {
    regionCode: child.region_code,
    posyanduId: child.posyandu_id,
  });
  if (child.merged_into) throw new DomainError('child_merged', { mergedInto: child.merged_into });
  const next = {
    name: input.name ?? child.name,
    sex: input.sex ?? (child.sex as 1 | 2),
    birthDate: input.birthDate ?? child.birth_date,
    nik: input.nik === undefined ? child.nik : input.nik,
    motherNik: input.motherNik === undefined ? child.mother_nik : input.motherNik,
    birthWeightKg: input.birthWeightKg === undefined ? child.birth_weight_kg : input.birthWeightKg,
    birthLengthCm: input.birthLengthCm === undefined ? child.birth_length_cm : input.birthLengthCm,
  };
  rejectProblems(childProblems(next, today(ctx)));
  if (input.posyanduId && input.posyanduId !== child.posyandu_id) {
    const posyandu = await findPosyandu(ctx.db, input.posyanduId);
    if (!posyandu)
      throw new DomainError('validation_failed', {
        field: 'posyanduId',
        summary: 'posyanduId: unknown posyandu',
        allowed: 'a posyandu of your area',
      });
    assertRecordAccess(ctx, 'records:write', {
      regionCode: posyandu.region_code,
      posyanduId: posyandu.id,
    });
  }
  if (next.nik && next.nik !== child.nik) {
    const sameNik = await findChildByNik(ctx.db, next.nik);
    if (sameNik && sameNik.id !== id) throw duplicateError(ctx, [sameNik], 'NIK');
  }
  const changes: Partial<NewChild> = {
    name: next.name.trim(),
    sex: next.sex,
    birth_date: next.birthDate,
    nik: next.nik ?? null,
    mother_nik: next.motherNik ?? null,
    birth_weight_kg: next.birthWeightKg ?? null,
    birth_length_cm: next.birthLengthCm ?? null,
    ...(input.motherName !== undefined && { mother_name: input.motherName?.trim() || null }),
    ...(input.address !== undefined && { address: input.address?.trim() || null }),
    ...(input.posyanduId && { posyandu_id: input.posyanduId }),
    ...(input.regionCode && { region_code: input.regionCode }),
  };
  // Age, z-scores and categories of every measurement follow from sex and birth date.
  const reassess = next.sex !== child.sex || next.birthDate !== child.birth_date;
  const measurements = reassess ? await allMeasurementsOfChild(ctx.db, id) : [];
  rejectBirthDateAfterMeasurements(next.birthDate, measurements);
  const changedFields = Object.keys(changes).filter(
    (k) =>
      (changes as Record<string, unknown>)[k] !== (child as unknown as Record<string, unknown>)[k],
  );
  return ctx.db.transaction().execute(async (trx) => {
    const updated = await updateChildRow(trx, id, input.version, changes);
    if (!updated)
      throw new DomainError('child_version_conflict', { field: 'version', version: input.version });
    for (const m of measurements) {
      const a = assessMeasurement({
        sex: next.sex,
        birthDate: next.birthDate,
        measuredOn: m.measured_on,
        weightKg: m.weight_kg,
        heightCm: m.height_cm,
        measure: m.measure,
        headCm: m.head_cm,
        muacCm: m.muac_cm,
        oedema: m.oedema,
      });
      await updateMeasurementAssessment(trx, m.id, {
        age_days: ageDaysBetween(next.birthDate, m.measured_on),
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
        implausible: a.implausible,
      });
    }
    if (next.birthDate !== child.birth_date) await refreshWeightGain(trx, id);
    // Sex and N/T (birth date) are counted in the dashboard rollups; the register by desa/posyandu.
    const counted = next.sex !== child.sex || next.birthDate !== child.birth_date;
    if (
      counted ||
      updated.posyandu_id !== child.posyandu_id ||
      updated.region_code !== child.region_code
    )
      await refreshRollups(trx, {
        children: counted ? [{ childId: id, from: ALL_PERIODS_FROM }] : [],
        posyandu: [child.posyandu_id, updated.posyandu_id],
      });
    await audit(trx, ctx, {
      action: 'child.updated',
      entity: 'child',
      entityId: id,
      regionCode: updated.region_code,
      before: auditView(child),
      after: { ...auditView(updated), changedFields },
    });
    return updated;
  });
}

/**
 * Folds a duplicate record into `keepId`: its measurements move over (a same-day measurement of
 * the duplicate is superseded by the kept record's), the duplicate points at the kept one and
 * stays readable. Both must be inside the caller's write scope.
 */
export async function mergeChildren(
  ctx: ServiceContext,
  keepId: string,
  duplicateId: string,
): Promise<ChildRow> {
  if (keepId === duplicateId)
    throw new DomainError('validation_failed', {
      field: 'duplicateId',
      summary: 'duplicateId: another child',
      allowed: 'a different child id',
    });
  const keep = await readChild(ctx, keepId);
  const duplicate = await readChild(ctx, duplicateId);
  for (const c of [keep, duplicate]) {
    assertRecordAccess(ctx, 'records:write', {
      regionCode: c.region_code,
      posyanduId: c.posyandu_id,
    });
    if (c.merged_into) throw new DomainError('child_merged', { mergedInto: c.merged_into });
  }
  return ctx.db.transaction().execute(async (trx) => {
    const kept = new Set((await currentMeasurementsOfChild(trx, keepId)).map((m) => m.measured_on));
    const clashing = (await currentMeasurementsOfChild(trx, duplicateId)).filter((m) =>
      kept.has(m.measured_on),
    );
    await markSupersededMany(
      trx,
      clashing.map((m) => m.id),
      ctx.now(),
    );
    const moved = await moveMeasurements(trx, duplicateId, keepId);
    await markChildMerged(trx, duplicateId, keepId);
    await refreshWeightGain(trx, keepId);
    await refreshRollups(trx, {
      children: [
        { childId: keepId, from: ALL_PERIODS_FROM },
        { childId: duplicateId, from: ALL_PERIODS_FROM },
      ],
      posyandu: [keep.posyandu_id, duplicate.posyandu_id],
    });
    await audit(trx, ctx, {
      action: 'child.merged',
      entity: 'child',
      entityId: duplicateId,
      regionCode: duplicate.region_code,
      after: { mergedInto: keepId, measurementsMoved: moved },
    });
    return (await findChild(trx, keepId))!;
  });
}

/** Name or NIK search inside the caller's scope (a kader: their posyandu only). */
export async function searchChildrenInScope(
  ctx: ServiceContext,
  params: { q: string; region?: string; posyanduId?: string; limit: number },
): Promise<ChildRow[]> {
  const actor = ctx.actor;
  if (!actor) throw new DomainError('unauthenticated');
  const regionCode = params.region ?? actor.regionCode;
  if (!canAccessRegion(actor, 'records:read', regionCode))
    throw new DomainError('region_forbidden', { code: regionCode, field: 'region' });
  const posyanduId = actor.role === 'kader' ? (actor.posyanduId ?? undefined) : params.posyanduId;
  if (actor.role === 'kader' && !posyanduId) return [];
  return searchChildren(ctx.db, { regionCode, q: params.q, posyanduId, limit: params.limit });
}
