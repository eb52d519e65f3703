/**
 * Fixed map classes for prevalence where WHO has published thresholds of public-health
 * significance, so that a map of one kabupaten and a map of another use the same colours for the
 * same figure: de Onis M. et al., "Prevalence thresholds for wasting, overweight and stunting in
 * children under 5 years", Public Health Nutrition 22(1):175–179, 2019 (WHO–UNICEF Technical
 * Advisory Group). Other indicators use classes drawn from the figures themselves.
 */

type Words = { id: string; en: string };

const names: Words[] = [
  { id: 'sangat rendah', en: 'very low' },
  { id: 'rendah', en: 'low' },
  { id: 'sedang', en: 'medium' },
  { id: 'tinggi', en: 'high' },
  { id: 'sangat tinggi', en: 'very high' },
];

/** Bounds in percent, lowest first, and the five WHO names. */
export interface ThresholdClasses {
  bounds: readonly number[];
  names: readonly Words[];
}

const thresholds: Record<string, ThresholdClasses> = {
  // Stunting: < 2.5 very low, 2.5–< 10 low, 10–< 20 medium, 20–< 30 high, ≥ 30 very high.
  stunting: { bounds: [2.5, 10, 20, 30], names },
  // Wasting and overweight: < 2.5, 2.5–< 5, 5–< 10, 10–< 15, ≥ 15.
  wasting: { bounds: [2.5, 5, 10, 15], names },
  overweight: { bounds: [2.5, 5, 10, 15], names },
};

/** The WHO classes of an indicator, or null where WHO gives none. */
export function prevalenceBreaks(indicator: string): ThresholdClasses | null {
  return thresholds[indicator] ?? null;
}
