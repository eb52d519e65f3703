/**
 * A figure broken down into groups (age groups, sex): horizontal bars with the 95 % interval as
 * a whisker and the figure written at the end of each bar. A suppressed group has no bar, only
 * its words ("data terlalu sedikit"), so it can never be read as 0. Lazy (ECharts chunk).
 */
import {
  BarChart,
  CustomChart,
  type BarSeriesOption,
  type CustomSeriesOption,
} from 'echarts/charts';
import {
  GridComponent,
  TooltipComponent,
  type GridComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { use as registerEChartsParts, type ComposeOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useMemo } from 'react';
import { escapeHtml } from '../../components/map/tooltip.ts';
import { useEChart } from '../../components/map/use-echart.ts';
import { useLang, useT } from '../../i18n/language.ts';
import { formatProportion } from '../figures.ts';
import { percentAxis, percentAxisMax, textStyle } from './chart-style.ts';

registerEChartsParts([BarChart, CustomChart, GridComponent, TooltipComponent, SVGRenderer]);

type Option = ComposeOption<
  BarSeriesOption | CustomSeriesOption | GridComponentOption | TooltipComponentOption
>;

/** One group of the breakdown. */
export interface BreakdownGroup {
  label: string;
  /** 0–1, null when suppressed or nothing measured. */
  value: number | null;
  lower: number | null;
  upper: number | null;
  /** The figure in words. */
  valueText: string;
  /** "k dari n anak", for the tooltip. */
  detail: string | null;
  color: string;
}

export interface BreakdownChartProps {
  groups: readonly BreakdownGroup[];
  description: string;
}

/** The breakdown bars (default export: a lazy chunk's entry). */
export default function BreakdownChart({ groups, description }: BreakdownChartProps) {
  const t = useT();
  const lang = useLang();

  const option = useMemo((): Option => {
    const max = percentAxisMax(groups.map((g) => g.upper ?? g.value));
    const intervalName = t('dashboard.trendInterval');
    return {
      animation: false,
      textStyle,
      grid: { left: 8, right: 8, top: 8, bottom: 24, containLabel: true },
      tooltip: {
        trigger: 'item',
        confine: true,
        formatter: (params) => {
          const group = groups[(params as { dataIndex: number }).dataIndex];
          if (!group) return '';
          const lines = [`<b>${escapeHtml(group.label)}</b>`, escapeHtml(group.valueText)];
          if (group.lower !== null && group.upper !== null) {
            lines.push(
              `${escapeHtml(intervalName)}: ${formatProportion(group.lower, lang)}–${formatProportion(group.upper, lang)}`,
            );
          }
          if (group.detail) lines.push(escapeHtml(group.detail));
          return lines.join('<br>');
        },
      },
      xAxis: percentAxis(lang, max),
      // The figure in words on a right-hand axis, so a whisker never runs over it.
      yAxis: [
        {
          type: 'category',
          inverse: true,
          data: groups.map((g) => g.label),
          axisTick: { show: false },
          axisLabel: { fontSize: 12, color: '#1b2126' },
        },
        {
          type: 'category',
          inverse: true,
          position: 'right',
          data: groups.map((g) => g.valueText),
          axisLine: { show: false },
          axisTick: { show: false },
          axisLabel: {
            fontSize: 12,
            fontWeight: 'bold',
            color: '#1b2126',
            formatter: (text: string, index: number) =>
              groups[index]?.value === null ? `{muted|${text}}` : text,
            rich: { muted: { fontWeight: 'normal', color: '#4f5b64', fontSize: 12 } },
          },
        },
      ],
      series: [
        {
          type: 'bar',
          barMaxWidth: 26,
          // A hidden figure gets no bar, only its words on the right.
          data: groups.map((g) => ({ value: g.value ?? 0, itemStyle: { color: g.color } })),
        },
        {
          // The interval: a whisker from lower to upper across the middle of each bar.
          type: 'custom',
          silent: true,
          tooltip: { show: false },
          z: 3,
          data: groups.map((g, i) => [i, g.lower, g.upper]),
          renderItem: (_params, api) => {
            const lower = api.value(1);
            const upper = api.value(2);
            if (typeof lower !== 'number' || typeof upper !== 'number') return null;
            const from = api.coord([lower, api.value(0)]);
            const to = api.coord([upper, api.value(0)]);
            const half = Math.min(6, ((api.size?.([0, 1]) as number[] | undefined)?.[1] ?? 12) / 4);
            const style = { stroke: '#1b2126', lineWidth: 1.5 };
            return {
              type: 'group',
              children: [
                {
                  type: 'line',
                  shape: { x1: from[0]!, y1: from[1]!, x2: to[0]!, y2: to[1]! },
                  style,
                },
                {
                  type: 'line',
                  shape: { x1: from[0]!, y1: from[1]! - half, x2: from[0]!, y2: from[1]! + half },
                  style,
                },
                {
                  type: 'line',
                  shape: { x1: to[0]!, y1: to[1]! - half, x2: to[0]!, y2: to[1]! + half },
                  style,
                },
              ],
            };
          },
        },
      ],
    };
  }, [groups, t, lang]);

  const { ref } = useEChart(option);
  return (
    <div
      ref={ref}
      className="dash-chart-canvas"
      style={{ height: 56 + groups.length * 40 }}
      role="img"
      aria-label={description}
    />
  );
}
