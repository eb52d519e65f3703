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
import { useMemo, useState } from 'react';
import { escapeHtml } from '../../components/map/tooltip.ts';
import { useEChart } from '../../components/map/use-echart.ts';
import { formatNumber, formatPercent } from '../../i18n/format.ts';
import { useLang, useT } from '../../i18n/language.ts';
import { formatProportion } from '../figures.ts';
import { chartColors, percentAxis, surveyColor, textStyle } from './chart-style.ts';

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
  /** Tumbuh's own e-PPGBM figure (the August weighing month, else the year). */
  eppgbm: number | null;
  /** The figure in words (for a suppressed one: "data terlalu sedikit"). */
  eppgbmText: string;
  /** A published e-PPGBM figure, drawn where Tumbuh has none. */
  published: number | null;
  coverage: number | null;
  /** The survey the year is compared with (one per year; the table lists all). */
  survey: { source: string; value: number } | null;
}

export interface ComparisonChartProps {
  years: readonly ComparisonYear[];
  description: string;
  height?: number;
}

/**
 * Rows the legend under the chart takes at this width: about 150 px an entry (a guess that
 * errs on the side of room; ECharts wraps the entries itself).
 */
function legendRowsFor(years: readonly ComparisonYear[], width: number): number {
  const surveys = new Set(years.flatMap((y) => (y.survey ? [y.survey.source] : []))).size;
  const published = years.some((y) => y.eppgbm === null && y.published !== null) ? 1 : 0;
  const entries = 2 + published + surveys;
  return Math.max(1, Math.ceil((entries * 150) / Math.max(300, width || 600)));
}

/** The comparison chart (default export: a lazy chunk's entry). */
export default function ComparisonChart({
  years,
  description,
  height = 320,
}: ComparisonChartProps) {
  const t = useT();
  const lang = useLang();
  const [width, setWidth] = useState(0);
  const legendRows = legendRowsFor(years, width);

  const option = useMemo((): Option => {
    const sources = [...new Set(years.flatMap((y) => (y.survey ? [y.survey.source] : [])))];
    const eppgbmName = t('dashboard.sourceEppgbmTumbuh');
    const publishedName = t('dashboard.sourceEppgbmPublished');
    const coverageName = t('dashboard.weighingCoverage');
    const scaleValues = [
      ...years.map((y) => y.eppgbm ?? y.published),
      ...years.map((y) => y.survey?.value),
    ];
    // Narrow bars (a phone, many years) get upright labels, which never run into each other.
    const narrow = width > 0 && (width - 88) / Math.max(1, years.length) < 56;
    const barLabel = {
      show: true,
      position: 'top' as const,
      fontSize: 11,
      ...(narrow && { rotate: 90, align: 'left' as const, verticalAlign: 'middle' as const }),
      formatter: (p: { value?: unknown }) =>
        typeof p.value === 'number' ? formatNumber(p.value * 100, lang, 1) : '',
    };
    // Two bars a year: administrative (Tumbuh, else published e-PPGBM) and survey. Series of
    // one kind share a stack, and a year has at most one value per stack.
    const bar = (
      name: string,
      color: string,
      stack: string,
      data: (number | null)[],
    ): BarSeriesOption => ({
      type: 'bar',
      name,
      color,
      stack,
      barMaxWidth: 30,
      label: barLabel,
      data,
    });
    const hasPublished = years.some((y) => y.eppgbm === null && y.published !== null);
    const series: (BarSeriesOption | LineSeriesOption)[] = [
      bar(
        eppgbmName,
        chartColors.eppgbm,
        'admin',
        years.map((y) => y.eppgbm),
      ),
      ...(hasPublished
        ? [
            bar(
              publishedName,
              chartColors.eppgbmPublished,
              'admin',
              years.map((y) => (y.eppgbm === null ? y.published : null)),
            ),
          ]
        : []),
      ...sources.map((source) =>
        bar(
          source,
          surveyColor(source),
          'survey',
          years.map((y) => (y.survey?.source === source ? y.survey.value : null)),
        ),
      ),
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
      grid: { left: 44, right: 44, top: 28, bottom: 28 + legendRows * 22 },
      legend: { bottom: 0, left: 0, itemWidth: 16, itemHeight: 10, textStyle: { fontSize: 12 } },
      tooltip: {
        trigger: 'axis',
        confine: true,
        axisPointer: { type: 'shadow' },
        formatter: (params) => {
          const first = (Array.isArray(params) ? params[0] : params) as { dataIndex?: number };
          const year = first?.dataIndex === undefined ? undefined : years[first.dataIndex];
          if (!year) return '';
          const lines = [`<b>${year.year}</b>`];
          if (year.eppgbm !== null || year.published === null) {
            lines.push(`${escapeHtml(eppgbmName)}: ${escapeHtml(year.eppgbmText)}`);
          }
          if (year.published !== null) {
            lines.push(`${escapeHtml(publishedName)}: ${formatProportion(year.published, lang)}`);
          }
          if (year.survey) {
            lines.push(
              `${escapeHtml(year.survey.source)}: ${formatProportion(year.survey.value, lang)}`,
            );
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
          ...percentAxis(lang, scaleValues),
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
  }, [years, t, lang, legendRows, width]);

  const { ref, width: measured } = useEChart(option);
  if (measured !== width) setWidth(measured);
  return (
    <div
      ref={ref}
      className="dash-chart-canvas"
      style={{ height: height + legendRows * 22 }}
      role="img"
      aria-label={description}
    />
  );
}
