/**
 * Deaths of one kind by cause group, largest first, as horizontal bars with the count at the end
 * of each bar. Lazy (ECharts chunk); the page lists the same numbers as text.
 */
import { BarChart, type BarSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  TooltipComponent,
  type GridComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { use as registerEChartsParts, type ComposeOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useMemo } from 'react';
import { useEChart } from '../../components/map/use-echart.ts';
import { chartColors, textStyle } from '../../dashboard/charts/chart-style.ts';

registerEChartsParts([BarChart, GridComponent, TooltipComponent, SVGRenderer]);

type Option = ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption>;

export interface CauseChartProps {
  rows: readonly { label: string; count: number }[];
  description: string;
}

/**
 * Short labels on the axis: long ICD group names are cut, more on a phone (the tooltip and the
 * list have them whole).
 */
function short(text: string): string {
  const max = typeof window !== 'undefined' && window.innerWidth < 600 ? 24 : 34;
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The cause bars (default export: the lazy chunk's entry). */
export default function CauseChart({ rows, description }: CauseChartProps) {
  const ordered = useMemo(() => [...rows].reverse(), [rows]);
  const option = useMemo(
    (): Option => ({
      animation: false,
      textStyle,
      grid: { left: 8, right: 36, top: 4, bottom: 4, containLabel: true },
      tooltip: {
        trigger: 'item',
        confine: true,
        formatter: (p) =>
          `${ordered[(p as { dataIndex: number }).dataIndex]?.label ?? ''}: ${(p as { value: number }).value}`,
      },
      xAxis: { type: 'value', minInterval: 1, show: false },
      yAxis: {
        type: 'category',
        data: ordered.map((r) => short(r.label)),
        axisLabel: { fontSize: 11 },
        axisTick: { show: false },
      },
      series: [
        {
          type: 'bar',
          data: ordered.map((r) => r.count),
          color: chartColors.bar,
          barMaxWidth: 16,
          label: { show: true, position: 'right', fontSize: 11 },
        },
      ],
    }),
    [ordered],
  );
  const { ref } = useEChart(option);
  return (
    <div
      ref={ref}
      className="death-chart"
      role="img"
      aria-label={description}
      style={{ height: 28 * rows.length + 16 }}
    />
  );
}
