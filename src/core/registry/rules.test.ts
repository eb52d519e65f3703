import { describe, expect, it } from 'vitest';
import {
  childProblems,
  isIsoDate,
  isNik,
  MAX_AGE_DAYS,
  measurementProblems,
  personNameKey,
} from './rules.ts';

const today = '2026-11-24';

describe('measurement rules', () => {
  const born = '2024-01-10';
  const problems = (values: Parameters<typeof measurementProblems>[0], birth = born) =>
    measurementProblems(values, birth, today).map((p) => `${p.field}:${p.problem}`);

  it('accept a normal weighing and measuring', () => {
    expect(
      problems({ measuredOn: '2026-11-02', weightKg: 11.2, heightCm: 86.5, measure: 'h' }),
    ).toEqual([]);
  });

  it('refuse the future, before birth and 60 months or older', () => {
    expect(problems({ measuredOn: '2026-11-25', weightKg: 11 })).toEqual(['measuredOn:in_future']);
    expect(problems({ measuredOn: '2024-01-09', weightKg: 3 })).toEqual([
      'measuredOn:before_birth',
    ]);
    // 60 months = 1826.25 days: day 1826 is the last one with z-scores, 1827 is too old.
    expect(problems({ measuredOn: '2026-01-10', weightKg: 15 }, '2021-01-10')).toEqual([]);
    expect(problems({ measuredOn: '2026-01-11', weightKg: 15 }, '2021-01-10')).toEqual([
      'measuredOn:age_over_60_months',
    ]);
    expect(MAX_AGE_DAYS).toBe(1826.25);
    expect(problems({ measuredOn: '2026-02-30', weightKg: 11 })).toEqual([
      'measuredOn:invalid_date',
    ]);
  });

  it('refuse absent, zero, absurd and out-of-range values and a length without position', () => {
    expect(problems({ measuredOn: '2026-11-02' })).toEqual(['weightKg:required']);
    expect(problems({ measuredOn: '2026-11-02', weightKg: 0 })).toEqual(['weightKg:out_of_range']);
    expect(problems({ measuredOn: '2026-11-02', weightKg: 86 })).toEqual(['weightKg:out_of_range']);
    expect(problems({ measuredOn: '2026-11-02', heightCm: 37.9, measure: 'l' })).toEqual([
      'heightCm:out_of_range',
    ]);
    expect(problems({ measuredOn: '2026-11-02', heightCm: 130.1, measure: 'h' })).toEqual([
      'heightCm:out_of_range',
    ]);
    expect(problems({ measuredOn: '2026-11-02', heightCm: 80 })).toEqual(['measure:required']);
    expect(problems({ measuredOn: '2026-11-02', weightKg: Number.NaN })).toEqual([
      'weightKg:out_of_range',
    ]);
  });
});

describe('child rules', () => {
  const base = { name: 'Yohana', sex: 2 as const, birthDate: '2025-03-01' };
  const problems = (values: Partial<Parameters<typeof childProblems>[0]>) =>
    childProblems({ ...base, ...values }, today).map((p) => `${p.field}:${p.problem}`);

  it('accept a balita with valid NIKs', () => {
    expect(problems({ nik: '5301044103250001', motherNik: '5301045505950002' })).toEqual([]);
  });

  it('refuse bad NIKs, a future or too early birth date and impossible birth measurements', () => {
    expect(problems({ nik: '12345' })).toEqual(['nik:invalid_nik']);
    expect(problems({ nik: '0000000000000000' })).toEqual(['nik:invalid_nik']);
    expect(problems({ nik: '5301044103250001', motherNik: '5301044103250001' })).toEqual([
      'motherNik:same_as_child',
    ]);
    expect(problems({ birthDate: '2026-12-01' })).toEqual(['birthDate:in_future']);
    expect(problems({ birthDate: '2021-11-23' })).toEqual(['birthDate:age_over_60_months']);
    expect(problems({ birthWeightKg: 9 })).toEqual(['birthWeightKg:out_of_range']);
    expect(problems({ name: '  ' })).toEqual(['name:required']);
  });

  it('fold names for duplicate matching', () => {
    expect(personNameKey('Maria  Goreti-Bria')).toBe(personNameKey('MARIA GORETI BRIA'));
    expect(isNik('5301044103250001')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
  });
});
