/**
 * One ECharts instance bound to a `<div>`: created on mount with the SVG renderer (crisp on any
 * screen, light on a cheap phone, and its shapes are in the DOM for tests), resized with its
 * box, disposed on unmount, and given a new option whenever `option` changes. Only modules that
 * are loaded lazily may import this file: it pulls in echarts/core.
 */
import { init, type ECharts, type EChartsCoreOption } from 'echarts/core';
import { useEffect, useRef, type RefObject } from 'react';

/** The element to render into and the live instance (null before mount and after unmount). */
export interface EChartHandle {
  ref: RefObject<HTMLDivElement | null>;
  chart: RefObject<ECharts | null>;
}

/**
 * Renders `option` into the returned `ref`. Callers register their chart parts with
 * `use([...])` from echarts/core before the first render.
 */
export function useEChart(option: EChartsCoreOption | null): EChartHandle {
  const ref = useRef<HTMLDivElement | null>(null);
  const chart = useRef<ECharts | null>(null);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const instance = init(element, null, { renderer: 'svg' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (option) chart.current?.setOption(option, { notMerge: true });
    else chart.current?.clear();
  }, [option]);

  return { ref, chart };
}
