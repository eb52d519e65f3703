import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CODE_INVALID, measureCode, oedemaCode, parseDecimal, sexCode } from './input-codes.ts';

describe('input codes', () => {
  it('sex: 1/2, L/P, M/F in any case; empty is missing; anything else invalid', () => {
    expect(['1', 'L', 'l', 'M', 'm', ' m ', 1].map(sexCode)).toEqual([1, 1, 1, 1, 1, 1, 1]);
    expect(['2', 'P', 'p', 'F', 'f', 2].map(sexCode)).toEqual([2, 2, 2, 2, 2, 2]);
    expect(['', '  ', null, undefined, NaN].map(sexCode)).toEqual([0, 0, 0, 0, 0]);
    expect(['3', 'x', 'W', 0, 3, 1.5].map(sexCode)).toEqual(Array(6).fill(CODE_INVALID));
  });

  it('measure: L/PB lying, H/TB standing', () => {
    expect(['L', 'l', 'PB', 'pb', 'H', 'h', 'TB', '', null].map(measureCode)).toEqual([
      1, 1, 1, 1, 2, 2, 2, 0, 0,
    ]);
    expect(measureCode('X')).toBe(CODE_INVALID);
  });

  it('oedema: y/1 yes, n/2/missing no', () => {
    expect(['y', 'Y', '1', 'ya', 1, true].map(oedemaCode)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(['n', 'N', '2', '', null, 2, false].map(oedemaCode)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(['maybe', 3].map(oedemaCode)).toEqual([CODE_INVALID, CODE_INVALID]);
  });
});

describe('parseDecimal', () => {
  it('reads decimals with a point; empty is missing (NaN); text is null', () => {
    expect(parseDecimal('80.4')).toBe(80.4);
    expect(parseDecimal(' -3 ')).toBe(-3);
    expect(parseDecimal('.5')).toBe(0.5);
    expect(parseDecimal('5.')).toBe(5);
    expect(parseDecimal('+7.25')).toBe(7.25);
    expect(parseDecimal('1e3')).toBe(1000);
    expect(Object.is(parseDecimal('-0'), -0)).toBe(true);
    expect(parseDecimal('')).toBeNaN();
    expect(parseDecimal('   ')).toBeNaN();
    for (const bad of ['abc', '80,4', '0x10', 'Infinity', 'NaN', '1.2.3', '-', '.', '12kg', '1e']) {
      expect(parseDecimal(bad)).toBeNull();
    }
  });

  it('is exactly Number(text) for every decimal it accepts', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.integer({ min: 0, max: 17 }),
        (x, digits) => {
          const text = Math.abs(x) < 1e21 ? x.toFixed(Math.min(digits, 20)) : String(x);
          expect(Object.is(parseDecimal(text), Number(text))).toBe(true);
        },
      ),
      { numRuns: 20_000 },
    );
    fc.assert(
      fc.property(fc.stringMatching(/^-?\d{1,18}(\.\d{0,18})?$/), (text) => {
        expect(Object.is(parseDecimal(text), Number(text))).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });
});
