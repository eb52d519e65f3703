import { useId } from 'react';
import { roleAllows } from '../../core/access/roles.ts';
import { parsePeriod, periodLabel } from '../../core/indicators/period.ts';
import { isWithinRegion, regionLevel } from '../../core/regions/region-code.ts';
import { api } from '../api-client.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { Loading } from '../components/Loading.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { RegionPicker } from '../components/RegionPicker.tsx';
import { AreasSection } from '../dashboard/AreasSection.tsx';
import { dashboardApi, type DashboardMeta, type IndicatorMeta } from '../dashboard/api.ts';
import { BreakdownSection } from '../dashboard/BreakdownSection.tsx';
import { ComparisonSection } from '../dashboard/ComparisonSection.tsx';
import {
  dashboardHref,
  readDashboardView,
  type DashboardView,
} from '../dashboard/dashboard-url.ts';
import { HeadlineCards } from '../dashboard/HeadlineCards.tsx';
import { policyKey, publicPolicyId } from '../dashboard/method.ts';
import { PeriodPicker } from '../dashboard/PeriodPicker.tsx';
import { Pending, Section } from '../dashboard/Section.tsx';
import { TargetForm } from '../dashboard/TargetForm.tsx';
import { TopVillagesSection } from '../dashboard/TopVillagesSection.tsx';
import { TrendSection } from '../dashboard/TrendSection.tsx';
import { useKeptApi } from '../dashboard/use-kept-api.ts';
import '../dashboard/dashboard.css';
import { useApi } from '../hooks/use-api.ts';
import { useLang, useT } from '../i18n/language.ts';
import { navigate, paths, useRoute } from '../router.ts';
import { useSession } from '../session.ts';

/** Indicators counted in children (so "the desa with the most children with it" makes sense). */
const nutritionIds = new Set([
  'stunting',
  'severe_stunting',
  'wasting',
  'severe_wasting',
  'underweight',
  'severe_underweight',
  'overweight',
]);

const hrefOf = (view: DashboardView) => dashboardHref(paths.dashboard, view);

/**
 * The monitoring dashboard (`/dasbor?wilayah=5301&periode=2025-08&indikator=stunting`): where
 * the stunted children are, whether it is getting better, and whether the sources agree, for
 * any region and period. Public (aggregate figures only, small numbers hidden); signed-in staff
 * with access to the records see every figure, and the page says which rule applies.
 */
export default function DashboardPage() {
  const t = useT();
  const session = useSession();
  const { query } = useRoute();
  const view = readDashboardView(query);
  const meta = useApi('meta', (_key, signal) => dashboardApi.meta(signal));

  if (meta.error || !meta.data || (session.status === 'loading' && !view.region)) {
    return (
      <>
        <PageHeading>{t('dashboard.title')}</PageHeading>
        {meta.error ? (
          <>
            <ErrorMessage error={meta.error} />
            <button type="button" className="button" onClick={meta.reload}>
              {t('layout.retry')}
            </button>
          </>
        ) : (
          <Loading />
        )}
      </>
    );
  }
  return <Dashboard meta={meta.data} view={view} userRegion={session.user?.regionCode ?? null} />;
}

