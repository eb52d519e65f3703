import { describe, expect, it } from 'vitest';
import {
  categoryLabel,
  classifyBmiForAge,
  classifyHeightForAge,
  classifyWeightForAge,
  classifyWeightForLength,
  nutritionStatus,
} from './classification.ts';
import { growthZScores } from './zscores.ts';

describe('Permenkes 2/2020 categories (0–60 months), at the boundaries', () => {
  it('BB/U', () => {
    expect([-3.01, -3, -2.01, -2, 1, 1.01].map(classifyWeightForAge)).toEqual([
      'severely_underweight',
      'underweight',
      'underweight',
      'normal',
      'normal',
      'risk_of_overweight',
    ]);
  });

  it('PB/U–TB/U', () => {
    expect([-3.01, -3, -2.01, -2, 3, 3.01].map(classifyHeightForAge)).toEqual([
      'severely_stunted',
      'stunted',
      'stunted',
      'normal',
      'normal',
      'tall',
    ]);
  });

  it('BB/PB–BB/TB and IMT/U', () => {
    const zs = [-3.01, -3, -2.01, -2, 1, 1.01, 2, 2.01, 3, 3.01];
    const expected = [
      'severely_wasted',
      'wasted',
      'wasted',
      'normal',
      'normal',
      'possible_risk_of_overweight',
      'possible_risk_of_overweight',
      'overweight',
      'overweight',
      'obese',
    ];
    expect(zs.map(classifyWeightForLength)).toEqual(expected);
    expect(zs.map(classifyBmiForAge)).toEqual(expected);
  });

  it('missing z gives no category', () => {
    expect(classifyHeightForAge(null)).toBeNull();
    expect(classifyWeightForAge(NaN)).toBeNull();
    expect(classifyWeightForLength(undefined)).toBeNull();
  });

  it('labels in Indonesian (Permenkes wording) and English', () => {
    expect(categoryLabel('bb_pb_tb', 'severely_wasted')).toBe('Gizi buruk');
    expect(categoryLabel('bb_pb_tb', 'severely_wasted', 'en')).toBe('Severely wasted');
    expect(categoryLabel('pb_tb_u', 'stunted')).toBe('Pendek');
    expect(categoryLabel('pb_tb_u', 'severely_stunted', 'en')).toBe('Severely stunted');
    expect(categoryLabel('bb_u', 'underweight')).toBe('Berat badan kurang');
    expect(categoryLabel('imt_u', 'obese')).toBe('Obesitas');
  });
});

describe('nutritionStatus', () => {
  it('stunted and wasted child', () => {
    // girl 700 days, 72 cm lying, 7 kg
    const s = nutritionStatus(
      growthZScores({ sex: 2, ageDays: 700, lengthHeightCm: 72, measure: 'L', weightKg: 7 }),
    );
    expect(s.stunting).toBe(true);
    expect(s.severeStunting).toBe(true);
    expect(s.heightForAge).toBe('severely_stunted');
    expect(s.underweight).toBe(true);
    expect(s.wasting).toBe(true);
    expect(s.overweight).toBe(false);
    expect(s.obesity).toBe(false);
    expect(s.implausible).toBe(false);
  });

  it('overweight includes obesity (z > +2), obesity is z > +3', () => {
    const s = nutritionStatus(
      growthZScores({ sex: 1, ageDays: 1000, lengthHeightCm: 90, measure: 'H', weightKg: 18 }),
    );
    expect(s.weightForLengthHeight).toBe('obese');
    expect(s.overweight).toBe(true);
    expect(s.obesity).toBe(true);
    expect(s.stunting).toBe(false);
  });

  it('oedema counts as below −3 SD for the weight-based indices (anthro prevalence rule)', () => {
    const r = growthZScores({ sex: 1, ageDays: 500, weightKg: 9, lengthHeightCm: 78, oedema: 'y' });
    expect(r.weightForAge).toBeNull();
    const s = nutritionStatus(r);
    expect(s.weightForLengthHeight).toBe('severely_wasted');
    expect(s.severeWasting).toBe(true);
    expect(s.underweight).toBe(true);
    expect(s.stunting).not.toBeNull();
  });

  it('implausible or missing z-scores give null (cannot say), not a category', () => {
    const r = growthZScores({ sex: 1, ageDays: 365, lengthHeightCm: 50, weightKg: 9 });
    expect(r.heightForAge?.implausible).toBe(true);
    const s = nutritionStatus(r);
    expect(s.stunting).toBeNull();
    expect(s.heightForAge).toBeNull();
    expect(s.implausible).toBe(true);
    const none = nutritionStatus(growthZScores({ sex: 1, ageDays: 2000, weightKg: 20 }));
    expect(none.underweight).toBeNull();
    const bad = nutritionStatus(growthZScores({ sex: 1, ageDays: 100, weightKg: -1, oedema: 'y' }));
    expect(bad.wasting).toBeNull();
  });
});
