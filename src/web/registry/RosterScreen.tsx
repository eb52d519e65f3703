import { useId, useState } from 'react';
import { completedMonthsBetween } from '../../core/growth/age.ts';
import { personNameKey } from '../../core/registry/rules.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { Link } from '../components/Link.tsx';
import { Loading } from '../components/Loading.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { StatusIcon } from '../components/StatusIcon.tsx';
import { formatMonth, formatNumber } from '../i18n/format.ts';
import { useLang, useT } from '../i18n/language.ts';
import type { ChildSummary } from './api.ts';
import { localRoster } from '../offline/local-reads.ts';
import { useLocalData } from '../offline/offline-store.ts';
import { formatDateTime } from '../i18n/format.ts';
import { measureHref, posyanduChoiceHref, registerHref } from './links.ts';
import { SummaryStatus } from './StatusView.tsx';
import { currentMonth, todayIso } from './values.ts';

const collator = new Intl.Collator('id');

type Show = 'all' | 'pending';

/**
 * The children of one posyandu for this month, the kader's home screen: who still has to be
 * weighed, each child's last result, a name search, and registering a new child. Large rows
 * to tap with a thumb; "belum ditimbang" is a word and an icon, not only a colour.
 */
export function RosterScreen({
  posyanduId,
  canChange,
}: {
  posyanduId: string;
  canChange: boolean;
}) {
  const t = useT();
  const lang = useLang();
  const ids = useId();
  const month = currentMonth();
  const today = todayIso();
  const roster = useLocalData(`${posyanduId}|${month}`, () => localRoster(posyanduId, month));
  const [search, setSearch] = useState('');
  const [show, setShow] = useState<Show>('all');

  const items = roster.data?.items ?? [];
  const pending = items.filter((c) => !c.measuredThisMonth).length;
  const key = personNameKey(search);
  const shown = items
    .filter((c) => show === 'all' || !c.measuredThisMonth)
    .filter(
      (c) =>
        !key ||
        personNameKey(c.name).includes(key) ||
        (c.motherName !== null && personNameKey(c.motherName).includes(key)),
    )
    .sort((a, b) => collator.compare(a.name, b.name));

  const title = roster.data?.posyandu.name ?? t('input.title');

  return (
    <>
      <PageHeading title={title}>
        {roster.data ? (
          <>
            <span className="heading-kicker">{t('registry.posyandu')}</span> {title}
          </>
        ) : (
          t('input.title')
        )}
      </PageHeading>
      {roster.data && (
        <p className="roster-meta">
          {roster.data.posyandu.regionName}
          {canChange && (
            <>
              {' · '}
              <Link to={posyanduChoiceHref()}>{t('registry.changePosyandu')}</Link>
            </>
          )}
          <br />
          <span className="hint">
            {t('offline.dataAsOf', { time: formatDateTime(roster.data.asOf, lang) })}
          </span>
        </p>
      )}
      <ErrorMessage error={roster.error} />
      {roster.loading && !roster.data && <Loading />}

      <Link to={registerHref(posyanduId)} className="button button-primary button-big button-wide">
        <span aria-hidden="true" className="plus">
          +
        </span>{' '}
        {t('registry.registerChild')}
      </Link>

      {roster.data && (
        <>
          <p className="roster-count" aria-live="polite">
            {pending > 0 ? (
              <>
                <StatusIcon kind="warning" className="icon-warning" />{' '}
                {t('registry.pendingCount', {
                  pending: formatNumber(pending, lang),
                  total: formatNumber(items.length, lang),
                  month: formatMonth(month, lang),
                })}
              </>
            ) : items.length > 0 ? (
              <>
                <StatusIcon kind="ok" className="icon-ok" />{' '}
                {t('registry.allMeasured', { month: formatMonth(month, lang) })}
              </>
            ) : (
              t('registry.noChildren')
            )}
          </p>

          {items.length > 0 && (
            <div className="roster-tools">
              <div className="field field-search">
                <label htmlFor={`${ids}-search`}>{t('registry.searchChild')}</label>
                <input
                  id={`${ids}-search`}
                  type="search"
                  autoComplete="off"
                  enterKeyHint="search"
                  placeholder={t('registry.searchChildPlaceholder')}
                  value={search}
                  onChange={(e) => setSearch(e.target.value)}
                />
              </div>
              <div className="segmented" role="group" aria-label={t('registry.showLabel')}>
                <button type="button" aria-pressed={show === 'all'} onClick={() => setShow('all')}>
                  {t('registry.showAll', { count: formatNumber(items.length, lang) })}
                </button>
                <button
                  type="button"
                  aria-pressed={show === 'pending'}
                  onClick={() => setShow('pending')}
                >
                  {t('registry.showPending', { count: formatNumber(pending, lang) })}
                </button>
              </div>
            </div>
          )}

          {items.length > 0 && shown.length === 0 && (
            <p className="hint">{t('registry.noMatch')}</p>
          )}
          <ul className="roster" aria-label={t('registry.rosterLabel')}>
            {shown.map((child) => (
              <li key={child.id}>
                <RosterRow child={child} posyanduId={posyanduId} today={today} />
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function RosterRow({
  child,
  posyanduId,
  today,
}: {
  child: ChildSummary & { queued: number };
  posyanduId: string;
  today: string;
}) {
  const t = useT();
  const lang = useLang();
  const months = completedMonthsBetween(child.birthDate, today);
  return (
    <Link to={measureHref(posyanduId, child.id)} className="roster-row">
      <span className="roster-name">{child.name}</span>
      <span className="roster-facts">
        {child.sex === 1 ? t('registry.sexBoyShort') : t('registry.sexGirlShort')} ·{' '}
        {t('registry.ageMonths', { months: formatNumber(months, lang) })}
        {child.motherName && <> · {t('registry.motherShort', { name: child.motherName })}</>}
      </span>
      {child.measuredThisMonth ? (
        <span className="mark mark-done">
          <StatusIcon kind="ok" /> {t('registry.measuredThisMonth')}
        </span>
      ) : (
        <span className="mark mark-pending">
          <StatusIcon kind="warning" /> {t('registry.notMeasuredThisMonth')}
        </span>
      )}
      {child.queued > 0 && (
        <span className="mark mark-queued">
          <StatusIcon kind="warning" /> {t('offline.queuedMark')}
        </span>
      )}
      <span className="roster-last">
        {child.lastMeasuredOn ? (
          <SummaryStatus summary={child} />
        ) : (
          <span className="hint">{t('registry.neverMeasured')}</span>
        )}
      </span>
    </Link>
  );
}
