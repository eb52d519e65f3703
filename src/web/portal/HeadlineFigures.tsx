import { dashboardApi, type Comparison, type Summary } from '../dashboard/api.ts';
import { figureState, formatCount, formatProportion } from '../dashboard/figures.ts';
import { deathsApi, type DeathSummary } from '../deaths/api.ts';
import { useApi } from '../hooks/use-api.ts';
import { formatDate, formatNumber } from '../i18n/format.ts';
import { useLang, useT } from '../i18n/language.ts';
import { Link } from '../components/Link.tsx';
import { paths } from '../router.ts';

/** The latest SSGI/SKI (or other survey) prevalence of a region: the newest year that has one. */
export function latestSurvey(comparison: Comparison | undefined) {
  if (!comparison) return null;
  const years = [...comparison.years].sort((a, b) => b.year - a.year);
  for (const year of years) {
    const surveys = year.surveys.filter((s) => s.source !== 'e-PPGBM');
    const preferred =
      surveys.find((s) => s.source === 'SKI') ?? surveys.find((s) => s.source === 'SSGI');
    const survey = preferred ?? surveys[0];
    if (survey) return { year: year.year, ...survey };
  }
  return null;
}

interface Card {
  id: string;
  label: string;
  value: string;
  foot: string;
  source: string;
  /** No figure (not yet available): the value is a dash and the foot says why. */
  missing?: boolean;
}

/**
 * The headline cards of the home page: e-PPGBM stunting prevalence and count with the month, the
 * latest survey prevalence with its year and source, maternal and infant deaths with the month.
 * A figure that does not exist says so; a number is never made up.
 */
export function HeadlineFigures({ region }: { region: string }) {
  const t = useT();
  const lang = useLang();
  const summary = useApi(region, (code, signal) => dashboardApi.summary({ region: code }, signal));
  const comparison = useApi(region, (code, signal) =>
    dashboardApi.comparison({ region: code, indicator: 'stunting' }, signal),
  );
  const deaths = useApi(region, (code, signal) => deathsApi.summary({ region: code }, signal));

  // A card still waiting for its answer shows "…", not "no data".
  const waiting = (cards: Card[], loading: boolean) =>
    cards.map((card) => (loading && card.missing ? { ...card, value: '…', foot: '' } : card));
  const cards: Card[] = [
    ...waiting(stuntingCards(summary.data, summary.error, t, lang), summary.loading),
    ...waiting([surveyCard(comparison.data, comparison.error, t, lang)], comparison.loading),
    ...waiting(deathCards(deaths.data, deaths.error, t, lang), deaths.loading),
  ];
  const loading = summary.loading || comparison.loading || deaths.loading;

  return (
    <section className="portal-section" aria-labelledby="headline-title" aria-busy={loading}>
      <h2 id="headline-title">
        {t('portal.headlineTitle', { region: summary.data?.region.name ?? '…' })}
      </h2>
      <ul className="headline-cards">
        {cards.map((card) => (
          <li
            key={card.id}
            className="headline-card"
            data-card={card.id}
            data-missing={card.missing}
          >
            <h3 className="headline-label">{card.label}</h3>
            <p className="headline-value">{card.value}</p>
            <p className="headline-foot">{card.foot}</p>
            <p className="headline-source">{card.source}</p>
          </li>
        ))}
      </ul>
      <p className="portal-more">
        <Link to={paths.dashboard}>{t('portal.toDashboard')}</Link>
        {' · '}
        <Link to={paths.deaths}>{t('portal.toDeaths')}</Link>
      </p>
    </section>
  );
}

type T = ReturnType<typeof useT>;
type Lang = ReturnType<typeof useLang>;

function stuntingCards(data: Summary | undefined, error: unknown, t: T, lang: Lang): Card[] {
  const figure = data?.figures.stunting;
  const period = data?.period.label[lang] ?? '';
  const source = data
    ? t('portal.sourceEppgbm', { date: formatDate(data.asOf, lang) })
    : t('portal.sourceEppgbmShort');
  if (!data || !figure || figureState(figure) === 'no_data') {
    const why = error ? t('portal.figureUnavailable') : t('portal.noFigureYet');
    return [
      {
        id: 'stunting-prevalence',
        label: t('portal.stuntingPrevalence'),
        value: '—',
        foot: why,
        source,
        missing: true,
      },
      {
        id: 'stunting-count',
        label: t('portal.stuntingCount'),
        value: '—',
        foot: why,
        source,
        missing: true,
      },
    ];
  }
  const suppressed = figureState(figure) === 'suppressed';
  return [
    {
      id: 'stunting-prevalence',
      label: t('portal.stuntingPrevalence'),
      value: suppressed ? t('portal.tooFew') : formatProportion(figure.value!, lang),
      foot: t('portal.stuntingFoot', {
        period,
        measured: formatNumber(data.counts.measured ?? figure.denominator ?? 0, lang),
      }),
      source,
    },
    {
      id: 'stunting-count',
      label: t('portal.stuntingCount'),
      value: formatCount(data.counts.stunted, lang, true),
      foot: t('portal.countFoot', { period }),
      source,
    },
  ];
}

function surveyCard(data: Comparison | undefined, error: unknown, t: T, lang: Lang): Card {
  const survey = latestSurvey(data);
  if (!survey)
    return {
      id: 'survey',
      label: t('portal.surveyPrevalence'),
      value: '—',
      foot: error ? t('portal.figureUnavailable') : t('portal.noSurvey'),
      source: t('portal.surveySources'),
      missing: true,
    };
  return {
    id: 'survey',
    label: t('portal.surveyPrevalence'),
    value: formatProportion(survey.value, lang),
    foot: t('portal.surveyFoot', { source: survey.source, year: survey.year }),
    source: t('portal.surveySource', { source: survey.source, year: survey.year }),
  };
}

function deathCards(data: DeathSummary | undefined, error: unknown, t: T, lang: Lang): Card[] {
  const kinds = [
    { id: 'maternal-deaths', key: 'maternal', label: t('portal.maternalDeaths') },
    { id: 'infant-deaths', key: 'infant', label: t('portal.infantDeaths') },
  ] as const;
  return kinds.map((kind) => {
    if (!data || !data.hasData)
      return {
        id: kind.id,
        label: kind.label,
        value: '—',
        foot: error ? t('portal.figureUnavailable') : t('portal.deathsNotYet'),
        source: t('portal.sourceDeaths'),
        missing: true,
      };
    return {
      id: kind.id,
      label: kind.label,
      value: formatNumber(data.counts[kind.key], lang),
      foot: t('portal.deathsFoot', { period: data.period.label[lang] }),
      source: t('portal.sourceDeathsAsOf', { date: formatDate(data.asOf, lang) }),
    };
  });
}
