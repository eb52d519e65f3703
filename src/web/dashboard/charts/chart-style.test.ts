import { describe, expect, it } from 'vitest';
import { percentScale, surveyColor } from './chart-style.ts';

describe('chart scales', () => {
  it('tops a percentage axis a round step above the largest value', () => {
    expect(percentScale([0.342, 0.365])).toEqual({ max: 0.4, interval: 0.1 });
    expect(percentScale([0.4])).toEqual({ max: 0.5, interval: 0.1 });
    expect(percentScale([0.12])).toEqual({ max: 0.15, interval: 0.05 });
    expect(percentScale([0.01, null])).toEqual({ max: 0.02, interval: 0.01 });
    expect(percentScale([0.98])).toEqual({ max: 1, interval: 0.2 });
    expect(percentScale([])).toEqual({ max: 0.02, interval: 0.01 });
  });

  it('gives every known survey its colour and others a grey', () => {
    expect(surveyColor('SSGI')).not.toBe(surveyColor('SKI'));
    expect(surveyColor('Dinkes')).toBe(surveyColor('Other'));
  });
});
