/**
 * Shared look of the dashboard charts: fonts, axis lines, the colours of each source. Colours
 * are never alone: every series also has a legend entry or a label in words.
 */
import { formatPercent } from '../../i18n/format.ts';
import type { Lang } from '../../i18n/language.ts';

/** Series colours; contrast ≥ 3:1 on white for lines and bars. */
export const chartColors = {
  eppgbm: '#0b5d45',
  band: 'rgba(11, 93, 69, 0.16)',
  target: '#b3261e',
  SSGI: '#1a3f8f',
  SKI: '#7b3fa0',
  Riskesdas: '#8a5a00',
  SSGBI: '#00707a',
  otherSurvey: '#5b6770',
  coverage: '#4f5b64',
  bar: '#0b5d45',
  male: '#1a5fa0',
  female: '#a03b6e',
} as const;

/** The colour of a survey source (SSGI, SKI…); a grey for any other. */
export function surveyColor(source: string): string {
  return (chartColors as Record<string, string>)[source] ?? chartColors.otherSurvey;
}

export const textStyle = { fontFamily: 'system-ui, Roboto, sans-serif', color: '#1b2126' };

const splitLine = { lineStyle: { color: 'rgba(0,0,0,0.08)' } };

/** A value axis of proportions (0–1) labelled as whole percentages. */
export function percentAxis(lang: Lang, max?: number) {
  return {
    type: 'value' as const,
    min: 0,
    ...(max !== undefined && { max }),
    axisLabel: { fontSize: 11, formatter: (v: number) => formatPercent(v * 100, lang, 0) },
    splitLine,
  };
}

/** A rounded-up top for a percentage axis: the next 5 % above the largest value. */
export function percentAxisMax(values: readonly (number | null | undefined)[]): number {
  const largest = Math.max(0.05, ...values.map((v) => v ?? 0));
  return Math.min(1, Math.ceil((largest * 1.08) / 0.05) * 0.05);
}
