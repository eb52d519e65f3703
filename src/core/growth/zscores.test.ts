import { describe, expect, it } from 'vitest';
import {
  allocateGrowthOutput,
  FLAG_MISSING,
  growthZScoresBatch,
  MEASURE_HEIGHT,
  MEASURE_LENGTH,
  SEX_MISSING,
} from './batch.ts';
import { measureCode, oedemaCode, sexCode } from './input-codes.ts';
import {
  asWrittenByR,
  cellNumber,
  referenceCases,
  referenceExpected,
  Z_COLUMNS,
  type CsvRow,
} from './reference-cases.test-data.ts';
import {
  armCircumferenceForAgeZ,
  bmiForAgeZ,
  growthZScores,
  headCircumferenceForAgeZ,
  heightForAgeZ,
  weightForAgeZ,
  weightForLengthZ,
  type GrowthZScores,
  type Measurement,
} from './zscores.ts';

/** One row of anthro output as this engine produces it, in anthro's column names. */
type AnthroRow = Record<string, number | string | null>;

const Z_NAMES: Record<string, keyof GrowthZScores> = {
  zlen: 'heightForAge',
  zwei: 'weightForAge',
  zwfl: 'weightForLengthHeight',
  zbmi: 'bmiForAge',
  zhc: 'headCircumferenceForAge',
  zac: 'armCircumferenceForAge',
  zts: 'tricepsSkinfoldForAge',
  zss: 'subscapularSkinfoldForAge',
};

function measurementOf(c: CsvRow): Measurement {
  return {
    sex: cellNumber(c.sex),
    ageDays: cellNumber(c.age_days),
    weightKg: cellNumber(c.weight_kg),
    lengthHeightCm: cellNumber(c.lenhei_cm),
    measure: c.measure,
    oedema: c.oedema,
    headCircumferenceCm: cellNumber(c.headc_cm),
    armCircumferenceCm: cellNumber(c.armc_cm),
  };
}

/** Adapter 1: the single-measurement API. */
function viaSingle(cases: CsvRow[]): AnthroRow[] {
  return cases.map((c) => {
    const r = growthZScores(measurementOf(c));
    const row: AnthroRow = {
      clenhei: r.lengthHeightCm,
      cmeasure: r.measure,
      c9mo_flag: r.standingUnder9Months ? 1 : 0,
      cbmi: r.bmi,
      csex: r.sex,
    };
    for (const [z, f] of Z_COLUMNS) {
      const score = r[Z_NAMES[z]!] as { z: number; unrounded: number; implausible: boolean } | null;
      row[z] = score?.z ?? null;
      row[f] = score ? (score.implausible ? 1 : 0) : null;
      row[`${z}_raw`] = score?.unrounded ?? null;
    }
    return row;
  });
}

/** Adapter 2: the batch API over columns. */
function viaBatch(cases: CsvRow[]): AnthroRow[] {
  const n = cases.length;
  const num = (key: string): Float64Array =>
    Float64Array.from(cases, (c) => cellNumber(c[key]) ?? NaN);
  const input = {
    sex: Uint8Array.from(cases, (c) => sexCode(c.sex)),
    ageDays: num('age_days'),
    weightKg: num('weight_kg'),
    lengthHeightCm: num('lenhei_cm'),
    measure: Uint8Array.from(cases, (c) => measureCode(c.measure)),
    oedema: Uint8Array.from(cases, (c) => oedemaCode(c.oedema)),
    headCircumferenceCm: num('headc_cm'),
    armCircumferenceCm: num('armc_cm'),
  };
  const out = allocateGrowthOutput(n);
  expect(growthZScoresBatch(input, out)).toBe(0);
  const nullIfNaN = (x: number): number | null => (x === x ? x : null);
  return cases.map((_, i) => {
    const m = out.cmeasure[i];
    const row: AnthroRow = {
      clenhei: nullIfNaN(out.clenhei[i]!),
      cmeasure: m === MEASURE_LENGTH ? 'l' : m === MEASURE_HEIGHT ? 'h' : null,
      c9mo_flag: out.c9moFlag[i]!,
      cbmi: nullIfNaN(out.cbmi[i]!),
      csex: out.csex[i] === SEX_MISSING ? null : out.csex[i]!,
    };
    for (const [z, f] of Z_COLUMNS) {
      const zCol = out[z];
      const fCol = out[f];
      const raw = out[`${z}Raw`];
      row[z] = nullIfNaN(zCol[i]!);
      row[f] = fCol[i] === FLAG_MISSING ? null : fCol[i]!;
      row[`${z}_raw`] = raw ? nullIfNaN(raw[i]!) : null;
    }
    return row;
  });
}

