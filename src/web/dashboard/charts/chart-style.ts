/**
 * Shared look of the dashboard charts: fonts, axis lines, the colours of each source. Colours
 * are never alone: every series also has a legend entry or a label in words.
 */
import { formatPercent } from '../../i18n/format.ts';
import type { Lang } from '../../i18n/language.ts';

/** Series colours; contrast ≥ 3:1 on white for lines and bars. */
export const chartColors = {
  eppgbm: '#0b5d45',
  eppgbmPublished: '#6fa98f',
  band: 'rgba(11, 93, 69, 0.16)',
  target: '#b3261e',
  SSGI: '#1a3f8f',
  SKI: '#7b3fa0',
  Riskesdas: '#8a5a00',
  SSGBI: '#00707a',
  otherSurvey: '#5b6770',
  coverage: '#4f5b64',
  // Breakdown bars are lighter, so the dark interval whisker stays visible on them.
  bar: '#5c9f86',
  male: '#6f9fd2',
  female: '#cf7fa8',
} as const;

/** The colour of a survey source (SSGI, SKI…); a grey for any other. */
export function surveyColor(source: string): string {
  return (chartColors as Record<string, string>)[source] ?? chartColors.otherSurvey;
}

export const textStyle = { fontFamily: 'system-ui, Roboto, sans-serif', color: '#1b2126' };

const splitLine = { lineStyle: { color: 'rgba(0,0,0,0.08)' } };

/** Round steps of a percentage axis (as proportions): 1, 2, 5, 10, 20 %. */
const percentSteps = [0.01, 0.02, 0.05, 0.1, 0.2];

/**
 * The top and the step of a percentage axis that holds `values` (0–1): about five round steps,
 * the top a whole step above the largest value (so a bar's label fits), never above 100 %.
 */
export function percentScale(values: readonly (number | null | undefined)[]): {
  max: number;
  interval: number;
} {
  const largest = Math.max(0.01, ...values.map((v) => v ?? 0));
  const interval = percentSteps.find((step) => largest / step <= 5) ?? 0.2;
  const max = Math.min(1, Math.ceil((largest * 1.04) / interval) * interval);
  return { max: Number(max.toFixed(4)), interval };
}

/** A value axis of proportions (0–1) labelled as whole percentages, scaled to `values`. */
export function percentAxis(lang: Lang, values: readonly (number | null | undefined)[]) {
  const { max, interval } = percentScale(values);
  return {
    type: 'value' as const,
    min: 0,
    max,
    interval,
    axisLabel: {
      fontSize: 11,
      hideOverlap: true,
      formatter: (v: number) => formatPercent(v * 100, lang, interval < 0.02 ? 1 : 0),
    },
    splitLine,
  };
}
