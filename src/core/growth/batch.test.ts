import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allocateGrowthOutput,
  FLAG_MISSING,
  growthZScoresBatch,
  type GrowthInputColumns,
  type GrowthOutputColumns,
} from './batch.ts';
import { GROWTH_ROW_ERRORS } from './row-errors.ts';
import { growthZScores, type GrowthZScores } from './zscores.ts';

const Z_FIELDS = [
  ['zlen', 'flen', 'heightForAge'],
  ['zwei', 'fwei', 'weightForAge'],
  ['zwfl', 'fwfl', 'weightForLengthHeight'],
  ['zbmi', 'fbmi', 'bmiForAge'],
  ['zhc', 'fhc', 'headCircumferenceForAge'],
  ['zac', 'fac', 'armCircumferenceForAge'],
  ['zts', 'fts', 'tricepsSkinfoldForAge'],
  ['zss', 'fss', 'subscapularSkinfoldForAge'],
] as const;

interface Row {
  sex: number;
  ageDays: number;
  weightKg: number;
  lengthHeightCm: number;
  measure: number;
  oedema: number;
  headCircumferenceCm: number;
  armCircumferenceCm: number;
  tricepsSkinfoldMm: number;
  subscapularSkinfoldMm: number;
}

/** Mostly plausible values, with missing, edge and bad ones mixed in. */
const maybe = (a: fc.Arbitrary<number>): fc.Arbitrary<number> =>
  fc.oneof(
    { weight: 8, arbitrary: a },
    { weight: 1, arbitrary: fc.constantFrom(NaN, 0, -1, Infinity) },
  );
const rowArbitrary: fc.Arbitrary<Row> = fc.record({
  sex: fc.constantFrom(0, 1, 1, 2, 2, 3),
  ageDays: maybe(fc.double({ min: 0, max: 2000, noNaN: true })),
  weightKg: maybe(fc.double({ min: 1, max: 40, noNaN: true })),
  lengthHeightCm: maybe(fc.double({ min: 40, max: 125, noNaN: true })),
  measure: fc.constantFrom(0, 1, 2, 2, 1, 7),
  oedema: fc.constantFrom(0, 0, 0, 1, 2),
  headCircumferenceCm: maybe(fc.double({ min: 30, max: 55, noNaN: true })),
  armCircumferenceCm: maybe(fc.double({ min: 8, max: 25, noNaN: true })),
  tricepsSkinfoldMm: maybe(fc.double({ min: 3, max: 25, noNaN: true })),
  subscapularSkinfoldMm: maybe(fc.double({ min: 3, max: 25, noNaN: true })),
});

function columnsOf(rows: Row[]): Required<GrowthInputColumns> {
  const f64 = (k: keyof Row): Float64Array => Float64Array.from(rows, (r) => r[k]);
  const u8 = (k: keyof Row): Uint8Array => Uint8Array.from(rows, (r) => r[k]);
  return {
    sex: u8('sex'),
    ageDays: f64('ageDays'),
    weightKg: f64('weightKg'),
    lengthHeightCm: f64('lengthHeightCm'),
    measure: u8('measure'),
    oedema: u8('oedema'),
    headCircumferenceCm: f64('headCircumferenceCm'),
    armCircumferenceCm: f64('armCircumferenceCm'),
    tricepsSkinfoldMm: f64('tricepsSkinfoldMm'),
    subscapularSkinfoldMm: f64('subscapularSkinfoldMm'),
  };
}

function singleOf(r: Row): GrowthZScores {
  return growthZScores({
    sex: r.sex === 0 ? null : r.sex,
    ageDays: r.ageDays,
    weightKg: r.weightKg,
    lengthHeightCm: r.lengthHeightCm,
    measure: r.measure === 1 ? 'L' : r.measure === 2 ? 'H' : r.measure === 0 ? null : 'X',
    oedema: r.oedema === 1 ? 'y' : r.oedema === 0 ? 'n' : 'maybe',
    headCircumferenceCm: r.headCircumferenceCm,
    armCircumferenceCm: r.armCircumferenceCm,
    tricepsSkinfoldMm: r.tricepsSkinfoldMm,
    subscapularSkinfoldMm: r.subscapularSkinfoldMm,
  });
}

