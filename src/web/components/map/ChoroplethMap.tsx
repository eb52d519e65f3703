/**
 * Choropleth of a region's children (API-SPEC.md, "Map component"): boundaries from
 * `GET /api/regions/:code/boundaries`, colour classes with a legend, "no data" and "too few
 * children" colours, and next to it the ranked bars that are the map's accessible alternative —
 * and its fallback for areas without boundaries. This module is light: ECharts and the drawing
 * arrive in their own chunk (MapCanvas) only when a map is shown, so any page may import it.
 */
import { lazy, Suspense, useId, useMemo, useState } from 'react';
import { childLevel } from '../../../core/regions/region-code.ts';
import { api, isApiError } from '../../api-client.ts';
import { useApi } from '../../hooks/use-api.ts';
import { formatNumber } from '../../i18n/format.ts';
import { regionLevelLabel } from '../../i18n/labels.ts';
import { useLang, useT } from '../../i18n/language.ts';
import { ErrorMessage } from '../ErrorMessage.tsx';
import {
  areaColor,
  classRanges,
  colorClasses,
  noDataColor,
  quantileBreaks,
  suppressedColor,
  type Direction,
} from './classes.ts';
import { boundingBox, drawnAspect } from './geometry.ts';
import type { MapArea } from './MapCanvas.tsx';
import { RankedBars, type RankedBar } from './RankedBars.tsx';
import './map.css';

const MapCanvas = lazy(() => import('./MapCanvas.tsx'));

/** The figure of one child area. */
export interface ChoroplethValue {
  code: string;
  /** The number that decides the colour (and the bar length); null: no figure. */
  value: number | null;
  /** The formatted figure for the tooltip and the list, e.g. `23,4%`, `< 5`. */
  label: string;
  /** True when the figure exists but is hidden (too few children): hatched, not "no data". */
  suppressed?: boolean | undefined;
}

export interface ChoroplethMapProps {
  /** Whose children are drawn (kode wilayah). */
  regionCode: string;
  values: readonly ChoroplethValue[];
  /** What the colours mean, e.g. "Prevalensi stunting"; heads the legend. */
  legendTitle: string;
  direction: Direction;
  /** Click, Enter or Space on an area, or its name in the list. */
  onSelect?: ((code: string) => void) | undefined;
  /** Largest height of the map in px (it is as wide as its box and keeps the region's shape). */
  height?: number | undefined;
  /** Inner class bounds in the values' unit (e.g. WHO prevalence thresholds); default quantiles. */
  breaks?: readonly number[] | undefined;
  /** Names of the classes, lowest first (one more than `breaks`), shown after the ranges. */
  classNames?: readonly string[] | undefined;
  /** Formats a class bound for the legend; default a plain number. */
  formatValue?: ((value: number) => string) | undefined;
}

