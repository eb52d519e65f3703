/**
 * The words of "Cara menghitung" (how this is computed) for each indicator: what the numerator
 * and the denominator count (docs/indicators.md §2–3), and the small-number rule in force.
 */
import type { MessageKey } from '../i18n/language.ts';

/** Numerator and denominator words of the known indicators (catalogue ids). */
export const indicatorTerms: Record<string, { numerator: MessageKey; denominator: MessageKey }> = {
  stunting: { numerator: 'dashboard.num.stunting', denominator: 'dashboard.den.haz' },
  severe_stunting: { numerator: 'dashboard.num.severe_stunting', denominator: 'dashboard.den.haz' },
  wasting: { numerator: 'dashboard.num.wasting', denominator: 'dashboard.den.whz' },
  severe_wasting: { numerator: 'dashboard.num.severe_wasting', denominator: 'dashboard.den.whz' },
  underweight: { numerator: 'dashboard.num.underweight', denominator: 'dashboard.den.waz' },
  severe_underweight: {
    numerator: 'dashboard.num.severe_underweight',
    denominator: 'dashboard.den.waz',
  },
  overweight: { numerator: 'dashboard.num.overweight', denominator: 'dashboard.den.whz' },
  weighing_coverage: {
    numerator: 'dashboard.num.weighing_coverage',
    denominator: 'dashboard.den.weighing_coverage',
  },
  weight_gain: { numerator: 'dashboard.num.weight_gain', denominator: 'dashboard.den.weight_gain' },
};

/** The public small-number rule's id (src/core/indicators/suppression.ts). */
export const publicPolicyId = 'public_child_figures_min5';

/** The sentence that names the small-number rule applied to a response. */
export function policyKey(policy: string): MessageKey {
  if (policy === publicPolicyId) return 'dashboard.policyPublic';
  if (policy === 'internal_no_suppression') return 'dashboard.policyInternal';
  return 'dashboard.policyOther';
}