function expectRowEqual(out: GrowthOutputColumns, i: number, single: GrowthZScores): void {
  expect(GROWTH_ROW_ERRORS[out.error[i]!] ?? null).toEqual(single.error);
  for (const [z, f, name] of Z_FIELDS) {
    const s = single[name];
    if (s === null) {
      expect(out[z][i]).toBeNaN();
      expect(out[f][i]).toBe(FLAG_MISSING);
    } else {
      expect(out[z][i]).toBe(s.z);
      expect(out[f][i]).toBe(s.implausible ? 1 : 0);
      expect(out[`${z}Raw`]![i]).toBe(s.unrounded);
    }
  }
  expect(Number.isNaN(out.clenhei[i]!) ? null : out.clenhei[i]).toBe(single.lengthHeightCm);
}

describe('growthZScoresBatch', () => {
  it('gives every row the same answer as the single-measurement API, bad rows included', () => {
    fc.assert(
      fc.property(fc.array(rowArbitrary, { minLength: 1, maxLength: 60 }), (rows) => {
        const out = allocateGrowthOutput(rows.length);
        const errors = growthZScoresBatch(columnsOf(rows), out);
        expect(errors).toBe(Array.from(out.error).filter((e) => e !== 0).length);
        rows.forEach((r, i) => expectRowEqual(out, i, singleOf(r)));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws and keeps going after bad rows across chunk boundaries', () => {
    const rows: Row[] = [];
    for (let i = 0; i < 5000; i++) {
      rows.push({
        sex: i % 7 === 0 ? 9 : 1 + (i % 2),
        ageDays: i % 11 === 0 ? -5 : i % 1826,
        weightKg: i % 13 === 0 ? 0 : 3 + (i % 1826) / 120,
        lengthHeightCm: 50 + (i % 1826) / 30,
        measure: i % 1826 < 731 ? 1 : 2,
        oedema: 0,
        headCircumferenceCm: NaN,
        armCircumferenceCm: NaN,
        tricepsSkinfoldMm: NaN,
        subscapularSkinfoldMm: NaN,
      });
    }
    const out = allocateGrowthOutput(rows.length);
    const errors = growthZScoresBatch(columnsOf(rows), out);
    const bad = rows.filter((r) => r.sex === 9 || r.ageDays < 0 || r.weightKg === 0).length;
    expect(errors).toBe(bad);
    for (const i of [0, 1, 2047, 2048, 2049, 4095, 4096, 4999])
      expectRowEqual(out, i, singleOf(rows[i]!));
  });

  it('computes only rows [start, end) and leaves the others untouched', () => {
    const rows = Array.from({ length: 4500 }, (_, i) => ({
      sex: 1 + (i % 2),
      ageDays: i % 1800,
      weightKg: 4 + (i % 1800) / 150,
      lengthHeightCm: 52 + (i % 1800) / 30,
      measure: 0,
      oedema: 0,
      headCircumferenceCm: NaN,
      armCircumferenceCm: NaN,
      tricepsSkinfoldMm: NaN,
      subscapularSkinfoldMm: NaN,
    }));
    const out = allocateGrowthOutput(rows.length);
    out.zwei.fill(123);
    growthZScoresBatch(columnsOf(rows), out, 100, 4200);
    expect(out.zwei[99]).toBe(123);
    expect(out.zwei[4200]).toBe(123);
    for (const i of [100, 2147, 2148, 4199]) expectRowEqual(out, i, singleOf(rows[i]!));
  });

  it('throws (a programming error, before any row) when columns are shorter than the rows asked', () => {
    const input = { sex: Uint8Array.of(1, 2), weightKg: Float64Array.of(9) };
    expect(() => growthZScoresBatch(input, allocateGrowthOutput(2))).toThrow(/weightKg/);
    expect(() => growthZScoresBatch({ sex: Uint8Array.of(1) }, allocateGrowthOutput(0))).toThrow(
      /error/,
    );
    expect(() =>
      growthZScoresBatch({ sex: Uint8Array.of(1) }, allocateGrowthOutput(1), 1, 0),
    ).toThrow(RangeError);
  });

  it('works with only the columns given, and without the unrounded outputs', () => {
    const input = {
      sex: Uint8Array.of(1, 2),
      ageDays: Float64Array.of(400, 1000),
      weightKg: Float64Array.of(9, 13),
    };
    const out = allocateGrowthOutput(2, { raw: false });
    expect(out.zweiRaw).toBeUndefined();
    expect(growthZScoresBatch(input, out)).toBe(0);
    expect(out.zwei[0]).toBe(growthZScores({ sex: 1, ageDays: 400, weightKg: 9 }).weightForAge?.z);
    expect(out.zlen[1]).toBeNaN();
    expect(out.zwfl[1]).toBeNaN();
    expect(out.wflTable[1]).toBe(0);
  });
});