describe.each([
  ['single-measurement API', viaSingle],
  ['batch API', viaBatch],
])('anthro reference cases through the %s', (_name, compute) => {
  const got = compute(referenceCases);

  it('reproduces every rounded z-score and flag of sample-expected.csv (0 mismatches)', () => {
    const mismatches: string[] = [];
    referenceExpected.forEach((e, i) => {
      for (const [z, f] of Z_COLUMNS) {
        for (const col of [z, f]) {
          const want = cellNumber(e[col]);
          if (got[i]![col] !== want) mismatches.push(`${e.id} ${col}: ${got[i]![col]} ≠ ${want}`);
        }
      }
    });
    expect(referenceExpected).toHaveLength(200);
    expect(mismatches).toEqual([]);
  });

  it('reproduces clenhei, cmeasure, c9mo_flag, cbmi and csex', () => {
    const mismatches: string[] = [];
    referenceExpected.forEach((e, i) => {
      const g = got[i]!;
      const want = {
        clenhei: cellNumber(e.clenhei),
        cmeasure: e.cmeasure === '' ? null : e.cmeasure,
        c9mo_flag: cellNumber(e.c9mo_flag),
        cbmi: cellNumber(e.cbmi),
        csex: cellNumber(e.csex),
      };
      const have = {
        clenhei: typeof g.clenhei === 'number' ? asWrittenByR(g.clenhei) : null,
        cmeasure: g.cmeasure,
        c9mo_flag: g.c9mo_flag,
        cbmi: typeof g.cbmi === 'number' ? asWrittenByR(g.cbmi) : null,
        csex: g.csex,
      };
      if (JSON.stringify(have) !== JSON.stringify(want)) {
        mismatches.push(`${e.id}: ${JSON.stringify(have)} ≠ ${JSON.stringify(want)}`);
      }
    });
    expect(mismatches).toEqual([]);
  });

  it('agrees with anthro’s unrounded z-scores within 1e-9', () => {
    let worst = 0;
    referenceExpected.forEach((e, i) => {
      for (const [z] of Z_COLUMNS) {
        const want = cellNumber(e[`${z}_raw`]);
        const have = got[i]![`${z}_raw`] as number | null;
        expect(have === null).toBe(want === null);
        if (want !== null && have !== null) worst = Math.max(worst, Math.abs(have - want));
      }
    });
    expect(worst).toBeLessThan(1e-9);
  });
});

