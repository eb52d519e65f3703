/**
 * When a child must be referred to the puskesmas (Buku KIA 2023 and Permenkes 2/2020): not gaining
 * weight twice in a row (2T), severe wasting (gizi buruk), severely underweight (below the red line
 * of the KMS), severe stunting, or bilateral pitting oedema. Reasons are stable codes; labels below.
 */
export type ReferralReason =
  'two_t' | 'severely_wasted' | 'severely_underweight' | 'severely_stunted' | 'oedema';

export function referralReasons(latest: {
  heightForAge: string | null;
  weightForAge: string | null;
  weightForHeight: string | null;
  twoT: boolean;
  oedema: boolean;
}): ReferralReason[] {
  const reasons: ReferralReason[] = [];
  if (latest.twoT) reasons.push('two_t');
  if (latest.oedema) reasons.push('oedema');
  if (latest.weightForHeight === 'severely_wasted') reasons.push('severely_wasted');
  if (latest.weightForAge === 'severely_underweight') reasons.push('severely_underweight');
  if (latest.heightForAge === 'severely_stunted') reasons.push('severely_stunted');
  return reasons;
}

export const referralReasonLabels: Record<ReferralReason, { id: string; en: string }> = {
  two_t: {
    id: 'Berat badan tidak naik 2 kali berturut-turut (2T)',
    en: 'No weight gain twice in a row (2T)',
  },
  oedema: { id: 'Edema (bengkak) kedua kaki', en: 'Bilateral pitting oedema' },
  severely_wasted: { id: 'Gizi buruk (BB/TB < −3 SD)', en: 'Severe wasting (WHZ < −3)' },
  severely_underweight: {
    id: 'Berat badan sangat kurang (BB/U < −3 SD)',
    en: 'Severely underweight (WAZ < −3)',
  },
  severely_stunted: { id: 'Sangat pendek (TB/U < −3 SD)', en: 'Severely stunted (HAZ < −3)' },
};
