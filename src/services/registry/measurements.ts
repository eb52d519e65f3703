import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import { DomainError } from '../../core/errors.ts';
import { ageDaysBetween, completedMonthsBetween } from '../../core/growth/age.ts';
import {
  monthPeriodOf,
  weightGainStatus,
  type MonthlyWeighing,
  type WeightGainCode,
} from '../../core/growth/weight-gain.ts';
import {
  assessMeasurement,
  implausibleInputs,
  weightGainSeries,
  type MeasurementAssessment,
} from '../../core/registry/assess.ts';
import { measurementProblems } from '../../core/registry/rules.ts';
import type { Db } from '../../db/connect.ts';
import {
  currentMeasurementsOfChildren,
  findChildren,
  findMeasurement,
  findMeasurements,
  insertMeasurementRows,
  markSupersededMany,
  updateWeightGains,
} from '../../db/queries/registry.ts';
import type { ChildRow, Database, MeasurementRow, NewMeasurement } from '../../db/types.ts';
import { insertAudits, type AuditRecord } from '../../db/queries/audit.ts';
import type { ServiceContext } from '../context.ts';
import {
  changedChildren,
  lockRollupChildren,
  refreshRollups,
  writtenRollupChange,
  type RollupChange,
} from '../dashboard/rollups.ts';
import { assertRecordAccess } from './access.ts';
import { problemsError, readChild, today } from './record.ts';

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

export interface MeasurementSubmission extends MeasurementFields {
  childId: string;
  /** A correction: the current measurement this one replaces. */
  supersedes?: string | null;
}

export type MeasurementSource = NewMeasurement['source'];

export type MeasurementOutcome =
  { ok: true; measurement: MeasurementRow; created: boolean } | { ok: false; error: DomainError };

/** What identifies a submission's content: the same id with another body is a conflict, not a retry. */
function payloadHash(s: MeasurementSubmission): string {
  const canonical = [
    s.childId,
    s.measuredOn,
    s.weightKg ?? '',
    s.heightCm ?? '',
    s.measure ?? '',
    s.headCm ?? '',
    s.muacCm ?? '',
    s.oedema ? 1 : 0,
    s.supersedes ?? '',
  ].join('|');
  return createHash('sha256').update(canonical).digest('hex').slice(0, 32);
}

function rowFor(
  child: ChildRow,
  s: MeasurementSubmission,
  a: MeasurementAssessment,
  source: MeasurementSource,
  enteredBy: string | null,
  hash: string,
  importId: string | null,
): NewMeasurement {
  return {
    id: s.id,
    child_id: child.id,
    region_code: child.region_code,
    posyandu_id: child.posyandu_id,
    measured_on: s.measuredOn,
    age_days: ageDaysBetween(child.birth_date, s.measuredOn),
    weight_kg: s.weightKg ?? null,
    height_cm: s.heightCm ?? null,
    measure: s.heightCm != null ? (s.measure ?? null) : null,
    head_cm: s.headCm ?? null,
    muac_cm: s.muacCm ?? null,
    oedema: s.oedema ?? false,
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
    payload_hash: hash,
    supersedes: s.supersedes ?? null,
    import_id: importId,
  };
}

