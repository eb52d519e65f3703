import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { weightGainSeries } from '../../core/registry/assess.ts';
import { continueWeightGains } from './measurements.ts';

const iso = (day: number) =>
  new Date(Date.UTC(2024, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);

/** Visits of one child: increasing days (gaps of 1–70 days), weights in 50 g steps or none. */
const visits = fc
  .array(
    fc.record({
      gap: fc.integer({ min: 1, max: 70 }),
      weight: fc.option(fc.integer({ min: 60, max: 300 }), { nil: null, freq: 6 }),
    }),
    { minLength: 1, maxLength: 14 },
  )
  .map((list) => {
    let day = 10;
    return list.map((v) => {
      day += v.gap;
      return { measuredOn: iso(day), weightKg: v.weight === null ? null : v.weight / 20 };
    });
  });

describe('continueWeightGains (new rows after the stored ones)', () => {
  it('gives what weightGainSeries gives over the whole series (house rule 7)', () => {
    fc.assert(
      fc.property(visits, fc.nat(), (series, cut) => {
        const birthDate = '2024-01-01';
        const split = cut % (series.length + 1);
        const whole = weightGainSeries(birthDate, series);
        const storedPart = series.slice(0, split);
        const storedStatus = weightGainSeries(birthDate, storedPart);
        const stored = storedPart.map((p, i) => ({
          measured_on: p.measuredOn,
          weight_kg: p.weightKg,
          weight_gain: storedStatus[i]!.weightGain,
        }));
        const fresh = series.slice(split).map((p) => ({
          measured_on: p.measuredOn,
          weight_kg: p.weightKg,
          weight_gain: null as 'N' | 'T' | 'O' | 'B' | null,
          two_t: false,
        }));
        // Shuffled: the function orders the new rows itself.
        const shuffled = [...fresh].reverse();
        expect(continueWeightGains(birthDate, stored, shuffled)).toBe(true);
        fresh.forEach((r, i) => {
          expect(r.weight_gain).toBe(whole[split + i]!.weightGain);
          expect(r.two_t).toBe(whole[split + i]!.twoT);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('declines a new row before a stored one, and a stored weighing without status', () => {
    const fresh = [{ measured_on: '2024-03-01', weight_kg: 5, weight_gain: null, two_t: false }];
    expect(
      continueWeightGains(
        '2024-01-01',
        [{ measured_on: '2024-04-01', weight_kg: 6, weight_gain: 'B' }],
        fresh,
      ),
    ).toBe(false);
    expect(
      continueWeightGains(
        '2024-01-01',
        [{ measured_on: '2024-02-01', weight_kg: 4, weight_gain: null }],
        fresh,
      ),
    ).toBe(false);
  });
});
