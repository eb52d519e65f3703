import { describe, expect, it } from 'vitest';
import {
  areaColor,
  classIndex,
  classRanges,
  colorClasses,
  noDataColor,
  quantileBreaks,
  suppressedColor,
} from './classes.ts';

describe('choropleth classes', () => {
  it('puts a value on a bound into the upper class (half-open classes)', () => {
    const classes = colorClasses([10, 20, 30], 'lower_is_better');
    expect(classIndex(9.99, classes)).toBe(0);
    expect(classIndex(10, classes)).toBe(1);
    expect(classIndex(29.9, classes)).toBe(2);
    expect(classIndex(30, classes)).toBe(3);
    expect(classIndex(95, classes)).toBe(3);
  });

  it('makes the worst class the darkest whatever the direction', () => {
    const bad = colorClasses([10, 20], 'lower_is_better');
    const good = colorClasses([10, 20], 'higher_is_better');
    // High stunting and low coverage share the darkest colour.
    expect(areaColor(35, false, bad)).toBe(areaColor(5, false, good));
    expect(areaColor(5, false, bad)).toBe(areaColor(35, false, good));
    expect(areaColor(5, false, bad)).not.toBe(areaColor(35, false, bad));
  });

  it('colours missing and suppressed figures apart from every class', () => {
    const classes = colorClasses([2.5, 10, 20, 30], 'lower_is_better');
    expect(areaColor(null, false, classes)).toBe(noDataColor);
    expect(areaColor(null, true, classes)).toBe(suppressedColor);
    expect(classes.colors).not.toContain(noDataColor);
    expect(classes.colors).not.toContain(suppressedColor);
  });

  it('refuses more than five classes', () => {
    expect(() => colorClasses([1, 2, 3, 4, 5], 'lower_is_better')).toThrow(/1–5 classes/);
  });

  it('derives round quantile bounds that leave no class empty', () => {
    const values = [12.3, 14.8, 17.1, 19.9, 22.4, 24.0, 26.6, 28.1, 31.5, 35.2, 38.7, 41.0];
    const breaks = quantileBreaks(values, 5);
    expect(breaks.length).toBe(4);
    for (const b of breaks) expect(Number.isInteger(b / 2.5) || Number.isInteger(b)).toBe(true);
    const classes = colorClasses(breaks, 'lower_is_better');
    const used = new Set(values.map((v) => classIndex(v, classes)));
    expect(used.size).toBe(breaks.length + 1);
  });

  it('gives fewer classes for few distinct values, none for one', () => {
    expect(quantileBreaks([5, 5, 5])).toEqual([]);
    expect(quantileBreaks([7])).toEqual([]);
    expect(quantileBreaks([1, 9]).length).toBe(1);
  });

  it('labels the open ends of the first and last class', () => {
    const ranges = classRanges(colorClasses([10, 20], 'lower_is_better'));
    expect(ranges.map((r) => [r.lower, r.upper])).toEqual([
      [null, 10],
      [10, 20],
      [20, null],
    ]);
  });
});
