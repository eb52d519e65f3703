import { lazy, Suspense, useRef, useState } from 'react';
import { roleAllows } from '../../core/access/roles.ts';
import { completedMonthsBetween } from '../../core/growth/age.ts';
import { referralReasonLabels, type ReferralReason } from '../../core/registry/referral.ts';
import { api } from '../api-client.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { Link } from '../components/Link.tsx';
import { Loading } from '../components/Loading.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { StatusIcon } from '../components/StatusIcon.tsx';
import { useApi } from '../hooks/use-api.ts';
import { formatDate } from '../i18n/format.ts';
import { useLang, useT } from '../i18n/language.ts';
import type { ChildDetail, MeasurementView } from '../registry/api.ts';
import { localChild } from '../offline/local-reads.ts';
import { useLocalData } from '../offline/offline-store.ts';
import { ChildRegistration } from '../registry/ChildRegistration.tsx';
import { MeasurementHistory } from '../registry/MeasurementHistory.tsx';
import { MeasurementForm } from '../registry/MeasurementForm.tsx';
import { MergeDuplicate } from '../registry/MergeDuplicate.tsx';
import { measureHref } from '../registry/links.ts';
import { ageText, statusSummaryText } from '../registry/status.ts';
import { todayIso } from '../registry/values.ts';
import { childPath } from '../router.ts';
import { useSession } from '../session.ts';
import { showToast } from '../toast.ts';

// ECharts is large: the charts arrive in their own chunk after the page's text.
const GrowthCharts = lazy(() => import('../registry/GrowthCharts.tsx'));

/**
 * A form that opens in place takes the focus, so keyboard and screen-reader users land in it.
 * Module-level, so React calls it once per mount and not at every render.
 */
const focusOnMount = (element: HTMLElement | null) => element?.focus();

const isReferralReason = (code: string): code is ReferralReason => code in referralReasonLabels;

/**
 * A child's record: who, where, whether a referral is needed, the growth charts and every
 * measurement with its corrections. Staff who may write correct a measurement from here.
 */
export default function ChildPage({ id }: { id: string }) {
  const t = useT();
  const lang = useLang();
  const { user } = useSession();
  const detail = useLocalData(id, (childId, signal) => localChild(childId, signal));
  const [correcting, setCorrecting] = useState<MeasurementView | null>(null);
  const [editing, setEditing] = useState(false);
  const [merging, setMerging] = useState(false);
  const historyRef = useRef<HTMLElement>(null);
  const data = detail.data;
  const canWrite = user ? roleAllows(user.role, 'records:write') : false;

  if (!data) {
    return (
      <>
        {detail.loading && <Loading />}
        <ErrorMessage error={detail.error} />
      </>
    );
  }

  function startCorrection(m: MeasurementView) {
    setCorrecting(m);
    window.setTimeout(() => historyRef.current?.scrollIntoView({ block: 'start' }), 0);
  }

  return (
    <>
      <ChildHeader data={data} />
      {data.child.mergedInto && (
        <div className="notice notice-warning" role="note">
          <p>
            <StatusIcon kind="warning" /> {t('childPage.merged')}{' '}
            <Link to={childPath(data.child.mergedInto)}>{t('childPage.openMerged')}</Link>
          </p>
        </div>
      )}
      <ReferralBox referral={data.referral} />
      {editing ? (
        <section className="card" aria-labelledby="edit-title">
          <h2 id="edit-title" ref={focusOnMount} tabIndex={-1}>
            {t('childPage.editChild')}
          </h2>
          <ChildRegistration
            posyanduId={data.posyandu.id}
            editing={data.child}
            onCancel={() => setEditing(false)}
            onSaved={() => {
              setEditing(false);
              detail.reload();
            }}
          />
        </section>
      ) : merging ? (
        <section className="card" aria-labelledby="merge-title">
          <h2 id="merge-title" ref={focusOnMount} tabIndex={-1}>
            {t('merge.title')}
          </h2>
          <MergeDuplicate
            keep={data}
            onCancel={() => setMerging(false)}
            onMerged={(other) => {
              setMerging(false);
              showToast(t('merge.done', { name: other.name }));
              detail.reload();
            }}
          />
        </section>
      ) : (
        canWrite &&
        !data.child.mergedInto && (
          <p className="button-row">
            <Link
              to={measureHref(data.posyandu.id, data.child.id)}
              className="button button-primary button-big"
            >
              {t('childPage.measureNow')}
            </Link>
            <button type="button" className="button button-big" onClick={() => setEditing(true)}>
              {t('childPage.editChild')}
            </button>
            <button type="button" className="button button-big" onClick={() => setMerging(true)}>
              {t('merge.action')}
            </button>
          </p>
        )
      )}

      <section aria-labelledby="charts-title">
        <h2 id="charts-title">{t('childPage.chartsTitle')}</h2>
        <Suspense fallback={<Loading />}>
          <GrowthCharts sex={data.child.sex} measurements={data.measurements} />
        </Suspense>
      </section>

      <section ref={historyRef} aria-labelledby="history-title" className="history">
        <h2 id="history-title">{t('childPage.historyTitle')}</h2>
        {correcting ? (
          <div className="card correction">
            <h3 ref={focusOnMount} tabIndex={-1}>
              {t('childPage.correctTitle', { date: formatDate(correcting.measuredOn, lang) })}
            </h3>
            <MeasurementForm
              key={correcting.id}
              child={data.child}
              history={data.measurements.filter((m) => m.supersededAt === null)}
              correcting={correcting}
              onCancel={() => setCorrecting(null)}
              onSaved={({ measurement }, queued) => {
                const status = statusSummaryText(measurement.status, lang);
                showToast(
                  queued
                    ? t('offline.savedOnPhone', { name: data.child.name, status })
                    : t('childPage.corrected', { status }),
                  queued ? 'warning' : 'success',
                );
                setCorrecting(null);
                detail.reload();
              }}
            />
          </div>
        ) : (
          <MeasurementHistory
            measurements={data.measurements}
            onCorrect={canWrite && !data.child.mergedInto ? startCorrection : undefined}
          />
        )}
      </section>
    </>
  );
}

