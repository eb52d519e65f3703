import { useId } from 'react';
import { caseStatuses, type CaseStatus } from '../../core/deaths/workflow.ts';
import { deathKinds, type DeathKind } from '../../core/deaths/case.ts';
import { isNotifierRole } from '../../core/deaths/access.ts';
import { isRegionCode, isWithinRegion } from '../../core/regions/region-code.ts';
import type { Me } from '../api-client.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { Link } from '../components/Link.tsx';
import { Loading } from '../components/Loading.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { RegionPicker } from '../components/RegionPicker.tsx';
import { deathsApi, type CaseQuery, type CaseSummary } from '../deaths/api.ts';
import '../deaths/deaths.css';
import { dueStepKeys, formatDelay, kindKeys, statusKeys } from '../deaths/words.ts';
import { useApi } from '../hooks/use-api.ts';
import { formatNumber, formatShortDate } from '../i18n/format.ts';
import { useLang, useT } from '../i18n/language.ts';
import { deathCasePath, navigate, paths, useRoute } from '../router.ts';
import { useSession } from '../session.ts';

const openStatuses: CaseStatus[] = ['notified', 'verified', 'reviewed', 'recommended'];
const isStatus = (s: string): s is CaseStatus => (caseStatuses as readonly string[]).includes(s);
const isKind = (s: string): s is DeathKind => (deathKinds as readonly string[]).includes(s);

/**
 * The death cases of the user's scope (`/kematian/kasus?wilayah=&status=&jenis=&terlambat=1`),
 * newest death first: each with its status, its next step and due date, overdue ones marked in
 * red and listed first when asked; late notifications marked. The filters live in the URL.
 */
export default function DeathCasesPage() {
  const t = useT();
  const { user } = useSession();
  if (!user) return null;
  if (!isNotifierRole(user.role)) {
    return (
      <section className="prompt">
        <PageHeading>{t('auth.forbiddenTitle')}</PageHeading>
        <p>{t('deaths.notifyForbidden')}</p>
      </section>
    );
  }
  return <CaseList user={user} />;
}

