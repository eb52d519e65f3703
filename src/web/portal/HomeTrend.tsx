import { lazy, Suspense, useRef } from 'react';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { Loading } from '../components/Loading.tsx';
import { dashboardApi } from '../dashboard/api.ts';
import type { TrendPoint, TrendTarget } from '../dashboard/charts/TrendChart.tsx';
import { formatFigure, formatProportion } from '../dashboard/figures.ts';
import { useApi } from '../hooks/use-api.ts';
import { useNearViewport } from '../hooks/use-near-viewport.ts';
import { useLang, useT } from '../i18n/language.ts';

const TrendChart = lazy(() => import('../dashboard/charts/TrendChart.tsx'));
const height = 280;

/** Stunting prevalence month by month against the target (the chart arrives in its own chunk). */
export function HomeTrend({ region }: { region: string }) {
  const t = useT();
  const lang = useLang();
  const box = useRef<HTMLElement>(null);
  const near = useNearViewport(box);
  const series = useApi(near ? region : null, (code, signal) =>
    dashboardApi.series({ region: code, indicator: 'stunting', kind: 'month' }, signal),
  );
  const data = series.data;
  const points: TrendPoint[] =
    data?.points.map(({ period, figure }) => ({
      code: period.code,
      label: period.label[lang],
      value: figure.suppressed ? null : figure.value,
      lower: figure.ci?.lower ?? null,
      upper: figure.ci?.upper ?? null,
      valueText: formatFigure(figure, lang, t),
    })) ?? [];
  const targets: TrendTarget[] =
    data?.targets.map((x) => ({
      year: x.year,
      value: x.value,
      owner: x.regionCode === '00' ? 'Indonesia' : data.region.name,
    })) ?? [];
  const latestTarget = [...targets].sort((a, b) => b.year - a.year)[0];
  const last = points.at(-1);

  return (
    <section ref={box} className="portal-section portal-trend" aria-labelledby="trend-title">
      <h2 id="trend-title">{t('portal.trendTitle')}</h2>
      {series.error ? (
        <ErrorMessage error={series.error} />
      ) : !data ? (
        <Loading />
      ) : points.length === 0 ? (
        <p className="hint">{t('dashboard.trendEmpty')}</p>
      ) : (
        <>
          <p className="hint">
            {latestTarget
              ? t('portal.trendTarget', {
                  year: latestTarget.year,
                  value: formatProportion(latestTarget.value, lang),
                  owner: latestTarget.owner,
                })
              : t('dashboard.noTarget')}
          </p>
          <Suspense fallback={<div className="chart-placeholder" style={{ height }} />}>
            <TrendChart
              points={points}
              targets={targets}
              seriesName={t('dashboard.sourceEppgbmTumbuh')}
              height={height}
              description={t('dashboard.trendDescription', {
                indicator: t('portal.stuntingPrevalence'),
                name: data.region.name,
                period: `${points[0]!.label} – ${last!.label}`,
                last: last!.valueText,
              })}
            />
          </Suspense>
        </>
      )}
    </section>
  );
}
