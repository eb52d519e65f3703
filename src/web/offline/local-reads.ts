/**
 * The kader screens' reads (roster, child page) from the phone's copy of the posyandu with the
 * queue laid over it (./local-view.ts). Kept apart from ./offline-store.ts so that the growth
 * tables the phone's status computation needs load only with those screens.
 */
import type { PosyanduSnapshot } from '../../contract/sync.ts';
import { ApiError, isApiError, request } from '../api-client.ts';
import { translate } from '../i18n/language.ts';
import type { ChildDetail, Roster } from '../registry/api.ts';
import type { IdbStore } from './idb-store.ts';
import {
  localChildren,
  localMeasurements,
  localReferral,
  localSummary,
  type LocalChild,
  type LocalMeasurement,
} from './local-view.ts';
import { currentUserId, fresh, lock, openStore } from './offline-store.ts';
import type { MeasurementView } from './outbox.ts';

const COPY_WAIT_MS = 8000;

/** The posyandu (or child) was never opened on this phone with a network. */
const noCopy = () => new ApiError(0, 'no_offline_copy', translate('offline.noCopy'));

async function fetchCopy(s: IdbStore, posyanduId: string): Promise<void> {
  const userId = currentUserId();
  if (!userId) return;
  const snapshot = await request<PosyanduSnapshot>(
    'GET',
    `/api/sync/posyandu/${encodeURIComponent(posyanduId)}`,
    {
      signal: AbortSignal.timeout(COPY_WAIT_MS),
    },
  );
  await s.replacePosyandu(
    { id: posyanduId, posyandu: snapshot.posyandu, asOf: snapshot.asOf, userId },
    snapshot.children,
    snapshot.measurements,
  );
  fresh.add(posyanduId);
}

/** The posyandu roster from the phone's copy (fetched first when online and not fresh). */
export async function localRoster(
  posyanduId: string,
  month: string,
): Promise<
  Omit<Roster, 'items'> & { asOf: string; items: (Roster['items'][number] & { queued: number })[] }
> {
  const s = await openStore();
  if (!s) throw new ApiError(0, 'storage_unavailable', translate('offline.storageUnavailable'));
  let copy = await s.posyanduCopy(posyanduId);
  if (navigator.onLine && !fresh.has(posyanduId)) {
    try {
      await lock(() => fetchCopy(s, posyanduId));
      copy = await s.posyanduCopy(posyanduId);
    } catch (e) {
      // Offline or slow: the copy serves; without one the screen says why.
      if (!copy || copy.userId !== currentUserId()) throw e;
      if (isApiError(e) && e.status !== 0) throw e;
    }
  }
  if (!copy || copy.userId !== currentUserId()) throw noCopy();
  const [children, queue, all] = await Promise.all([
    s.childrenOf(posyanduId),
    s.items(),
    s.allMeasurements(),
  ]);
  const byChild = new Map<string, MeasurementView[]>();
  for (const m of all) byChild.set(m.childId, [...(byChild.get(m.childId) ?? []), m]);
  const items = localChildren(posyanduId, children, queue).map((child) =>
    localSummary(child, localMeasurements(child, byChild.get(child.id) ?? [], queue), month),
  );
  return { posyandu: copy.posyandu, month, asOf: copy.asOf, items };
}

/**
 * A child's page: from the server when online (every measurement, corrections included), else
 * from the copy; the queue laid over it either way.
 */
export async function localChild(
  childId: string,
  signal?: AbortSignal,
): Promise<
  ChildDetail & { child: LocalChild; measurements: LocalMeasurement[]; offline: boolean }
> {
  const s = await openStore();
  const queue = s ? await s.items() : [];
  const queuedChild = queue.find((i) => i.kind === 'child' && i.id === childId);
  if (navigator.onLine && !queuedChild) {
    try {
      const detail = await request<ChildDetail>(
        'GET',
        `/api/children/${encodeURIComponent(childId)}`,
        {
          signal: signal ?? AbortSignal.timeout(COPY_WAIT_MS),
        },
      );
      const [child] = localChildren(detail.child.posyanduId, [detail.child], queue);
      const current = localMeasurements(detail.child, detail.measurements, queue);
      const old = detail.measurements
        .filter((m) => m.supersededAt !== null || current.every((c) => c.id !== m.id))
        .filter((m) => !current.some((c) => c.id === m.id))
        .map((m) => ({ ...m, queued: false }));
      return {
        ...detail,
        child: child ?? { ...detail.child, queued: false },
        measurements: [...old, ...current].sort((a, b) => (a.measuredOn < b.measuredOn ? -1 : 1)),
        referral: localReferral(current),
        offline: false,
      };
    } catch (e) {
      if (!s || (isApiError(e) && e.status !== 0)) throw e;
    }
  }
  if (!s) throw new ApiError(0, 'storage_unavailable', translate('offline.storageUnavailable'));
  const cached = await s.child(childId);
  const posyanduId = cached?.posyanduId ?? queuedChild?.posyanduId;
  const copy = posyanduId ? await s.posyanduCopy(posyanduId) : undefined;
  const child = posyanduId
    ? localChildren(posyanduId, cached ? [cached] : [], queue).find((c) => c.id === childId)
    : undefined;
  if (!child || !copy) throw noCopy();
  const measurements = localMeasurements(child, await s.measurementsOf(childId), queue);
  return {
    child,
    posyandu: {
      id: copy.posyandu.id,
      name: copy.posyandu.name,
      regionCode: copy.posyandu.regionCode,
      regionName: copy.posyandu.regionName,
    },
    measurements,
    referral: localReferral(measurements),
    offline: true,
  };
}
