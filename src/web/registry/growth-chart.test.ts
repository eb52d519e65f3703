import { describe, expect, it } from 'vitest';
import { measurementAtZ } from '../../core/growth/inverse.ts';
import type { MeasurementView } from './api.ts';
import { CHART_SD, growthCharts } from './growth-chart.ts';
import { historyRows } from './MeasurementHistory.tsx';

function measurement(over: Partial<MeasurementView>): MeasurementView {
  const none = { z: null, category: null, implausible: false };
  return {
    id: 'm',
    childId: 'c',
    measuredOn: '2026-01-10',
    ageDays: 300,
    weightKg: 8,
    heightCm: 70,
    measure: 'l',
    headCm: null,
    muacCm: null,
    oedema: false,
    status: {
      heightForAge: none,
      weightForAge: none,
      weightForHeight: none,
      weightGain: null,
      twoT: false,
      implausible: false,
    },
    source: 'entry',
    supersedes: null,
    supersededAt: null,
    createdAt: '2026-01-10T00:00:00Z',
    ...over,
  };
}

describe('growth chart data', () => {
  it('draws the WHO curves from the engine and a baduta axis of 0–24 months', () => {
    const [wfa, hfa, wfh] = growthCharts(1, [measurement({})]);
    expect(wfa!.xMax).toBe(24);
    expect(wfa!.curves).toHaveLength(CHART_SD.length);
    const at12 = wfa!.xs.indexOf(12);
    const median = wfa!.curves[CHART_SD.indexOf(0)]![at12]!;
    expect(median).toBeCloseTo(measurementAtZ('wfa', 1, 12 * 30.4375, 0), 2);
    // Curves ordered −3 < −2 < … < +3 everywhere.
    for (let i = 0; i < wfa!.xs.length; i++) {
      for (let k = 1; k < CHART_SD.length; k++) {
        expect(wfa!.curves[k]![i]!).toBeGreaterThan(wfa!.curves[k - 1]![i]!);
      }
    }
    expect(hfa!.points).toEqual([expect.objectContaining({ y: 70, entered: 70 })]);
    expect(wfh!.table).toBe('wfl');
    expect(wfh!.points[0]).toMatchObject({ x: 70, y: 8 });
  });

  it('plots length measured lying after 24 months as height (−0.7 cm), and leaves out corrected rows', () => {
    const old = measurement({ id: 'a', ageDays: 800, heightCm: 85, supersededAt: '2026-02-01' });
    const current = measurement({ id: 'b', ageDays: 800, heightCm: 86, supersedes: 'a' });
    const [wfa, hfa, wfh] = growthCharts(2, [old, current]);
    expect(wfa!.xMax).toBe(60);
    expect(hfa!.points).toHaveLength(1);
    expect(hfa!.points[0]).toMatchObject({ y: 85.3, entered: 86 });
    expect(wfh!.table).toBe('wfh');
  });
});

describe('history rows', () => {
  it('shows the newest visit first, each corrected version struck above the one in force', () => {
    const rows = historyRows([
      measurement({ id: 'jan', measuredOn: '2026-01-10' }),
      measurement({ id: 'feb-old', measuredOn: '2026-02-10', supersededAt: '2026-02-11' }),
      measurement({ id: 'feb', measuredOn: '2026-02-10', supersedes: 'feb-old' }),
    ]);
    expect(rows.map((r) => [r.measurement.id, r.superseded])).toEqual([
      ['feb-old', true],
      ['feb', false],
      ['jan', false],
    ]);
  });
});
