import { formatDateTime, formatNumber } from '../i18n/format.ts';
import { useLang, useT, type MessageKey } from '../i18n/language.ts';
import type { DeathSummary, Rate } from './api.ts';
import { formatRate, formatRateInterval, liveBirthsText, perLabel } from './words.ts';

const countCards: readonly { key: keyof DeathSummary['counts']; label: MessageKey }[] = [
  { key: 'maternal', label: 'deaths.countMaternal' },
  { key: 'infant', label: 'deaths.countInfant' },
  { key: 'neonatal', label: 'deaths.countNeonatal' },
  { key: 'underFive', label: 'deaths.countUnderFive' },
  { key: 'stillbirth', label: 'deaths.countStillbirth' },
];

const rateCards: readonly {
  key: 'aki' | 'akb' | 'akn';
  label: MessageKey;
  deaths: keyof DeathSummary['counts'];
}[] = [
  { key: 'aki', label: 'deaths.aki', deaths: 'maternal' },
  { key: 'akb', label: 'deaths.akb', deaths: 'infant' },
  { key: 'akn', label: 'deaths.akn', deaths: 'neonatal' },
];

/**
 * The figures of a region and period: counts of verified deaths (always shown), then AKI, AKB
 * and AKN with their 95 % interval, "tidak stabil" below 10 deaths, over live births that say
 * whether they are an estimate and where they come from.
 */
export function DeathFigures({ summary }: { summary: DeathSummary }) {
  const t = useT();
  const lang = useLang();
  const period = summary.period.label[lang];
  return (
    <>
      <p className="dash-meta">
        <span className="dash-meta-period">{period}</span>
        <span>{t('deaths.source')}</span>
        <span>{t('deaths.asOf', { time: formatDateTime(summary.asOf, lang) })}</span>
      </p>
      {!summary.hasData && <p className="notice notice-warning">{t('deaths.noData')}</p>}
      <ul className="stat-cards death-counts" aria-label={t('deaths.countsLabel')}>
        {countCards.map((card) => (
          <li key={card.key} className="stat-card" data-count={card.key}>
            <h3 className="stat-label">{t(card.label)}</h3>
            <p className="stat-value">
              {summary.hasData ? formatNumber(summary.counts[card.key], lang) : '—'}
            </p>
            <p className="stat-foot">{t('deaths.countFoot', { period })}</p>
          </li>
        ))}
      </ul>
      {summary.unverified > 0 && (
        <p className="hint">
          {t('deaths.unverified', { count: formatNumber(summary.unverified, lang) })}
        </p>
      )}
      <ul className="stat-cards death-rates" aria-label={t('deaths.ratesLabel')}>
        {rateCards.map((card) => (
          <RateCard
            key={card.key}
            label={t(card.label)}
            rate={summary.rates[card.key]}
            deaths={summary.counts[card.deaths]}
            problem={summary.dataProblems.some((p) => p.indicator === card.key)}
            complete={summary.complete}
          />
        ))}
      </ul>
      <p
        className={
          summary.liveBirths.estimated ? 'death-births death-births-estimated' : 'death-births'
        }
      >
        {liveBirthsText(summary, lang, t)}
        {summary.liveBirths.estimated && (
          <span className="badge death-estimate">{t('deaths.estimate')}</span>
        )}
        {summary.liveBirths.source && (
          <span className="death-births-source"> · {summary.liveBirths.source}</span>
        )}
      </p>
    </>
  );
}

function RateCard({
  label,
  rate,
  deaths,
  problem,
  complete,
}: {
  label: string;
  rate: Rate | null;
  deaths: number;
  problem: boolean;
  complete: boolean;
}) {
  const t = useT();
  const lang = useLang();
  const empty = problem
    ? t('deaths.birthsBelowDeaths')
    : complete
      ? t('deaths.noRate')
      : t('deaths.runningPeriod');
  return (
    <li className="stat-card">
      <h3 className="stat-label">{label}</h3>
      {rate ? (
        <>
          <p className="stat-value">{formatRate(rate, lang)}</p>
          <p className="stat-sub">{perLabel(rate, t)}</p>
          <p className="stat-sub">
            {t('deaths.interval', { interval: formatRateInterval(rate, lang) })}
          </p>
          <p className="stat-foot">
            {t('deaths.fromDeaths', { count: formatNumber(deaths, lang) })}
          </p>
          {rate.unstable && <p className="stat-badge death-unstable">{t('deaths.unstable')}</p>}
        </>
      ) : (
        <p
          className={
            problem ? 'stat-value stat-value-none death-problem' : 'stat-value stat-value-none'
          }
        >
          {empty}
        </p>
      )}
    </li>
  );
}
