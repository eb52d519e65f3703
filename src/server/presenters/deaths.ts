/**
 * What leaves the server about deaths. The public presenters take only figure types (counts,
 * live births, rates: no case, no name), so a personal field cannot reach a public answer by
 * accident (house rule 5). The case presenters are for signed-in health staff in scope.
 */
import type { Actor } from '../../core/access/scope.ts';
import {
  canCompleteRecommendation,
  canEditCase,
  canRecommend,
  canTakeAction,
} from '../../core/deaths/access.ts';
import type { LiveBirthFigure } from '../../core/deaths/live-births.ts';
import type { MortalityRates } from '../../core/deaths/tally.ts';
import { actionsFrom, mayAddRecommendation } from '../../core/deaths/workflow.ts';
import type { Lang } from '../../core/errors.ts';
import type { MortalityResult } from '../../core/indicators/mortality.ts';
import { deathFigurePolicy } from '../../core/indicators/suppression.ts';
import {
  formatPeriod,
  periodEnd,
  periodLabel,
  periodStart,
  type Period,
} from '../../core/indicators/period.ts';
import type {
  CaseSummary,
  CaseView,
  LiveBirthsView,
  PeriodInfo,
  RateView,
} from '../../contract/deaths.ts';
import type { DeathCaseRow, DeathRecommendationRow } from '../../services/deaths/types.ts';
import { scopeOf, type ListedCase } from '../../services/deaths/cases.ts';
import type { DeathFigures } from '../../services/deaths/indicators.ts';

/** The period as every figure states it. */
export function presentPeriod(period: Period): PeriodInfo {
  return {
    code: formatPeriod(period),
    kind: period.kind,
    label: { id: periodLabel(period, 'id'), en: periodLabel(period, 'en') },
    start: periodStart(period),
    end: periodEnd(period),
  };
}

function presentRate(result: MortalityResult | null): RateView | null {
  if (!result || !result.ok) return null;
  return {
    value: result.value,
    ci: { lower: result.ci.lower, upper: result.ci.upper },
    per: result.multiplier === 100_000 ? 100_000 : 1000,
    unstable: result.unstable,
  };
}

const methodWords: Record<LiveBirthFigure['method'], Record<Lang, string>> = {
  reported: { id: 'dilaporkan', en: 'reported' },
  sum_of_areas: { id: 'jumlah {n} wilayah', en: 'sum of {n} areas' },
  prorated_from_year: {
    id: 'angka tahun {year} dibagi menurut hari',
    en: 'the {year} total shared out by days',
  },
  population_cbr: {
    id: 'penduduk {year} × angka kelahiran kasar',
    en: 'population {year} × crude birth rate',
  },
  published_figure: { id: 'angka terbit {year}', en: 'published figure {year}' },
};

/** A sentence saying where live births come from, in the asked language. */
export function liveBirthSource(figure: LiveBirthFigure, lang: Lang): string {
  let text = methodWords[figure.method][lang]
    .replace('{n}', String(figure.areas?.count ?? 0))
    .replace('{year}', String(figure.fromYear ?? ''));
  if (figure.method === 'sum_of_areas' && figure.areas && figure.areas.estimated > 0)
    text +=
      lang === 'id'
        ? `, ${figure.areas.estimated} di antaranya perkiraan`
        : `, ${figure.areas.estimated} of them estimated`;
  return figure.source ? `${text} — ${figure.source}` : text;
}

export function presentLiveBirths(figure: LiveBirthFigure | null, lang: Lang): LiveBirthsView {
  if (!figure) return { value: null, estimated: false, source: null, method: null };
  return {
    value: figure.value,
    estimated: figure.estimated,
    source: liveBirthSource(figure, lang),
    method: figure.method,
  };
}

function presentRates(rates: MortalityRates) {
  return {
    aki: presentRate(rates.aki),
    akb: presentRate(rates.akb),
    akn: presentRate(rates.akn),
    akaba: presentRate(rates.akaba),
  };
}

function dataProblems(rates: MortalityRates) {
  return (Object.values(rates) as (MortalityResult | null)[])
    .filter((r): r is Extract<MortalityResult, { ok: false }> => r !== null && !r.ok)
    .map((r) => ({ indicator: r.indicator, code: r.code }));
}

/** Counts, live births, rates and data problems of one region and period (public). */
export function presentFigures(figures: DeathFigures, lang: Lang) {
  return {
    counts: { ...figures.counts },
    liveBirths: presentLiveBirths(figures.liveBirths, lang),
    rates: presentRates(figures.rates),
    dataProblems: dataProblems(figures.rates),
  };
}