function CaseList({ user }: { user: Me }) {
  const t = useT();
  const lang = useLang();
  const ids = useId();
  const { query } = useRoute();
  const hospital = user.role === 'hospital';
  const askedRegion = query.get('wilayah') ?? '';
  const region =
    !hospital && isRegionCode(askedRegion) && isWithinRegion(askedRegion, user.regionCode)
      ? askedRegion
      : undefined;
  const status = (query.get('status') ?? '').split(',').filter(isStatus);
  const kind = (query.get('jenis') ?? '').split(',').filter(isKind);
  const overdue = query.get('terlambat') === '1';
  const late = query.get('notifikasi') === 'terlambat';
  const request: CaseQuery = {
    region,
    status: status.join(',') || undefined,
    kind: kind.join(',') || undefined,
    overdue,
    late,
    limit: 500,
  };
  const cases = useApi(JSON.stringify(request), (_k, signal) => deathsApi.cases(request, signal));

  function update(changes: Record<string, string | null>) {
    const next = new URLSearchParams(query);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === '') next.delete(key);
      else next.set(key, value);
    }
    const text = next.toString();
    navigate(text ? `${paths.deathCases}?${text}` : paths.deathCases, { replace: true });
  }

  const items = cases.data?.items ?? [];
  const overdueCount = items.filter((c) => c.due?.overdue).length;
  const sorted = overdue
    ? [...items].sort((a, b) => (b.due?.daysOverdue ?? 0) - (a.due?.daysOverdue ?? 0))
    : items;

  return (
    <>
      <PageHeading>{t('deaths.casesTitle')}</PageHeading>
      <p>{t('deaths.casesIntro')}</p>
      <Link className="button button-primary button-big death-notify-button" to={paths.deathNotify}>
        {t('deaths.notifyButton')}
      </Link>

      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        {!hospital && (
          <RegionPicker
            value={region ?? user.regionCode}
            within={user.regionCode}
            onChange={(code) => update({ wilayah: code })}
          />
        )}
        <div className="field-pair">
          <div className="field">
            <label htmlFor={`${ids}-status`}>{t('deaths.status')}</label>
            <select
              id={`${ids}-status`}
              value={status.join(',')}
              onChange={(e) => update({ status: e.target.value })}
            >
              <option value="">{t('deaths.allStatuses')}</option>
              <option value={openStatuses.join(',')}>{t('deaths.openStatuses')}</option>
              {caseStatuses.map((s) => (
                <option key={s} value={s}>
                  {t(statusKeys[s])}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${ids}-kind`}>{t('deaths.kind')}</label>
            <select
              id={`${ids}-kind`}
              value={kind.join(',')}
              onChange={(e) => update({ jenis: e.target.value })}
            >
              <option value="">{t('deaths.allKinds')}</option>
              <option value="neonatal,postneonatal">{t('deaths.countInfant')}</option>
              {deathKinds.map((k) => (
                <option key={k} value={k}>
                  {t(kindKeys[k])}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="field-check">
          <input
            id={`${ids}-overdue`}
            type="checkbox"
            checked={overdue}
            onChange={(e) => update({ terlambat: e.target.checked ? '1' : null })}
          />
          <label htmlFor={`${ids}-overdue`}>{t('deaths.onlyOverdue')}</label>
        </div>
        <div className="field-check">
          <input
            id={`${ids}-late`}
            type="checkbox"
            checked={late}
            onChange={(e) => update({ notifikasi: e.target.checked ? 'terlambat' : null })}
          />
          <label htmlFor={`${ids}-late`}>{t('deaths.onlyLate')}</label>
        </div>
      </form>

      <ErrorMessage error={cases.error} />
      {cases.loading && !cases.data && <Loading />}
      {cases.data && (
        <>
          <h2 className="death-count-line">
            {t('deaths.caseCount', { count: formatNumber(items.length, lang) })}
            {overdueCount > 0 && (
              <span className="badge death-badge-overdue">
                {t('deaths.overdueCount', { count: formatNumber(overdueCount, lang) })}
              </span>
            )}
          </h2>
          {items.length === 0 && <p>{t('deaths.noCases')}</p>}
          <ul className="death-case-list">
            {sorted.map((c) => (
              <CaseRow key={c.id} c={c} />
            ))}
          </ul>
          {cases.data.truncated && <p className="hint">{t('deaths.truncated')}</p>}
          <p className="hint">
            {t('deaths.deadlinesHint', {
              verify: cases.data.deadlines.verifyDays,
              review: cases.data.deadlines.reviewDays,
              recommend: cases.data.deadlines.recommendDays,
            })}
          </p>
        </>
      )}
    </>
  );
}

function CaseRow({ c }: { c: CaseSummary }) {
  const t = useT();
  const lang = useLang();
  const overdue = c.due?.overdue ?? false;
  return (
    <li className={overdue ? 'death-case death-case-overdue' : 'death-case'} data-status={c.status}>
      <Link to={deathCasePath(c.id)} className="death-case-link">
        <span className="death-case-top">
          <span className="death-case-name">{c.name}</span>
          <span className={`death-status death-status-${c.status}`}>{t(statusKeys[c.status])}</span>
        </span>
        <span className="death-case-meta">
          {t(kindKeys[c.kind])} · {formatShortDate(c.deathDate, lang)} ·{' '}
          {c.regionName ?? c.regionCode}
        </span>
        {c.due && (
          <span className="death-case-due">
            {t(dueStepKeys[c.due.step])}: {formatShortDate(c.due.dueDate, lang)}
            {overdue && (
              <strong>
                {' '}
                · {t('deaths.daysOverdue', { days: formatNumber(c.due.daysOverdue, lang) })}
              </strong>
            )}
          </span>
        )}
        {c.notifiedLate && (
          <span className="death-case-late">
            {t('deaths.lateBadge', { delay: formatDelay(c.notificationDelayMinutes, t) })}
          </span>
        )}
      </Link>
    </li>
  );
}
