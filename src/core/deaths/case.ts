/**
 * The death case as notified (AKI-AKB; docs/deaths.md §Case model): who died (a mother during
 * pregnancy, delivery or within 42 days after; a stillborn baby; a baby or young child), when and
 * where, and what is known of the cause. Pure rules: "today" is an argument. Each problem names
 * the field and what is allowed, so the bidan's phone, the API and the tests say the same thing.
 */
import type { FieldProblem } from '../registry/rules.ts';
import { isIsoDate } from '../indicators/period.ts';
import {
  causeGroupsFor,
  isCauseGroupFor,
  isMaternalCondition,
  type StillbirthTiming,
} from './cause-groups.ts';
import { addYears, completedYears, daysBetween } from './dates.ts';
import { deathKinds, type DeathKind } from './kinds.ts';
import { isClockTime } from './time-zone.ts';

export type { FieldProblem, StillbirthTiming };

export { deathKinds, type DeathKind };

/** Kinds of a baby born alive: the age at death decides which one. */
export const liveBornKinds: readonly DeathKind[] = ['neonatal', 'postneonatal', 'child'];

/** Where the death happened (MPDN: di fasilitas kesehatan, di rumah, dalam perjalanan). */
export const placesOfDeath = ['facility', 'home', 'on_the_way', 'other'] as const;
export type PlaceOfDeath = (typeof placesOfDeath)[number];

/** The kind of health facility a death happened in. */
export const facilityTypes = [
  'hospital',
  'puskesmas',
  'clinic',
  'midwife_practice',
  'other',
] as const;
export type FacilityType = (typeof facilityTypes)[number];

/** When a maternal death happened: during pregnancy, during delivery, or within 42 days after. */
export const maternalTimings = ['pregnancy', 'delivery', 'postpartum'] as const;
export type MaternalTiming = (typeof maternalTimings)[number];

export const stillbirthTimings = ['antepartum', 'intrapartum', 'unknown'] as const;

/** The three delays (Thaddeus & Maine 1994) recorded as contributing factors; null = not known. */
export const delayFields = ['delayDeciding', 'delayReaching', 'delayReceiving'] as const;
export type DelayField = (typeof delayFields)[number];

/** Last day of the puerperium counted in AKI (ICD-MM: "within 42 days of termination of pregnancy"). */
export const MATERNAL_DAYS_AFTER_DELIVERY = 42;
/** Last day of age of a neonatal death (Kemenkes: neonatal 0–28 hari). */
export const NEONATAL_LAST_DAY = 28;
/** ICD-PM lower limits of a stillbirth (below both: abortion/miscarriage, not a stillbirth). */
export const STILLBIRTH_MIN_WEEKS = 22;
export const STILLBIRTH_MIN_GRAMS = 500;

/** Limits of the numbers a notification carries. */
export const deathCaseLimits = {
  motherAgeYears: { min: 10, max: 60 },
  gestationalWeeks: { min: 4, max: 45 },
  babyGestationalWeeks: { min: 20, max: 45 },
  birthWeightGrams: { min: 300, max: 6500 },
  textShort: 200,
  textLong: 2000,
} as const;

/** The fields of a notification (API body after validation of types). */
export interface DeathCaseFields {
  kind: DeathKind;
  /** Desa/kelurahan of residence (10 digits): the case counts there. */
  regionCode: string;
  deathDate: string;
  /** Local clock time `HH:MM`, when known. */
  deathTime?: string | null;
  placeOfDeath: PlaceOfDeath;
  facilityType?: FacilityType | null;
  facilityName?: string | null;
  /** Where the death happened (a facility's kabupaten, kecamatan or desa); default: the residence. */
  deathRegionCode?: string | null;
  /** (personal) the deceased: the mother, or the baby ("By. Ny. …" when it had no name yet). */
  name: string;
  nik?: string | null;
  /** (personal) the baby's birth date; a mother's is optional. */
  birthDate?: string | null;
  motherAgeYears?: number | null;
  sex?: 1 | 2 | null;
  motherName?: string | null;
  motherNik?: string | null;
  address?: string | null;
  gestationalWeeks?: number | null;
  birthWeightGrams?: number | null;
  maternalTiming?: MaternalTiming | null;
  deliveryDate?: string | null;
  stillbirthTiming?: StillbirthTiming | null;
  causeGroup?: string | null;
  maternalCondition?: string | null;
  causeNote?: string | null;
  delayDeciding?: boolean | null;
  delayReaching?: boolean | null;
  delayReceiving?: boolean | null;
  chronology?: string | null;
  lateReason?: string | null;
}

/** What is derived from the fields: the age at death and the days after delivery. */
export interface DerivedCaseValues {
  /** Age at death in days (babies born alive), null otherwise. */
  ageDays: number | null;
  /** Age of the mother in completed years (maternal deaths). */
  motherAgeYears: number | null;
  /** Days from delivery to death (maternal deaths after delivery). */
  daysAfterDelivery: number | null;
}

