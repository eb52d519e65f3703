import { formatDateTime } from '../i18n/format.ts';
import { useLang, useT } from '../i18n/language.ts';
import type { Figure, IndicatorMeta, Summary } from './api.ts';
import {
  figureState,
  formatCount,
  formatFigure,
  formatFraction,
  formatInterval,
} from './figures.ts';
import { MethodNote } from './MethodNote.tsx';
import { publicPolicyId } from './method.ts';

export interface HeadlineCardsProps {
  summary: Summary;
  indicators: readonly IndicatorMeta[];
  /** The indicator the map and charts below show. */
  selected: string;
  onSelect: (indicator: string) => void;
}

/**
 * The headline figures of a region and period: one card per indicator with its value, 95 %
 * interval and "k dari n anak", under one line naming the period, the source and when the
 * figures last changed; then the counts behind them. A card's name shows that indicator below.
 */
export function HeadlineCards({ summary, indicators, selected, onSelect }: HeadlineCardsProps) {
  const t = useT();
  const lang = useLang();
  const source = summary.source.label[lang];
  const isPublic = summary.policy === publicPolicyId;
  // two_t is a count, shown with the counts below, not as a card.
  const figures: Partial<Record<string, Figure>> = summary.figures;
  const shown = indicators.filter((i) => figures[i.id] !== undefined);
  const { counts } = summary;

  return (
    <>
      <p className="dash-meta">
        <span className="dash-meta-period">{summary.period.label[lang]}</span>
        <span>{t('dashboard.sourceLine', { source })}</span>
        <span>{t('dashboard.asOf', { time: formatDateTime(summary.asOf, lang) })}</span>
      </p>
      <ul className="stat-cards">
        {shown.map((indicator) => {
          const figure = figures[indicator.id]!;
          const state = figureState(figure);
          const interval = formatInterval(figure, lang);
          const fraction = formatFraction(figure, lang, t);
          const isSelected = indicator.id === selected;
          return (
            <li
              key={indicator.id}
              className={isSelected ? 'stat-card stat-card-selected' : 'stat-card'}
              data-indicator={indicator.id}
            >
              <h3 className="stat-label">
                {isSelected ? (
                  indicator.label[lang]
                ) : (
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => onSelect(indicator.id)}
                  >
                    <span className="visually-hidden">{t('dashboard.showIndicator')} </span>
                    {indicator.label[lang]}
                  </button>
                )}
              </h3>
              <p className={state === 'value' ? 'stat-value' : 'stat-value stat-value-none'}>
                {formatFigure(figure, lang, t)}
              </p>
              {interval && <p className="stat-sub">{t('dashboard.intervalShort', { interval })}</p>}
              {fraction && <p className="stat-sub">{fraction}</p>}
              <p className="stat-foot">
                {summary.period.label[lang]} · {source}
              </p>
              {isSelected && <p className="stat-badge">{t('dashboard.shownBelow')}</p>}
              <MethodNote
                indicator={indicator.id}
                definition={indicator.definition[lang]}
                figure={figure}
                period={summary.period}
                source={source}
                policy={summary.policy}
              />
            </li>
          );
        })}
      </ul>
      <dl className="dash-counts">
        <div>
          <dt>{t('dashboard.countRegistered')}</dt>
          <dd>{formatCount(counts.registered, lang, isPublic)}</dd>
        </div>
        <div>
          <dt>{t('dashboard.countMeasured')}</dt>
          <dd>{formatCount(counts.measured, lang, isPublic)}</dd>
        </div>
        <div>
          <dt>{t('dashboard.countStunted')}</dt>
          <dd>{formatCount(counts.stunted, lang, isPublic)}</dd>
        </div>
        <div>
          <dt>{t('dashboard.countTwoT')}</dt>
          <dd>{formatCount(counts.twoT, lang, isPublic)}</dd>
        </div>
      </dl>
    </>
  );
}
