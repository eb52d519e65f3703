/**
 * The registry as the phone shows it: the last copy from the server with the queue laid over it.
 * A child registered offline is in the list at once; a weighing typed offline marks the child as
 * weighed this month, with its status (stunted? wasted? N/T?) computed on the phone by the same
 * core growth code as the server (house rule 2, via ../registry/live-status.ts). When the item is
 * stored, the server's own row replaces the phone's computation.
 */
import { referralReasons } from '../../core/registry/referral.ts';
import { liveStatus } from '../registry/live-status.ts';
import type { ChildSummary, ChildView, MeasurementView, OutboxItem } from './outbox.ts';

/** A child as shown: `queued` while its registration (or a correction) waits to be sent. */
export interface LocalChild extends ChildView {
  queued: boolean;
}

/** A measurement as shown: `queued` ones carry the phone's status until the server's arrives. */
export interface LocalMeasurement extends MeasurementView {
  queued: boolean;
}

const byDate = (a: { measuredOn: string }, b: { measuredOn: string }) =>
  a.measuredOn < b.measuredOn ? -1 : a.measuredOn > b.measuredOn ? 1 : 0;

/** The children of a posyandu: the server's copy, children registered on the phone, corrections. */
export function localChildren(
  posyanduId: string,
  cached: readonly ChildView[],
  queue: readonly OutboxItem[],
): LocalChild[] {
  const children = new Map<string, LocalChild>();
  for (const c of cached)
    if (c.posyanduId === posyanduId && !c.mergedInto) children.set(c.id, { ...c, queued: false });
  for (const item of queue) {
    if (item.kind !== 'child' || item.posyanduId !== posyanduId || children.has(item.id)) continue;
    const b = item.body;
    children.set(item.id, {
      id: b.id,
      posyanduId: b.posyanduId,
      regionCode: b.regionCode ?? '',
      name: b.name,
      sex: b.sex,
      birthDate: b.birthDate,
      nik: b.nik ?? null,
      birthWeightKg: b.birthWeightKg ?? null,
      birthLengthCm: b.birthLengthCm ?? null,
      motherName: b.motherName ?? null,
      motherNik: b.motherNik ?? null,
      address: b.address ?? null,
      mergedInto: null,
      version: 0,
      queued: true,
    });
  }
  for (const item of queue) {
    if (item.kind !== 'childUpdate') continue;
    const child = children.get(item.childId);
    if (!child) continue;
    const f = item.body.fields;
    children.set(child.id, {
      ...child,
      ...Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)),
      queued: true,
    });
  }
  return [...children.values()];
}

/** A child's current measurements, oldest first: stored ones, then the queue laid over them. */
export function localMeasurements(
  child: Pick<ChildView, 'id' | 'sex' | 'birthDate'>,
  cached: readonly MeasurementView[],
  queue: readonly OutboxItem[],
): LocalMeasurement[] {
  const queued = queue.filter(
    (i): i is Extract<OutboxItem, { kind: 'measurement' }> =>
      i.kind === 'measurement' && i.childId === child.id,
  );
  const replaced = new Set(queued.flatMap((q) => (q.body.supersedes ? [q.body.supersedes] : [])));
  const stored: LocalMeasurement[] = cached
    .filter((m) => m.childId === child.id && m.supersededAt === null && !replaced.has(m.id))
    .map((m) => ({ ...m, queued: false }));
  const storedIds = new Set(stored.map((m) => m.id));
  const fresh = queued.filter((q) => !storedIds.has(q.id));
  const result = [...stored];
  for (const q of fresh) {
    const b = q.body;
    const values = {
      measuredOn: b.measuredOn,
      weightKg: b.weightKg ?? null,
      heightCm: b.heightCm ?? null,
      measure: b.heightCm != null ? (b.measure ?? null) : null,
      headCm: b.headCm ?? null,
      muacCm: b.muacCm ?? null,
      oedema: b.oedema ?? false,
    };
    const others = [
      ...stored,
      ...fresh
        .filter((o) => o !== q)
        .map((o) => ({
          measuredOn: o.body.measuredOn,
          weightKg: o.body.weightKg ?? null,
        })),
    ];
    const { implausibleFields: _fields, ...status } = liveStatus(child, values, others);
    result.push({
      id: b.id,
      childId: child.id,
      ...values,
      ageDays: Math.round(
        (Date.parse(`${b.measuredOn}T00:00:00Z`) - Date.parse(`${child.birthDate}T00:00:00Z`)) /
          86_400_000,
      ),
      status,
      source: 'entry',
      supersedes: b.supersedes ?? null,
      supersededAt: null,
      createdAt: new Date(q.createdAt).toISOString(),
      queued: true,
    });
  }
  return result.sort(byDate);
}

/** The roster line of a child: its last result and whether it was measured in `month`. */
export function localSummary(
  child: LocalChild,
  measurements: readonly LocalMeasurement[],
  month: string,
): ChildSummary & { queued: number } {
  const last = measurements.at(-1);
  return {
    id: child.id,
    name: child.name,
    sex: child.sex,
    birthDate: child.birthDate,
    motherName: child.motherName,
    regionCode: child.regionCode,
    posyanduId: child.posyanduId,
    lastMeasuredOn: last?.measuredOn ?? null,
    lastWeightKg: last?.weightKg ?? null,
    lastHeightCm: last?.heightCm ?? null,
    lastHeightForAge: last?.status.heightForAge.category ?? null,
    lastWeightForAge: last?.status.weightForAge.category ?? null,
    lastWeightForHeight: last?.status.weightForHeight.category ?? null,
    lastWeightGain: last?.status.weightGain ?? null,
    lastTwoT: last?.status.twoT ?? null,
    measuredThisMonth: measurements.some((m) => m.measuredOn.slice(0, 7) === month),
    queued: (child.queued ? 1 : 0) + measurements.filter((m) => m.queued).length,
  };
}

/** Referral of the latest measurement, by the same core rule the server uses. */
export function localReferral(measurements: readonly MeasurementView[]) {
  const latest = measurements.at(-1);
  const reasons = latest
    ? referralReasons({
        heightForAge: latest.status.heightForAge.category,
        weightForAge: latest.status.weightForAge.category,
        weightForHeight: latest.status.weightForHeight.category,
        twoT: latest.status.twoT,
        oedema: latest.oedema,
      })
    : [];
  return { needed: reasons.length > 0, reasons };
}
