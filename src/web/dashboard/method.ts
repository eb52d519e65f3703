/**
 * The small-number rule in force, in words, for "Cara menghitung" (how this is computed) and the
 * note at the top of the dashboard (docs/indicators.md §6). What each indicator counts comes
 * with the indicator itself from /api/dashboard/meta (core/indicators/dashboard.ts).
 */
import type { MessageKey } from '../i18n/language.ts';

/** The public small-number rule's id (src/core/indicators/suppression.ts). */
export const publicPolicyId = 'public_child_figures_min5';

/** The sentence that names the small-number rule applied to a response. */
export function policyKey(policy: string): MessageKey {
  if (policy === publicPolicyId) return 'dashboard.policyPublic';
  if (policy === 'internal_no_suppression') return 'dashboard.policyInternal';
  return 'dashboard.policyOther';
}
