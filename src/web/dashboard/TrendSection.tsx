import { lazy, Suspense, type ReactNode } from 'react';
import { useLang, useT } from '../i18n/language.ts';
import { dashboardApi, type Series } from './api.ts';
import type { TrendPoint, TrendTarget } from './charts/TrendChart.tsx';
import { formatFigure, formatProportion } from './figures.ts';
import { FigureTable } from './FigureTable.tsx';
import { MethodNote } from './MethodNote.tsx';
import { ChartLoading, Pending, Section } from './Section.tsx';
import type { DashboardScope } from './scope.ts';
import { useKeptApi } from './use-kept-api.ts';

const TrendChart = lazy(() => import('./charts/TrendChart.tsx'));

export interface TrendSectionProps {
  /** Region, period, indicator and source of the section. */
  scope: DashboardScope;
  /** Names of regions that own targets (the region, its ancestors, "Indonesia"). */
  regionNames: ReadonlyMap<string, string>;
  /** Renders under the chart for users who may set the region's target. */
  targetForm?: ((series: Series, reload: () => void) => ReactNode) | undefined;
}

const height = 300;

/** Is it getting better? The indicator over the periods of the chosen kind, with the target. */
export function TrendSection({ scope, regionNames, targetForm }: TrendSectionProps) {
  const { region, regionName, kind, indicator, source } = scope;
  const t = useT();
  const lang = useLang();
  const query = { region, indicator: indicator.id, kind };
  const series = useKeptApi(JSON.stringify(query), (_k, signal) =>
    dashboardApi.series(query, signal),
  );

  return (
    <Section
      id="dash-trend"
      title={t('dashboard.trendTitle', { indicator: indicator.label[lang] })}
      subtitle={regionName}
    >
      <Pending state={series}>
        {(data) => {
          const points: TrendPoint[] = data.points.map(({ period, figure }) => ({
            code: period.code,
            label: period.label[lang],
            value: figure.suppressed ? null : figure.value,
            lower: figure.ci?.lower ?? null,
            upper: figure.ci?.upper ?? null,
            valueText: formatFigure(figure, lang, t),
          }));
          const targets: TrendTarget[] = data.targets.map((x) => ({
            year: x.year,
            value: x.value,
            owner: regionNames.get(x.regionCode) ?? x.regionCode,
          }));
          const withValue = points.filter((p) => p.value !== null).length;
          const hidden = points.filter((p) => p.value === null);
          const first = data.points[0]?.period;
          const last = data.points.at(-1)?.period;
          const periodText =
            first && last ? `${first.label[lang]} – ${last.label[lang]}` : undefined;
          if (points.length === 0) return <p className="hint">{t('dashboard.trendEmpty')}</p>;
          return (
            <>
              {withValue === 0 && (
                <p className="notice notice-warning">{t('dashboard.trendAllHidden')}</p>
              )}
              <Suspense fallback={<ChartLoading height={height} />}>
                <TrendChart
                  points={points}
                  targets={targets}
                  seriesName={t('dashboard.sourceEppgbmTumbuh')}
                  height={height}
                  description={t('dashboard.trendDescription', {
                    indicator: indicator.label[lang],
                    name: regionName,
                    period: periodText ?? '',
                    last: points.at(-1)?.valueText ?? '',
                  })}
                />
              </Suspense>
              {hidden.length > 0 && withValue > 0 && (
                <p className="hint">
                  {t('dashboard.trendGaps', { periods: hidden.map((p) => p.label).join(', ') })}
                </p>
              )}
              <TargetsLine targets={targets} />
              <FigureTable
                heading={t('dashboard.methodPeriod')}
                rows={data.points.map(({ period, figure }) => ({
                  key: period.code,
                  label: period.label[lang],
                  figure,
                }))}
              />
              <MethodNote
                definition={indicator.definition[lang]}
                periodText={periodText}
                source={source}
                policy={data.policy}
              >
                <p className="hint">{t('dashboard.trendTargetNote')}</p>
              </MethodNote>
              {targetForm?.(data, series.reload)}
            </>
          );
        }}
      </Pending>
    </Section>
  );
}

/** The targets in words: "Target 2024: 14,0% (Indonesia)". */
function TargetsLine({ targets }: { targets: readonly TrendTarget[] }) {
  const t = useT();
  const lang = useLang();
  if (targets.length === 0) return <p className="hint">{t('dashboard.noTarget')}</p>;
  return (
    <p className="hint">
      {[...targets]
        .sort((a, b) => a.year - b.year)
        .map((x) =>
          t('dashboard.targetLine', {
            year: x.year,
            value: formatProportion(x.value, lang),
            owner: x.owner,
          }),
        )
        .join(' · ')}
    </p>
  );
}
