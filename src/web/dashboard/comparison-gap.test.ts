import { describe, expect, it } from 'vitest';
import { sourceGap } from './comparison-gap.ts';

describe('source gap', () => {
  it('takes the latest year with both figures and the official survey of that year', () => {
    const gap = sourceGap([
      { year: 2021, eppgbm: 0.2, coverage: 0.7, surveys: [{ source: 'SSGI', value: 0.378 }] },
      {
        year: 2023,
        eppgbm: 0.15,
        coverage: 0.45,
        surveys: [
          { source: 'SSGI', value: 0.3 },
          { source: 'SKI', value: 0.379 },
        ],
      },
      { year: 2024, eppgbm: 0.14, coverage: 0.5, surveys: [] },
    ]);
    expect(gap).toMatchObject({
      kind: 'both',
      year: 2023,
      survey: { source: 'SKI' },
      coverage: 0.45,
    });
    if (gap.kind !== 'both') throw new Error('expected both');
    expect(gap.points).toBeCloseTo(22.9, 6);
    expect(gap.ratio).toBeCloseTo(2.527, 3);
  });

  it('falls back to the latest survey when the sources never share a year', () => {
    expect(
      sourceGap([
        { year: 2022, eppgbm: null, coverage: null, surveys: [{ source: 'SSGI', value: 0.353 }] },
        { year: 2025, eppgbm: 0.3, coverage: 0.6, surveys: [] },
      ]),
    ).toEqual({ kind: 'survey_only', year: 2022, survey: { source: 'SSGI', value: 0.353 } });
    expect(sourceGap([{ year: 2025, eppgbm: 0.3, coverage: 0.6, surveys: [] }])).toEqual({
      kind: 'eppgbm_only',
    });
    expect(sourceGap([])).toEqual({ kind: 'none' });
  });

  it('has no ratio when e-PPGBM found no child with the condition', () => {
    const gap = sourceGap([
      { year: 2023, eppgbm: 0, coverage: 0.3, surveys: [{ source: 'SKI', value: 0.2 }] },
    ]);
    expect(gap).toMatchObject({ kind: 'both', ratio: null });
  });
});
