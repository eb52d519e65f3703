import { beforeAll, describe, expect, it } from 'vitest';
import { loadDictionary } from '../i18n/language.ts';
import { liveStatus } from './live-status.ts';
import { categoryLabel, categoryTone, statusSummaryText } from './status.ts';

const girl = { sex: 2 as const, birthDate: '2025-09-10' };
const values = {
  measuredOn: '2026-11-24',
  weightKg: 8.1,
  heightCm: 69.8,
  measure: 'l' as const,
  headCm: null,
  muacCm: null,
  oedema: false,
};

// English is fetched when first needed (i18n/language.ts).
beforeAll(() => loadDictionary('en'));

describe('the status while typing', () => {
  it('gives the core categories, and B for a first weighing', () => {
    const s = liveStatus(girl, values, []);
    expect(s.heightForAge.category).toBe('stunted');
    expect(s.weightForHeight.category).toBe('normal');
    expect(s.weightGain).toBe('B');
    expect(s.implausible).toBe(false);
    expect(statusSummaryText(s, 'id')).toBe('Pendek · Gizi baik · Penimbangan pertama');
    expect(statusSummaryText(s, 'en')).toBe('Stunted · Normal weight-for-height · First weighing');
  });

  it('judges the weight gain against last month, and 2T after last month’s T', () => {
    const october = { measuredOn: '2026-10-20', weightKg: 8.0 };
    expect(liveStatus(girl, values, [october]).weightGain).toBe('T');
    expect(liveStatus(girl, { ...values, weightKg: 8.3 }, [october]).weightGain).toBe('N');
    const september = { measuredOn: '2026-09-20', weightKg: 8.0 };
    const twoT = liveStatus(girl, values, [september, october]);
    expect(twoT).toMatchObject({ weightGain: 'T', twoT: true });
    // A gap of a month: O, not T.
    expect(liveStatus(girl, values, [september]).weightGain).toBe('O');
  });

  it('names the fields to check again, the one alone at fault first', () => {
    const s = liveStatus(girl, { ...values, weightKg: 28 }, []);
    expect(s.implausible).toBe(true);
    expect(s.weightForAge.implausible).toBe(true);
    expect(s.heightForAge.implausible).toBe(false);
    expect(s.implausibleFields[0]).toBe('weightKg');
  });

  it('shows labels per index and a tone for every category', () => {
    expect(categoryLabel('weightForHeight', 'normal', 'id')).toBe('Gizi baik');
    expect(categoryLabel('heightForAge', 'severely_stunted', 'id')).toBe('Sangat pendek');
    expect(categoryTone('severely_wasted')).toBe('danger');
    expect(categoryTone('stunted')).toBe('warning');
    expect(categoryTone('normal')).toBe('ok');
    expect(categoryTone(null)).toBe('neutral');
  });
});
