import { useState, type ReactNode } from 'react';
import type { DuplicateCandidate } from '../registry/api.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { StatusIcon } from '../components/StatusIcon.tsx';
import { Loading } from '../components/Loading.tsx';
import { formatDate, formatDateTime, formatNumber } from '../i18n/format.ts';
import { useLang, useT, type MessageKey, type Translate } from '../i18n/language.ts';
import { installApp, useAppUpdate } from '../offline/app-update.ts';
import { resolutionsFor, type Resolution } from '../offline/conflicts.ts';
import {
  queueOverview,
  resolveItem,
  syncNow,
  useLocalData,
  useOfflineState,
} from '../offline/offline-store.ts';
import type { ChildView, MeasurementView, OutboxItem } from '../offline/outbox.ts';
import { useSession } from '../session.ts';
import type { Lang } from '../../core/errors.ts';

const conflictTitles: Record<string, MessageKey> = {
  child_duplicate: 'offline.conflictChildDuplicate',
  child_conflict: 'offline.conflictChildConflict',
  child_version_conflict: 'offline.conflictChildVersion',
  child_merged: 'offline.conflictChildMerged',
  measurement_exists: 'offline.conflictMeasurementExists',
  measurement_conflict: 'offline.conflictMeasurementConflict',
};

function kindLabel(item: OutboxItem, t: Translate): string {
  if (item.kind === 'child') return t('offline.kindChild');
  if (item.kind === 'childUpdate') return t('offline.kindChildUpdate');
  return item.body.supersedes ? t('offline.kindCorrection') : t('offline.kindMeasurement');
}

const kg = (v: number | null | undefined, lang: Lang) =>
  v == null ? '—' : `${formatNumber(v, lang, 2)} kg`;
const cm = (v: number | null | undefined, lang: Lang) =>
  v == null ? '—' : `${formatNumber(v, lang, 1)} cm`;

/** The rows of one version of a record, as the kader compares them. */
function childRows(
  c: Partial<ChildView> & { name?: string },
  t: Translate,
  lang: Lang,
): [string, string][] {
  return [
    [t('offline.name'), c.name ?? '—'],
    [t('offline.birthDate'), c.birthDate ? formatDate(c.birthDate, lang) : '—'],
    [t('offline.mother'), c.motherName ?? '—'],
    [t('offline.address'), c.address ?? '—'],
  ];
}

function measurementRows(
  m: Pick<MeasurementView, 'measuredOn' | 'weightKg' | 'heightCm'>,
  t: Translate,
  lang: Lang,
): [string, string][] {
  return [
    [t('offline.date'), formatDate(m.measuredOn, lang)],
    [t('offline.weight'), kg(m.weightKg, lang)],
    [t('offline.height'), cm(m.heightCm, lang)],
  ];
}

