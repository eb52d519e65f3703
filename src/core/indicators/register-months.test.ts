import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { registerMonths } from './register-months.ts';

describe('registerMonths', () => {
  it('gives S of a month range as the sum of its birth months, per area', () => {
    const s = registerMonths([
      { region_code: '5301', birth_month: 24_290, children: 3 },
      { region_code: '5301', birth_month: 24_300, children: 4 },
      { region_code: '5302', birth_month: 24_295, children: 5 },
    ]);
    expect(s.between(24_241, 24_300)).toEqual([
      { region_code: '5301', children: 7 },
      { region_code: '5302', children: 5 },
    ]);
    expect(s.between(24_291, 24_299)).toEqual([
      { region_code: '5301', children: 0 },
      { region_code: '5302', children: 5 },
    ]);
    expect(s.between(24_301, 24_360).map((r) => r.children)).toEqual([0, 0]);
    expect(s.between(24_000, 24_100).map((r) => r.children)).toEqual([0, 0]);
    expect(registerMonths([]).between(0, 100)).toEqual([]);
  });

  it('equals the sum over the rows for any range (property)', () => {
    const row = fc.record({
      region_code: fc.constantFrom('53', '5301', '5302', '5371'),
      birth_month: fc.integer({ min: 24_200, max: 24_330 }),
      children: fc.integer({ min: 1, max: 40 }),
    });
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 60 }),
        fc.integer({ min: 24_150, max: 24_380 }),
        fc.integer({ min: 0, max: 80 }),
        (rows, from, length) => {
          const to = from + length;
          const got = new Map(
            registerMonths(rows)
              .between(from, to)
              .map((r) => [r.region_code, r.children]),
          );
          for (const code of new Set(rows.map((r) => r.region_code))) {
            const want = rows
              .filter((r) => r.region_code === code && r.birth_month >= from && r.birth_month <= to)
              .reduce((sum, r) => sum + r.children, 0);
            expect(got.get(code)).toBe(want);
          }
          expect(got.size).toBe(new Set(rows.map((r) => r.region_code)).size);
        },
      ),
    );
  });
});