/** Measurements carry no names: their values may be audited as they are. */
function measurementAudit(
  m: Pick<
    MeasurementRow,
    | 'child_id'
    | 'measured_on'
    | 'weight_kg'
    | 'height_cm'
    | 'measure'
    | 'head_cm'
    | 'muac_cm'
    | 'oedema'
    | 'zlen'
    | 'zwei'
    | 'zwfl'
    | 'source'
    | 'supersedes'
  >,
) {
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
 * The one write path of measurements — kader entry, corrections, file import, offline sync, API.
 * For each submission: the child must be in the caller's write scope; the values are checked
 * against the child (dates, ranges); the growth engine computes z-scores, categories and flags;
 * the row is stored once per client id (the same id with the same content is answered with the
 * stored row, with other content refused); the weight-gain series (N/T/O/B, 2T) of every touched
 * child is recomputed, since later months depend on earlier ones; and the write is audited.
 * A bad submission gets its own error and never stops the good ones; the good ones are written
 * in one transaction, so nothing is half-stored.
 */
export async function recordMeasurements(
  ctx: ServiceContext,
  submissions: MeasurementSubmission[],
  options: {
    source?: MeasurementSource;
    auditEach?: boolean;
    /** The file import (import_batch) the submissions come from; stored on each new row. */
    importId?: string | null;
  } = {},
): Promise<MeasurementOutcome[]> {
  const source = options.source ?? 'entry';
  const auditEach = options.auditEach ?? true;
  const outcomes = new Array<MeasurementOutcome | undefined>(submissions.length);
  const fail = (i: number, error: DomainError) => (outcomes[i] = { ok: false, error });

  const children = new Map(
    (await findChildren(ctx.db, [...new Set(submissions.map((s) => s.childId))])).map((c) => [
      c.id,
      c,
    ]),
  );
  const stored = new Map(
    (
      await findMeasurements(
        ctx.db,
        submissions.map((s) => s.id),
      )
    ).map((m) => [m.id, m]),
  );
  const superseded = new Map(
    (
      await findMeasurements(
        ctx.db,
        submissions.flatMap((s) => (s.supersedes ? [s.supersedes] : [])),
      )
    ).map((m) => [m.id, m]),
  );
  const day = today(ctx);
  const hashes = submissions.map(payloadHash);

  const pending: { index: number; row: NewMeasurement; child: ChildRow }[] = [];
  const seenIds = new Map<string, number>();
  const seenDays = new Set<string>();
  submissions.forEach((s, i) => {
    const child = children.get(s.childId);
    try {
      if (!child) throw new DomainError('not_found', { what: 'child', field: 'childId' });
      assertRecordAccess(
        ctx,
        'records:write',
        { regionCode: child.region_code, posyanduId: child.posyandu_id },
        { hideExistence: true, what: 'child' },
      );
      const previous = stored.get(s.id);
      if (previous) {
        if (previous.payload_hash !== hashes[i])
          throw new DomainError('measurement_conflict', { field: 'id', id: s.id });
        outcomes[i] = { ok: true, measurement: previous, created: false };
        return;
      }
      const twin = seenIds.get(s.id);
      if (twin !== undefined) {
        // The same submission twice in one batch (a duplicated delivery): answered like a resend.
        if (hashes[twin] !== hashes[i])
          throw new DomainError('measurement_conflict', { field: 'id', id: s.id });
        pending.push({ index: i, row: pending.find((p) => p.index === twin)!.row, child });
        return;
      }
      if (child.merged_into)
        throw new DomainError('child_merged', { mergedInto: child.merged_into });
      if (s.supersedes) {
        const old = superseded.get(s.supersedes);
        if (!old || old.child_id !== child.id)
          throw new DomainError('not_found', { what: 'measurement', field: 'supersedes' });
        if (old.superseded_at)
          throw new DomainError('conflict', {
            what: 'this measurement was already corrected; correct the newest version',
            field: 'id',
          });
      }
      const problems = measurementProblems(s, child.birth_date, day);
      if (problems.length) throw problemsError(problems);
      const assessment = assessMeasurement({
        sex: child.sex as 1 | 2,
        birthDate: child.birth_date,
        ...s,
      });
      if (assessment.implausible && source === 'entry' && !s.confirmImplausible)
        throw new DomainError('implausible_unconfirmed', {
          fields: implausibleInputs(assessment.implausibleFields).join(', '),
          field: implausibleInputs(assessment.implausibleFields)[0],
          indices: assessment.implausibleFields,
        });
      const dayKey = `${child.id}|${s.measuredOn}`;
      if (seenDays.has(dayKey) && !s.supersedes)
        throw new DomainError('measurement_exists', { date: s.measuredOn, field: 'measuredOn' });
      seenDays.add(dayKey);
      seenIds.set(s.id, i);
      pending.push({
        index: i,
        row: rowFor(
          child,
          s,
          assessment,
          source,
          ctx.actor?.id ?? null,
          hashes[i]!,
          options.importId ?? null,
        ),
        child,
      });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      fail(i, error);
    }
  });

  const nothing = { insertedIds: new Set<string>(), stored: new Map<string, MeasurementRow>() };
  const answered = !pending.length
    ? nothing
    : await ctx.db.transaction().execute(async (trx) => {
        const touched = [...new Set(pending.map((p) => p.row.child_id))];
        // Before anything is read: the rows read below are the children's whole state until commit
        // (a second writer of the same child waits here, then reads this one's rows).
        await lockRollupChildren(trx, touched);
        const current = await currentRowsOf(trx, touched);
        // A new measurement on a day that already has one is refused: change that one with a correction.
        const taken = new Map<string, CurrentRow>();
        for (const rows of current.values())
          for (const m of rows) taken.set(`${m.child_id}|${m.measured_on}`, m);
        const writable = pending.filter((p) => {
          const existing = taken.get(`${p.row.child_id}|${p.row.measured_on}`);
          // Another delivery of this very submission was stored meanwhile: answered like a resend.
          if (existing && existing.id === p.row.id) return false;
          if (existing && !p.row.supersedes) {
            fail(
              p.index,
              new DomainError('measurement_exists', {
                date: p.row.measured_on,
                field: 'measuredOn',
                existingId: existing.id,
              }),
            );
            return false;
          }
          return true;
        });
        const unique = [...new Map(writable.map((p) => [p.row.id, p.row])).values()];
        if (unique.length === 0) return nothing;
        const replaced = new Set(unique.flatMap((r) => (r.supersedes ? [r.supersedes] : [])));
        const replacedRows = [...replaced].map((id) => superseded.get(id)!);
        await markSupersededMany(trx, [...replaced], ctx.now());
        for (const [childId, rows] of current)
          if (rows.some((m) => replaced.has(m.id)))
            current.set(
              childId,
              rows.filter((m) => !replaced.has(m.id)),
            );
        // N/T/O/B and 2T of the new rows are computed before the insert (with the children's
        // current rows) so they go in with their status; only older rows whose status changes
        // (a month that arrived late) are updated afterwards.
        const updates = weightGainsWith(current, unique, children);
        const inserted = await insertMeasurementRows(trx, unique);
        const ids = new Set(inserted.map((r) => r.id));
        let storedRows: Map<string, MeasurementRow>;
        let change: RollupChange;
        if (ids.size === unique.length) {
          await updateWeightGains(trx, updates);
          storedRows = new Map(inserted.map((m) => [m.id, m]));
          change = writtenRollupChange(
            current,
            inserted,
            replacedRows,
            new Set(updates.map((u) => u.childId)),
            children,
          );
        } else {
          // A correction that lost a race must not leave its old row superseded with no successor.
          await markSupersededMany(
            trx,
            unique.flatMap((r) => (r.supersedes && !ids.has(r.id) ? [r.supersedes] : [])),
            null,
          );
          // Some rows were taken by another delivery meanwhile: recompute from what is stored.
          await refreshWeightGainOf(trx, touched);
          storedRows = new Map();
          change = { children: changedChildren([...unique, ...replacedRows]) };
        }
        // The dashboard rollups follow in the same transaction.
        await refreshRollups(trx, change);
        if (auditEach) {
          const records: AuditRecord[] = unique
            .filter((r) => ids.has(r.id))
            .map((r) => ({
              actorId: ctx.actor?.id ?? null,
              requestId: ctx.requestId ?? null,
              action: r.supersedes ? 'measurement.corrected' : 'measurement.recorded',
              entity: 'measurement',
              entityId: r.id,
              regionCode: r.region_code,
              before: r.supersedes ? measurementAudit(superseded.get(r.supersedes)!) : undefined,
              after: measurementAudit({ ...r, supersedes: r.supersedes ?? null } as MeasurementRow),
            }));
          await insertAudits(trx, records);
        }
        return { insertedIds: ids, stored: storedRows };
      });
  const { insertedIds, stored: rows } = answered;
  const writable = pending.filter((p) => outcomes[p.index] === undefined);
  if (writable.length) {
    // Rows not inserted by this call (resent ids, lost races) are read back as they are stored.
    const missing = [...new Set(writable.map((p) => p.row.id))].filter((id) => !rows.has(id));
    for (const m of await findMeasurements(ctx.db, missing)) rows.set(m.id, m);
    for (const p of writable) {
      const row = rows.get(p.row.id);
      if (!row) {
        // Lost a race with another delivery of the same (child, day): report like a sequential retry.
        fail(
          p.index,
          new DomainError('measurement_exists', { date: p.row.measured_on, field: 'measuredOn' }),
        );
      } else if (row.payload_hash !== p.row.payload_hash) {
        fail(p.index, new DomainError('measurement_conflict', { field: 'id', id: row.id }));
      } else {
        outcomes[p.index] = {
          ok: true,
          measurement: row,
          created: insertedIds.has(row.id) && seenIds.get(row.id) === p.index,
        };
      }
    }
  }
  return outcomes.map((o) => o ?? { ok: false, error: new DomainError('internal', {}) });
}

/** One measurement through the same path; its error is thrown. */
export async function recordMeasurement(
  ctx: ServiceContext,
  input: MeasurementSubmission,
  options: { source?: MeasurementSource } = {},
): Promise<{ measurement: MeasurementRow; created: boolean }> {
  const [outcome] = await recordMeasurements(ctx, [input], options);
  if (!outcome!.ok) throw outcome!.error;
  return { measurement: outcome!.measurement, created: outcome!.created };
}

/**
 * A correction is a new submission (new client id) that supersedes the current row; the old row
 * stays readable with `superseded_at` set. Re-sending the same correction returns it.
 */
export async function correctMeasurement(
  ctx: ServiceContext,
  measurementId: string,
  input: MeasurementFields,
): Promise<{ measurement: MeasurementRow; created: boolean }> {
  const old = await findMeasurement(ctx.db, measurementId);
  if (!old) throw new DomainError('not_found', { what: 'measurement' });
  await readChild(ctx, old.child_id);
  return recordMeasurement(
    ctx,
    { ...input, childId: old.child_id, supersedes: old.id },
    { source: old.source === 'api' ? 'api' : 'entry' },
  );
}

type WeightGainUpdate = {
  id: string;
  childId: string;
  weightGain: MeasurementRow['weight_gain'];
  twoT: boolean;
};
type CurrentRow = Awaited<ReturnType<typeof currentMeasurementsOfChildren>>[number];

/** The current rows of children, by child, oldest first. */
async function currentRowsOf(
  db: Transaction<Database>,
  childIds: readonly string[],
): Promise<Map<string, CurrentRow[]>> {
  const byChild = new Map<string, CurrentRow[]>();
  for (let start = 0; start < childIds.length; start += 5000)
    for (const m of await currentMeasurementsOfChildren(db, childIds.slice(start, start + 5000))) {
      const list = byChild.get(m.child_id);
      if (list) list.push(m);
      else byChild.set(m.child_id, [m]);
    }
  return byChild;
}

/**
 * Sets weight_gain/two_t on `fresh` (rows about to be inserted) from each child's series of
 * current measurements plus the fresh rows, and returns the updates the children's stored rows
 * need — the same result refreshWeightGainOf gives after the insert, without rewriting the new rows.
 */
function weightGainsWith(
  current: ReadonlyMap<string, readonly CurrentRow[]>,
  fresh: NewMeasurement[],
  children: Map<string, ChildRow>,
): WeightGainUpdate[] {
  const updates: WeightGainUpdate[] = [];
  const freshOf = new Map<string, NewMeasurement[]>();
  for (const r of fresh) {
    const list = freshOf.get(r.child_id);
    if (list) list.push(r);
    else freshOf.set(r.child_id, [r]);
  }
  for (const childId of freshOf.keys()) {
    const birthDate = children.get(childId)!.birth_date;
    const freshRows = freshOf.get(childId) ?? [];
    if (continueWeightGains(birthDate, current.get(childId) ?? [], freshRows)) continue;
    type Point = {
      measuredOn: string;
      weightKg: number | null;
      stored?: WeightGainUpdate;
      row?: NewMeasurement;
    };
    const series: Point[] = [
      ...(current.get(childId) ?? []).map((m) => ({
        measuredOn: m.measured_on,
        weightKg: m.weight_kg,
        stored: { id: m.id, childId, weightGain: m.weight_gain, twoT: m.two_t },
      })),
      ...(freshOf.get(childId) ?? []).map((r) => ({
        measuredOn: r.measured_on,
        weightKg: r.weight_kg ?? null,
        row: r,
      })),
    ].sort((a, b) => (a.measuredOn < b.measuredOn ? -1 : a.measuredOn > b.measuredOn ? 1 : 0));
    const statuses = weightGainSeries(birthDate, series);
    series.forEach((point, k) => {
      const s = statuses[k]!;
      if (point.row) {
        point.row.weight_gain = s.weightGain;
        point.row.two_t = s.twoT;
      } else if (point.stored!.weightGain !== s.weightGain || point.stored!.twoT !== s.twoT)
        updates.push({ ...point.stored!, weightGain: s.weightGain, twoT: s.twoT });
    });
  }
  return updates;
}

/**
 * N/T/O/B and 2T of new rows that all come after a child's stored ones (the usual case: this
 * month's weighing, a register imported month by month): the KMS chain (core/growth
 * weightGainHistory) is continued from the stored rows' own statuses instead of recomputed over
 * the whole series, and no stored row changes. Returns false — the caller recomputes everything
 * — when a new row is not after the stored ones or a stored weighing has no status.
 */
export function continueWeightGains(
  birthDate: string,
  stored: readonly Pick<MeasurementRow, 'measured_on' | 'weight_kg' | 'weight_gain'>[],
  fresh: Pick<NewMeasurement, 'measured_on' | 'weight_kg' | 'weight_gain' | 'two_t'>[],
): boolean {
  const last = stored.reduce((max, m) => (m.measured_on > max ? m.measured_on : max), '');
  if (fresh.some((r) => r.measured_on <= last)) return false;
  type Link = { w: MonthlyWeighing; status: WeightGainCode };
  let earlier: Link | null = null;
  let latest: Link | null = null;
  const weighed = stored
    .filter((m) => m.weight_kg !== null)
    .sort((a, b) => (a.measured_on < b.measured_on ? -1 : a.measured_on > b.measured_on ? 1 : 0));
  for (const m of weighed) {
    if (!m.weight_gain) return false;
    const period = monthPeriodOf(m.measured_on);
    if (latest !== null && latest.w.period !== period) earlier = latest;
    latest = { w: { period, ageMonths: 0, weightKg: m.weight_kg! }, status: m.weight_gain };
  }
  const ordered = [...fresh].sort((a, b) =>
    a.measured_on < b.measured_on ? -1 : a.measured_on > b.measured_on ? 1 : 0,
  );
  for (const r of ordered) {
    if (r.weight_kg === null || r.weight_kg === undefined) {
      r.weight_gain = null;
      r.two_t = false;
      continue;
    }
    const w: MonthlyWeighing = {
      period: monthPeriodOf(r.measured_on),
      ageMonths: completedMonthsBetween(birthDate, r.measured_on),
      weightKg: r.weight_kg,
    };
    if (latest !== null && latest.w.period !== w.period) earlier = latest;
    const result = weightGainStatus(w, earlier?.w ?? null, earlier?.status ?? null);
    r.weight_gain = result.status;
    r.two_t = result.twoT;
    latest = { w, status: result.status };
  }
  return true;
}

/** Recomputes N/T/O/B and 2T over the current measurements of children, writing only what changed. */
export async function refreshWeightGainOf(
  db: Db | Transaction<Database>,
  childIds: string[],
): Promise<void> {
  for (let start = 0; start < childIds.length; start += 1000) {
    const ids = childIds.slice(start, start + 1000);
    const [children, rows] = await Promise.all([
      findChildren(db, ids),
      currentMeasurementsOfChildren(db, ids),
    ]);
    const birth = new Map(children.map((c) => [c.id, c.birth_date]));
    const updates: { id: string; weightGain: MeasurementRow['weight_gain']; twoT: boolean }[] = [];
    for (let i = 0; i < rows.length;) {
      let j = i;
      while (j < rows.length && rows[j]!.child_id === rows[i]!.child_id) j++;
      const series = rows.slice(i, j);
      const statuses = weightGainSeries(
        birth.get(rows[i]!.child_id)!,
        series.map((m) => ({ measuredOn: m.measured_on, weightKg: m.weight_kg })),
      );
      series.forEach((m, k) => {
        const s = statuses[k]!;
        if (m.weight_gain !== s.weightGain || m.two_t !== s.twoT)
          updates.push({ id: m.id, weightGain: s.weightGain, twoT: s.twoT });
      });
      i = j;
    }
    await updateWeightGains(db, updates);
  }
}

/** The weight-gain series of one child (after a birth-date correction or a merge). */
export async function refreshWeightGain(
  db: Db | Transaction<Database>,
  childId: string,
): Promise<void> {
  await refreshWeightGainOf(db, [childId]);
}
