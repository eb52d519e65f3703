import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { Link } from '../components/Link.tsx';
import { Loading } from '../components/Loading.tsx';
import { Section } from '../dashboard/Section.tsx';
import { useApi } from '../hooks/use-api.ts';
import { formatNumber, formatShortDate } from '../i18n/format.ts';
import { useLang, useT } from '../i18n/language.ts';
import { deathCasePath, paths } from '../router.ts';
import { deathsApi } from './api.ts';
import { dueStepKeys, kindKeys, statusKeys } from './words.ts';

/** Internal: the cases of a region whose next step is overdue, most overdue first (health staff only). */
export function OverdueCases({ region, regionName }: { region: string; regionName: string }) {
  const t = useT();
  const lang = useLang();
  const cases = useApi(region, (code, signal) =>
    deathsApi.cases({ region: code, overdue: true, limit: 200 }, signal),
  );
  const items = [...(cases.data?.items ?? [])].sort(
    (a, b) => (b.due?.daysOverdue ?? 0) - (a.due?.daysOverdue ?? 0),
  );
  return (
    <Section
      id="death-overdue"
      title={t('deaths.overdueTitle')}
      subtitle={t('deaths.overdueSubtitle', { region: regionName })}
      actions={
        <Link
          className="button button-small"
          to={`${paths.deathCases}?wilayah=${region}&terlambat=1`}
        >
          {t('deaths.overdueAll')}
        </Link>
      }
    >
      <ErrorMessage error={cases.error} />
      {cases.loading && !cases.data && <Loading />}
      {cases.data && items.length === 0 && <p>{t('deaths.overdueNone')}</p>}
      {items.length > 0 && (
        <ul className="death-case-list">
          {items.slice(0, 10).map((c) => (
            <li key={c.id} className="death-case death-case-overdue">
              <Link to={deathCasePath(c.id)} className="death-case-link">
                <span className="death-case-name">{c.name}</span>
                <span className="death-case-meta">
                  {t(kindKeys[c.kind])} · {formatShortDate(c.deathDate, lang)} ·{' '}
                  {c.regionName ?? c.regionCode}
                </span>
                <span className="death-case-due">
                  {t(statusKeys[c.status])} · {t(dueStepKeys[c.due!.step])}:{' '}
                  <strong>
                    {t('deaths.daysOverdue', { days: formatNumber(c.due!.daysOverdue, lang) })}
                  </strong>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {items.length > 10 && (
        <p className="hint">
          {t('deaths.overdueMore', { count: formatNumber(items.length - 10, lang) })}
        </p>
      )}
    </Section>
  );
}
