/**
 * Words of AKI-AKB screens that depend on a value: the kind of death, a status, a place, a cause
 * group (from core/deaths/cause-groups.ts, which carries both languages), a rate with its
 * interval. Kept in one place so that every screen says the same thing.
 */
import { causeGroupsByCode, maternalConditionGroups } from '../../core/deaths/cause-groups.ts';
import type {
  DeathKind,
  FacilityType,
  MaternalTiming,
  PlaceOfDeath,
  StillbirthTiming,
} from '../../core/deaths/case.ts';
import type { CaseStatus, VoidReason, WorkflowAction } from '../../core/deaths/workflow.ts';
import { formatNumber } from '../i18n/format.ts';
import type { Lang, MessageKey, Translate } from '../i18n/language.ts';
import type { DeathSummary, Rate } from './api.ts';

export const kindKeys: Record<DeathKind, MessageKey> = {
  maternal: 'deaths.kindMaternal',
  stillbirth: 'deaths.kindStillbirth',
  neonatal: 'deaths.kindNeonatal',
  postneonatal: 'deaths.kindPostneonatal',
  child: 'deaths.kindChild',
};

export const statusKeys: Record<CaseStatus, MessageKey> = {
  notified: 'deaths.statusNotified',
  verified: 'deaths.statusVerified',
  reviewed: 'deaths.statusReviewed',
  recommended: 'deaths.statusRecommended',
  closed: 'deaths.statusClosed',
  void: 'deaths.statusVoid',
};

export const actionKeys: Record<WorkflowAction, MessageKey> = {
  verify: 'deaths.actionVerify',
  review: 'deaths.actionReview',
  recommend: 'deaths.actionRecommend',
  close: 'deaths.actionClose',
  void: 'deaths.actionVoid',
};

export const placeKeys: Record<PlaceOfDeath, MessageKey> = {
  home: 'deaths.placeHome',
  facility: 'deaths.placeFacility',
  on_the_way: 'deaths.placeOnTheWay',
  other: 'deaths.placeOther',
};

export const facilityKeys: Record<FacilityType, MessageKey> = {
  hospital: 'deaths.facilityHospital',
  puskesmas: 'deaths.facilityPuskesmas',
  clinic: 'deaths.facilityClinic',
  midwife_practice: 'deaths.facilityMidwife',
  other: 'deaths.facilityOther',
};

export const maternalTimingKeys: Record<MaternalTiming, MessageKey> = {
  pregnancy: 'deaths.timingPregnancy',
  delivery: 'deaths.timingDelivery',
  postpartum: 'deaths.timingPostpartum',
};

export const stillbirthTimingKeys: Record<StillbirthTiming, MessageKey> = {
  antepartum: 'deaths.antepartum',
  intrapartum: 'deaths.intrapartum',
  unknown: 'deaths.unknown',
};

export const voidReasonKeys: Record<VoidReason, MessageKey> = {
  duplicate: 'deaths.voidDuplicate',
  not_eligible: 'deaths.voidNotEligible',
  entered_in_error: 'deaths.voidError',
};

export const dueStepKeys: Record<'verify' | 'review' | 'recommend' | 'follow_up', MessageKey> = {
  verify: 'deaths.dueVerify',
  review: 'deaths.dueReview',
  recommend: 'deaths.dueRecommend',
  follow_up: 'deaths.dueFollowUp',
};

/** A cause group's name in the language (the code itself for an unknown one, "belum dikode" for none). */
export function causeLabel(code: string | null, lang: Lang, t: Translate): string {
  if (!code || code === 'uncoded') return t('deaths.causeUncoded');
  const group = causeGroupsByCode.get(code);
  if (!group) return code;
  // WHO groups carry their code (MM3, N9) as reviewers use it; the child groups have none.
  return group.system === 'child'
    ? group.label[lang]
    : `${code.toUpperCase()} · ${group.label[lang]}`;
}

/** An ICD-PM maternal condition (M1–M5) in the language. */
export function maternalConditionLabel(code: string | null, lang: Lang): string | null {
  const group = maternalConditionGroups.find((g) => g.code === code);
  return group ? `${group.code.toUpperCase()} · ${group.label[lang]}` : null;
}

/** A rate value for a card: one decimal for per-1,000 rates, none for AKI. */
export function formatRate(rate: Rate, lang: Lang): string {
  return formatNumber(rate.value, lang, rate.per === 100000 ? 0 : 1);
}

/** The 95 % interval of a rate: `5–1.092`. */
export function formatRateInterval(rate: Rate, lang: Lang): string {
  const digits = rate.per === 100000 ? 0 : 1;
  return `${formatNumber(rate.ci.lower, lang, digits)}–${formatNumber(rate.ci.upper, lang, digits)}`;
}

/** "per 100.000 kelahiran hidup" / "per 1.000 kelahiran hidup". */
export function perLabel(rate: Pick<Rate, 'per'>, t: Translate): string {
  return rate.per === 100000 ? t('deaths.per100k') : t('deaths.per1k');
}

/** How late a notification was: "2 hari 4 jam" / "13 jam". */
export function formatDelay(minutes: number, t: Translate): string {
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t('deaths.delayHours', { hours });
  return t('deaths.delayDays', { days: Math.floor(hours / 24), hours: hours % 24 });
}

/** The live-birth line under the figures: value, "perkiraan" and where it comes from. */
export function liveBirthsText(
  summary: Pick<DeathSummary, 'liveBirths'>,
  lang: Lang,
  t: Translate,
): string {
  const births = summary.liveBirths;
  if (births.value === null) return t('deaths.liveBirthsNone');
  const value = formatNumber(births.value, lang);
  return births.estimated
    ? t('deaths.liveBirthsEstimated', { value })
    : t('deaths.liveBirthsValue', { value });
}
