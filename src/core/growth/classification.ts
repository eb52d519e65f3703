/**
 * Nutritional status categories of Permenkes No. 2/2020 (Standar Antropometri Anak), Tabel
 * "Kategori dan Ambang Batas Status Gizi Anak" for children 0–60 months, with the Indonesian
 * labels of the regulation and English equivalents. Thresholds apply to the z-score rounded to
 * 2 decimals as anthro returns it (./zscores.ts): −2.00 is normal, −2.01 is stunted.
 *
 * Source note: the table is transcribed from secondary copies of Permenkes 2/2020 (two agree;
 * /work/shared/research/anchors.md §2.2); WHO's own cut-offs (stunting < −2, severe < −3,
 * wasting < −2, overweight > +2, obesity > +3) give the same booleans.
 */
import type { Lang } from '../errors.ts';
import type { GrowthZScores, ZScore } from './zscores.ts';

/** BB/U (berat badan menurut umur), weight-for-age. */
export type WeightForAgeCategory =
  'severely_underweight' | 'underweight' | 'normal' | 'risk_of_overweight';

/** PB/U–TB/U (panjang/tinggi badan menurut umur), length/height-for-age. */
export type HeightForAgeCategory = 'severely_stunted' | 'stunted' | 'normal' | 'tall';

/** BB/PB–BB/TB and IMT/U (0–60 months): weight-for-length/height and BMI-for-age. */
export type WeightForHeightCategory =
  'severely_wasted' | 'wasted' | 'normal' | 'possible_risk_of_overweight' | 'overweight' | 'obese';

/** The four Permenkes 2/2020 indices for children 0–60 months. */
export type PermenkesIndex = 'bb_u' | 'pb_tb_u' | 'bb_pb_tb' | 'imt_u';

/**
 * BB/U: sangat kurang < −3; kurang −3 to < −2; normal −2 to +1; risiko berat badan lebih > +1.
 * Null for a missing z.
 */
export function classifyWeightForAge(z: number | null | undefined): WeightForAgeCategory | null {
  if (z === null || z === undefined || !(z === z)) return null;
  if (z < -3) return 'severely_underweight';
  if (z < -2) return 'underweight';
  if (z <= 1) return 'normal';
  return 'risk_of_overweight';
}

/** PB/U–TB/U: sangat pendek < −3; pendek −3 to < −2; normal −2 to +3; tinggi > +3. */
export function classifyHeightForAge(z: number | null | undefined): HeightForAgeCategory | null {
  if (z === null || z === undefined || !(z === z)) return null;
  if (z < -3) return 'severely_stunted';
  if (z < -2) return 'stunted';
  if (z <= 3) return 'normal';
  return 'tall';
}

/**
 * BB/PB–BB/TB: gizi buruk < −3; gizi kurang −3 to < −2; gizi baik −2 to +1; berisiko gizi lebih
 * > +1 to +2; gizi lebih > +2 to +3; obesitas > +3. ("Gizi buruk" is this index, not BB/U.)
 */
export function classifyWeightForLength(
  z: number | null | undefined,
): WeightForHeightCategory | null {
  if (z === null || z === undefined || !(z === z)) return null;
  if (z < -3) return 'severely_wasted';
  if (z < -2) return 'wasted';
  if (z <= 1) return 'normal';
  if (z <= 2) return 'possible_risk_of_overweight';
  if (z <= 3) return 'overweight';
  return 'obese';
}

/** IMT/U for 0–60 months: the same categories and thresholds as BB/PB–BB/TB. */
export function classifyBmiForAge(z: number | null | undefined): WeightForHeightCategory | null {
  return classifyWeightForLength(z);
}

type Labels<C extends string> = Record<C, Record<Lang, string>>;

/** Labels of Permenkes 2/2020 (id) and their usual English terms (en), per index and category. */
export const CATEGORY_LABELS: {
  bb_u: Labels<WeightForAgeCategory>;
  pb_tb_u: Labels<HeightForAgeCategory>;
  bb_pb_tb: Labels<WeightForHeightCategory>;
  imt_u: Labels<WeightForHeightCategory>;
} = {
  bb_u: {
    severely_underweight: { id: 'Berat badan sangat kurang', en: 'Severely underweight' },
    underweight: { id: 'Berat badan kurang', en: 'Underweight' },
    normal: { id: 'Berat badan normal', en: 'Normal weight' },
    risk_of_overweight: { id: 'Risiko berat badan lebih', en: 'Risk of overweight' },
  },
  pb_tb_u: {
    severely_stunted: { id: 'Sangat pendek', en: 'Severely stunted' },
    stunted: { id: 'Pendek', en: 'Stunted' },
    normal: { id: 'Normal', en: 'Normal height' },
    tall: { id: 'Tinggi', en: 'Tall' },
  },
  bb_pb_tb: {
    severely_wasted: { id: 'Gizi buruk', en: 'Severely wasted' },
    wasted: { id: 'Gizi kurang', en: 'Wasted' },
    normal: { id: 'Gizi baik', en: 'Normal weight-for-height' },
    possible_risk_of_overweight: { id: 'Berisiko gizi lebih', en: 'Possible risk of overweight' },
    overweight: { id: 'Gizi lebih', en: 'Overweight' },
    obese: { id: 'Obesitas', en: 'Obese' },
  },
  imt_u: {
    severely_wasted: { id: 'Gizi buruk', en: 'Severely wasted' },
    wasted: { id: 'Gizi kurang', en: 'Wasted' },
    normal: { id: 'Gizi baik', en: 'Normal BMI-for-age' },
    possible_risk_of_overweight: { id: 'Berisiko gizi lebih', en: 'Possible risk of overweight' },
    overweight: { id: 'Gizi lebih', en: 'Overweight' },
    obese: { id: 'Obesitas', en: 'Obese' },
  },
};

