/**
 * How the dashboard writes a figure (pure). A proportion is shown as a percentage with one
 * decimal (`15,7%`); a suppressed one never as 0 but as "data terlalu sedikit", and a count
 * hidden by the public rule as "< 5" (DESIGN.md: public figures below 5 children are
 * suppressed). An area with nobody measured has no figure: "tidak ada data".
 */
import { parsePeriod } from '../../core/indicators/period.ts';
import { formatNumber, formatPercent } from '../i18n/format.ts';
import type { Lang, Translate } from '../i18n/language.ts';

/** The shape of a Figure of src/contract/dashboard.ts (a proportion ready to show). */
export interface FigureLike {
  numerator: number | null;
  denominator: number | null;
  /** 0–1 */
  value: number | null;
  ci: { lower: number; upper: number } | null;
  suppressed: boolean;
  suppressionReason: 'small_denominator' | 'small_count' | null;
}

/** What a figure is, for colour and wording: a value, hidden, or nothing measured. */
export type FigureState = 'value' | 'suppressed' | 'no_data';

/** Which of the three a figure is. */
export function figureState(figure: FigureLike | null | undefined): FigureState {
  if (!figure) return 'no_data';
  if (figure.suppressed) return 'suppressed';
  return figure.value === null ? 'no_data' : 'value';
}

/** A 0–1 proportion as a percentage: `0.157` → `15,7%`. */
export function formatProportion(value: number, lang: Lang, fractionDigits = 1): string {
  return formatPercent(value * 100, lang, fractionDigits);
}

/** The figure in words: `15,7%`, "data terlalu sedikit" or "tidak ada data". */
export function formatFigure(figure: FigureLike | null | undefined, lang: Lang, t: Translate) {
  switch (figureState(figure)) {
    case 'value':
      return formatProportion(figure!.value!, lang);
    case 'suppressed':
      return t('dashboard.tooFew');
    case 'no_data':
      return t('dashboard.noData');
  }
}

/** The 95 % interval as `12,1–19,8%`, or null when there is none. */
export function formatInterval(figure: FigureLike | null | undefined, lang: Lang): string | null {
  if (!figure?.ci || figure.suppressed) return null;
  const lower = formatPercent(figure.ci.lower * 100, lang, 1).replace(/\s?%$/, '');
  return `${lower}–${formatProportion(figure.ci.upper, lang)}`;
}

/**
 * A count of children: the number, "< 5" when the public rule hid it (`hiddenMeansSmall`), else
 * "—" for an unknown count.
 */
export function formatCount(count: number | null, lang: Lang, hiddenMeansSmall: boolean): string {
  if (count !== null) return formatNumber(count, lang);
  return hiddenMeansSmall ? '< 5' : '—';
}

/**
 * "k dari n anak" of a figure, with "< 5" for a hidden count ("< 5 anak diukur" when the
 * denominator itself is hidden); null when nothing was measured.
 */
export function formatFraction(
  figure: FigureLike | null | undefined,
  lang: Lang,
  t: Translate,
): string | null {
  if (!figure) return null;
  if (figure.suppressed && figure.denominator === null) return t('dashboard.fewMeasured');
  if (!figure.suppressed && (figure.denominator ?? 0) === 0) return null;
  return t('dashboard.fraction', {
    numerator: formatCount(figure.numerator, lang, figure.suppressed),
    denominator: formatCount(figure.denominator, lang, figure.suppressed),
  });
}

const shortMonths: Record<Lang, readonly string[]> = {
  id: ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};
const roman = ['I', 'II', 'III', 'IV'];

/**
 * A short label for a chart axis: `Agu 25`, `TW III 25` (`Q3 25`), `2025`, `BT Agu 25`
 * (`WM Aug 25`). An unknown code comes back unchanged.
 */
export function shortPeriodLabel(code: string, lang: Lang): string {
  const period = parsePeriod(code);
  if (!period) return code;
  const yy = String(period.year).slice(2);
  switch (period.kind) {
    case 'month':
      return `${shortMonths[lang][period.month - 1]} ${yy}`;
    case 'quarter':
      return lang === 'id' ? `TW ${roman[period.quarter - 1]} ${yy}` : `Q${period.quarter} ${yy}`;
    case 'year':
      return String(period.year);
    case 'weighing_month':
      return `${lang === 'id' ? 'BT' : 'WM'} ${shortMonths[lang][period.month - 1]} ${yy}`;
  }
}
