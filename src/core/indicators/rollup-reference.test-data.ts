import { parsePeriod } from './period.ts';
import { ageGroupOf, nutritionCountsByCell } from './prevalence.ts';
import type { RollupMeasurement } from './rollup-cells.ts';
import { weighingCountsByCell } from './weighing.ts';

/**
 * The rollup counts of measurements from the per-period definitions (prevalence.ts,
 * weighing.ts), period by period: the reference addChildRollupCells and the stored rollups are
 * checked against. Keyed posyandu|kind|period|desa|sex|age group, counts in rollupCountNames order.
 */
export function referenceRollupCells(rows: readonly RollupMeasurement[]): Map<string, number[]> {
  const periods = new Set<string>();
  for (const m of rows) {
    periods.add(m.measuredOn.slice(0, 7));
    periods.add(`${m.measuredOn.slice(0, 4)}-Q${Math.ceil(Number(m.measuredOn.slice(5, 7)) / 3)}`);
    periods.add(m.measuredOn.slice(0, 4));
  }
  const out = new Map<string, number[]>();
  const cellOf = (m: RollupMeasurement) =>
    `${m.posyanduId}|${m.regionCode}|${m.sex}|${ageGroupOf(m.ageDays)}`;
  for (const text of periods) {
    const period = parsePeriod(text)!;
    const nutrition = nutritionCountsByCell(rows, period, cellOf);
    const weighing = weighingCountsByCell(rows, period, cellOf);
    for (const cell of new Set([...nutrition.keys(), ...weighing.keys()])) {
      const n = nutrition.get(cell);
      const w = weighing.get(cell);
      const [posyanduId, region, sex, ageGroup] = cell.split('|');
      const z = (id: keyof NonNullable<typeof n>, part: 'numerator' | 'denominator') =>
        n?.[id][part] ?? 0;
      out.set(`${posyanduId}|${period.kind}|${text}|${region}|${sex}|${ageGroup}`, [
        w?.measured ?? 0,
        w?.weighed ?? 0,
        z('stunting', 'denominator'),
        z('stunting', 'numerator'),
        z('severe_stunting', 'numerator'),
        z('wasting', 'denominator'),
        z('wasting', 'numerator'),
        z('severe_wasting', 'numerator'),
        z('overweight', 'numerator'),
        z('underweight', 'denominator'),
        z('underweight', 'numerator'),
        z('severe_underweight', 'numerator'),
        w?.gained ?? 0,
        w?.notGained ?? 0,
        w?.notWeighedLastMonth ?? 0,
        w?.firstWeighing ?? 0,
        w?.notGainedTwice ?? 0,
      ]);
    }
  }
  return out;
}