/** Names of the indices as Permenkes 2/2020 and the KMS write them. */
export const INDEX_LABELS: Record<PermenkesIndex, Record<Lang, string>> = {
  bb_u: { id: 'BB/U', en: 'Weight-for-age' },
  pb_tb_u: { id: 'PB/U atau TB/U', en: 'Length/height-for-age' },
  bb_pb_tb: { id: 'BB/PB atau BB/TB', en: 'Weight-for-length/height' },
  imt_u: { id: 'IMT/U', en: 'BMI-for-age' },
};

/** The label of a category in Indonesian (default) or English. */
export function categoryLabel<I extends PermenkesIndex>(
  index: I,
  category: keyof (typeof CATEGORY_LABELS)[I],
  lang: Lang = 'id',
): string {
  const labels = CATEGORY_LABELS[index] as Record<string, Record<Lang, string>>;
  return labels[category as string]?.[lang] ?? String(category);
}

/** One child's status: categories per index and the headline conditions. */
export interface NutritionStatus {
  weightForAge: WeightForAgeCategory | null;
  heightForAge: HeightForAgeCategory | null;
  weightForLengthHeight: WeightForHeightCategory | null;
  bmiForAge: WeightForHeightCategory | null;
  /** zlen < −2 (pendek + sangat pendek). */
  stunting: boolean | null;
  /** zlen < −3. */
  severeStunting: boolean | null;
  /** zwfl < −2 (gizi kurang + gizi buruk). */
  wasting: boolean | null;
  /** zwfl < −3 (gizi buruk). */
  severeWasting: boolean | null;
  /** zwei < −2. */
  underweight: boolean | null;
  /** zwfl > +2 (gizi lebih + obesitas; WHO "overweight" includes obesity). */
  overweight: boolean | null;
  /** zwfl > +3. */
  obesity: boolean | null;
  /** Some z-score was flagged biologically implausible: its categories are null (check the data). */
  implausible: boolean;
}

/** A z-score that may be classified: present and not flagged implausible. */
function usable(s: ZScore | null): number | null {
  return s === null || s.implausible ? null : s.z;
}

/**
 * Categories and conditions of one measurement. Null means "cannot say": z-score missing, or
 * flagged implausible (like anthro's prevalence, which leaves flagged z-scores out). With
 * oedema the weight-based z-scores are missing, but as in anthro's prevalence (auxiliary z
 * −3.1) the child counts as below −3 SD: gizi buruk, wasting, severe wasting, underweight.
 */
export function nutritionStatus(r: GrowthZScores): NutritionStatus {
  const zlen = usable(r.heightForAge);
  const oedema = r.oedema && r.error === null;
  const zwei = oedema ? -3.1 : usable(r.weightForAge);
  const zwfl = oedema ? -3.1 : usable(r.weightForLengthHeight);
  const zbmi = oedema ? -3.1 : usable(r.bmiForAge);
  const below = (z: number | null, limit: number): boolean | null =>
    z === null ? null : z < limit;
  const above = (z: number | null, limit: number): boolean | null =>
    z === null ? null : z > limit;
  return {
    weightForAge: classifyWeightForAge(zwei),
    heightForAge: classifyHeightForAge(zlen),
    weightForLengthHeight: classifyWeightForLength(zwfl),
    bmiForAge: classifyBmiForAge(zbmi),
    stunting: below(zlen, -2),
    severeStunting: below(zlen, -3),
    wasting: below(zwfl, -2),
    severeWasting: below(zwfl, -3),
    underweight: below(zwei, -2),
    overweight: above(zwfl, 2),
    obesity: above(zwfl, 3),
    implausible: [
      r.heightForAge,
      r.weightForAge,
      r.weightForLengthHeight,
      r.bmiForAge,
      r.headCircumferenceForAge,
      r.armCircumferenceForAge,
      r.tricepsSkinfoldForAge,
      r.subscapularSkinfoldForAge,
    ].some((s) => s?.implausible === true),
  };
}
