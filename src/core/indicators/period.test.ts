import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  daysInMonth,
  formatPeriod,
  isIsoDate,
  isPeriodComplete,
  isSamePeriod,
  latestCompletePeriod,
  nextPeriod,
  parsePeriod,
  periodContains,
  periodEnd,
  periodLabel,
  periodMonths,
  periodOfDate,
  periodStart,
  previousPeriod,
  type Period,
} from './period.ts';

const p = (text: string): Period => {
  const period = parsePeriod(text);
  if (period === null) throw new Error(`test period ${text}`);
  return period;
};

/** The day after an ISO date, computed independently of period.ts (UTC calendar). */
const nextDay = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

const arbitraryPeriod: fc.Arbitrary<Period> = fc.oneof(
  fc.record({
    kind: fc.constant('month' as const),
    year: fc.integer({ min: 1901, max: 9998 }),
    month: fc.integer({ min: 1, max: 12 }),
  }),
  fc.record({
    kind: fc.constant('quarter' as const),
    year: fc.integer({ min: 1901, max: 9998 }),
    quarter: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const),
  }),
  fc.record({ kind: fc.constant('year' as const), year: fc.integer({ min: 1901, max: 9998 }) }),
  fc.record({
    kind: fc.constant('weighing_month' as const),
    year: fc.integer({ min: 1901, max: 9998 }),
    month: fc.constantFrom(2 as const, 8 as const),
  }),
);

describe('parsePeriod / formatPeriod', () => {
  it('reads the four kinds', () => {
    expect(parsePeriod('2024-08')).toEqual({ kind: 'month', year: 2024, month: 8 });
    expect(parsePeriod('2024-Q3')).toEqual({ kind: 'quarter', year: 2024, quarter: 3 });
    expect(parsePeriod('2024')).toEqual({ kind: 'year', year: 2024 });
    expect(parsePeriod('2024-BT08')).toEqual({ kind: 'weighing_month', year: 2024, month: 8 });
    expect(parsePeriod(' 2024-BT02 ')).toEqual({ kind: 'weighing_month', year: 2024, month: 2 });
  });

  it('rejects everything else', () => {
    for (const bad of [
      '',
      '2024-13',
      '2024-00',
      '2024-8',
      '2024-Q0',
      '2024-Q5',
      '2024-q3',
      '2024-BT05',
      '2024-BT8',
      '24',
      '0224',
      '2024-08-01',
      'Agustus 2024',
    ]) {
      expect(parsePeriod(bad), bad).toBeNull();
    }
  });

  it('round-trips (property)', () => {
    fc.assert(
      fc.property(arbitraryPeriod, (period) => {
        const text = formatPeriod(period);
        return (
          isSamePeriod(parsePeriod(text)!, period) && formatPeriod(parsePeriod(text)!) === text
        );
      }),
    );
  });
});

describe('first and last day', () => {
  it('knows month lengths and leap years', () => {
    expect(periodStart(p('2024-02'))).toBe('2024-02-01');
    expect(periodEnd(p('2024-02'))).toBe('2024-02-29');
    expect(periodEnd(p('2023-02'))).toBe('2023-02-28');
    expect(periodEnd(p('1900-02'))).toBe('1900-02-28');
    expect(periodEnd(p('2000-02'))).toBe('2000-02-29');
    expect(periodEnd(p('2024-BT02'))).toBe('2024-02-29');
    expect(periodStart(p('2024-Q3'))).toBe('2024-07-01');
    expect(periodEnd(p('2024-Q3'))).toBe('2024-09-30');
    expect(periodEnd(p('2024-Q4'))).toBe('2024-12-31');
    expect(periodStart(p('2024'))).toBe('2024-01-01');
    expect(periodEnd(p('2024'))).toBe('2024-12-31');
    expect(daysInMonth(2024, 4)).toBe(30);
  });

  it('agrees with the UTC calendar: previous period ends the day before the start (property)', () => {
    fc.assert(
      fc.property(
        arbitraryPeriod.filter((x) => x.kind !== 'weighing_month'),
        (period) => nextDay(periodEnd(previousPeriod(period))) === periodStart(period),
      ),
    );
  });
});

describe('periodContains', () => {
  it('includes both ends', () => {
    const august = p('2024-08');
    expect(periodContains(august, '2024-08-01')).toBe(true);
    expect(periodContains(august, '2024-08-31')).toBe(true);
    expect(periodContains(august, '2024-07-31')).toBe(false);
    expect(periodContains(august, '2024-09-01')).toBe(false);
    expect(periodContains(p('2024-BT08'), '2024-08-15')).toBe(true);
    expect(periodContains(p('2024-Q1'), '2024-03-31')).toBe(true);
  });

  it('rejects a malformed date', () => {
    expect(() => periodContains(p('2024-08'), '2024-8-1')).toThrow(RangeError);
    expect(() => periodContains(p('2024-02'), '2023-02-29')).toThrow(RangeError);
  });

  it('agrees with periodOfDate (property)', () => {
    const date = fc
      .date({
        min: new Date('1901-01-01T00:00:00Z'),
        max: new Date('2200-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        date,
        fc.constantFrom('month', 'quarter', 'year') as fc.Arbitrary<'month'>,
        (d, kind) => {
          const period = periodOfDate(kind, d)!;
          return (
            periodContains(period, d) &&
            !periodContains(previousPeriod(period), d) &&
            !periodContains(nextPeriod(period), d)
          );
        },
      ),
    );
  });
});

describe('isIsoDate', () => {
  it('accepts real dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-04-31')).toBe(false);
    expect(isIsoDate('2024-1-01')).toBe(false);
    expect(isIsoDate('2024-01-01T00:00:00Z')).toBe(false);
    expect(isIsoDate('0999-01-01')).toBe(false);
  });
});

