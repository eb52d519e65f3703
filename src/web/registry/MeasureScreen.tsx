import { completedMonthsBetween } from '../../core/growth/age.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { Link } from '../components/Link.tsx';
import { Loading } from '../components/Loading.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { formatShortDate } from '../i18n/format.ts';
import { useLang, useT } from '../i18n/language.ts';
import { childPath, navigate } from '../router.ts';
import { showToast } from '../toast.ts';
import { localChild } from '../offline/local-reads.ts';
import { useLocalData } from '../offline/offline-store.ts';
import { rosterHref } from './links.ts';
import { MeasurementForm } from './MeasurementForm.tsx';
import { ageText, statusSummaryText } from './status.ts';
import { MeasurementFacts, SavedStatus } from './StatusView.tsx';
import { todayIso } from './values.ts';

/**
 * One child's weighing this month: who the child is, the last result, the form. Saving goes back
 * to the posyandu list, where the child is now marked as measured.
 */
export function MeasureScreen({ posyanduId, childId }: { posyanduId: string; childId: string }) {
  const t = useT();
  const lang = useLang();
  const detail = useLocalData(childId, (id, signal) => localChild(id, signal));
  const back = rosterHref(posyanduId);
  const data = detail.data;
  const current = data?.measurements.filter((m) => m.supersededAt === null) ?? [];
  const last = current.at(-1);

  return (
    <>
      <p className="back-link">
        <Link to={back}>← {t('registry.backToList')}</Link>
      </p>
      <ErrorMessage error={detail.error} />
      {detail.loading && !data && <Loading />}
      {data && (
        <>
          <PageHeading title={data.child.name}>
            <span className="heading-kicker">{t('measure.title')}</span> {data.child.name}
          </PageHeading>
          <p className="child-facts">
            {data.child.sex === 1 ? t('child.boy') : t('child.girl')} ·{' '}
            {ageText(completedMonthsBetween(data.child.birthDate, todayIso()), t)}
            {data.child.motherName && (
              <> · {t('registry.motherShort', { name: data.child.motherName })}</>
            )}
            {' · '}
            <Link to={childPath(data.child.id)}>{t('measure.openChart')}</Link>
          </p>
          {last && (
            <div className="last-result">
              <p className="last-result-title">
                {t('measure.lastResult', { date: formatShortDate(last.measuredOn, lang) })}
              </p>
              <MeasurementFacts measurement={last} />
              <SavedStatus status={last.status} />
            </div>
          )}
          <MeasurementForm
            child={data.child}
            history={current}
            onCancel={() => navigate(back)}
            onSaved={({ measurement }, queued) => {
              const status = statusSummaryText(measurement.status, lang);
              showToast(
                t(queued ? 'offline.savedOnPhone' : 'measure.saved', {
                  name: data.child.name,
                  status,
                }),
                queued ? 'warning' : 'success',
              );
              navigate(back, { replace: true });
            }}
          />
        </>
      )}
    </>
  );
}
