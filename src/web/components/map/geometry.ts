/**
 * Plain geometry of the shipped boundaries (pure): the box a map needs, the point that stands
 * for an area, and which area the arrow keys move to. Coordinates are GeoJSON lon/lat (WGS84).
 */

/** A lon/lat box. */
export interface Box {
  minLng: number;
  minLat: number;
  maxLng: number;
  maxLat: number;
}

/** An area as the keyboard sees it: its code and the point that stands for it. */
export interface AreaPoint {
  code: string;
  lng: number;
  lat: number;
}

/** The four arrow keys. */
export type ArrowDirection = 'left' | 'right' | 'up' | 'down';

type Position = readonly number[];

/** Visits every position of a Polygon or MultiPolygon geometry (other kinds are skipped). */
function eachPosition(geometry: unknown, visit: (lng: number, lat: number) => void): void {
  const g = geometry as { type?: string; coordinates?: unknown } | null;
  if (!g || !Array.isArray(g.coordinates)) return;
  const polygons =
    g.type === 'Polygon'
      ? [g.coordinates as Position[][]]
      : g.type === 'MultiPolygon'
        ? (g.coordinates as Position[][][])
        : [];
  for (const polygon of polygons)
    for (const ring of polygon) for (const p of ring) visit(p[0]!, p[1]!);
}

/** The box around geometries; null when there is none. */
export function boundingBox(geometries: readonly unknown[]): Box | null {
  let box: Box | null = null;
  for (const geometry of geometries) {
    eachPosition(geometry, (lng, lat) => {
      if (!box) box = { minLng: lng, minLat: lat, maxLng: lng, maxLat: lat };
      else {
        box.minLng = Math.min(box.minLng, lng);
        box.maxLng = Math.max(box.maxLng, lng);
        box.minLat = Math.min(box.minLat, lat);
        box.maxLat = Math.max(box.maxLat, lat);
      }
    });
  }
  return box;
}

/**
 * How much narrower a degree of longitude is than a degree of latitude at the box's middle
 * (equirectangular projection: ECharts' `aspectScale`). Near the equator, as all of Indonesia,
 * close to 1.
 */
export function aspectScale(box: Box): number {
  return Math.cos((((box.minLat + box.maxLat) / 2) * Math.PI) / 180);
}

/** Width ÷ height of the box as drawn (at least 0.5, at most 4, so no map is a sliver). */
export function drawnAspect(box: Box): number {
  const width = (box.maxLng - box.minLng) * aspectScale(box);
  const height = box.maxLat - box.minLat;
  if (!(width > 0) || !(height > 0)) return 1;
  return Math.min(4, Math.max(0.5, width / height));
}

/** The area's label point from the boundary file, else the middle of its box. */
export function areaPoint(
  code: string,
  labelLng: number | null | undefined,
  labelLat: number | null | undefined,
  geometry: unknown,
): AreaPoint | null {
  if (typeof labelLng === 'number' && typeof labelLat === 'number') {
    return { code, lng: labelLng, lat: labelLat };
  }
  const box = boundingBox([geometry]);
  if (!box) return null;
  return { code, lng: (box.minLng + box.maxLng) / 2, lat: (box.minLat + box.maxLat) / 2 };
}

/**
 * The area an arrow key moves to from `from`: the nearest one lying in that direction, where
 * an area straight ahead counts as nearer than one off to the side (distance grows with the
 * sideways offset). Null at the edge of the map. North is up, east is right.
 */
export function neighbourInDirection(
  points: readonly AreaPoint[],
  from: AreaPoint,
  direction: ArrowDirection,
): AreaPoint | null {
  const [ax, ay] = {
    right: [1, 0],
    left: [-1, 0],
    up: [0, 1],
    down: [0, -1],
  }[direction] as [number, number];
  let best: AreaPoint | null = null;
  let bestScore = Infinity;
  for (const p of points) {
    if (p.code === from.code) continue;
    const dx = p.lng - from.lng;
    const dy = p.lat - from.lat;
    const along = dx * ax + dy * ay;
    if (along <= 0) continue;
    const aside = Math.abs(dx * ay - dy * ax);
    // Within 60° either side of the arrow; beyond that the other arrow is the natural key.
    if (aside > along * 1.75) continue;
    const score = along + aside * 2;
    if (score < bestScore) {
      bestScore = score;
      best = p;
    }
  }
  return best;
}
