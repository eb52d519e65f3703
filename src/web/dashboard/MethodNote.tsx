import type { ReactNode } from 'react';
import { formatDate } from '../i18n/format.ts';
import { useLang, useT } from '../i18n/language.ts';
import type { PeriodInfo } from './api.ts';
import { formatCount, formatInterval, type FigureLike } from './figures.ts';
import { indicatorTerms, policyKey } from './method.ts';

export interface MethodNoteProps {
  /** Catalogue id of the indicator. */
  indicator: string;
  /** The catalogue's definition, used where no numerator/denominator words are known. */
  definition?: string | undefined;
  /** The figure the note explains; without it only the words are shown (a chart of many). */
  figure?: FigureLike | null | undefined;
  period?: PeriodInfo | null | undefined;
  /** Periods in words when the note covers a series ("Des 2024 – Nov 2026"). */
  periodText?: string | undefined;
  source: string;
  policy: string;
  /** Extra lines for this figure (e.g. how survey figures differ). */
  children?: ReactNode;
}

/**
 * "Cara menghitung" under a figure: numerator, denominator, period, source, the small-number
 * rule and the interval — so every number can be traced (DESIGN.md: every figure says its
 * period, source and denominator). Folded by default to keep a phone screen short.
 */
export function MethodNote({
  indicator,
  definition,
  figure,
  period,
  periodText,
  source,
  policy,
  children,
}: MethodNoteProps) {
  const t = useT();
  const lang = useLang();
  const terms = indicatorTerms[indicator];
  const hidden = figure?.suppressed ?? false;
  const interval = formatInterval(figure, lang);
  const count = (n: number | null | undefined) =>
    n === undefined ? '' : ` — ${formatCount(n, lang, hidden)}`;

  return (
    <details className="method-note">
      <summary>{t('dashboard.methodTitle')}</summary>
      <dl className="method-facts">
        {terms ? (
          <>
            <dt>{t('dashboard.methodNumerator')}</dt>
            <dd>
              {t(terms.numerator)}
              {figure && count(figure.numerator)}
            </dd>
            <dt>{t('dashboard.methodDenominator')}</dt>
            <dd>
              {t(terms.denominator)}
              {figure && count(figure.denominator)}
            </dd>
          </>
        ) : (
          definition && (
            <>
              <dt>{t('dashboard.methodDefinition')}</dt>
              <dd>{definition}</dd>
            </>
          )
        )}
        <dt>{t('dashboard.methodPeriod')}</dt>
        <dd>
          {period
            ? `${period.label[lang]} (${formatDate(period.start, lang)} – ${formatDate(period.end, lang)})`
            : (periodText ?? '—')}
        </dd>
        <dt>{t('dashboard.methodSource')}</dt>
        <dd>{source}</dd>
        <dt>{t('dashboard.methodSmallNumbers')}</dt>
        <dd>
          {t(policyKey(policy))}
          {figure?.suppressionReason &&
            ` ${t(
              figure.suppressionReason === 'small_count'
                ? 'dashboard.reasonSmallCount'
                : 'dashboard.reasonSmallDenominator',
            )}`}
        </dd>
        <dt>{t('dashboard.methodInterval')}</dt>
        <dd>
          {interval ? `${interval}. ` : ''}
          {t('dashboard.methodIntervalText')}
        </dd>
      </dl>
      {children}
    </details>
  );
}
