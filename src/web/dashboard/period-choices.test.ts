import { describe, expect, it } from 'vitest';
import { periodChoices, periodKindOf } from './period-choices.ts';

describe('period choices', () => {
  it('lists months newest first and marks the month still being entered', () => {
    const choices = periodChoices('month', '2025-10', '2026-01', '2025-12');
    expect(choices).toEqual([
      { code: '2026-01', complete: false },
      { code: '2025-12', complete: true },
      { code: '2025-11', complete: true },
      { code: '2025-10', complete: true },
    ]);
  });

  it('lists quarters and years that overlap the months with data', () => {
    expect(periodChoices('quarter', '2025-02', '2025-07', '2025-Q2').map((c) => c.code)).toEqual([
      '2025-Q3',
      '2025-Q2',
      '2025-Q1',
    ]);
    expect(periodChoices('year', '2024-12', '2026-11', '2025')).toEqual([
      { code: '2026', complete: false },
      { code: '2025', complete: true },
      { code: '2024', complete: true },
    ]);
  });

  it('lists only the February and August weighing months inside the range', () => {
    expect(
      periodChoices('weighing_month', '2024-12', '2026-11', '2026-BT08').map((c) => c.code),
    ).toEqual(['2026-BT08', '2026-BT02', '2025-BT08', '2025-BT02']);
    expect(periodChoices('weighing_month', '2025-03', '2025-07', null)).toEqual([]);
  });

  it('offers nothing without months of data', () => {
    expect(periodChoices('month', null, null, null)).toEqual([]);
  });

  it('tells the kind of a period code', () => {
    expect(periodKindOf('2025-08')).toBe('month');
    expect(periodKindOf('2025-BT08')).toBe('weighing_month');
    expect(periodKindOf('x')).toBeNull();
    expect(periodKindOf(null)).toBeNull();
  });
});