/**
 * The kind of death of a live-born baby from its age: neonatal up to 28 days, post-neonatal up to
 * the first birthday, child up to the fifth; null from the fifth birthday on (not counted).
 */
export function liveBornKindAt(birthDate: string, deathDate: string): DeathKind | null {
  if (daysBetween(birthDate, deathDate) <= NEONATAL_LAST_DAY) return 'neonatal';
  if (deathDate < addYears(birthDate, 1)) return 'postneonatal';
  if (deathDate < addYears(birthDate, 5)) return 'child';
  return null;
}

/** Age at death and days after delivery, for valid fields. */
export function derivedCaseValues(fields: DeathCaseFields): DerivedCaseValues {
  const baby = liveBornKinds.includes(fields.kind) && fields.birthDate;
  return {
    ageDays: baby ? daysBetween(fields.birthDate!, fields.deathDate) : null,
    motherAgeYears:
      fields.kind !== 'maternal'
        ? null
        : fields.birthDate
          ? completedYears(fields.birthDate, fields.deathDate)
          : (fields.motherAgeYears ?? null),
    daysAfterDelivery:
      fields.kind === 'maternal' && fields.deliveryDate
        ? daysBetween(fields.deliveryDate, fields.deathDate)
        : null,
  };
}

const present = (v: unknown) => v !== null && v !== undefined && v !== '';

/**
 * Problems of a notification judged on `today` (the local date where the death happened). The
 * region codes are only checked for their form here; whether they exist is the database's.
 */
export function deathCaseProblems(fields: DeathCaseFields, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: string, problem: string, allowed: string) =>
    problems.push({ field, problem, allowed });
  const range = (
    field: string,
    value: number | null | undefined,
    limits: { min: number; max: number },
    unit: string,
  ) => {
    if (value === null || value === undefined) return;
    if (!Number.isFinite(value) || value < limits.min || value > limits.max)
      add(field, 'out_of_range', `${limits.min}–${limits.max} ${unit}`);
  };

  if (!/^\d{10}$/.test(fields.regionCode))
    add('regionCode', 'invalid_region_code', 'the 10-digit kode desa/kelurahan of residence');
  if (!fields.name.trim()) add('name', 'required', 'the name of the deceased');

  const deathDateOk = isIsoDate(fields.deathDate);
  if (!deathDateOk) add('deathDate', 'invalid_date', 'a date YYYY-MM-DD');
  else if (fields.deathDate > today) add('deathDate', 'in_future', `on or before ${today}`);
  if (present(fields.deathTime) && !isClockTime(fields.deathTime!))
    add('deathTime', 'invalid_time', 'a time HH:MM, 00:00–23:59');

  const birthDateOk = present(fields.birthDate) && isIsoDate(fields.birthDate!);
  if (present(fields.birthDate) && !birthDateOk)
    add('birthDate', 'invalid_date', 'a date YYYY-MM-DD');
  else if (birthDateOk && fields.birthDate! > today)
    add('birthDate', 'in_future', `on or before ${today}`);
  if (deathDateOk && birthDateOk && fields.deathDate < fields.birthDate!)
    add('deathDate', 'before_birth', 'on or after the birth date');

  // Where: a facility death names the facility and where it is.
  if (fields.placeOfDeath === 'facility') {
    if (!present(fields.facilityType))
      add('facilityType', 'required', 'hospital, puskesmas, clinic, midwife_practice or other');
    if (!present(fields.facilityName?.trim())) add('facilityName', 'required', 'the facility name');
  }
  if (present(fields.deathRegionCode) && !/^(\d{4}|\d{6}|\d{10})$/.test(fields.deathRegionCode!))
    add(
      'deathRegionCode',
      'invalid_region_code',
      'a kabupaten, kecamatan or desa code (4, 6 or 10 digits)',
    );

  // What: the cause group must belong to the classification of this kind of death.
  if (
    present(fields.causeGroup) &&
    !isCauseGroupFor(fields.causeGroup!, fields.kind, fields.stillbirthTiming)
  )
    add(
      'causeGroup',
      'cause_group_mismatch',
      causeGroupsFor(fields.kind, fields.stillbirthTiming)
        .map((group) => group.code)
        .join(', '),
    );
  if (present(fields.maternalCondition)) {
    if (fields.kind !== 'stillbirth' && fields.kind !== 'neonatal')
      add('maternalCondition', 'not_applicable', 'only for stillbirths and neonatal deaths');
    else if (!isMaternalCondition(fields.maternalCondition!))
      add('maternalCondition', 'invalid_value', 'm1, m2, m3, m4 or m5');
  }

  if (fields.kind === 'maternal') maternalProblems(fields, deathDateOk, add, range);
  else if (fields.kind === 'stillbirth') stillbirthProblems(fields, add, range);
  else babyProblems(fields, deathDateOk && birthDateOk, add, range);
  return problems;
}

