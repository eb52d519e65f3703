/**
 * Do the sources agree? Per year, the e-PPGBM figure (children weighed at posyandu) next to the
 * surveys (SSGI, SKI, Riskesdas: samples measured by enumerators), with weighing coverage as a
 * line on its own axis — the coverage is what explains most of the gap (research/anchors.md §0
 * item 9, §7 item 2). Values are written on the bars. Lazy (ECharts chunk).
 */
import { BarChart, LineChart, type BarSeriesOption, type LineSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { use as registerEChartsParts, type ComposeOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useMemo } from 'react';
import { escapeHtml } from '../../components/map/tooltip.ts';
import { useEChart } from '../../components/map/use-echart.ts';
import { formatNumber, formatPercent } from '../../i18n/format.ts';
import { useLang, useT } from '../../i18n/language.ts';
import { formatProportion } from '../figures.ts';
import { chartColors, percentAxis, percentAxisMax, surveyColor, textStyle } from './chart-style.ts';

registerEChartsParts([
  BarChart,
  LineChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  SVGRenderer,
]);

type Option = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
>;

/** One year of the comparison; proportions 0–1. */
export interface ComparisonYear {
  year: number;
  eppgbm: number | null;
  /** The e-PPGBM figure in words (for a suppressed one: "data terlalu sedikit"). */
  eppgbmText: string;
  coverage: number | null;
  surveys: readonly { source: string; value: number }[];
}

export interface ComparisonChartProps {
  years: readonly ComparisonYear[];
  description: string;
  height?: number;
}

/** The comparison chart (default export: a lazy chunk's entry). */
export default function ComparisonChart({
  years,
  description,
  height = 320,
}: ComparisonChartProps) {
  const t = useT();
  const lang = useLang();

  const option = useMemo((): Option => {
    const sources = [...new Set(years.flatMap((y) => y.surveys.map((s) => s.source)))];
    const eppgbmName = t('dashboard.sourceEppgbm');
    const coverageName = t('dashboard.weighingCoverage');
    const max = percentAxisMax([
      ...years.map((y) => y.eppgbm),
      ...years.flatMap((y) => y.surveys.map((s) => s.value)),
    ]);
    const barLabel = {
      show: true,
      position: 'top' as const,
      fontSize: 11,
      formatter: (p: { value?: unknown }) =>
        typeof p.value === 'number' ? formatNumber(p.value * 100, lang, 1) : '',
    };
    const series: (BarSeriesOption | LineSeriesOption)[] = [
      {
        type: 'bar',
        name: eppgbmName,
        color: chartColors.eppgbm,
        barMaxWidth: 28,
        label: barLabel,
        data: years.map((y) => y.eppgbm),
      },
      ...sources.map((source): BarSeriesOption => ({
        type: 'bar',
        name: source,
        color: surveyColor(source),
        barMaxWidth: 28,
        label: barLabel,
        data: years.map((y) => y.surveys.find((s) => s.source === source)?.value ?? null),
      })),
      {
        type: 'line',
        name: coverageName,
        yAxisIndex: 1,
        color: chartColors.coverage,
        symbol: 'diamond',
        symbolSize: 9,
        lineStyle: { type: 'dotted', width: 2 },
        connectNulls: false,
        data: years.map((y) => y.coverage),
      },
    ];
    return {
      animation: false,
      textStyle,
      grid: { left: 44, right: 44, top: 56, bottom: 28 },
      legend: { top: 0, left: 0, itemWidth: 16, itemHeight: 10, textStyle: { fontSize: 12 } },
      tooltip: {
        trigger: 'axis',
        confine: true,
        axisPointer: { type: 'shadow' },
        formatter: (params) => {
          const first = (Array.isArray(params) ? params[0] : params) as { dataIndex?: number };
          const year = first?.dataIndex === undefined ? undefined : years[first.dataIndex];
          if (!year) return '';
          const lines = [
            `<b>${year.year}</b>`,
            `${escapeHtml(eppgbmName)}: ${escapeHtml(year.eppgbmText)}`,
          ];
          for (const s of year.surveys) {
            lines.push(`${escapeHtml(s.source)}: ${formatProportion(s.value, lang)}`);
          }
          if (year.coverage !== null) {
            lines.push(`${escapeHtml(coverageName)}: ${formatProportion(year.coverage, lang, 0)}`);
          }
          return lines.join('<br>');
        },
      },
      xAxis: {
        type: 'category',
        data: years.map((y) => String(y.year)),
        axisLabel: { fontSize: 12 },
      },
      yAxis: [
        {
          ...percentAxis(lang, max),
          name: t('dashboard.comparisonPrevalenceAxis'),
          nameTextStyle: { align: 'left', fontSize: 11 },
        },
        {
          type: 'value',
          min: 0,
          max: 1,
          name: t('dashboard.comparisonCoverageAxis'),
          nameTextStyle: { align: 'right', fontSize: 11 },
          splitLine: { show: false },
          axisLabel: { fontSize: 11, formatter: (v: number) => formatPercent(v * 100, lang, 0) },
        },
      ],
      series,
    };
  }, [years, t, lang]);

  const { ref } = useEChart(option);
  return (
    <div
      ref={ref}
      className="dash-chart-canvas"
      style={{ height }}
      role="img"
      aria-label={description}
    />
  );
}