function ChildHeader({ data }: { data: ChildDetail }) {
  const t = useT();
  const lang = useLang();
  const { child, posyandu } = data;
  const residence = useApi(child.regionCode, (code) => api.region(code));
  const months = completedMonthsBetween(child.birthDate, todayIso());
  return (
    <>
      <PageHeading title={child.name}>{child.name}</PageHeading>
      <dl className="facts child-header">
        <dt>{t('child.sex')}</dt>
        <dd>{child.sex === 1 ? t('child.boy') : t('child.girl')}</dd>
        <dt>{t('childPage.age')}</dt>
        <dd>
          {ageText(months, t)}{' '}
          <span className="hint-inline">
            ({t('child.bornOn', { date: formatDate(child.birthDate, lang) })})
          </span>
        </dd>
        {child.motherName && (
          <>
            <dt>{t('child.motherName')}</dt>
            <dd>{child.motherName}</dd>
          </>
        )}
        <dt>{t('registry.posyandu')}</dt>
        <dd>
          {posyandu.name} · {posyandu.regionName}
        </dd>
        <dt>{t('childPage.village')}</dt>
        <dd>{residence.data?.region.name ?? (child.regionCode || posyandu.regionName)}</dd>
        {child.address && (
          <>
            <dt>{t('child.address')}</dt>
            <dd>{child.address}</dd>
          </>
        )}
      </dl>
    </>
  );
}

function ReferralBox({ referral }: { referral: ChildDetail['referral'] }) {
  const t = useT();
  const lang = useLang();
  if (!referral.needed) {
    return (
      <div className="notice notice-success referral" role="note">
        <p>
          <StatusIcon kind="ok" /> {t('childPage.noReferral')}
        </p>
      </div>
    );
  }
  return (
    <div className="notice notice-error referral" role="note" aria-labelledby="referral-title">
      <p id="referral-title" className="referral-title">
        <StatusIcon kind="danger" /> {t('childPage.referralNeeded')}
      </p>
      <ul>
        {referral.reasons.map((reason) => (
          <li key={reason}>
            {isReferralReason(reason) ? referralReasonLabels[reason][lang] : reason}
          </li>
        ))}
      </ul>
    </div>
  );
}
