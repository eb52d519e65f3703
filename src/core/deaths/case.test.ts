import { describe, expect, it } from 'vitest';
import {
  deathCaseProblems,
  derivedCaseValues,
  liveBornKindAt,
  type DeathCaseFields,
} from './case.ts';

const today = '2025-06-30';
const baby = (extra: Partial<DeathCaseFields> = {}): DeathCaseFields => ({
  kind: 'neonatal',
  regionCode: '5301042003',
  deathDate: '2025-06-10',
  birthDate: '2025-06-01',
  placeOfDeath: 'home',
  name: 'By. Ny. Maria',
  ...extra,
});
const mother = (extra: Partial<DeathCaseFields> = {}): DeathCaseFields => ({
  kind: 'maternal',
  regionCode: '5301042003',
  deathDate: '2025-06-10',
  placeOfDeath: 'home',
  name: 'Maria',
  motherAgeYears: 28,
  maternalTiming: 'postpartum',
  deliveryDate: '2025-06-01',
  ...extra,
});
const problems = (fields: DeathCaseFields) =>
  deathCaseProblems(fields, today).map((p) => `${p.field}:${p.problem}`);

describe('notification rules', () => {
  it('accepts complete notifications of each kind', () => {
    expect(problems(baby())).toEqual([]);
    expect(problems(mother())).toEqual([]);
    expect(
      problems(mother({ maternalTiming: 'pregnancy', deliveryDate: null, gestationalWeeks: 20 })),
    ).toEqual([]);
    expect(problems(baby({ kind: 'postneonatal', birthDate: '2024-07-01' }))).toEqual([]);
    expect(problems(baby({ kind: 'child', birthDate: '2021-06-11' }))).toEqual([]);
    expect(
      problems(
        baby({
          kind: 'stillbirth',
          birthDate: null,
          stillbirthTiming: 'antepartum',
          birthWeightGrams: 900,
        }),
      ),
    ).toEqual([]);
  });

  it('refuses a death in the future or before the birth', () => {
    expect(problems(baby({ deathDate: '2025-07-01' }))).toContain('deathDate:in_future');
    expect(problems(baby({ deathDate: '2025-05-31' }))).toContain('deathDate:before_birth');
    expect(problems(baby({ deathDate: '2025-02-30' }))).toContain('deathDate:invalid_date');
    expect(problems(baby({ deathTime: '24:10' }))).toEqual(['deathTime:invalid_time']);
  });

  it('checks the age against the kind of infant death', () => {
    expect(problems(baby({ kind: 'neonatal', birthDate: '2024-06-01' }))).toEqual([
      'birthDate:age_over_one_year',
    ]);
    expect(problems(baby({ kind: 'postneonatal', birthDate: '2024-06-10' }))).toEqual([
      'birthDate:age_over_one_year',
    ]);
    expect(problems(baby({ kind: 'postneonatal', birthDate: '2024-06-11' }))).toEqual([]);
    expect(problems(baby({ kind: 'neonatal', birthDate: '2025-05-13' }))).toEqual([]); // 28 days
  });

  it('draws the neonatal line at 28 days and the child lines at the first and fifth birthdays', () => {
    expect(liveBornKindAt('2025-01-01', '2025-01-29')).toBe('neonatal'); // 28 days
    expect(liveBornKindAt('2025-01-01', '2025-01-30')).toBe('postneonatal'); // 29 days
    expect(liveBornKindAt('2024-02-29', '2025-02-27')).toBe('postneonatal');
    expect(liveBornKindAt('2024-02-29', '2025-02-28')).toBe('child');
    expect(liveBornKindAt('2020-06-10', '2025-06-09')).toBe('child');
    expect(liveBornKindAt('2020-06-10', '2025-06-10')).toBeNull();
    expect(problems(baby({ kind: 'child', birthDate: '2020-06-10' }))).toEqual([
      'birthDate:age_five_or_over',
    ]);
    expect(problems(baby({ kind: 'child', birthDate: '2025-01-01' }))).toEqual([
      'kind:age_under_one_year',
    ]);
    expect(problems(baby({ kind: 'neonatal', birthDate: '2025-05-01' }))).toEqual([
      'kind:age_not_neonatal',
    ]);
    expect(problems(baby({ kind: 'postneonatal', birthDate: '2025-06-01' }))).toEqual([
      'kind:age_neonatal',
    ]);
  });

  it('keeps maternal deaths to pregnancy, delivery and 42 days after', () => {
    expect(problems(mother({ deliveryDate: '2025-04-29' }))).toEqual([]); // 42 days
    expect(problems(mother({ deliveryDate: '2025-04-28' }))).toEqual(['deliveryDate:over_42_days']);
    expect(problems(mother({ deliveryDate: '2025-06-11' }))).toEqual(['deliveryDate:after_death']);
    expect(problems(mother({ deliveryDate: null }))).toEqual(['deliveryDate:required']);
    expect(problems(mother({ maternalTiming: null, deliveryDate: null }))).toEqual([
      'maternalTiming:required',
    ]);
    expect(problems(mother({ motherAgeYears: null }))).toEqual(['motherAgeYears:required']);
    expect(problems(mother({ motherAgeYears: null, birthDate: '1995-01-01' }))).toEqual([]);
  });

  it('separates a stillbirth from an abortion by 22 weeks or 500 g', () => {
    const still = (weeks: number | null, grams: number | null) =>
      problems(
        baby({
          kind: 'stillbirth',
          birthDate: null,
          stillbirthTiming: 'intrapartum',
          gestationalWeeks: weeks,
          birthWeightGrams: grams,
        }),
      );
    expect(still(22, null)).toEqual([]);
    expect(still(21, 500)).toEqual([]);
    expect(still(21, 450)).toEqual(['gestationalWeeks:below_stillbirth_threshold']);
    expect(still(null, null)).toEqual(['gestationalWeeks:required']);
  });

  it('requires the facility for facility deaths and a cause group of the right classification', () => {
    expect(problems(mother({ placeOfDeath: 'facility' }))).toEqual([
      'facilityType:required',
      'facilityName:required',
    ]);
    expect(problems(mother({ causeGroup: 'mm3' }))).toEqual([]);
    expect(problems(mother({ causeGroup: 'n9' }))).toEqual(['causeGroup:cause_group_mismatch']);
    expect(problems(baby({ causeGroup: 'n9', maternalCondition: 'm4' }))).toEqual([]);
    expect(
      problems(
        baby({
          kind: 'stillbirth',
          birthDate: null,
          stillbirthTiming: 'antepartum',
          gestationalWeeks: 30,
          causeGroup: 'i3',
        }),
      ),
    ).toEqual(['causeGroup:cause_group_mismatch']);
    expect(problems(mother({ maternalCondition: 'm1' }))).toEqual([
      'maternalCondition:not_applicable',
    ]);
  });

  it('derives the age at death and the days after delivery', () => {
    expect(derivedCaseValues(baby())).toEqual({
      ageDays: 9,
      motherAgeYears: null,
      daysAfterDelivery: null,
    });
    expect(derivedCaseValues(mother({ birthDate: '1995-06-11', motherAgeYears: null }))).toEqual({
      ageDays: null,
      motherAgeYears: 29,
      daysAfterDelivery: 9,
    });
  });
});