type Add = (field: string, problem: string, allowed: string) => void;
type Range = (
  field: string,
  value: number | null | undefined,
  limits: { min: number; max: number },
  unit: string,
) => void;

function maternalProblems(fields: DeathCaseFields, deathDateOk: boolean, add: Add, range: Range) {
  if (!present(fields.motherAgeYears) && !present(fields.birthDate))
    add('motherAgeYears', 'required', "the mother's age in years (or her birth date)");
  range('motherAgeYears', fields.motherAgeYears, deathCaseLimits.motherAgeYears, 'years');
  if (!present(fields.maternalTiming))
    add('maternalTiming', 'required', 'pregnancy, delivery or postpartum (within 42 days)');
  if (fields.maternalTiming === 'pregnancy') {
    range('gestationalWeeks', fields.gestationalWeeks, deathCaseLimits.gestationalWeeks, 'weeks');
    if (present(fields.deliveryDate))
      add('deliveryDate', 'not_applicable', 'empty for a death during pregnancy');
  }
  if (fields.maternalTiming === 'postpartum' && !present(fields.deliveryDate))
    add('deliveryDate', 'required', 'the date of delivery (or of the end of the pregnancy)');
  if (present(fields.deliveryDate)) {
    if (!isIsoDate(fields.deliveryDate!)) add('deliveryDate', 'invalid_date', 'a date YYYY-MM-DD');
    else if (deathDateOk) {
      const days = daysBetween(fields.deliveryDate!, fields.deathDate);
      if (days < 0) add('deliveryDate', 'after_death', 'on or before the date of death');
      else if (days > MATERNAL_DAYS_AFTER_DELIVERY)
        add(
          'deliveryDate',
          'over_42_days',
          'at most 42 days before the death (a later death is a late maternal death, not counted in AKI)',
        );
    }
  }
  if (present(fields.sex) && fields.sex !== 2)
    add('sex', 'invalid_value', 'perempuan (2) for a mother');
}

function stillbirthProblems(fields: DeathCaseFields, add: Add, range: Range) {
  if (!present(fields.stillbirthTiming))
    add('stillbirthTiming', 'required', 'antepartum, intrapartum or unknown');
  range('gestationalWeeks', fields.gestationalWeeks, deathCaseLimits.babyGestationalWeeks, 'weeks');
  range('birthWeightGrams', fields.birthWeightGrams, deathCaseLimits.birthWeightGrams, 'g');
  const weeks = fields.gestationalWeeks ?? null;
  const grams = fields.birthWeightGrams ?? null;
  if (weeks === null && grams === null)
    add(
      'gestationalWeeks',
      'required',
      'the gestational age in weeks or the birth weight in grams',
    );
  else if (
    (weeks === null || weeks < STILLBIRTH_MIN_WEEKS) &&
    (grams === null || grams < STILLBIRTH_MIN_GRAMS)
  )
    add(
      'gestationalWeeks',
      'below_stillbirth_threshold',
      `at least ${STILLBIRTH_MIN_WEEKS} weeks or ${STILLBIRTH_MIN_GRAMS} g (earlier is an abortion, not a stillbirth)`,
    );
  if (present(fields.birthDate) && fields.birthDate !== fields.deathDate)
    add('birthDate', 'not_applicable', 'empty, or the date of death (a stillbirth is born dead)');
}

function babyProblems(fields: DeathCaseFields, datesOk: boolean, add: Add, range: Range) {
  if (!present(fields.birthDate)) add('birthDate', 'required', "the baby's birth date");
  range('gestationalWeeks', fields.gestationalWeeks, deathCaseLimits.babyGestationalWeeks, 'weeks');
  range('birthWeightGrams', fields.birthWeightGrams, deathCaseLimits.birthWeightGrams, 'g');
  if (!datesOk || fields.deathDate < fields.birthDate!) return;
  const actual = liveBornKindAt(fields.birthDate!, fields.deathDate);
  if (actual === fields.kind) return;
  if (actual === null) {
    add('birthDate', 'age_five_or_over', 'a child under 5 years at death');
    return;
  }
  switch (fields.kind) {
    case 'neonatal':
      if (actual === 'child')
        add(
          'birthDate',
          'age_over_one_year',
          'under 1 year at death for an infant death; 1–4 years: choose child (balita)',
        );
      else add('kind', 'age_not_neonatal', 'postneonatal (29 days to 1 year) for this age');
      break;
    case 'postneonatal':
      if (actual === 'child')
        add(
          'birthDate',
          'age_over_one_year',
          'under 1 year at death for an infant death; 1–4 years: choose child (balita)',
        );
      else add('kind', 'age_neonatal', 'neonatal (0–28 days) for this age');
      break;
    case 'child':
      add('kind', 'age_under_one_year', `${actual} for a baby under 1 year`);
      break;
  }
}