function Version({ title, rows }: { title: string; rows: [string, string][] }) {
  return (
    <div className="version">
      <h4>{title}</h4>
      <dl>
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

/** Both versions of a conflict side by side: the phone's entry and the server's record. */
function Versions({ item }: { item: OutboxItem }) {
  const t = useT();
  const lang = useLang();
  const p = item.problem;
  const mine: [string, string][] =
    item.kind === 'child'
      ? childRows(item.body, t, lang)
      : item.kind === 'childUpdate'
        ? childRows({ ...item.base, ...item.body.fields }, t, lang)
        : measurementRows(
            {
              measuredOn: item.body.measuredOn,
              weightKg: item.body.weightKg ?? null,
              heightCm: item.body.heightCm ?? null,
            },
            t,
            lang,
          );
  let server: ReactNode = null;
  if (p?.mergedInto)
    server = <Version title={t('offline.mergedInto')} rows={childRows(p.mergedInto, t, lang)} />;
  else if (p?.current && item.kind === 'measurement')
    server = (
      <Version
        title={t('offline.onServer')}
        rows={measurementRows(p.current as MeasurementView, t, lang)}
      />
    );
  else if (p?.current)
    server = (
      <Version
        title={`${t('offline.onServer')} (${t('offline.version', { version: (p.current as ChildView).version })})`}
        rows={childRows(p.current, t, lang)}
      />
    );
  else if (p?.code === 'child_duplicate') {
    const candidates = (p.details?.candidates ?? []) as DuplicateCandidate[];
    server = (
      <>
        {candidates.map((c) => (
          <Version key={c.id} title={t('offline.onServer')} rows={childRows(c, t, lang)} />
        ))}
      </>
    );
  }
  return (
    <div className="versions">
      <Version title={t('offline.onPhone')} rows={mine} />
      {server}
    </div>
  );
}

function choiceLabel(
  choice: Resolution,
  item: OutboxItem,
  t: Translate,
  names: Map<string, string>,
) {
  switch (choice.kind) {
    case 'keepServer':
      return item.problem?.current || item.problem?.code === 'child_duplicate'
        ? t('offline.choiceKeepServer')
        : t('offline.choiceDiscard');
    case 'retry':
      return t('offline.choiceRetry');
    case 'registerAnyway':
      return t('offline.choiceRegisterAnyway');
    case 'useExisting':
      return t('offline.choiceUseExisting', { name: names.get(choice.childId) ?? '' });
    case 'applyMine':
      return t('offline.choiceApplyMine');
    case 'moveToMerged':
      return t('offline.choiceMoveToMerged', { name: item.problem?.mergedInto?.name ?? '' });
    case 'replaceServer':
      return t('offline.choiceReplaceServer');
  }
}

/** The concrete choices of an item (one "same child" button per duplicate candidate). */
function choicesOf(item: OutboxItem): Resolution[] {
  return resolutionsFor(item).flatMap((kind): Resolution[] => {
    if (kind === 'useExisting') {
      const candidates = (item.problem?.details?.candidates ?? []) as DuplicateCandidate[];
      return candidates.map((c) => ({ kind, childId: c.id }));
    }
    if (kind === 'moveToMerged')
      return item.problem?.mergedInto ? [{ kind, childId: item.problem.mergedInto.id }] : [];
    return [{ kind }];
  });
}

function ProblemCard({
  item,
  names,
  dependents,
}: {
  item: OutboxItem;
  names: Map<string, string>;
  dependents: number;
}) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const title =
    item.state === 'conflict'
      ? t(conflictTitles[item.problem?.code ?? ''] ?? 'offline.rejectedTitle')
      : t('offline.rejectedTitle');
  const candidates = (item.problem?.details?.candidates ?? []) as DuplicateCandidate[];
  const choiceNames = new Map([...names, ...candidates.map((c) => [c.id, c.name] as const)]);

  async function choose(choice: Resolution) {
    const discards = choice.kind === 'keepServer';
    if (discards) {
      const extra =
        item.kind === 'child' && dependents > 0
          ? `\n${t('offline.discardDependents', { count: dependents })}`
          : '';
      if (!window.confirm(`${t('offline.discardConfirm')}${extra}`)) return;
    }
    setBusy(true);
    await resolveItem(item.id, choice);
    setBusy(false);
  }

  return (
    <li className="card problem-card">
      <h3 className="confirm-title">
        <StatusIcon kind="warning" /> {title}
      </h3>
      <p className="problem-what">
        {kindLabel(item, t)} · <strong>{names.get(item.childId) ?? ''}</strong>
      </p>
      <p className="hint">{item.problem?.message}</p>
      <Versions item={item} />
      <div className="button-row">
        {choicesOf(item).map((choice, i) => (
          <button
            key={`${choice.kind}-${i}`}
            type="button"
            className={`button button-big ${i === 0 ? 'button-primary' : ''}`}
            disabled={busy}
            onClick={() => void choose(choice)}
          >
            {choiceLabel(choice, item, t, choiceNames)}
          </button>
        ))}
      </div>
    </li>
  );
}

/**
 * "Kiriman data": what waits on this phone, the "Kirim sekarang" button, when it was last sent
 * and when the next try is, and every conflict with both versions and the kader's choices.
 */
export default function OutboxPage() {
  const t = useT();
  const lang = useLang();
  const { user } = useSession();
  const s = useOfflineState();
  const { canInstall } = useAppUpdate();
  const overview = useLocalData('queue', () => queueOverview());
  if (!overview.data) return <Loading />;
  const { items, names } = overview.data;
  const mine = items.filter((i) => i.userId === user?.id);
  const waiting = mine.filter((i) => i.state === 'pending');
  const problems = mine.filter((i) => i.state !== 'pending');
  const queuedChildren = new Set(mine.filter((i) => i.kind === 'child').map((i) => i.id));

  return (
    <>
      <PageHeading>{t('offline.title')}</PageHeading>
      <p>{t('offline.intro')}</p>
      {!s.online && (
        <p className="notice notice-warning" role="status">
          <StatusIcon kind="warning" /> {t('offline.offlineNote')}
        </p>
      )}
      {s.unavailable && (
        <p className="notice notice-error" role="alert">
          {t('offline.storageUnavailable')}
        </p>
      )}
      <div className="button-row">
        <button
          type="button"
          className="button button-primary button-big"
          disabled={s.syncing || !s.online || waiting.length === 0}
          onClick={() => void syncNow({ force: true })}
        >
          {s.syncing ? t('offline.sending') : t('offline.sendNow')}
        </button>
        {canInstall && (
          <button type="button" className="button button-big" onClick={() => void installApp()}>
            {t('offline.install')}
          </button>
        )}
      </div>
      <p className="hint" aria-live="polite">
        {s.lastSyncAt &&
          t('offline.lastSent', { time: formatDateTime(new Date(s.lastSyncAt), lang) })}
        {s.lastError && waiting.length > 0 && (
          <> {t('offline.lastError', { message: s.lastError })}</>
        )}
        {s.nextTryAt && waiting.length > 0 && s.online && (
          <> {t('offline.nextTry', { time: formatDateTime(new Date(s.nextTryAt), lang) })}</>
        )}
      </p>

      {problems.length > 0 && (
        <section aria-labelledby="decide-title">
          <h2 id="decide-title">
            {t('offline.decideTitle', { count: formatNumber(problems.length, lang) })}
          </h2>
          <p>{t('offline.decideHelp')}</p>
          <ul className="problem-list">
            {problems.map((item) => (
              <ProblemCard
                key={item.id}
                item={item}
                names={names}
                dependents={mine.filter((d) => d.kind !== 'child' && d.childId === item.id).length}
              />
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="waiting-title">
        <h2 id="waiting-title">
          {t('offline.waitingTitle', { count: formatNumber(waiting.length, lang) })}
        </h2>
        {waiting.length === 0 ? (
          <p className="hint">
            <StatusIcon kind="ok" /> {t('offline.nothingWaiting')}
          </p>
        ) : (
          <ul className="queue-list">
            {waiting.map((item) => (
              <li key={item.id}>
                <span className="queue-kind">{kindLabel(item, t)}</span>{' '}
                <strong>{names.get(item.childId) ?? ''}</strong>
                {item.kind === 'measurement' && (
                  <>
                    {' '}
                    · {formatDate(item.body.measuredOn, lang)} · {kg(item.body.weightKg, lang)}
                  </>
                )}
                {item.attempts > 0 && (
                  <span className="hint"> · {t('offline.attempts', { count: item.attempts })}</span>
                )}
                {item.kind !== 'child' && queuedChildren.has(item.childId) && (
                  <span className="hint"> · {t('offline.waitsForChild')}</span>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      {s.counts.otherUsers > 0 && (
        <p className="hint">{t('offline.otherUsers', { count: s.counts.otherUsers })}</p>
      )}
    </>
  );
}