export const deathPolicyId = deathFigurePolicy.id;

// ── cases (signed-in health staff in scope) ──

type Names = ReadonlyMap<string, string>;
const who = (id: string | null, names: Names) => (id ? { id, name: names.get(id) ?? '—' } : null);
const iso = (value: Date | string | null) =>
  value === null ? null : new Date(value).toISOString();
const stepOf = (at: Date | string | null, by: string | null, names: Names) =>
  at === null ? null : { at: iso(at)!, by: who(by, names) };

export function presentCaseSummary(item: ListedCase, regionNames: Names): CaseSummary {
  const row = item.row;
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    name: row.name,
    regionCode: row.region_code,
    regionName: regionNames.get(row.region_code) ?? null,
    deathRegionCode: row.death_region_code,
    deathDate: row.death_date,
    placeOfDeath: row.place_of_death,
    facilityName: row.facility_name,
    causeGroup: row.cause_group,
    notifiedAt: iso(row.notified_at)!,
    notifiedLate: row.notified_late,
    notificationDelayMinutes: row.notification_delay_minutes,
    due: item.due,
    openRecommendations: item.openRecommendations,
    version: row.version,
  };
}

export function presentRecommendation(
  r: DeathRecommendationRow,
  names: Names,
  today: string,
): CaseView['recommendations'][number] {
  return {
    id: r.id,
    text: r.text,
    responsible: r.responsible,
    level: r.level,
    dueDate: r.due_date,
    overdue: r.done_at === null && today > r.due_date,
    createdAt: iso(r.created_at)!,
    createdBy: who(r.created_by, names),
    doneAt: iso(r.done_at),
    doneBy: who(r.done_by, names),
    doneNote: r.done_note,
  };
}

/** The whole case, with what the actor may do now. */
export function presentCase(
  item: ListedCase,
  recommendations: readonly DeathRecommendationRow[],
  context: { actor: Actor; names: Names; regionNames: Names; today: string },
): CaseView {
  const row: DeathCaseRow = item.row;
  const { actor, names } = context;
  const scope = scopeOf(row);
  return {
    ...presentCaseSummary(item, context.regionNames),
    deathTime: row.death_time ? row.death_time.slice(0, 5) : null,
    facilityType: row.facility_type,
    deathRegionName: context.regionNames.get(row.death_region_code) ?? null,
    nik: row.nik,
    birthDate: row.birth_date,
    motherName: row.mother_name,
    motherNik: row.mother_nik,
    address: row.address,
    sex: row.sex,
    ageDays: row.age_days,
    motherAgeYears: row.mother_age_years,
    gestationalWeeks: row.gestational_weeks,
    birthWeightGrams: row.birth_weight_g,
    maternalTiming: row.maternal_timing,
    deliveryDate: row.delivery_date,
    daysAfterDelivery:
      row.delivery_date === null
        ? null
        : Math.round((Date.parse(row.death_date) - Date.parse(row.delivery_date)) / 86_400_000),
    stillbirthTiming: row.stillbirth_timing,
    maternalCondition: row.maternal_condition,
    causeNote: row.cause_note,
    delayDeciding: row.delay_deciding,
    delayReaching: row.delay_reaching,
    delayReceiving: row.delay_receiving,
    chronology: row.chronology,
    lateReason: row.late_reason,
    notifiedBy: who(row.notified_by, names),
    notifierRole: row.notifier_role,
    verified: stepOf(row.verified_at, row.verified_by, names),
    verificationNote: row.verification_note,
    reviewed: stepOf(row.reviewed_at, row.reviewed_by, names),
    reviewSummary: row.review_summary,
    avoidable: row.avoidable,
    recommended: stepOf(row.recommended_at, row.recommended_by, names),
    closed: stepOf(row.closed_at, row.closed_by, names),
    closingNote: row.closing_note,
    voided: stepOf(row.voided_at, row.voided_by, names),
    voidReason: row.void_reason,
    voidNote: row.void_note,
    duplicateOf: row.duplicate_of,
    source: row.source,
    recommendations: recommendations.map((r) => presentRecommendation(r, names, context.today)),
    can: {
      edit:
        row.status !== 'closed' && row.status !== 'void' && canEditCase(actor, scope, row.status),
      actions: actionsFrom(row.status).filter((a) => canTakeAction(actor, scope, a, row.status)),
      addRecommendation: mayAddRecommendation(row.status) && canRecommend(actor, scope),
      completeRecommendation:
        (row.status === 'reviewed' || row.status === 'recommended') &&
        canCompleteRecommendation(actor, scope),
    },
  };
}
