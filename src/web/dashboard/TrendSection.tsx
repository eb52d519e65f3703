import { lazy, Suspense, type ReactNode } from 'react';
import type { PeriodKind } from '../../core/indicators/period.ts';
import { useLang, useT } from '../i18n/language.ts';
import { dashboardApi, type IndicatorMeta, type Series } from './api.ts';
import type { TrendPoint, TrendTarget } from './charts/TrendChart.tsx';
import { formatFigure, formatFraction, formatInterval, formatProportion } from './figures.ts';
import { MethodNote } from './MethodNote.tsx';
import { ChartLoading, Pending, Section } from './Section.tsx';
import { useKeptApi } from './use-kept-api.ts';

const TrendChart = lazy(() => import('./charts/TrendChart.tsx'));

export interface TrendSectionProps {
  region: string;
  regionName: string;
  kind: PeriodKind;
  indicator: IndicatorMeta;
  source: string;
  /** Names of regions that own targets (the region, its ancestors, "Indonesia"). */
  regionNames: ReadonlyMap<string, string>;
  /** Renders under the chart for users who may set the region's target. */
  targetForm?: ((series: Series, reload: () => void) => ReactNode) | undefined;
}

const height = 300;

/** Is it getting better? The indicator over the periods of the chosen kind, with the target. */
export function TrendSection({
  region,
  regionName,
  kind,
  indicator,
  source,
  regionNames,
  targetForm,
}: TrendSectionProps) {
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
                  seriesName={`${indicator.label[lang]} (${source})`}
                  height={height}
                  description={t('dashboard.trendDescription', {
                    indicator: indicator.label[lang],
                    name: regionName,
                    period: periodText ?? '',
                    last: points.at(-1)?.valueText ?? '',
                  })}
                />
              </Suspense>
              <TargetsLine targets={targets} />
              <details className="data-table">
                <summary>{t('dashboard.showTable')}</summary>
                <div className="table-wrap">
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">{t('dashboard.methodPeriod')}</th>
                        <th scope="col" className="num">
                          {t('dashboard.colValue')}
                        </th>
                        <th scope="col" className="num">
                          {t('dashboard.colInterval')}
                        </th>
                        <th scope="col">{t('dashboard.colFraction')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {data.points.map(({ period, figure }) => (
                        <tr key={period.code}>
                          <th scope="row">{period.label[lang]}</th>
                          <td className="num">{formatFigure(figure, lang, t)}</td>
                          <td className="num">{formatInterval(figure, lang) ?? '—'}</td>
                          <td>{formatFraction(figure, lang, t) ?? '—'}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </details>
              <MethodNote
                indicator={indicator.id}
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
