/**
 * Trend of one indicator over periods: the e-PPGBM line with its 95 % interval as a band and the
 * target as a dashed line (per year where a target of that year exists, else the latest target
 * as a labelled reference line). Suppressed periods are gaps, never zeros. Lazy (ECharts chunk).
 */
import { LineChart, type LineSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type MarkLineComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { use as registerEChartsParts, type ComposeOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useMemo } from 'react';
import { parsePeriod } from '../../../core/indicators/period.ts';
import { escapeHtml } from '../../components/map/tooltip.ts';
import { useEChart } from '../../components/map/use-echart.ts';
import { useLang, useT } from '../../i18n/language.ts';
import { formatProportion, shortPeriodLabel } from '../figures.ts';
import { chartColors, percentAxis, percentAxisMax, textStyle } from './chart-style.ts';

registerEChartsParts([
  LineChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  SVGRenderer,
]);

type Option = ComposeOption<
  | LineSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | TooltipComponentOption
>;

/** One period of the trend. */
export interface TrendPoint {
  /** Period code (`2025-08`); the axis shows it short. */
  code: string;
  /** The period in words (`Agustus 2025`), for the tooltip. */
  label: string;
  /** 0–1, null when suppressed or nothing measured. */
  value: number | null;
  lower: number | null;
  upper: number | null;
  /** The figure in words, e.g. `15,7%` or "data terlalu sedikit". */
  valueText: string;
}

/** A target of a year (0–1) and whose it is ("Indonesia", "Kabupaten Kupang"). */
export interface TrendTarget {
  year: number;
  value: number;
  owner: string;
}

export interface TrendChartProps {
  points: readonly TrendPoint[];
  targets: readonly TrendTarget[];
  /** Name of the indicator line, e.g. "Stunting (e-PPGBM)". */
  seriesName: string;
  /** What the chart shows, for screen readers. */
  description: string;
  height?: number;
}

const yearOf = (code: string) => parsePeriod(code)?.year ?? null;

/** The trend chart (default export: a lazy chunk's entry). */
export default function TrendChart({
  points,
  targets,
  seriesName,
  description,
  height = 300,
}: TrendChartProps) {
  const t = useT();
  const lang = useLang();

  const option = useMemo((): Option => {
    const categories = points.map((p) => shortPeriodLabel(p.code, lang));
    const targetByYear = new Map(targets.map((x) => [x.year, x]));
    const perPoint = points.map((p) => {
      const year = yearOf(p.code);
      return year === null ? undefined : targetByYear.get(year);
    });
    const inRange = perPoint.some((x) => x !== undefined);
    const latest = [...targets].sort((a, b) => b.year - a.year)[0];
    const targetName = t('dashboard.trendTarget');
    const bandName = t('dashboard.trendInterval');
    const max = percentAxisMax([
      ...points.map((p) => p.upper ?? p.value),
      ...(inRange ? perPoint.map((x) => x?.value) : [latest?.value]),
    ]);

    const series: LineSeriesOption[] = [
      {
        type: 'line',
        name: 'band-lower',
        stack: 'band',
        data: points.map((p) => p.lower),
        symbol: 'none',
        silent: true,
        lineStyle: { width: 0 },
        tooltip: { show: false },
      },
      {
        type: 'line',
        name: bandName,
        stack: 'band',
        data: points.map((p) => (p.lower !== null && p.upper !== null ? p.upper - p.lower : null)),
        symbol: 'none',
        silent: true,
        lineStyle: { width: 0 },
        areaStyle: { color: chartColors.band, opacity: 1 },
        color: chartColors.band,
        tooltip: { show: false },
      },
      {
        type: 'line',
        name: seriesName,
        data: points.map((p) => p.value),
        color: chartColors.eppgbm,
        symbol: 'circle',
        symbolSize: 6,
        showSymbol: true,
        connectNulls: false,
        lineStyle: { width: 2.5 },
        z: 5,
        ...(!inRange &&
          latest && {
            markLine: {
              silent: true,
              symbol: 'none',
              lineStyle: { color: chartColors.target, type: 'dashed', width: 2 },
              label: {
                position: 'insideEndTop',
                color: chartColors.target,
                fontWeight: 'bold',
                formatter: t('dashboard.trendTargetOf', {
                  year: latest.year,
                  value: formatProportion(latest.value, lang),
                }),
              },
              data: [{ yAxis: latest.value }],
            },
          }),
      },
    ];
    if (inRange) {
      series.push({
        type: 'line',
        name: targetName,
        data: perPoint.map((x) => x?.value ?? null),
        color: chartColors.target,
        step: 'middle',
        symbol: 'none',
        lineStyle: { type: 'dashed', width: 2 },
        connectNulls: false,
      });
    }

    return {
      animation: false,
      textStyle,
      grid: { left: 44, right: 16, top: 40, bottom: 28 },
      legend: {
        top: 0,
        left: 0,
        itemWidth: 18,
        itemHeight: 10,
        textStyle: { fontSize: 12 },
        data: [
          { name: seriesName },
          { name: bandName, itemStyle: { color: chartColors.band } },
          ...(inRange ? [{ name: targetName }] : []),
        ],
      },
      tooltip: {
        trigger: 'axis',
        confine: true,
        formatter: (params) => {
          const first = (Array.isArray(params) ? params[0] : params) as { dataIndex?: number };
          const index = first?.dataIndex;
          const point = index === undefined ? undefined : points[index];
          if (!point) return '';
          const lines = [`<b>${escapeHtml(point.label)}</b>`, escapeHtml(point.valueText)];
          if (point.lower !== null && point.upper !== null) {
            lines.push(
              `${escapeHtml(bandName)}: ${formatProportion(point.lower, lang)}–${formatProportion(point.upper, lang)}`,
            );
          }
          const target = perPoint[index!];
          if (target) {
            lines.push(`${escapeHtml(targetName)}: ${formatProportion(target.value, lang)}`);
          }
          return lines.join('<br>');
        },
      },
      xAxis: {
        type: 'category',
        data: categories,
        boundaryGap: false,
        axisLabel: { fontSize: 11, hideOverlap: true },
      },
      yAxis: percentAxis(lang, max),
      series,
    };
  }, [points, targets, seriesName, t, lang]);

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
