import { describe, expect, it } from 'vitest';
import { dateParts, dayNumber, dayOfMonth, isoDate, monthIndexOf } from './calendar.ts';
import { demoId, demoIdPrefix, isDemoId } from './ids.ts';
import { normalQuantile } from './normal.ts';
import { DemoRandom, mixKeys } from './random.ts';

describe('DemoRandom', () => {
  it('is deterministic per key and differs between keys', () => {
    const draw = (...keys: number[]) => {
      const r = new DemoRandom(...keys);
      return Array.from({ length: 5 }, () => r.nextUint32());
    };
    expect(draw(1, 3, 42)).toEqual(draw(1, 3, 42));
    expect(draw(1, 3, 42)).not.toEqual(draw(1, 3, 43));
    expect(draw(1, 3, 42)).not.toEqual(draw(2, 3, 42));
    expect(mixKeys(1, 2 ** 40)).not.toBe(mixKeys(1, 0));
  });

  it('draws uniform and standard normal values', () => {
    const r = new DemoRandom(9);
    const n = 100_000;
    let sum = 0;
    let sumSq = 0;
    let below = 0;
    let uniformSum = 0;
    for (let i = 0; i < n; i++) {
      const z = r.normal();
      sum += z;
      sumSq += z * z;
      if (z < -2) below += 1;
      uniformSum += r.next();
    }
    expect(sum / n).toBeCloseTo(0, 1);
    expect(Math.sqrt(sumSq / n)).toBeCloseTo(1, 1);
    expect(below / n).toBeCloseTo(0.0228, 2);
    expect(uniformSum / n).toBeCloseTo(0.5, 2);
  });

  it('permutes', () => {
    const p = new DemoRandom(3).permutation(100);
    expect([...p].sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect([...p]).not.toEqual(Array.from({ length: 100 }, (_, i) => i));
  });
});

describe('normalQuantile', () => {
  it('matches known quantiles', () => {
    expect(normalQuantile(0.5)).toBeCloseTo(0, 9);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.0228)).toBeCloseTo(-1.999077, 4);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232, 5);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1.5)).toBeNaN();
  });
});

describe('calendar', () => {
  it('converts between ISO dates, day numbers and months', () => {
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(isoDate(dayNumber('2024-02-29'))).toBe('2024-02-29');
    expect(() => dayNumber('2024-02-30')).toThrow();
    const march = monthIndexOf(dayNumber('2025-03-31'));
    expect(isoDate(dayOfMonth(march, 5))).toBe('2025-03-05');
    expect(isoDate(dayOfMonth(march + 10, 25))).toBe('2026-01-25');
    expect(dateParts(dayNumber('2025-12-07'))).toEqual({ year: 2025, month: 12, day: 7 });
  });
});

describe('demo ids', () => {
  it('are version-8 UUIDs, ascending by sequence, distinct per kind and seed', () => {
    const prefix = demoIdPrefix('child', 1);
    const a = demoId(prefix, 1);
    const b = demoId(prefix, 2 ** 50 + 7);
    expect(a).toMatch(/^[0-9a-f]{8}-0000-8000-8[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(isDemoId(a) && isDemoId(b)).toBe(true);
    expect(a < b).toBe(true);
    expect(demoIdPrefix('child', 2)).not.toBe(prefix);
    expect(demoIdPrefix('measurement', 1)).not.toBe(prefix);
    expect(isDemoId('0f8fad5b-d9cb-469f-a165-70867728950e')).toBe(false);
  });
});