describe('previous / next', () => {
  it('steps back and forth', () => {
    expect(formatPeriod(previousPeriod(p('2024-01')))).toBe('2023-12');
    expect(formatPeriod(previousPeriod(p('2024-Q1')))).toBe('2023-Q4');
    expect(formatPeriod(previousPeriod(p('2024')))).toBe('2023');
    expect(formatPeriod(previousPeriod(p('2024-BT08')))).toBe('2024-BT02');
    expect(formatPeriod(previousPeriod(p('2024-BT02')))).toBe('2023-BT08');
    expect(formatPeriod(nextPeriod(p('2024-12')))).toBe('2025-01');
    expect(formatPeriod(nextPeriod(p('2024-Q4')))).toBe('2025-Q1');
    expect(formatPeriod(nextPeriod(p('2024-BT08')))).toBe('2025-BT02');
  });

  it('next undoes previous (property)', () => {
    fc.assert(
      fc.property(arbitraryPeriod, (period) =>
        isSamePeriod(nextPeriod(previousPeriod(period)), period),
      ),
    );
  });
});

describe('periodMonths', () => {
  it('lists the months', () => {
    expect(periodMonths(p('2024-Q3')).map(formatPeriod)).toEqual(['2024-07', '2024-08', '2024-09']);
    expect(periodMonths(p('2024')).length).toBe(12);
    expect(periodMonths(p('2024-BT02')).map(formatPeriod)).toEqual(['2024-02']);
    expect(periodMonths(p('2024-05')).map(formatPeriod)).toEqual(['2024-05']);
  });

  it('cover the period exactly, in order (property)', () => {
    fc.assert(
      fc.property(arbitraryPeriod, (period) => {
        const months = periodMonths(period);
        return (
          periodStart(months[0]!) === periodStart(period) &&
          periodEnd(months.at(-1)!) === periodEnd(period) &&
          months.every((m, i) => i === 0 || nextDay(periodEnd(months[i - 1]!)) === periodStart(m))
        );
      }),
    );
  });
});

describe('periodOfDate', () => {
  it('finds the period of a date', () => {
    expect(periodOfDate('quarter', '2024-08-17')).toEqual({
      kind: 'quarter',
      year: 2024,
      quarter: 3,
    });
    expect(periodOfDate('weighing_month', '2024-08-17')).toEqual({
      kind: 'weighing_month',
      year: 2024,
      month: 8,
    });
    expect(periodOfDate('weighing_month', '2024-09-01')).toBeNull();
    expect(periodOfDate('year', '2024-12-31')).toEqual({ kind: 'year', year: 2024 });
  });
});

describe('completeness against today (an argument, never the clock)', () => {
  it('a period is complete the day after it ends', () => {
    expect(isPeriodComplete(p('2024-08'), '2024-08-31')).toBe(false);
    expect(isPeriodComplete(p('2024-08'), '2024-09-01')).toBe(true);
  });

  it('finds the latest complete period', () => {
    expect(formatPeriod(latestCompletePeriod('month', '2024-09-01'))).toBe('2024-08');
    expect(formatPeriod(latestCompletePeriod('month', '2024-08-31'))).toBe('2024-07');
    expect(formatPeriod(latestCompletePeriod('quarter', '2024-08-17'))).toBe('2024-Q2');
    expect(formatPeriod(latestCompletePeriod('year', '2024-01-01'))).toBe('2023');
    expect(formatPeriod(latestCompletePeriod('weighing_month', '2024-08-17'))).toBe('2024-BT02');
    expect(formatPeriod(latestCompletePeriod('weighing_month', '2024-09-01'))).toBe('2024-BT08');
    expect(formatPeriod(latestCompletePeriod('weighing_month', '2024-02-29'))).toBe('2023-BT08');
    expect(formatPeriod(latestCompletePeriod('weighing_month', '2024-03-01'))).toBe('2024-BT02');
    expect(formatPeriod(latestCompletePeriod('weighing_month', '2024-01-15'))).toBe('2023-BT08');
  });
});

describe('periodLabel', () => {
  it('speaks Indonesian by default and English on request', () => {
    expect(periodLabel(p('2024-08'))).toBe('Agustus 2024');
    expect(periodLabel(p('2024-Q3'))).toBe('Triwulan III 2024');
    expect(periodLabel(p('2024-Q4'))).toBe('Triwulan IV 2024');
    expect(periodLabel(p('2024'))).toBe('2024');
    expect(periodLabel(p('2024-BT08'))).toBe('Bulan Timbang Agustus 2024');
    expect(periodLabel(p('2024-BT02'))).toBe('Bulan Timbang Februari 2024');
    expect(periodLabel(p('2024-05'), 'en')).toBe('May 2024');
    expect(periodLabel(p('2024-Q3'), 'en')).toBe('Q3 2024');
    expect(periodLabel(p('2024-BT08'), 'en')).toBe('Weighing Month August 2024');
  });
});
