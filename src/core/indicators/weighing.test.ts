import { describe, expect, it } from 'vitest';
import { parsePeriod } from './period.ts';
import {
  combineWeighingPeriodCounts,
  emptyWeighingCounts,
  weighingCountsByCell,
  type WeighingMeasurement,
} from './weighing.ts';

let sequence = 1;
function weighing(overrides: Partial<WeighingMeasurement & { posyandu: string }> = {}) {
  return {
    childId: 'a',
    measuredOn: '2024-08-10',
    sequence: sequence++,
    ageDays: 400,
    weighed: true,
    weightGain: 'N' as const,
    twoT: false,
    posyandu: 'p1',
    ...overrides,
  };
}
const whole = (ms: ReturnType<typeof weighing>[], period: string) =>
  weighingCountsByCell(ms, parsePeriod(period)!, () => '').get('') ?? emptyWeighingCounts();

describe('weighingCountsByCell', () => {
  it('counts a child weighed twice in a month once, with its latest status', () => {
    const counts = whole(
      [
        weighing({ measuredOn: '2024-08-03', weightGain: 'T' }),
        weighing({ measuredOn: '2024-08-20', weightGain: 'N' }),
      ],
      '2024-08',
    );
    expect(counts).toEqual({ ...emptyWeighingCounts(), measured: 1, weighed: 1, gained: 1 });
  });

  it('counts a child weighed in July and August once in the quarter (its August status)', () => {
    const ms = [
      weighing({ measuredOn: '2024-07-10', weightGain: 'T' }),
      weighing({ measuredOn: '2024-08-10', weightGain: 'T', twoT: true }),
      weighing({ childId: 'b', measuredOn: '2024-07-12', weightGain: 'B' }),
    ];
    expect(whole(ms, '2024-07')).toMatchObject({ weighed: 2, notGained: 1, firstWeighing: 1 });
    expect(whole(ms, '2024-08')).toMatchObject({ weighed: 1, notGained: 1, notGainedTwice: 1 });
    expect(whole(ms, '2024-Q3')).toEqual({
      ...emptyWeighingCounts(),
      measured: 2,
      weighed: 2,
      notGained: 1,
      firstWeighing: 1,
      notGainedTwice: 1,
    });
  });

  it('keeps D = N + T + O + B, and a measurement without weight only in measured', () => {
    const ms = [
      weighing({ measuredOn: '2024-08-01', weightGain: 'O' }),
      weighing({ measuredOn: '2024-08-25', weighed: false, weightGain: null }),
      weighing({ childId: 'b', weighed: false, weightGain: null }),
    ];
    const c = whole(ms, '2024-08');
    expect(c).toMatchObject({ measured: 2, weighed: 1, notWeighedLastMonth: 1 });
    expect(c.weighed).toBe(c.gained + c.notGained + c.notWeighedLastMonth + c.firstWeighing);
  });

  it('leaves out children of 60 months or more and measurements outside the period', () => {
    const ms = [
      weighing({ ageDays: 1827 }),
      weighing({ childId: 'b', ageDays: 1826 }),
      weighing({ childId: 'c', measuredOn: '2024-09-01' }),
    ];
    expect(whole(ms, '2024-08')).toMatchObject({ measured: 1, weighed: 1 });
  });

  it('puts the latest measurement and the latest weighing in their own cells; cells add up', () => {
    const ms = [
      weighing({ measuredOn: '2024-08-02', posyandu: 'p1' }),
      weighing({ measuredOn: '2024-08-20', posyandu: 'p2', weighed: false, weightGain: null }),
      weighing({ childId: 'b', posyandu: 'p2', weightGain: 'T' }),
    ];
    const cells = weighingCountsByCell(ms, parsePeriod('2024-08')!, (m) => m.posyandu);
    expect(cells.get('p1')).toEqual({ ...emptyWeighingCounts(), weighed: 1, gained: 1 });
    expect(cells.get('p2')).toEqual({
      ...emptyWeighingCounts(),
      measured: 2,
      weighed: 1,
      notGained: 1,
    });
    expect(combineWeighingPeriodCounts(...cells.values())).toEqual(whole(ms, '2024-08'));
  });
});
