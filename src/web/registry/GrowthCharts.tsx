/**
 * The child's growth charts with Apache ECharts. Loaded lazily by the child page (this module and
 * ECharts are one chunk), and only the parts used are registered: line series, grid, legend,
 * tooltip, the SVG renderer (sharp on any screen, light on a cheap phone).
 */
import { LineChart, type LineSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { init, use as registerEChartsParts, type ComposeOption, type ECharts } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef } from 'react';
import type { Sex } from '../../core/growth/tables.ts';
import { formatDate, formatNumber } from '../i18n/format.ts';
import { useLang, useT, type Lang, type MessageKey, type Translate } from '../i18n/language.ts';
import type { MeasurementView } from './api.ts';
import { CHART_SD, growthCharts, type GrowthChartData } from './growth-chart.ts';

registerEChartsParts([LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

type Option = ComposeOption<
  LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

/** KMS colours: bands and lines. Text labels go with every line, so colour is never alone. */
const colors = {
  bandRed: 'rgba(211, 47, 47, 0.16)',
  bandYellow: 'rgba(250, 204, 21, 0.30)',
  bandGreen: 'rgba(67, 160, 71, 0.18)',
  line3: '#b3261e',
  line2: '#b26a00',
  line1: '#9aa3a8',
  median: '#2e7d32',
  child: '#1a3f8f',
};

const titles: Record<GrowthChartData['kind'], MessageKey> = {
  weightForAge: 'chart.weightForAge',
  heightForAge: 'chart.heightForAge',
  weightForHeight: 'chart.weightForHeight',
};

function yLabel(chart: GrowthChartData, t: Translate): string {
  if (chart.kind === 'heightForAge') return t('chart.axisHeight');
  return t('chart.axisWeight');
}

function xLabel(chart: GrowthChartData, t: Translate): string {
  if (chart.kind === 'weightForHeight')
    return chart.table === 'wfl' ? t('chart.axisLength') : t('chart.axisHeightX');
  return t('chart.axisAge');
}

const sdName = (sd: number, lang: Lang) =>
  sd === 0 ? 'Median' : `${sd > 0 ? '+' : '−'}${formatNumber(Math.abs(sd), lang)} SD`;

function lineStyleOf(sd: number) {
  const abs = Math.abs(sd);
  if (abs === 3) return { color: colors.line3, width: 2, type: 'solid' as const };
  if (abs === 2) return { color: colors.line2, width: 2, type: 'solid' as const };
  if (abs === 1) return { color: colors.line1, width: 1, type: 'dashed' as const };
  return { color: colors.median, width: 2, type: 'solid' as const };
}

/** ECharts option of one chart. Bands are stacked areas (differences between curves). */
export function chartOption(chart: GrowthChartData, t: Translate, lang: Lang): Option {
  const at = (sd: number) => chart.curves[CHART_SD.indexOf(sd as (typeof CHART_SD)[number])]!;
  const pairs = (ys: number[]) => chart.xs.map((x, i) => [x, ys[i]!] as [number, number]);
  const diff = (upper: number[], lower: number[]) => upper.map((u, i) => u - lower[i]!);
  const band = (name: string, ys: number[], color: string): LineSeriesOption => ({
    type: 'line',
    name,
    stack: 'bands',
    data: pairs(ys),
    symbol: 'none',
    silent: true,
    lineStyle: { width: 0 },
    areaStyle: { color, opacity: 1 },
    tooltip: { show: false },
    z: 1,
  });
  const minus3 = at(-3);
  const minus2 = at(-2);
  const plus2 = at(2);
  const plus3 = at(3);
  const childName = t('chart.child');
  const series: LineSeriesOption[] = [
    band('band-red', minus3, colors.bandRed),
    band('band-yellow-low', diff(minus2, minus3), colors.bandYellow),
    band('band-green', diff(plus2, minus2), colors.bandGreen),
    band('band-yellow-high', diff(plus3, plus2), colors.bandYellow),
    ...CHART_SD.map((sd): LineSeriesOption => ({
      type: 'line',
      // ±2 and ±3 share a legend entry each; the labels at the line ends say which is which.
      name: sd === 0 ? sdName(0, lang) : `±${Math.abs(sd)} SD`,
      data: pairs(at(sd)),
      symbol: 'none',
      smooth: false,
      silent: true,
      lineStyle: lineStyleOf(sd),
      tooltip: { show: false },
      endLabel:
        Math.abs(sd) === 1
          ? { show: false }
          : {
              show: true,
              formatter: sdName(sd, lang),
              color: lineStyleOf(sd).color,
              fontSize: 11,
              fontWeight: 'bold',
            },
      z: 2,
    })),
    {
      type: 'line',
      name: childName,
      data: chart.points.map((p) => ({ value: [p.x, p.y], point: p })),
      color: colors.child,
      symbol: 'circle',
      symbolSize: 8,
      lineStyle: { color: colors.child, width: 2.5 },
      itemStyle: { color: colors.child, borderColor: '#fff', borderWidth: 1.5 },
      z: 5,
    },
  ];

  return {
    animation: false,
    textStyle: { fontFamily: 'system-ui, Roboto, sans-serif' },
    grid: { left: 44, right: 54, top: 40, bottom: 44 },
    legend: {
      top: 0,
      left: 0,
      itemWidth: 18,
      itemHeight: 10,
      textStyle: { fontSize: 12 },
      // Colours per entry: series without symbols would get palette colours in the legend.
      data: [
        { name: childName, itemStyle: { color: colors.child } },
        { name: sdName(0, lang), itemStyle: { color: colors.median } },
        { name: '±2 SD', itemStyle: { color: colors.line2 } },
        { name: '±3 SD', itemStyle: { color: colors.line3 } },
      ],
    },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (params) => {
        const p = (params as { data?: { point?: GrowthChartData['points'][number] } }).data?.point;
        if (!p) return '';
        const value =
          chart.kind === 'heightForAge'
            ? `${formatNumber(p.entered, lang)} cm`
            : `${formatNumber(p.y, lang)} kg`;
        const z = p.z === null ? '' : ` · z ${formatNumber(p.z, lang, 2)}`;
        return `${formatDate(p.measuredOn, lang)}<br>${t('chart.tooltipAge', {
          months: formatNumber(Math.floor(p.ageMonths), lang),
        })}<br><b>${value}</b>${z}`;
      },
    },
    xAxis: {
      type: 'value',
      min: chart.xMin,
      max: chart.xMax,
      interval: chart.kind === 'weightForHeight' ? 5 : chart.xMax > 24 ? 6 : 3,
      name: xLabel(chart, t),
      nameLocation: 'middle',
      nameGap: 28,
      nameTextStyle: { fontSize: 12, color: '#1b2126' },
      axisLabel: { fontSize: 11, formatter: (v: number) => formatNumber(v, lang) },
      splitLine: { lineStyle: { color: 'rgba(0,0,0,0.08)' } },
    },
    yAxis: {
      type: 'value',
      name: yLabel(chart, t),
      nameLocation: 'end',
      nameGap: 10,
      nameTextStyle: { fontSize: 12, color: '#1b2126', align: 'left' },
      scale: true,
      axisLabel: { fontSize: 11, formatter: (v: number) => formatNumber(v, lang) },
      splitLine: { lineStyle: { color: 'rgba(0,0,0,0.08)' } },
    },
    series,
  };
}

/** A text for screen readers: what the chart shows and the child's last point. */
function chartDescription(chart: GrowthChartData, t: Translate, lang: Lang): string {
  const last = chart.points.at(-1);
  const title = t(titles[chart.kind]);
  if (!last) return t('chart.noPoints', { title });
  return t('chart.description', {
    title,
    count: formatNumber(chart.points.length, lang),
    value: `${formatNumber(chart.kind === 'heightForAge' ? last.entered : last.y, lang)} ${
      chart.kind === 'heightForAge' ? 'cm' : 'kg'
    }`,
    z: last.z === null ? '—' : formatNumber(last.z, lang, 2),
    date: formatDate(last.measuredOn, lang),
  });
}

function Chart({ chart }: { chart: GrowthChartData }) {
  const t = useT();
  const lang = useLang();
  const ref = useRef<HTMLDivElement>(null);
  const instance = useRef<ECharts | null>(null);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const echart = init(element, null, { renderer: 'svg' });
    instance.current = echart;
    const observer = new ResizeObserver(() => echart.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      echart.dispose();
      instance.current = null;
    };
  }, []);

  useEffect(() => {
    instance.current?.setOption(chartOption(chart, t, lang), { notMerge: true });
  }, [chart, t, lang]);

  const title = t(titles[chart.kind]);
  return (
    <figure className="growth-chart">
      <figcaption className="growth-chart-title">{title}</figcaption>
      <div
        ref={ref}
        className="growth-chart-canvas"
        role="img"
        aria-label={chartDescription(chart, t, lang)}
      />
    </figure>
  );
}

/** Weight-for-age, length/height-for-age and weight-for-length/height of one child. */
export default function GrowthCharts({
  sex,
  measurements,
}: {
  sex: Sex;
  measurements: readonly MeasurementView[];
}) {
  const t = useT();
  const charts = useMemo(() => growthCharts(sex, measurements), [sex, measurements]);
  return (
    <div className="growth-charts">
      {charts.map((chart) => (
        <Chart key={chart.kind} chart={chart} />
      ))}
      <p className="hint chart-legend-note">{t('chart.bandsNote')}</p>
    </div>
  );
}
