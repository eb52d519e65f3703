/**
 * The drawn part of the choropleth: ECharts' map series over the region's GeoJSON, with the SVG
 * renderer. Loaded lazily by ChoroplethMap (this module and ECharts form their own chunk); only
 * the map series, the tooltip and the SVG renderer are registered. Keyboard: the map is one tab
 * stop; the arrow keys move between areas by where they lie, Enter or Space opens the area.
 */
import { MapChart, type MapSeriesOption } from 'echarts/charts';
import { TooltipComponent, type TooltipComponentOption } from 'echarts/components';
import { registerMap, use as registerEChartsParts, type ComposeOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useEffectEvent, useMemo, useState, type KeyboardEvent } from 'react';
import type { Boundaries } from '../../api-client.ts';
import { useT } from '../../i18n/language.ts';
import {
  areaPoint,
  aspectScale,
  boundingBox,
  neighbourInDirection,
  type AreaPoint,
  type ArrowDirection,
} from './geometry.ts';
import { escapeHtml } from './tooltip.ts';
import { useEChart } from './use-echart.ts';

registerEChartsParts([MapChart, TooltipComponent, SVGRenderer]);

type Option = ComposeOption<MapSeriesOption | TooltipComponentOption>;

/** One area as drawn: its colour is decided by the caller (classes.ts). */
export interface MapArea {
  code: string;
  name: string;
  /** The formatted figure, or the words for no data / too few children. */
  label: string;
  color: string;
  /** Suppressed figures are hatched, so the difference from "no data" is not colour alone. */
  hatched: boolean;
}

export interface MapCanvasProps {
  /** Name under which the GeoJSON is registered with ECharts (one per parent region). */
  mapName: string;
  boundaries: Boundaries;
  /** One entry per feature; the order is the keyboard's starting order (first = focus start). */
  areas: readonly MapArea[];
  /** An area to emphasise from outside (the list next to the map is hovered or focused). */
  highlightCode: string | null;
  onSelect: (code: string) => void;
  /** What the map shows, for screen readers. */
  label: string;
  /** How to use the keyboard on the map, read when it takes focus. */
  keyboardHint: string;
  /** "{name}: {label}" announcement of the area reached with the arrow keys. */
  announce: (area: MapArea) => string;
}

const arrowKeys: Record<string, ArrowDirection> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
};

const hatch = {
  symbol: 'rect',
  symbolSize: 1,
  dashArrayX: [1, 0],
  dashArrayY: [2, 5],
  rotation: -Math.PI / 4,
  color: 'rgba(27, 33, 38, 0.28)',
};

/** The map itself (default export: the lazy chunk's entry). */
export default function MapCanvas({
  mapName,
  boundaries,
  areas,
  highlightCode,
  onSelect,
  label,
  keyboardHint,
  announce,
}: MapCanvasProps) {
  const t = useT();
  const [activeCode, setActiveCode] = useState<string | null>(null);
  const byCode = useMemo(
    () => new Map(areas.map((a, i) => [a.code, { area: a, index: i }])),
    [areas],
  );
  const points = useMemo(
    () =>
      boundaries.features
        .map((f) => {
          const p = f.properties as { code: string; labelLng?: unknown; labelLat?: unknown };
          return areaPoint(
            p.code,
            typeof p.labelLng === 'number' ? p.labelLng : null,
            typeof p.labelLat === 'number' ? p.labelLat : null,
            f.geometry,
          );
        })
        .filter((p): p is AreaPoint => p !== null),
    [boundaries],
  );

  const option = useMemo((): Option => {
    // ECharts reads the GeoJSON's `code` property as the area's name (nameProperty below).
    registerMap(mapName, boundaries as unknown as Parameters<typeof registerMap>[1]);
    const box = boundingBox(boundaries.features.map((f) => f.geometry));
    return {
      animation: false,
      textStyle: { fontFamily: 'system-ui, Roboto, sans-serif' },
      tooltip: {
        trigger: 'item',
        confine: true,
        extraCssText: 'max-width: 16rem; white-space: normal;',
        formatter: (params) => {
          const code = (params as { name?: string }).name ?? '';
          const entry = byCode.get(code);
          if (!entry) return '';
          return `<b>${escapeHtml(entry.area.name)}</b><br>${escapeHtml(entry.area.label)}`;
        },
      },
      series: [
        {
          type: 'map',
          map: mapName,
          nameProperty: 'code',
          roam: false,
          selectedMode: false,
          aspectScale: box ? aspectScale(box) : 1,
          left: 6,
          right: 6,
          top: 6,
          bottom: 6,
          label: { show: false },
          itemStyle: { borderColor: '#ffffff', borderWidth: 0.8 },
          emphasis: {
            label: { show: false },
            itemStyle: { borderColor: '#1b2126', borderWidth: 2 },
          },
          data: areas.map((a) => ({
            name: a.code,
            itemStyle: { areaColor: a.color, ...(a.hatched && { decal: hatch }) },
            emphasis: { itemStyle: { areaColor: a.color } },
          })),
        },
      ],
    };
  }, [mapName, boundaries, areas, byCode]);

  const { ref, chart } = useEChart(option);

  const select = useEffectEvent((code: string) => onSelect(code));
  useEffect(() => {
    const instance = chart.current;
    if (!instance) return;
    const handler = (params: { name?: string }) => {
      if (params.name) select(params.name);
    };
    instance.on('click', handler);
    return () => {
      instance.off('click', handler);
    };
  }, [chart]);

  // Emphasis follows the keyboard first, then the list next to the map.
  const shown = activeCode ?? highlightCode;
  useEffect(() => {
    const instance = chart.current;
    if (!instance) return;
    instance.dispatchAction({ type: 'downplay', seriesIndex: 0 });
    const index = shown === null ? undefined : byCode.get(shown)?.index;
    if (index === undefined) {
      instance.dispatchAction({ type: 'hideTip' });
      return;
    }
    instance.dispatchAction({ type: 'highlight', seriesIndex: 0, dataIndex: index });
    instance.dispatchAction({ type: 'showTip', seriesIndex: 0, dataIndex: index });
  }, [chart, shown, byCode, option]);

  function handleKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const direction = arrowKeys[event.key];
    if (direction) {
      event.preventDefault();
      const from = points.find((p) => p.code === activeCode);
      const next = from ? neighbourInDirection(points, from, direction) : null;
      const start = areas[0]?.code ?? null;
      setActiveCode(next?.code ?? activeCode ?? start);
    } else if ((event.key === 'Enter' || event.key === ' ') && activeCode) {
      event.preventDefault();
      onSelect(activeCode);
    } else if (event.key === 'Escape') {
      setActiveCode(null);
    }
  }

  const active = activeCode ? byCode.get(activeCode)?.area : undefined;
  return (
    <div className="map-canvas-wrap">
      <div
        ref={ref}
        className="map-canvas"
        tabIndex={0}
        role="group"
        aria-roledescription={t('dashboard.mapRole')}
        aria-label={`${label}. ${keyboardHint}`}
        onKeyDown={handleKeyDown}
        onFocus={(event) => {
          // Only a keyboard focus picks an area; a mouse click chooses its own.
          if (event.currentTarget.matches(':focus-visible'))
            setActiveCode((code) => code ?? areas[0]?.code ?? null);
        }}
        onBlur={() => setActiveCode(null)}
      />
      <p className="visually-hidden" aria-live="polite">
        {active ? announce(active) : ''}
      </p>
    </div>
  );
}