/** The choropleth with its legend and ranked list. */
export function ChoroplethMap({
  regionCode,
  values,
  legendTitle,
  direction,
  onSelect,
  height = 360,
  breaks,
  classNames,
  formatValue,
}: ChoroplethMapProps) {
  const t = useT();
  const lang = useLang();
  const ids = useId();
  const [hovered, setHovered] = useState<string | null>(null);
  const region = useApi(regionCode, (code) => api.region(code));
  const boundaries = useApi(regionCode, (code, signal) => api.boundaries(code, signal));
  const noBoundaries = isApiError(boundaries.error) && boundaries.error.status === 404;
  const format = formatValue ?? ((v: number) => formatNumber(v, lang));

  const classes = useMemo(() => {
    const numbers = values.flatMap((v) => (v.value === null ? [] : [v.value]));
    return colorClasses(breaks ?? quantileBreaks(numbers), direction);
  }, [values, breaks, direction]);

  const valueByCode = useMemo(() => new Map(values.map((v) => [v.code, v])), [values]);
  const features = boundaries.data?.features;
  const missing = useMemo(() => new Set(boundaries.data?.missing ?? []), [boundaries.data]);

  const children = region.data?.children;
  const bars = useMemo((): RankedBar[] => {
    const names = new Map<string, string>();
    for (const c of children ?? []) names.set(c.code, c.name);
    for (const f of features ?? []) names.set(f.properties.code, f.properties.name);
    // Every child area is listed, also those the caller gave no value for.
    const codes = new Set([...names.keys(), ...values.map((v) => v.code)]);
    return [...codes].map((code) => {
      const v = valueByCode.get(code);
      return {
        code,
        name: names.get(code) ?? code,
        value: v?.value ?? null,
        label: v?.label ?? t('dashboard.noData'),
        color: areaColor(v?.value ?? null, v?.suppressed ?? false, classes),
        tag: features && missing.has(code) ? t('dashboard.mapWithoutMap') : undefined,
      };
    });
  }, [children, features, missing, values, valueByCode, classes, t]);

  const areas = useMemo((): MapArea[] => {
    if (!features) return [];
    const barByCode = new Map(bars.map((b) => [b.code, b]));
    const worstFirst = direction === 'lower_is_better' ? -1 : 1;
    return features
      .map((f) => {
        const bar = barByCode.get(f.properties.code);
        return {
          code: f.properties.code,
          name: f.properties.name,
          label: bar?.label ?? t('dashboard.noData'),
          color: bar?.color ?? noDataColor,
          hatched: valueByCode.get(f.properties.code)?.suppressed ?? false,
          value: bar?.value ?? null,
        };
      })
      .sort((a, b) =>
        a.value === null || b.value === null
          ? Number(a.value === null) - Number(b.value === null)
          : (a.value - b.value) * worstFirst,
      )
      .map(({ value: _value, ...area }) => area);
  }, [features, bars, valueByCode, direction, t]);

  const aspect = useMemo(() => {
    const box = features ? boundingBox(features.map((f) => f.geometry)) : null;
    return box ? drawnAspect(box) : 1.6;
  }, [features]);

  const level = region.data ? childLevel(region.data.region.level) : null;
  const levelName = level ? regionLevelLabel(level, lang) : '';
  const regionName = region.data?.region.name ?? regionCode;
  const hasValues = bars.some((b) => b.value !== null);
  const hasNoData = bars.some((b) => b.value === null && b.color === noDataColor);
  const hasSuppressed = bars.some((b) => b.color === suppressedColor);
  const showMap = !!features && features.length > 0;
  const mapDescription = t('dashboard.mapLabel', {
    title: legendTitle,
    level: levelName,
    name: regionName,
  });

  const legend = (
    <div className="map-legend" aria-labelledby={`${ids}-legend`} role="group">
      <p id={`${ids}-legend`} className="map-legend-title">
        {legendTitle}
      </p>
      <ul className="map-legend-list">
        {hasValues &&
          classRanges(classes).map((range, i) => (
            <li key={range.color}>
              <span className="map-swatch" style={{ background: range.color }} aria-hidden="true" />
              {range.lower === null && range.upper === null
                ? t('dashboard.legendAll')
                : range.lower === null
                  ? `< ${format(range.upper!)}`
                  : range.upper === null
                    ? `≥ ${format(range.lower)}`
                    : `${format(range.lower)} – < ${format(range.upper)}`}
              {classNames?.[i] && <span className="map-legend-name"> · {classNames[i]}</span>}
            </li>
          ))}
        {hasSuppressed && (
          <li>
            <span className="map-swatch map-swatch-hatched" aria-hidden="true" />
            {t('dashboard.legendSuppressed')}
          </li>
        )}
        {hasNoData && (
          <li>
            <span className="map-swatch" style={{ background: noDataColor }} aria-hidden="true" />
            {t('dashboard.noData')}
          </li>
        )}
      </ul>
      <p className="map-legend-note">{t('dashboard.legendDarkerWorse')}</p>
    </div>
  );

  return (
    <div className={showMap ? 'choropleth' : 'choropleth choropleth-no-map'}>
      <div className="choropleth-map">
        {showMap ? (
          <div className="map-frame" style={{ aspectRatio: String(aspect), maxHeight: height }}>
            <Suspense fallback={<p className="map-loading">{t('dashboard.mapLoading')}</p>}>
              <MapCanvas
                mapName={`tumbuh-${regionCode}`}
                boundaries={boundaries.data!}
                areas={areas}
                highlightCode={hovered}
                onSelect={(code) => onSelect?.(code)}
                label={mapDescription}
                keyboardHint={t('dashboard.mapKeyboardHint')}
                announce={(area) =>
                  t('dashboard.mapAnnounce', { name: area.name, label: area.label })
                }
              />
            </Suspense>
          </div>
        ) : boundaries.loading ? (
          <div className="map-frame map-frame-waiting" style={{ maxHeight: height }}>
            <p className="map-loading">{t('dashboard.mapLoading')}</p>
          </div>
        ) : noBoundaries ? (
          <p className="hint map-note">
            {t('dashboard.mapNoBoundaries', { level: levelName, name: regionName })}
          </p>
        ) : (
          <ErrorMessage error={boundaries.error} />
        )}
        {showMap && missing.size > 0 && (
          <p className="hint map-note">
            {t('dashboard.mapSomeMissing', {
              count: formatNumber(missing.size, lang),
              level: levelName,
              tag: t('dashboard.mapWithoutMap'),
            })}
          </p>
        )}
        {legend}
      </div>
      <div className="choropleth-list">
        <ErrorMessage error={region.error} />
        <RankedBars
          caption={mapDescription}
          bars={bars}
          direction={direction}
          onSelect={onSelect}
          onHover={showMap ? setHovered : undefined}
          maxHeight={showMap ? Math.max(height, 320) : undefined}
        />
      </div>
    </div>
  );
}
