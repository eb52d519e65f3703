import { describe, expect, it } from 'vitest';
import {
  areaPoint,
  aspectScale,
  boundingBox,
  drawnAspect,
  neighbourInDirection,
  type AreaPoint,
} from './geometry.ts';

const square = (lng: number, lat: number, size = 1) => ({
  type: 'Polygon',
  coordinates: [
    [
      [lng, lat],
      [lng + size, lat],
      [lng + size, lat + size],
      [lng, lat + size],
      [lng, lat],
    ],
  ],
});

describe('map geometry', () => {
  it('boxes polygons and multipolygons together', () => {
    const multi = { type: 'MultiPolygon', coordinates: [square(130, -4).coordinates] };
    expect(boundingBox([square(120, -10), multi])).toEqual({
      minLng: 120,
      minLat: -10,
      maxLng: 131,
      maxLat: -3,
    });
    expect(boundingBox([null, { type: 'Point', coordinates: [1, 2] }])).toBeNull();
  });

  it('draws NTT wide: about 2.4 times as wide as high', () => {
    const ntt = { minLng: 118.9, minLat: -11.0, maxLng: 125.2, maxLat: -8.1 };
    expect(aspectScale(ntt)).toBeCloseTo(0.986, 3);
    expect(drawnAspect(ntt)).toBeCloseTo(2.14, 1);
    // A sliver is clamped so the map stays readable.
    expect(drawnAspect({ minLng: 0, minLat: 0, maxLng: 100, maxLat: 1 })).toBe(4);
  });

  it('takes the label point when the file has one, else the middle of the box', () => {
    expect(areaPoint('5301', 123.8, -9.9, square(0, 0))).toEqual({
      code: '5301',
      lng: 123.8,
      lat: -9.9,
    });
    expect(areaPoint('5302', null, null, square(10, 20, 2))).toEqual({
      code: '5302',
      lng: 11,
      lat: 21,
    });
    expect(areaPoint('5303', null, null, null)).toBeNull();
  });

  it('moves with the arrow keys to the nearest area in that direction', () => {
    //   N
    // a . b
    // . c . d
    const points: AreaPoint[] = [
      { code: 'a', lng: 0, lat: 2 },
      { code: 'b', lng: 2, lat: 2 },
      { code: 'c', lng: 1, lat: 1 },
      { code: 'd', lng: 3, lat: 1 },
    ];
    const at = (code: string) => points.find((p) => p.code === code)!;
    expect(neighbourInDirection(points, at('a'), 'right')?.code).toBe('b');
    expect(neighbourInDirection(points, at('c'), 'right')?.code).toBe('d');
    expect(neighbourInDirection(points, at('c'), 'up')?.code).toMatch(/^[ab]$/);
    expect(neighbourInDirection(points, at('b'), 'down')?.code).toBe('c');
    expect(neighbourInDirection(points, at('a'), 'left')).toBeNull();
    expect(neighbourInDirection(points, at('a'), 'up')).toBeNull();
  });
});
