import { describe, expect, it } from 'vitest';
import {
  currentMonth,
  digitsOnly,
  isoFromParts,
  monthsBefore,
  parseDecimalInput,
  todayIso,
} from './values.ts';

describe('what a kader types', () => {
  it('reads a decimal comma and a decimal point alike, and says when it is not a number', () => {
    expect(parseDecimalInput('8,5')).toBe(8.5);
    expect(parseDecimalInput(' 8.5 ')).toBe(8.5);
    expect(parseDecimalInput('75')).toBe(75);
    expect(parseDecimalInput('')).toBeUndefined();
    expect(parseDecimalInput('  ')).toBeUndefined();
    expect(parseDecimalInput('8,5,1')).toBeNull();
    expect(parseDecimalInput('delapan')).toBeNull();
    expect(parseDecimalInput('1.000,5')).toBeNull();
  });

  it('builds a birth date from day, month and year, refusing dates that do not exist', () => {
    expect(isoFromParts('7', '3', '2024')).toBe('2024-03-07');
    expect(isoFromParts('29', '2', '2024')).toBe('2024-02-29');
    expect(isoFromParts('29', '2', '2023')).toBeNull();
    expect(isoFromParts('31', '4', '2024')).toBeNull();
    expect(isoFromParts('', '4', '2024')).toBeNull();
    expect(isoFromParts('1', '4', '24')).toBeNull();
  });

  it('keeps only digits of a NIK', () => {
    expect(digitsOnly('5301 0123.4567-8901')).toBe('5301012345678901');
  });
});

describe('the calendar of the phone', () => {
  it('uses the local day, not UTC', () => {
    const lateEvening = new Date(2026, 10, 30, 23, 30);
    expect(todayIso(lateEvening)).toBe('2026-11-30');
    expect(currentMonth(lateEvening)).toBe('2026-11');
  });

  it('goes back whole months, clamping the day to the month end', () => {
    expect(monthsBefore('2026-11-24', 3)).toBe('2026-08-24');
    expect(monthsBefore('2026-05-31', 3)).toBe('2026-02-28');
    expect(monthsBefore('2026-01-15', 3)).toBe('2025-10-15');
  });
});