describe('growthZScores: the rules, with values checked by hand from the table rows', () => {
  it('length-for-age, plain LMS: boy 365 days, 75.0 cm lying (L 1, M 75.7391, S 0.03137)', () => {
    const r = heightForAgeZ({ sex: 1, ageDays: 365, lengthHeightCm: 75, measure: 'L' });
    // (75 / 75.7391 − 1) / 0.03137
    expect(r?.unrounded).toBeCloseTo(-0.3110774594503123, 12);
    expect(r?.z).toBe(-0.31);
    expect(r?.implausible).toBe(false);
  });

  it('730 vs 731 days: length reference before, height (−0.7 cm when lying) from 731', () => {
    const at730 = growthZScores({ sex: 1, ageDays: 730, lengthHeightCm: 88, measure: 'L' });
    expect(at730.lengthHeightCm).toBe(88);
    expect(at730.heightForAge?.unrounded).toBeCloseTo(0.06488522307209826, 12);
    expect(at730.weightForLengthHeightTable).toBe(null); // no weight

    const at731 = growthZScores({ sex: 1, ageDays: 731, lengthHeightCm: 88, measure: 'L' });
    expect(at731.lengthHeightCm).toBe(88 - 0.7);
    expect(at731.heightForAge?.unrounded).toBeCloseTo(0.05552045904967223, 12);

    // 730.49 rounds to 730 (length), 730.5 to 731 (height): anthro's round half up.
    const at73049 = growthZScores({ sex: 1, ageDays: 730.49, lengthHeightCm: 88, measure: 'L' });
    expect(at73049.lengthHeightCm).toBe(88);
    const at7305 = growthZScores({ sex: 1, ageDays: 730.5, lengthHeightCm: 88, measure: 'L' });
    expect(at7305.lengthHeightCm).toBe(88 - 0.7);

    // Standing before 731 days: +0.7 cm; weight-for-length below 731, weight-for-height from 731.
    const standing = growthZScores({
      sex: 2,
      ageDays: 700,
      lengthHeightCm: 80,
      measure: 'H',
      weightKg: 10,
    });
    expect(standing.lengthHeightCm).toBe(80.7);
    expect(standing.weightForLengthHeightTable).toBe('wfl');
    const older = growthZScores({
      sex: 2,
      ageDays: 731,
      lengthHeightCm: 80,
      measure: 'H',
      weightKg: 10,
    });
    expect(older.lengthHeightCm).toBe(80);
    expect(older.weightForLengthHeightTable).toBe('wfh');
  });

  it('exactly 60 months (1826.25 days) gives no z-score; 1826.24 days uses day 1826', () => {
    const m = { sex: 1, lengthHeightCm: 110, measure: 'H', weightKg: 18 } as const;
    const at60 = growthZScores({ ...m, ageDays: 1826.25 });
    expect(at60.heightForAge).toBeNull();
    expect(at60.weightForAge).toBeNull();
    expect(at60.weightForLengthHeight).toBeNull(); // age known and ≥ 60 months
    const before = growthZScores({ ...m, ageDays: 1826.24 });
    // (110 / 109.9593 − 1) / 0.04214
    expect(before.heightForAge?.unrounded).toBeCloseTo(0.008783506185848918, 12);
    expect(before.heightForAge?.z).toBe(0.01);
    expect(growthZScores({ ...m, ageDays: 1900 }).heightForAge).toBeNull();
  });

  it('standing height below 9 months: position dropped (c9mo_flag), no ±0.7 cm', () => {
    const r = growthZScores({ sex: 2, ageDays: 273, lengthHeightCm: 68, measure: 'H' });
    expect(r.standingUnder9Months).toBe(true);
    expect(r.measure).toBeNull();
    expect(r.lengthHeightCm).toBe(68);
    // 273.9375 days = 9.0 months: the rule no longer applies, +0.7 cm as usual below 731 days.
    const nine = growthZScores({ sex: 2, ageDays: 273.9375, lengthHeightCm: 68, measure: 'H' });
    expect(nine.standingUnder9Months).toBe(false);
    expect(nine.measure).toBe('h');
    expect(nine.lengthHeightCm).toBe(68.7);
    // Lying below 9 months is the right position.
    expect(
      growthZScores({ sex: 2, ageDays: 100, lengthHeightCm: 60, measure: 'L' })
        .standingUnder9Months,
    ).toBe(false);
  });

  it('weight-for-length interpolates L, M, S at 0.1 cm: boy 80.43 cm, 10.2 kg', () => {
    // rows 80.4 (−0.3521, 10.5217, 0.08303) and 80.5 (−0.3521, 10.5405, 0.08301), f = 0.3
    const r = weightForLengthZ({ sex: 1, weightKg: 10.2, lengthHeightCm: 80.43, measure: 'L' });
    expect(r?.unrounded).toBeCloseTo(-0.3825915156834391, 11);
    expect(r?.z).toBe(-0.38);
  });

  it('table edges 45, 65, 110, 120 cm: inside counts, outside gives no zwfl (no clamping)', () => {
    const wfl = (sex: 1 | 2, cm: number, kg: number, ageDays: number | null = 300) =>
      weightForLengthZ({ sex, ageDays, weightKg: kg, lengthHeightCm: cm, measure: 'L' });
    const wfh = (sex: 1 | 2, cm: number, kg: number) =>
      weightForLengthZ({ sex, ageDays: 1000, weightKg: kg, lengthHeightCm: cm, measure: 'H' });
    expect(wfl(1, 45, 2)?.unrounded).toBeCloseTo(-2.2480616422854522, 12);
    expect(wfl(1, 44.99, 2)).toBeNull();
    expect(wfl(2, 110, 18)?.unrounded).toBeCloseTo(-0.19532547396953673, 12);
    expect(wfl(2, 110.01, 18)).toBeNull(); // under 731 days: wfh would cover it, anthro gives none
    expect(wfh(1, 65, 7)?.unrounded).toBeCloseTo(-0.7377005541829779, 12);
    expect(wfh(1, 64.99, 7)).toBeNull();
    expect(wfh(2, 120, 30)?.unrounded).toBeCloseTo(2.6435983870012527, 12);
    expect(wfh(2, 120.01, 30)).toBeNull();
    // Standing 109.5 cm at 700 days becomes 110.2 cm lying: outside weight-for-length.
    expect(
      weightForLengthZ({ sex: 1, ageDays: 700, weightKg: 18, lengthHeightCm: 109.5, measure: 'H' }),
    ).toBeNull();
  });

  it('without age the table follows the measure, else length < 87 cm', () => {
    const noAge = (cm: number, measure: string | null) =>
      growthZScores({ sex: 1, weightKg: 12, lengthHeightCm: cm, measure })
        .weightForLengthHeightTable;
    expect(noAge(90, 'L')).toBe('wfl');
    expect(noAge(80, 'H')).toBe('wfh');
    expect(noAge(86.99, null)).toBe('wfl');
    expect(noAge(87, null)).toBe('wfh');
    // Missing age: every age-based z is missing, zwfl is still given.
    const r = growthZScores({ sex: 1, weightKg: 12, lengthHeightCm: 87 });
    expect(r.heightForAge).toBeNull();
    expect(r.weightForAge).toBeNull();
    expect(r.weightForLengthHeight).not.toBeNull();
  });

  it('beyond ±3 SD weight-based z-scores use the restricted LMS', () => {
    // girl 100 days 9.5 kg: plain z 3.6546…, restricted 3 + (9.5 − SD3)/(SD3 − SD2) = 3.7233…
    const high = weightForAgeZ({ sex: 2, ageDays: 100, weightKg: 9.5 });
    expect(high?.unrounded).toBeCloseTo(3.72330850448573, 11);
    expect(high?.z).toBe(3.72);
    // boy 400 days 5.0 kg: plain −6.126…, restricted −5.5233…: beyond −5 but not flagged (−6 limit)
    const low = weightForAgeZ({ sex: 1, ageDays: 400, weightKg: 5 });
    expect(low?.unrounded).toBeCloseTo(-5.523338758766643, 11);
    expect(low?.z).toBe(-5.52);
    expect(low?.implausible).toBe(false);
    // Length-for-age is never restricted: a plain z of −6.9 stays −6.9 (and is flagged).
    const short = heightForAgeZ({
      sex: 1,
      ageDays: 365,
      lengthHeightCm: 75.7391 * (1 - 6.9 * 0.03137),
    });
    expect(short?.z).toBe(-6.9);
    expect(short?.implausible).toBe(true);
  });

  it('flags on the rounded z with strict limits: zlen −6.00 is not flagged, −6.01 is; zwei > 5', () => {
    const len = (z: number) =>
      heightForAgeZ({ sex: 1, ageDays: 365, lengthHeightCm: 75.7391 * (1 + z * 0.03137) });
    expect(len(-6.004)?.z).toBe(-6);
    expect(len(-6.004)?.implausible).toBe(false);
    expect(len(-6.006)?.z).toBe(-6.01);
    expect(len(-6.006)?.implausible).toBe(true);
    expect(len(6.004)?.implausible).toBe(false);
    expect(len(6.006)?.implausible).toBe(true);
    const wei = weightForAgeZ({ sex: 2, ageDays: 100, weightKg: 14 });
    expect(wei!.z).toBeGreaterThan(5);
    expect(wei?.implausible).toBe(true);
    // boy 400 days 4.0 kg: −3 + (4 − SD(−3)) / (SD(−2) − SD(−3)) = −6.72: below −6, flagged
    const wasted = weightForAgeZ({ sex: 1, ageDays: 400, weightKg: 4 });
    expect(wasted?.z).toBe(-6.72);
    expect(wasted?.implausible).toBe(true);
    // beyond +5 SD on weight-for-length (|z| > 5 flagged): boy 80.43 cm, 20 kg
    const heavy = weightForLengthZ({ sex: 1, weightKg: 20, lengthHeightCm: 80.43, measure: 'L' });
    expect(heavy!.z).toBeGreaterThan(5);
    expect(heavy?.implausible).toBe(true);
  });

  it('oedema removes weight-for-age, weight-for-length/height and BMI, nothing else', () => {
    const m: Measurement = {
      sex: 2,
      ageDays: 500,
      weightKg: 8,
      lengthHeightCm: 76,
      measure: 'L',
      headCircumferenceCm: 45,
      armCircumferenceCm: 13,
    };
    for (const oedema of ['y', 'Y', '1', 1, true] as const) {
      const r = growthZScores({ ...m, oedema });
      expect(r.weightForAge).toBeNull();
      expect(r.weightForLengthHeight).toBeNull();
      expect(r.bmiForAge).toBeNull();
      expect(r.heightForAge).not.toBeNull();
      expect(r.headCircumferenceForAge).not.toBeNull();
      expect(r.armCircumferenceForAge).not.toBeNull();
      expect(r.bmi).toBeCloseTo(8 / 0.76 ** 2, 12); // cbmi is still given
    }
    for (const oedema of ['n', 'N', '2', 2, false, null, undefined, ''] as const) {
      expect(growthZScores({ ...m, oedema }).weightForAge).not.toBeNull();
    }
  });

  it('arm circumference and skinfolds start at 91 days (rounded)', () => {
    expect(armCircumferenceForAgeZ({ sex: 2, ageDays: 90.49, armCircumferenceCm: 12 })).toBeNull();
    // 90.5 rounds to 91: girl 91 days (−0.1733, 13.0245, 0.08262)
    expect(
      armCircumferenceForAgeZ({ sex: 2, ageDays: 90.5, armCircumferenceCm: 12 })?.unrounded,
    ).toBeCloseTo(-0.9986672553889899, 12);
  });

  it('missing values: missing sex gives no z-score at all; missing measurements their own', () => {
    const noSex = growthZScores({ sex: null, ageDays: 400, weightKg: 9, lengthHeightCm: 75 });
    expect(noSex.error).toBeNull();
    expect(noSex.sex).toBeNull();
    expect(noSex.heightForAge).toBeNull();
    expect(noSex.weightForLengthHeight).toBeNull();
    expect(noSex.lengthHeightCm).toBe(75); // cleaning still happens, as in anthro
    const onlyWeight = growthZScores({ sex: 'P', ageDays: 400, weightKg: 9 });
    expect(onlyWeight.weightForAge).not.toBeNull();
    expect(onlyWeight.heightForAge).toBeNull();
    expect(onlyWeight.bmiForAge).toBeNull();
    expect(onlyWeight.bmi).toBeNull();
    expect(headCircumferenceForAgeZ({ sex: 1, ageDays: 400, headCircumferenceCm: NaN })).toBeNull();
    expect(bmiForAgeZ({ sex: 1, ageDays: 400, weightKg: 9 })).toBeNull();
  });

  it('accepts L/P, M/F, 1/2 for sex (any case) and PB/TB for the measure', () => {
    const base = { ageDays: 400, weightKg: 9, lengthHeightCm: 75 };
    const boy = growthZScores({ ...base, sex: 1 }).weightForAge;
    for (const sex of ['1', 'L', 'l', 'M', 'm', ' laki-laki ', 'MALE']) {
      expect(growthZScores({ ...base, sex }).weightForAge).toEqual(boy);
    }
    const girl = growthZScores({ ...base, sex: 2 }).weightForAge;
    for (const sex of ['2', 'P', 'p', 'F', 'f', 'Perempuan']) {
      expect(growthZScores({ ...base, sex }).weightForAge).toEqual(girl);
    }
    expect(growthZScores({ ...base, sex: 2, measure: 'TB' }).lengthHeightCm).toBe(75.7);
    expect(growthZScores({ ...base, sex: 2, measure: 'pb' }).lengthHeightCm).toBe(75);
  });

  it('bad input is an error value naming the field, never an exception; no z-scores then', () => {
    const cases: [Measurement, string, string][] = [
      [{ sex: 3, ageDays: 100, weightKg: 5 }, 'sex_invalid', 'sex'],
      [{ sex: 'X', ageDays: 100, weightKg: 5 }, 'sex_invalid', 'sex'],
      [{ sex: 1, ageDays: -1, weightKg: 5 }, 'age_negative', 'age_days'],
      [{ sex: 1, ageDays: Infinity, weightKg: 5 }, 'number_invalid', 'age_days'],
      [{ sex: 1, ageDays: 100, weightKg: 0 }, 'measurement_not_positive', 'weight_kg'],
      [{ sex: 1, ageDays: 100, weightKg: -2 }, 'measurement_not_positive', 'weight_kg'],
      [{ sex: 1, ageDays: 100, lengthHeightCm: 0 }, 'measurement_not_positive', 'lenhei_cm'],
      [{ sex: 1, ageDays: 100, headCircumferenceCm: -1 }, 'measurement_not_positive', 'headc_cm'],
      [{ sex: 1, ageDays: 100, armCircumferenceCm: Infinity }, 'number_invalid', 'armc_cm'],
      [{ sex: 1, ageDays: 100, tricepsSkinfoldMm: 0 }, 'measurement_not_positive', 'triskin_mm'],
      [
        { sex: 1, ageDays: 100, subscapularSkinfoldMm: 0 },
        'measurement_not_positive',
        'subskin_mm',
      ],
      [{ sex: 1, ageDays: 100, measure: 'X' }, 'measure_invalid', 'measure'],
      [{ sex: 1, ageDays: 100, oedema: 'maybe' }, 'oedema_invalid', 'oedema'],
      [{ sex: 1, ageDays: 100, oedema: 3 }, 'oedema_invalid', 'oedema'],
    ];
    for (const [m, code, field] of cases) {
      const r = growthZScores(m);
      expect(r.error).toEqual({ code, field });
      expect(r.weightForAge).toBeNull();
      expect(r.heightForAge).toBeNull();
      expect(r.sex).toBeNull();
    }
    // The next good call is unaffected (scratch columns are reused).
    expect(growthZScores({ sex: 1, ageDays: 100, weightKg: 5 }).error).toBeNull();
  });
});
