import { lazy, Suspense } from 'react';
import { useLang, useT, type MessageKey } from '../i18n/language.ts';
import { dashboardApi, type AgeGroup, type Figure, type IndicatorMeta } from './api.ts';
import type { BreakdownGroup } from './charts/BreakdownChart.tsx';
import { chartColors } from './charts/chart-style.ts';
import { formatFigure, formatFraction, formatInterval } from './figures.ts';
import { MethodNote } from './MethodNote.tsx';
import { ChartLoading, Pending, Section } from './Section.tsx';
import { useKeptApi } from './use-kept-api.ts';

/** One bar: a group's name, its figure and colour. */
interface Part {
  label: string;
  figure: Figure;
  color: string;
}

const BreakdownChart = lazy(() => import('./charts/BreakdownChart.tsx'));

const ageGroups: { id: AgeGroup; key: MessageKey }[] = [
  { id: '00-05', key: 'dashboard.age0005' },
  { id: '06-11', key: 'dashboard.age0611' },
  { id: '12-23', key: 'dashboard.age1223' },
  { id: '24-59', key: 'dashboard.age2459' },
];

export interface BreakdownSectionProps {
  region: string;
  regionName: string;
  period: string;
  periodLabel: string;
  indicator: IndicatorMeta;
  source: string;
}

/** Who is affected? The figure by age group and by sex, each bar with its interval. */
export function BreakdownSection({
  region,
  regionName,
  period,
  periodLabel,
  indicator,
  source,
}: BreakdownSectionProps) {
  const t = useT();
  const lang = useLang();
  const query = { region, indicator: indicator.id, period };
  const breakdown = useKeptApi(JSON.stringify(query), (_k, signal) =>
    dashboardApi.breakdown(query, signal),
  );

  const group = ({ label, figure, color }: Part): BreakdownGroup => ({
    label,
    value: figure.suppressed ? null : figure.value,
    lower: figure.ci?.lower ?? null,
    upper: figure.ci?.upper ?? null,
    valueText: formatFigure(figure, lang, t),
    detail: formatFraction(figure, lang, t),
    color,
  });

  return (
    <Section
      id="dash-breakdown"
      title={t('dashboard.breakdownTitle', { indicator: indicator.label[lang] })}
      subtitle={`${regionName} · ${periodLabel}`}
    >
      <Pending state={breakdown}>
        {(data) => {
          const ageParts: Part[] = ageGroups.map((g) => ({
            label: t(g.key),
            figure: data.byAgeGroup[g.id],
            color: chartColors.bar,
          }));
          const sexParts: Part[] = [
            { label: t('dashboard.sexMale'), figure: data.bySex.male, color: chartColors.male },
            {
              label: t('dashboard.sexFemale'),
              figure: data.bySex.female,
              color: chartColors.female,
            },
          ];
          const byAge = ageParts.map(group);
          const bySex = sexParts.map(group);
          return (
            <>
              <div className="dash-two">
                {[
                  { title: t('dashboard.byAge'), groups: byAge },
                  { title: t('dashboard.bySex'), groups: bySex },
                ].map((part) => (
                  <figure key={part.title} className="dash-figure">
                    <figcaption className="dash-figure-title">{part.title}</figcaption>
                    <Suspense fallback={<ChartLoading height={56 + part.groups.length * 40} />}>
                      <BreakdownChart
                        groups={part.groups}
                        description={t('dashboard.breakdownDescription', {
                          indicator: indicator.label[lang],
                          part: part.title,
                          values: part.groups.map((g) => `${g.label}: ${g.valueText}`).join('; '),
                        })}
                      />
                    </Suspense>
                  </figure>
                ))}
              </div>
              <details className="data-table">
                <summary>{t('dashboard.showTable')}</summary>
                <div className="table-wrap">
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">{t('dashboard.colGroup')}</th>
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
                      {[...ageParts, ...sexParts].map((part) => (
                        <tr key={part.label}>
                          <th scope="row">{part.label}</th>
                          <td className="num">{formatFigure(part.figure, lang, t)}</td>
                          <td className="num">{formatInterval(part.figure, lang) ?? '—'}</td>
                          <td>{formatFraction(part.figure, lang, t) ?? '—'}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </details>
              <MethodNote
                indicator={indicator.id}
                definition={indicator.definition[lang]}
                period={data.period}
                source={source}
                policy={data.policy}
              >
                <p className="hint">{t('dashboard.breakdownNote')}</p>
              </MethodNote>
            </>
          );
        }}
      </Pending>
    </Section>
  );
}
