import { describe, expect, it } from 'vitest';
import {
  ageDaysBetween,
  ageDaysFromMonths,
  ageInMonths,
  completedMonthsBetween,
  isAgeForZScores,
  tableAgeDays,
} from './age.ts';

describe('age (anthro rules)', () => {
  it('a month is 30.4375 days; ages for the tables round half up', () => {
    expect(ageInMonths(1826.25)).toBe(60);
    expect(ageInMonths(730.5)).toBe(24);
    expect(tableAgeDays(730.5)).toBe(731);
    expect(tableAgeDays(730.49)).toBe(730);
    expect(ageDaysFromMonths(24)).toBe(731);
    expect(ageDaysFromMonths(60)).toBe(1826); // 1826.25 rounds down; still no z (60 months)
  });

  it('z-scores only below 60 months', () => {
    expect(isAgeForZScores(0)).toBe(true);
    expect(isAgeForZScores(1826.24)).toBe(true);
    expect(isAgeForZScores(1826.25)).toBe(false);
    expect(isAgeForZScores(-1)).toBe(false);
    expect(isAgeForZScores(NaN)).toBe(false);
  });
});

describe('dates', () => {
  it('ageDaysBetween counts calendar days, leap years included', () => {
    expect(ageDaysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(ageDaysBetween('2023-02-28', '2023-03-01')).toBe(1);
    expect(ageDaysBetween('2020-01-01', '2025-01-01')).toBe(1827);
    expect(ageDaysBetween('2024-05-10', '2024-05-01')).toBe(-9);
    expect(ageDaysBetween('2024-02-30', '2024-03-01')).toBeNaN();
    expect(ageDaysBetween('10/05/2024', '2024-05-01')).toBeNaN();
  });

  it('completedMonthsBetween counts completed calendar months (umur bulan penuh)', () => {
    expect(completedMonthsBetween('2026-01-20', '2026-06-13')).toBe(4);
    expect(completedMonthsBetween('2026-01-20', '2026-02-19')).toBe(0);
    expect(completedMonthsBetween('2026-01-20', '2026-02-20')).toBe(1);
    expect(completedMonthsBetween('2024-01-31', '2024-02-29')).toBe(1);
    expect(completedMonthsBetween('2024-01-31', '2024-02-28')).toBe(0);
    expect(completedMonthsBetween('2024-01-31', 'x')).toBeNaN();
  });
});
