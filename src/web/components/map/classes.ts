/**
 * Colour classes of a choropleth (pure). A map is read by its legend, so the classes are few
 * (at most five), their bounds are round numbers, and "darker = worse" whatever the indicator's
 * direction: for a `higher_is_better` figure (weighing coverage) the lowest class is the darkest.
 * Areas without a figure get their own colours, never the lightest class: "no data" is grey,
 * "too few children to publish" grey with hatching (DHIS2 maps' careful no-data handling,
 * research/anchors.md §5).
 */

/** Whether a high or a low value is the good one (the indicator catalogue's `direction`). */
export type Direction = 'lower_is_better' | 'higher_is_better';

/** ColorBrewer YlOrRd (colour-blind safe, prints in grey), lightest first, per class count. */
const palettes: Record<number, readonly string[]> = {
  1: ['#fd8d3c'],
  2: ['#fecc5c', '#e31a1c'],
  3: ['#ffeda0', '#feb24c', '#f03b20'],
  4: ['#ffffb2', '#fecc5c', '#fd8d3c', '#e31a1c'],
  5: ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'],
};

/** Fill of an area with no figure for the period. */
export const noDataColor = '#d5dadd';
/** Fill of an area whose figure is suppressed (small numbers); drawn with hatching. */
export const suppressedColor = '#eef0f1';

/** The classes of one map: ascending inner bounds and one colour per class (breaks + 1). */
export interface ColorClasses {
  /** Inner bounds, ascending: value < breaks[0] is class 0, breaks[i-1] ≤ value < breaks[i] class i. */
  readonly breaks: readonly number[];
  /** One colour per class, in the order of the classes (low values first). */
  readonly colors: readonly string[];
}

/** A step of 1, 2, 2.5 or 5 × 10^k near `rough`: bounds a reader takes in at a glance. */
function niceStep(rough: number): number {
  if (!(rough > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(rough));
  const scaled = rough / power;
  const nice = scaled <= 1 ? 1 : scaled <= 2 ? 2 : scaled <= 2.5 ? 2.5 : scaled <= 5 ? 5 : 10;
  return nice * power;
}

/** The value at quantile q (0–1) of sorted values, linear between neighbours. */
function quantile(sorted: readonly number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (at - low);
}

/**
 * Class bounds from the values themselves: quantiles (so every class holds some areas), each
 * rounded to a nice step of the value range, duplicates dropped. Fewer distinct values give
 * fewer classes; a single value gives one class.
 */
export function quantileBreaks(values: readonly number[], classCount = 5): number[] {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length < 2) return [];
  const min = sorted[0]!;
  const max = sorted.at(-1)!;
  if (min === max) return [];
  const count = Math.min(classCount, new Set(sorted).size);
  const step = niceStep((max - min) / (count * 2));
  const breaks: number[] = [];
  for (let i = 1; i < count; i++) {
    const bound = Math.round(quantile(sorted, i / count) / step) * step;
    // Rounding can push a bound to the ends of the range, which would leave a class empty.
    if (bound > min && bound <= max && !breaks.some((b) => Math.abs(b - bound) < step / 2)) {
      breaks.push(Number(bound.toPrecision(12)));
    }
  }
  return breaks.sort((a, b) => a - b);
}

/** Colours for the given bounds and direction; at most five classes (extra bounds are an error). */
export function colorClasses(breaks: readonly number[], direction: Direction): ColorClasses {
  const sorted = [...breaks].sort((a, b) => a - b);
  const palette = palettes[sorted.length + 1];
  if (!palette) throw new RangeError(`a map has 1–5 classes, got ${sorted.length + 1}`);
  const colors = direction === 'lower_is_better' ? [...palette] : [...palette].reverse();
  return { breaks: sorted, colors };
}

/** Index of the class a value falls in. */
export function classIndex(value: number, classes: ColorClasses): number {
  let index = 0;
  while (index < classes.breaks.length && value >= classes.breaks[index]!) index++;
  return index;
}

/** Fill colour of an area: its class colour, or the no-data / suppressed colour. */
export function areaColor(
  value: number | null,
  suppressed: boolean,
  classes: ColorClasses,
): string {
  if (value === null) return suppressed ? suppressedColor : noDataColor;
  return classes.colors[classIndex(value, classes)]!;
}

/** The lower and upper bound of each class (null at the open ends), for the legend. */
export function classRanges(
  classes: ColorClasses,
): { lower: number | null; upper: number | null; color: string }[] {
  return classes.colors.map((color, i) => ({
    lower: i === 0 ? null : classes.breaks[i - 1]!,
    upper: i === classes.breaks.length ? null : classes.breaks[i]!,
    color,
  }));
}
