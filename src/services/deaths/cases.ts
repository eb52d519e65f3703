/**
 * Death notifications: notify, read, list, correct (docs/deaths.md). Every write checks the
 * actor's role and region against the case's two places (core/deaths/access.ts) and is audited in
 * the same transaction; personal fields are audited as "changed", never with their values.
 */
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../core/access/scope.ts';
import {
  canEditCase,
  canNotifyDeath,
  canReadCase,
  isCaseReaderRole,
  type CaseScope,
} from '../../core/deaths/access.ts';
import {
  deathCaseProblems,
  derivedCaseValues,
  type DeathCaseFields,
  type DeathKind,
} from '../../core/deaths/case.ts';
import { caseDue, type CaseDeadlines, type CaseDue } from '../../core/deaths/deadlines.ts';
import { localDateAt, notificationDelay, utcOffsetOfRegion } from '../../core/deaths/time-zone.ts';
import { isEditableStatus, type CaseStatus } from '../../core/deaths/workflow.ts';
import { DomainError } from '../../core/errors.ts';
import { personNameKey } from '../../core/registry/rules.ts';
import {
  findDeathCase,
  findLikelyDuplicateCases,
  insertDeathCase,
  listDeathCaseRows,
  listRecommendations,
  updateDeathCaseRow,
  userNames,
  type CaseScopeFilter,
} from '../../db/queries/deaths.ts';
import { findRegion, findRegions } from '../../db/queries/regions.ts';
import type { DeathCaseRow, DeathRecommendationRow, NewDeathCase } from '../../db/types.ts';
import { audit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { problemsError } from '../registry/record.ts';

/** A notification as the API receives it. */
export interface NotifyInput extends DeathCaseFields {
  id?: string;
  /** Notify although a likely duplicate exists (the notifier checked it is another death). */
  confirmNotDuplicate?: boolean;
}

/** The personal fields: audited as changed, never with their values. */
const personalFields = [
  'name',
  'nik',
  'birthDate',
  'motherName',
  'motherNik',
  'address',
  'chronology',
  'causeNote',
  'lateReason',
] as const;

export const scopeOf = (row: DeathCaseRow): CaseScope => ({
  regionCode: row.region_code,
  deathRegionCode: row.death_region_code,
  notifiedBy: row.notified_by,
});

export function requireActor(ctx: ServiceContext): Actor {
  if (!ctx.actor) throw new DomainError('unauthenticated');
  return ctx.actor;
}

/** Today's local date where the death happened (WIB/WITA/WIT by province). */
export const localToday = (ctx: ServiceContext, regionCode: string) =>
  localDateAt(ctx.now(), utcOffsetOfRegion(regionCode));

/** Columns of a case from its fields (derived values computed here). */
function caseColumns(fields: DeathCaseFields) {
  const derived = derivedCaseValues(fields);
  const baby = fields.kind !== 'maternal';
  return {
    kind: fields.kind,
    region_code: fields.regionCode,
    death_region_code: fields.deathRegionCode || fields.regionCode,
    death_date: fields.deathDate,
    death_time: fields.deathTime || null,
    place_of_death: fields.placeOfDeath,
    facility_type: fields.placeOfDeath === 'facility' ? (fields.facilityType ?? null) : null,
    facility_name: fields.placeOfDeath === 'facility' ? fields.facilityName?.trim() || null : null,
    name: fields.name.trim(),
    nik: fields.nik || null,
    birth_date: fields.kind === 'stillbirth' ? null : fields.birthDate || null,
    mother_name: baby ? fields.motherName?.trim() || null : null,
    mother_nik: baby ? fields.motherNik || null : null,
    address: fields.address?.trim() || null,
    sex: fields.kind === 'maternal' ? 2 : (fields.sex ?? null),
    age_days: derived.ageDays,
    mother_age_years: derived.motherAgeYears,
    gestational_weeks:
      fields.kind === 'maternal' && fields.maternalTiming !== 'pregnancy'
        ? null
        : (fields.gestationalWeeks ?? null),
    birth_weight_g: baby ? (fields.birthWeightGrams ?? null) : null,
    maternal_timing: fields.kind === 'maternal' ? (fields.maternalTiming ?? null) : null,
    delivery_date: fields.kind === 'maternal' ? fields.deliveryDate || null : null,
    stillbirth_timing: fields.kind === 'stillbirth' ? (fields.stillbirthTiming ?? null) : null,
    cause_group: fields.causeGroup || null,
    maternal_condition:
      fields.kind === 'stillbirth' || fields.kind === 'neonatal'
        ? fields.maternalCondition || null
        : null,
    cause_note: fields.causeNote?.trim() || null,
    delay_deciding: fields.delayDeciding ?? null,
    delay_reaching: fields.delayReaching ?? null,
    delay_receiving: fields.delayReceiving ?? null,
    chronology: fields.chronology?.trim() || null,
    late_reason: fields.lateReason?.trim() || null,
  };
}

/** The fields of a stored case (the inverse of caseColumns), for corrections. */
export function fieldsOf(row: DeathCaseRow): DeathCaseFields {
  return {
    kind: row.kind,
    regionCode: row.region_code,
    deathDate: row.death_date,
    deathTime: row.death_time ? row.death_time.slice(0, 5) : null,
    placeOfDeath: row.place_of_death,
    facilityType: row.facility_type,
    facilityName: row.facility_name,
    deathRegionCode: row.death_region_code,
    name: row.name,
    nik: row.nik,
    birthDate: row.birth_date,
    motherAgeYears: row.birth_date ? null : row.mother_age_years,
    sex: row.sex === 1 || row.sex === 2 ? row.sex : null,
    motherName: row.mother_name,
    motherNik: row.mother_nik,
    address: row.address,
    gestationalWeeks: row.gestational_weeks,
    birthWeightGrams: row.birth_weight_g,
    maternalTiming: row.maternal_timing,
    deliveryDate: row.delivery_date,
    stillbirthTiming: row.stillbirth_timing,
    causeGroup: row.cause_group,
    maternalCondition: row.maternal_condition,
    causeNote: row.cause_note,
    delayDeciding: row.delay_deciding,
    delayReaching: row.delay_reaching,
    delayReceiving: row.delay_receiving,
    chronology: row.chronology,
    lateReason: row.late_reason,
  };
}

/** What the audit log keeps of a case: no personal values. */
export function caseAuditView(row: DeathCaseRow) {
  return {
    kind: row.kind,
    status: row.status,
    regionCode: row.region_code,
    deathRegionCode: row.death_region_code,
    deathDate: row.death_date,
    placeOfDeath: row.place_of_death,
    facilityType: row.facility_type,
    causeGroup: row.cause_group,
    notifiedLate: row.notified_late,
    version: row.version,
  };
}

/** Checks that the residence is a known desa and the place of death a known region. */
async function checkRegions(ctx: ServiceContext, fields: DeathCaseFields): Promise<void> {
  const residence = await findRegion(ctx.db, fields.regionCode);
  if (!residence || residence.level !== 'desa')
    throw new DomainError('region_not_found', {
      code: fields.regionCode,
      field: 'regionCode',
      allowed: 'a known 10-digit kode desa/kelurahan',
    });
  if (fields.deathRegionCode && fields.deathRegionCode !== fields.regionCode) {
    const place = await findRegion(ctx.db, fields.deathRegionCode);
    if (!place)
      throw new DomainError('region_not_found', {
        code: fields.deathRegionCode,
        field: 'deathRegionCode',
        allowed: 'a known kode wilayah',
      });
  }
}

function rejectFields(fields: DeathCaseFields, today: string): void {
  const problems = deathCaseProblems(fields, today);
  if (problems.length) throw problemsError(problems);
}

function notifyForbidden(actor: Actor, fields: DeathCaseFields): DomainError {
  const place = fields.deathRegionCode || fields.regionCode;
  return actor.role === 'hospital' || isCaseReaderRole(actor.role)
    ? new DomainError('region_forbidden', {
        code: actor.role === 'hospital' ? place : fields.regionCode,
        field: actor.role === 'hospital' ? 'deathRegionCode' : 'regionCode',
      })
    : new DomainError('forbidden', { action: 'deaths:notify' });
}

/**
 * Notifies a death. The same client id sent again returns the stored case (offline phones
 * resend); a likely duplicate (same kind, desa and day) is refused with `death_duplicate` unless
 * the notifier confirms it is another death. Late notifications (> 24 h after the death) are
 * stored as such, with the delay in minutes.
 */
export async function notifyDeath(
  ctx: ServiceContext,
  input: NotifyInput,
  source: 'entry' | 'api' = 'entry',
): Promise<{ row: DeathCaseRow; created: boolean }> {
  const actor = requireActor(ctx);
  const deathRegion = input.deathRegionCode || input.regionCode;
  if (!isCaseReaderRole(actor.role))
    throw new DomainError('forbidden', { action: 'deaths:notify' });
  rejectFields(input, localToday(ctx, deathRegion));
  await checkRegions(ctx, input);
  if (!canNotifyDeath(actor, input.regionCode, deathRegion)) throw notifyForbidden(actor, input);

  if (input.id) {
    const existing = await findDeathCase(ctx.db, input.id);
    if (existing) {
      if (!canReadCase(actor, scopeOf(existing)))
        throw new DomainError('not_found', { what: 'death case' });
      return { row: existing, created: false };
    }
  }
  if (!input.confirmNotDuplicate) {
    const likely = (await findLikelyDuplicateCases(ctx.db, input)).filter(
      (c) =>
        input.kind !== 'maternal' ||
        personNameKey(c.name) === personNameKey(input.name) ||
        (!!input.nik && c.nik === input.nik),
    );
    if (likely.length) {
      const visible = likely.filter((c) => canReadCase(actor, scopeOf(c)));
      throw new DomainError('death_duplicate', {
        reason: 'jenis, desa, tanggal',
        field: 'confirmNotDuplicate',
        count: likely.length,
        candidates: visible.map((c) => ({
          id: c.id,
          kind: c.kind,
          deathDate: c.death_date,
          status: c.status,
          name: c.name,
        })),
      });
    }
  }

  const now = ctx.now();
  const delay = notificationDelay(
    { date: input.deathDate, time: input.deathTime || null, regionCode: deathRegion },
    now,
  );
  const row: NewDeathCase = {
    id: input.id ?? randomUUID(),
    ...caseColumns(input),
    notified_at: now,
    notified_by: actor.id,
    notifier_role: actor.role,
    notified_late: delay.late,
    notification_delay_minutes: delay.minutes,
    source,
  };
  const stored = await ctx.db.transaction().execute(async (trx) => {
    const inserted = await insertDeathCase(trx, row);
    await audit(trx, ctx, {
      action: 'death_case.notified',
      entity: 'death_case',
      entityId: inserted.id,
      regionCode: inserted.region_code,
      after: {
        ...caseAuditView(inserted),
        notificationDelayMinutes: inserted.notification_delay_minutes,
      },
    });
    return inserted;
  });
  return { row: stored, created: true };
}

/** A case the actor may read (404 for a case outside the scope: its existence is not revealed). */
export async function readDeathCase(ctx: ServiceContext, id: string): Promise<DeathCaseRow> {
  const actor = requireActor(ctx);
  const row = await findDeathCase(ctx.db, id);
  if (!row || !canReadCase(actor, scopeOf(row)))
    throw new DomainError('not_found', { what: 'death case' });
  return row;
}

/**
 * Corrects a case's facts (send the version you edited). The death's timing of notification is
 * kept as it was; a correction after verification is for the review team only.
 */
export async function correctDeathCase(
  ctx: ServiceContext,
  id: string,
  changes: Partial<DeathCaseFields> & { version: number },
): Promise<DeathCaseRow> {
  const actor = requireActor(ctx);
  const current = await readDeathCase(ctx, id);
  if (!isEditableStatus(current.status))
    throw new DomainError('death_case_state', {
      status: current.status,
      step: 'edit',
      reason: 'closed_or_void',
      allowed: '—',
    });
  if (!canEditCase(actor, scopeOf(current), current.status))
    throw new DomainError('forbidden', {
      action: 'edit death case',
      reason: current.status === 'notified' ? 'scope' : 'review_team_only',
    });
  const { version, ...patch } = changes;
  const fields: DeathCaseFields = { ...fieldsOf(current), ...stripUndefined(patch) };
  rejectFields(fields, localToday(ctx, fields.deathRegionCode || fields.regionCode));
  await checkRegions(ctx, fields);
  // A correction may move the case (e.g. the true desa of residence), but not out of the
  // corrector's reach: a hospital keeps the place of death in its scope, others one of the places.
  const moved = {
    regionCode: fields.regionCode,
    deathRegionCode: fields.deathRegionCode || fields.regionCode,
    notifiedBy: null,
  };
  const stillReaches =
    actor.role === 'hospital'
      ? canNotifyDeath(actor, moved.regionCode, moved.deathRegionCode)
      : canReadCase(actor, moved);
  if (!stillReaches) throw notifyForbidden(actor, fields);

  const columns = caseColumns(fields);
  return ctx.db.transaction().execute(async (trx) => {
    const updated = await updateDeathCaseRow(trx, id, version, columns);
    if (!updated) throw new DomainError('death_case_version_conflict', { field: 'version' });
    await audit(trx, ctx, {
      action: 'death_case.corrected',
      entity: 'death_case',
      entityId: id,
      regionCode: updated.region_code,
      before: changedView(current, updated, 'before'),
      after: changedView(current, updated, 'after'),
    });
    return updated;
  });
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The fields that changed; personal ones as "changed" only. */
function changedView(before: DeathCaseRow, after: DeathCaseRow, side: 'before' | 'after') {
  const a = fieldsOf(before) as unknown as Record<string, unknown>;
  const b = fieldsOf(after) as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(b)) {
    if (JSON.stringify(a[key] ?? null) === JSON.stringify(b[key] ?? null)) continue;
    out[key] = (personalFields as readonly string[]).includes(key)
      ? 'changed'
      : side === 'before'
        ? (a[key] ?? null)
        : (b[key] ?? null);
  }
  return out;
}

/** The scope filter of an actor: its region (either place of a case), and its own notifications. */
export function caseScopeFilter(actor: Actor): CaseScopeFilter {
  if (!isCaseReaderRole(actor.role))
    throw new DomainError('forbidden', { action: 'read death cases' });
  return {
    regionPrefixes: actor.role === 'hospital' ? [] : [actor.regionCode],
    notifiedBy: actor.id,
  };
}

export interface CaseListQuery {
  region?: string | null;
  statuses?: CaseStatus[] | null;
  kinds?: DeathKind[] | null;
  from?: string | null;
  to?: string | null;
  overdueOnly?: boolean;
  lateOnly?: boolean;
  limit: number;
}

/** A listed case with its next step due. */
export interface ListedCase {
  row: DeathCaseRow;
  due: CaseDue | null;
  openRecommendations: number;
}

/** Cases the actor may read, newest death first, with each one's next step and whether it is overdue. */
export async function listDeathCases(
  ctx: ServiceContext,
  query: CaseListQuery,
  deadlines: CaseDeadlines,
): Promise<{ items: ListedCase[]; truncated: boolean }> {
  const actor = requireActor(ctx);
  const scope = caseScopeFilter(actor);
  if (
    query.region &&
    actor.role !== 'hospital' &&
    !query.region.startsWith(actor.regionCode) &&
    !actor.regionCode.startsWith(query.region)
  )
    throw new DomainError('region_forbidden', { code: query.region, field: 'region' });
  // Overdue filtering needs every open case of the scope; other lists stop at the limit.
  const fetchLimit = query.overdueOnly ? 20_000 : query.limit + 1;
  const rows = (
    await listDeathCaseRows(ctx.db, {
      scope,
      regionCode: query.region && query.region.startsWith(actor.regionCode) ? query.region : null,
      statuses: query.overdueOnly
        ? (query.statuses ?? ['notified', 'verified', 'reviewed', 'recommended']).filter(
            (s) => s !== 'closed' && s !== 'void',
          )
        : query.statuses,
      kinds: query.kinds,
      from: query.from,
      to: query.to,
      limit: fetchLimit,
    })
  ).filter((row) => canReadCase(actor, scopeOf(row)) && (!query.lateOnly || row.notified_late));
  const recommendations = await listRecommendations(
    ctx.db,
    rows.filter((r) => r.status === 'recommended').map((r) => r.id),
  );
  const items = rows
    .map((row) => withDue(row, recommendations, ctx, deadlines))
    .filter((item) => !query.overdueOnly || item.due?.overdue === true);
  return { items: items.slice(0, query.limit), truncated: items.length > query.limit };
}

/** The next step of a case and its due date. */
export function withDue(
  row: DeathCaseRow,
  recommendations: readonly DeathRecommendationRow[],
  ctx: ServiceContext,
  deadlines: CaseDeadlines,
): ListedCase {
  const open = recommendations.filter((r) => r.case_id === row.id && r.done_at === null);
  const zone = utcOffsetOfRegion(row.death_region_code);
  const due = caseDue(
    {
      status: row.status,
      deathDate: row.death_date,
      notifiedOn: localDateAt(new Date(row.notified_at), zone),
      reviewedOn: row.reviewed_at ? localDateAt(new Date(row.reviewed_at), zone) : null,
      openRecommendationDueDates: open.map((r) => r.due_date),
    },
    localDateAt(ctx.now(), zone),
    deadlines,
  );
  return { row, due, openRecommendations: open.length };
}

/** Names of desa (and other regions) by code, for lists. */
export async function regionNamesOf(
  ctx: ServiceContext,
  codes: readonly string[],
): Promise<Map<string, string>> {
  const wanted = [...new Set(codes)];
  if (wanted.length === 0) return new Map();
  return new Map((await findRegions(ctx.db, wanted)).map((r) => [r.code, r.name]));
}

/** A case with everything its page shows: recommendations, who did each step, region names. */
export async function caseDetail(ctx: ServiceContext, id: string, deadlines: CaseDeadlines) {
  const row = await readDeathCase(ctx, id);
  const recommendations = await listRecommendations(ctx.db, [id]);
  const names = await userNames(ctx.db, [
    row.notified_by,
    row.verified_by,
    row.reviewed_by,
    row.recommended_by,
    row.closed_by,
    row.voided_by,
    ...recommendations.flatMap((r) => [r.created_by, r.done_by]),
  ]);
  return {
    item: withDue(row, recommendations, ctx, deadlines),
    recommendations,
    names,
    regionNames: await regionNamesOf(ctx, [row.region_code, row.death_region_code]),
    today: localToday(ctx, row.death_region_code),
  };
}
