import { lazy, Suspense } from 'react';
import { formatNumber } from '../i18n/format.ts';
import { useLang, useT } from '../i18n/language.ts';
import { dashboardApi, type Comparison, type IndicatorMeta } from './api.ts';
import type { ComparisonYear } from './charts/ComparisonChart.tsx';
import { sourceGap } from './comparison-gap.ts';
import { figureState, formatFigure, formatProportion } from './figures.ts';
import { MethodNote } from './MethodNote.tsx';
import { ChartLoading, Pending, Section } from './Section.tsx';
import { useKeptApi } from './use-kept-api.ts';

const ComparisonChart = lazy(() => import('./charts/ComparisonChart.tsx'));

export interface ComparisonSectionProps {
  region: string;
  regionName: string;
  indicator: IndicatorMeta;
  source: string;
}

const height = 320;

/**
 * Do the sources agree? e-PPGBM (children weighed at posyandu) beside the surveys (SSGI, SKI)
 * for each year, with weighing coverage, and in words why they differ — the question local
 * governments argue about in the press (research/anchors.md §0 item 9, §7 item 2).
 */
export function ComparisonSection({
  region,
  regionName,
  indicator,
  source,
}: ComparisonSectionProps) {
  const t = useT();
  const lang = useLang();
  const query = { region, indicator: indicator.id };
  const comparison = useKeptApi(JSON.stringify(query), (_k, signal) =>
    dashboardApi.comparison(query, signal),
  );

  return (
    <Section
      id="dash-comparison"
      title={t('dashboard.comparisonTitle', { indicator: indicator.label[lang] })}
      subtitle={regionName}
    >
      <Pending state={comparison}>
        {(data) => (
          <ComparisonBody
            data={data}
            indicator={indicator}
            regionName={regionName}
            source={source}
          />
        )}
      </Pending>
    </Section>
  );
}

function ComparisonBody({
  data,
  indicator,
  regionName,
  source,
}: {
  data: Comparison;
  indicator: IndicatorMeta;
  regionName: string;
  source: string;
}) {
  const t = useT();
  const lang = useLang();
  const years: ComparisonYear[] = [...data.years]
    .sort((a, b) => a.year - b.year)
    .map((y) => {
      const figure = y.eppgbm?.figure;
      return {
        year: y.year,
        eppgbm: figureState(figure) === 'value' ? figure!.value : null,
        eppgbmText: formatFigure(figure, lang, t),
        coverage: figureState(y.weighingCoverage) === 'value' ? y.weighingCoverage!.value : null,
        surveys: y.surveys,
      };
    });
  const gap = sourceGap(years);
  const pct = (v: number) => formatProportion(v, lang);

  let summary: string;
  switch (gap.kind) {
    case 'both':
      summary = t('dashboard.gapBoth', {
        year: gap.year,
        eppgbm: pct(gap.eppgbm),
        survey: gap.survey.source,
        surveyValue: pct(gap.survey.value),
        points: formatNumber(Math.abs(gap.points), lang, 1),
        direction: t(gap.points >= 0 ? 'dashboard.gapLower' : 'dashboard.gapHigher'),
        coverage:
          gap.coverage === null
            ? t('dashboard.gapCoverageUnknown')
            : t('dashboard.gapCoverage', { coverage: formatProportion(gap.coverage, lang, 0) }),
      });
      break;
    case 'survey_only':
      summary = t('dashboard.gapSurveyOnly', {
        survey: gap.survey.source,
        year: gap.year,
        surveyValue: pct(gap.survey.value),
      });
      break;
    case 'eppgbm_only':
      summary = t('dashboard.gapEppgbmOnly', { name: regionName });
      break;
    case 'none':
      summary = t('dashboard.gapNone', { name: regionName });
  }

  return (
    <div className="dash-comparison">
      <div className="dash-comparison-chart">
        {years.length > 0 && (
          <Suspense fallback={<ChartLoading height={height} />}>
            <ComparisonChart
              years={years}
              height={height}
              description={t('dashboard.comparisonDescription', {
                indicator: indicator.label[lang],
                name: regionName,
                summary,
              })}
            />
          </Suspense>
        )}
      </div>
      <div className="dash-comparison-text">
        <p className="dash-gap">{summary}</p>
        <h3>{t('dashboard.whyDifferTitle')}</h3>
        <ul className="dash-why">
          <li>{t('dashboard.whyEppgbm')}</li>
          <li>{t('dashboard.whySurvey')}</li>
          <li>{t('dashboard.whyCoverage')}</li>
          <li>{t('dashboard.whyBoth')}</li>
        </ul>
      </div>
      <details className="data-table dash-comparison-table">
        <summary>{t('dashboard.showTable')}</summary>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('dashboard.colYear')}</th>
                <th scope="col">{t('dashboard.colSource')}</th>
                <th scope="col" className="num">
                  {t('dashboard.colValue')}
                </th>
                <th scope="col">{t('dashboard.colNote')}</th>
              </tr>
            </thead>
            <tbody>
              {[...data.years]
                .sort((a, b) => b.year - a.year)
                .flatMap((y) => [
                  <tr key={`${y.year}-eppgbm`}>
                    <th scope="row">{y.year}</th>
                    <td>{t('dashboard.sourceEppgbm')}</td>
                    <td className="num">{formatFigure(y.eppgbm?.figure, lang, t)}</td>
                    <td>
                      {y.eppgbm ? y.eppgbm.period.label[lang] : ''}
                      {y.weighingCoverage &&
                        ` · ${t('dashboard.weighingCoverage')}: ${formatFigure(y.weighingCoverage, lang, t)}`}
                    </td>
                  </tr>,
                  ...y.surveys.map((s) => (
                    <tr key={`${y.year}-${s.source}-${s.sourceKey}`}>
                      <th scope="row">{y.year}</th>
                      <td>{s.source}</td>
                      <td className="num">{pct(s.value)}</td>
                      <td>
                        {s.note ?? ''}
                        <span className="cell-sub code">{s.sourceKey}</span>
                      </td>
                    </tr>
                  )),
                ])}
            </tbody>
          </table>
        </div>
      </details>
      <MethodNote
        indicator={indicator.id}
        definition={indicator.definition[lang]}
        periodText={t('dashboard.comparisonPeriods')}
        source={`${source}; ${t('dashboard.surveySources')}`}
        policy={data.policy}
      />
    </div>
  );
}
