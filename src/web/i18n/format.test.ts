import { describe, expect, it } from 'vitest';
import { formatDate, formatMonth, formatNumber, formatPercent } from './format.ts';

describe('Indonesian formatting', () => {
  it('writes percentages and numbers with a decimal comma and thousands dots', () => {
    expect(formatPercent(15.7, 'id')).toBe('15,7%');
    expect(formatPercent(15.7, 'en')).toBe('15.7%');
    expect(formatNumber(1234567.5, 'id')).toBe('1.234.567,5');
    expect(formatNumber(2, 'id', 1)).toBe('2,0');
  });

  it('names months in Indonesian and keeps calendar months in every time zone', () => {
    expect(formatMonth('2023-05', 'id')).toBe('Mei 2023');
    expect(formatMonth('2023-05', 'en')).toBe('May 2023');
    expect(formatDate('2023-08-17', 'id')).toBe('17 Agustus 2023');
  });
});