function Dashboard({
  meta,
  view,
  userRegion,
}: {
  meta: DashboardMeta;
  view: DashboardView;
  userRegion: string | null;
}) {
  const t = useT();
  const lang = useLang();
  const ids = useId();
  const { user } = useSession();
  const region = view.region ?? userRegion ?? meta.homeRegion;
  const indicator: IndicatorMeta =
    meta.indicators.find((i) => i.id === view.indicator) ??
    meta.indicators.find((i) => i.id === 'stunting') ??
    meta.indicators[0]!;
  const period = view.period ?? meta.periods.latestComplete.month;
  const parsed = parsePeriod(period);
  const kind = parsed?.kind ?? 'month';
  const label = parsed ? periodLabel(parsed, lang) : period;
  const counted = nutritionIds.has(indicator.id)
    ? indicator
    : (meta.indicators.find((i) => i.id === 'stunting') ?? indicator);

  const go = (change: Partial<DashboardView>) => navigate(hrefOf({ ...view, ...change }));
  const areaHref = (code: string) => hrefOf({ ...view, region: code });
  const detail = useApi(region, (code) => api.region(code));
  const summaryQuery = { region, period };
  const summary = useKeptApi(JSON.stringify(summaryQuery), (_k, signal) =>
    dashboardApi.summary(summaryQuery, signal),
  );

  const regionName = detail.data?.region.name ?? summary.data?.region.name ?? region;
  const regionNames = new Map<string, string>([['00', 'Indonesia']]);
  for (const r of [
    ...(detail.data?.ancestors ?? []),
    ...(detail.data ? [detail.data.region] : []),
  ]) {
    regionNames.set(r.code, r.name);
  }
  const source = summary.data?.source.label[lang] ?? t('dashboard.sourceEppgbm');
  const policy = summary.data?.policy ?? null;
  const canSetTarget =
    !!user && roleAllows(user.role, 'aggregates:write') && isWithinRegion(region, user.regionCode);
  const hasData = meta.periods.firstMonth !== null;

  return (
    <>
      <PageHeading title={`${t('dashboard.title')} · ${regionName}`}>
        <span className="heading-kicker">{t('dashboard.kicker')}</span>
        {regionName}
      </PageHeading>

      {policy && (
        <div
          className={
            policy === publicPolicyId ? 'notice dash-policy' : 'notice notice-warning dash-policy'
          }
          role="note"
        >
          <p>{t(policyKey(policy))}</p>
          {policy === publicPolicyId && !user && <p>{t('dashboard.policyLoginHint')}</p>}
        </div>
      )}

      <div className="dash-controls">
        <RegionPicker value={region} onChange={(code) => go({ region: code })} />
        <div className="dash-control-group">
          {hasData && (
            <PeriodPicker meta={meta} value={period} onChange={(code) => go({ period: code })} />
          )}
          <div className="dash-control field">
            <label htmlFor={`${ids}-indicator`}>{t('dashboard.indicator')}</label>
            <select
              id={`${ids}-indicator`}
              value={indicator.id}
              onChange={(e) => go({ indicator: e.target.value })}
              aria-describedby={`${ids}-definition`}
            >
              {meta.indicators.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.label[lang]}
                </option>
              ))}
            </select>
            <p id={`${ids}-definition`} className="hint">
              {indicator.definition[lang]}
            </p>
          </div>
        </div>
      </div>

      {!hasData ? (
        <p className="notice notice-warning">{t('dashboard.noMeasurements')}</p>
      ) : (
        <>
          <Section
            id="dash-headline"
            title={t('dashboard.headlineTitle')}
            subtitle={`${regionName} · ${label}`}
          >
            <Pending state={summary}>
              {(data) => (
                <HeadlineCards
                  summary={data}
                  indicators={meta.indicators}
                  selected={indicator.id}
                  onSelect={(id) => go({ indicator: id })}
                />
              )}
            </Pending>
          </Section>

          <AreasSection
            region={region}
            regionName={regionName}
            period={period}
            periodLabel={label}
            indicator={indicator}
            source={source}
            onOpen={(code) => go({ region: code })}
            hrefOf={areaHref}
          />

          <TrendSection
            region={region}
            regionName={regionName}
            kind={kind}
            indicator={indicator}
            source={source}
            regionNames={regionNames}
            targetForm={
              canSetTarget
                ? (series, reload) => (
                    <TargetForm
                      region={region}
                      regionName={regionName}
                      indicator={indicator}
                      series={series}
                      onSaved={reload}
                    />
                  )
                : undefined
            }
          />

          <BreakdownSection
            region={region}
            regionName={regionName}
            period={period}
            periodLabel={label}
            indicator={indicator}
            source={source}
          />

          {regionLevel(region) !== 'desa' && (
            <TopVillagesSection
              region={region}
              regionName={regionName}
              period={period}
              periodLabel={label}
              indicator={counted}
              source={source}
              hrefOf={areaHref}
            />
          )}
        </>
      )}

      <ComparisonSection
        region={region}
        regionName={regionName}
        indicator={counted}
        source={source}
      />
    </>
  );
}
