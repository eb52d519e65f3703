/**
 * Monthly deaths as bars (infant, neonatal, maternal, stillbirth), one group per month. Counts,
 * not rates: a month's rate on a few deaths says little, its count is the surveillance signal.
 * Lazy (ECharts chunk); the page shows the same numbers as a table for screen readers.
 */
import { BarChart, type BarSeriesOption } from 'echarts/charts';
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
import { useEChart } from '../../components/map/use-echart.ts';
import { textStyle } from '../../dashboard/charts/chart-style.ts';

registerEChartsParts([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

type Option = ComposeOption<
  BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

/** One series of the chart: its name, colour and a value per month. */
export interface TrendSeries {
  name: string;
  color: string;
  values: readonly number[];
}

export interface DeathTrendChartProps {
  /** Axis labels, one per month (`Jan 25`). */
  categories: readonly string[];
  series: readonly TrendSeries[];
  description: string;
  height?: number;
}

/** The monthly death-count chart (default export: the lazy chunk's entry). */
export default function DeathTrendChart({
  categories,
  series,
  description,
  height = 280,
}: DeathTrendChartProps) {
  const option = useMemo(
    (): Option => ({
      animation: false,
      textStyle,
      grid: { left: 36, right: 8, top: 44, bottom: 28 },
      legend: { top: 0, left: 0, itemWidth: 14, itemHeight: 10, textStyle: { fontSize: 12 } },
      tooltip: { trigger: 'axis', confine: true },
      xAxis: { type: 'category', data: [...categories], axisLabel: { fontSize: 11 } },
      yAxis: {
        type: 'value',
        minInterval: 1,
        axisLabel: { fontSize: 11 },
        splitLine: { lineStyle: { color: 'rgba(0,0,0,0.08)' } },
      },
      series: series.map((s) => ({
        type: 'bar',
        name: s.name,
        data: [...s.values],
        color: s.color,
        barMaxWidth: 14,
      })),
    }),
    [categories, series],
  );
  const { ref } = useEChart(option);
  return (
    <div ref={ref} className="death-chart" role="img" aria-label={description} style={{ height }} />
  );
}
