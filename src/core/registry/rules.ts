/**
 * What a child record and a measurement must satisfy before they are stored. Pure: "today" is an
 * argument. Each problem names the field and what is allowed, so the kader's screen, the API and
 * the import report say the same thing.
 */
import { daysInMonth } from '../indicators/period.ts';
import { ageDaysBetween } from '../growth/age.ts';

export interface FieldProblem {
  field: string;
  /** Stable code, e.g. `in_future`, `before_birth`, `out_of_range`. */
  problem: string;
  /** What is allowed, for the message. */
  allowed: string;
}

/** Days in 60 months by the WHO month (30.4375 days): z-scores stop before this age. */
export const MAX_AGE_DAYS = 60 * 30.4375;

export const measurementLimits = {
  weightKg: { min: 0.5, max: 40 },
  heightCm: { min: 38, max: 130 },
  headCm: { min: 20, max: 65 },
  muacCm: { min: 5, max: 35 },
} as const;

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date in ISO form (2024-02-30 is not). */
export function isIsoDate(value: string): boolean {
  const m = isoDate.exec(value);
  if (!m) return false;
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(m[1]), month);
}

export interface MeasurementValues {
  measuredOn: string;
  weightKg?: number | null;
  heightCm?: number | null;
  measure?: 'l' | 'h' | null;
  headCm?: number | null;
  muacCm?: number | null;
}

/** Problems of a measurement for a child born on `birthDate`, judged on `today` (ISO dates). */
export function measurementProblems(
  values: MeasurementValues,
  birthDate: string,
  today: string,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!isIsoDate(values.measuredOn)) {
    problems.push({ field: 'measuredOn', problem: 'invalid_date', allowed: 'a date YYYY-MM-DD' });
    return problems;
  }
  if (values.measuredOn > today)
    problems.push({ field: 'measuredOn', problem: 'in_future', allowed: `on or before ${today}` });
  if (values.measuredOn < birthDate)
    problems.push({
      field: 'measuredOn',
      problem: 'before_birth',
      allowed: `on or after the birth date ${birthDate}`,
    });
  else if (ageDaysBetween(birthDate, values.measuredOn) >= MAX_AGE_DAYS)
    problems.push({
      field: 'measuredOn',
      problem: 'age_over_60_months',
      allowed: 'age under 60 months (balita)',
    });

  const weight = values.weightKg ?? null;
  const height = values.heightCm ?? null;
  if (weight === null && height === null)
    problems.push({
      field: 'weightKg',
      problem: 'required',
      allowed: 'weight or length/height (or both)',
    });
  const range = (
    field: keyof typeof measurementLimits,
    value: number | null | undefined,
    unit: string,
  ) => {
    if (value === null || value === undefined) return;
    const { min, max } = measurementLimits[field];
    if (!Number.isFinite(value) || value < min || value > max)
      problems.push({ field, problem: 'out_of_range', allowed: `${min}–${max} ${unit}` });
  };
  range('weightKg', weight, 'kg');
  range('heightCm', height, 'cm');
  range('headCm', values.headCm, 'cm');
  range('muacCm', values.muacCm, 'cm');
  if (height !== null && !values.measure)
    problems.push({
      field: 'measure',
      problem: 'required',
      allowed: "'l' (lying, PB) or 'h' (standing, TB)",
    });
  return problems;
}

export interface ChildValues {
  name: string;
  sex: 1 | 2;
  birthDate: string;
  nik?: string | null;
  motherNik?: string | null;
  birthWeightKg?: number | null;
  birthLengthCm?: number | null;
}

/** NIK: 16 digits, not all zeros (Dukcapil); the check digit is not public, so no more is verified. */
export function isNik(value: string): boolean {
  return /^\d{16}$/.test(value) && !/^0+$/.test(value);
}

/** Problems of a child record on `today`: a balita born in the last 60 months, valid NIKs. */
export function childProblems(values: ChildValues, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!values.name.trim())
    problems.push({ field: 'name', problem: 'required', allowed: '1–120 characters' });
  if (!isIsoDate(values.birthDate))
    problems.push({ field: 'birthDate', problem: 'invalid_date', allowed: 'a date YYYY-MM-DD' });
  else if (values.birthDate > today)
    problems.push({ field: 'birthDate', problem: 'in_future', allowed: `on or before ${today}` });
  else if (ageDaysBetween(values.birthDate, today) >= MAX_AGE_DAYS)
    problems.push({
      field: 'birthDate',
      problem: 'age_over_60_months',
      allowed: 'a child under 60 months (balita)',
    });
  if (values.nik && !isNik(values.nik))
    problems.push({ field: 'nik', problem: 'invalid_nik', allowed: '16 digits' });
  if (values.motherNik && !isNik(values.motherNik))
    problems.push({ field: 'motherNik', problem: 'invalid_nik', allowed: '16 digits' });
  if (values.nik && values.motherNik && values.nik === values.motherNik)
    problems.push({
      field: 'motherNik',
      problem: 'same_as_child',
      allowed: "the mother's own NIK",
    });
  if (values.birthWeightKg != null && !(values.birthWeightKg >= 0.3 && values.birthWeightKg <= 6.5))
    problems.push({ field: 'birthWeightKg', problem: 'out_of_range', allowed: '0.3–6.5 kg' });
  if (values.birthLengthCm != null && !(values.birthLengthCm >= 30 && values.birthLengthCm <= 65))
    problems.push({ field: 'birthLengthCm', problem: 'out_of_range', allowed: '30–65 cm' });
  return problems;
}

/** Folded name for duplicate matching: case, spaces and punctuation do not make a new child. */
export function personNameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
