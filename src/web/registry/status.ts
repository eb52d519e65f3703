/**
 * How a growth status is shown: a tone (ok / warning / danger) for colour and icon, and the
 * words — the Permenkes 2/2020 labels from core/growth/classification. Imported directly (not via
 * core/growth/index.ts) so that pages that only show statuses, like the follow-up list, do not
 * load the WHO tables; the live computation is in ./live-status.ts.
 */
import type { Lang } from '../../core/errors.ts';
import {
  categoryLabel as permenkesLabel,
  type PermenkesIndex,
} from '../../core/growth/classification.ts';
import { translate, type MessageKey, type Translate } from '../i18n/language.ts';
import type { MeasurementView } from './api.ts';

/** A measurement's status, exactly the shape the server sends (contract growthStatusSchema). */
export type GrowthStatus = MeasurementView['status'];
export type IndexStatus = GrowthStatus['heightForAge'];
export type GrowthIndex = 'heightForAge' | 'weightForAge' | 'weightForHeight';

/** The live status while typing, plus which entered values the engine finds implausible. */
export interface LiveStatus extends GrowthStatus {
  /** Form fields whose value gives an implausible z-score (weightKg, heightCm, headCm, muacCm). */
  implausibleFields: ('weightKg' | 'heightCm' | 'headCm' | 'muacCm')[];
}

/** ok: within the normal range; warning: moderate or risk; danger: severe (refer). */
export type Tone = 'ok' | 'warning' | 'danger' | 'neutral';

/**
 * Colour and icon of each Permenkes 2/2020 category code (labels come from the core). The two
 * severe categories of each index are the referral ones (core/registry/referral.ts).
 */
const tones: Record<string, Tone> = {
  severely_stunted: 'danger',
  stunted: 'warning',
  normal: 'ok',
  tall: 'ok',
  severely_underweight: 'danger',
  underweight: 'warning',
  risk_of_overweight: 'warning',
  severely_wasted: 'danger',
  wasted: 'warning',
  possible_risk_of_overweight: 'warning',
  overweight: 'warning',
  obese: 'danger',
};

export function categoryTone(code: string | null): Tone {
  if (code === null) return 'neutral';
  return tones[code] ?? 'neutral';
}

/** A severe category: gizi buruk, BB sangat kurang, sangat pendek — a reason to refer. */
export function isSevere(code: string | null): boolean {
  return (
    code === 'severely_stunted' || code === 'severely_underweight' || code === 'severely_wasted'
  );
}

const permenkesIndex: Record<GrowthIndex, PermenkesIndex> = {
  heightForAge: 'pb_tb_u',
  weightForAge: 'bb_u',
  weightForHeight: 'bb_pb_tb',
};

/**
 * The category's Permenkes 2/2020 label in the user's language, from the core: "Pendek"
 * (PB/U–TB/U), "Gizi baik" (BB/PB–BB/TB), "Berat badan kurang" (BB/U).
 */
export function categoryLabel(index: GrowthIndex, code: string | null, lang: Lang): string {
  if (code === null) return '—';
  return permenkesLabel(permenkesIndex[index], code as never, lang);
}

const gainKeys: Record<string, MessageKey> = {
  N: 'status.gainN',
  T: 'status.gainT',
  O: 'status.gainO',
  B: 'status.gainB',
};

/** Message key of a weight-gain code N/T/O/B. */
export function gainKey(gain: string): MessageKey {
  return gainKeys[gain] ?? 'common.none';
}

export function gainTone(gain: string | null): Tone {
  if (gain === 'N') return 'ok';
  if (gain === 'T') return 'warning';
  return 'neutral';
}

/**
 * One line for a toast or a screen reader: "Pendek · Gizi baik · BB naik". Height-for-age and
 * weight-for-height always; weight-for-age only when it is not normal; then the weight gain.
 */
export function statusSummaryText(status: GrowthStatus, lang: Lang): string {
  const parts: string[] = [];
  if (status.heightForAge.category)
    parts.push(
      status.heightForAge.implausible
        ? translate('status.implausibleShort', undefined, lang)
        : categoryLabel('heightForAge', status.heightForAge.category, lang),
    );
  if (status.weightForHeight.category)
    parts.push(categoryLabel('weightForHeight', status.weightForHeight.category, lang));
  if (status.weightForAge.category && categoryTone(status.weightForAge.category) !== 'ok')
    parts.push(categoryLabel('weightForAge', status.weightForAge.category, lang));
  if (status.twoT) parts.push(translate('status.twoT', undefined, lang));
  else if (status.weightGain) parts.push(translate(gainKey(status.weightGain), undefined, lang));
  return parts.join(' · ');
}

/** "15 bulan": the kader counts age in completed months, as on the KMS. */
export function ageText(months: number, t: Translate): string {
  return Number.isFinite(months) && months >= 0
    ? t('registry.ageMonths', { months: String(months) })
    : '—';
}
