import { describe, expect, it } from 'vitest';
import {
  excelSerialToIso,
  parseDate,
  parseDecimal,
  parseMeasure,
  parseNik,
  parseSex,
  parseText,
  parseVillageCode,
  parseYesNo,
} from './values.ts';

const value = <T>(r: { ok: boolean; value?: T | null }) => (r.ok ? r.value : 'bad');

describe('import cell values', () => {
  it('read dates: ISO, day first with / - ., Indonesian month names, XLSX dates and serials', () => {
    expect(value(parseDate('2024-03-05'))).toBe('2024-03-05');
    expect(value(parseDate('2024-03-05 00:00:00'))).toBe('2024-03-05');
    expect(value(parseDate('05/03/2024'))).toBe('2024-03-05');
    expect(value(parseDate('5-3-2024'))).toBe('2024-03-05');
    expect(value(parseDate('05.03.2024'))).toBe('2024-03-05');
    expect(value(parseDate('5 Maret 2024'))).toBe('2024-03-05');
    expect(value(parseDate('17 Agt 2024'))).toBe('2024-08-17');
    expect(value(parseDate(new Date(Date.UTC(2024, 2, 5))))).toBe('2024-03-05');
    expect(value(parseDate(45356))).toBe('2024-03-05');
    expect(excelSerialToIso(1)).toBe('1899-12-31');
    expect(value(parseDate(''))).toBeNull();
    expect(value(parseDate('31/02/2024'))).toBe('bad');
    expect(value(parseDate('29/02/2024'))).toBe('2024-02-29');
    expect(value(parseDate('29/02/2023'))).toBe('bad');
    expect(value(parseDate('29/02/1900'))).toBe('bad');
    expect(value(parseDate('31/04/2024'))).toBe('bad');
    expect(value(parseDate('05/03/24'))).toBe('bad');
    expect(value(parseDate('kemarin'))).toBe('bad');
  });

  it('read decimals with comma or dot, an optional unit, and grams for kilograms', () => {
    expect(value(parseDecimal('9,5', 'kg'))).toBe(9.5);
    expect(value(parseDecimal(' 9.50 kg', 'kg'))).toBe(9.5);
    expect(value(parseDecimal('3200 g', 'kg'))).toBe(3.2);
    expect(value(parseDecimal(76.4, 'cm'))).toBe(76.4);
    expect(value(parseDecimal('-', 'cm'))).toBeNull();
    expect(value(parseDecimal('1.234,5', 'kg'))).toBe('bad');
    expect(value(parseDecimal('9,5 cm', 'kg'))).toBe('bad');
    expect(value(parseDecimal('=A1*2', 'kg'))).toBe('bad');
  });

  it('read sex, measuring position and yes/no in the ways registers write them', () => {
    expect(['L', 'Laki-laki', 'LK', '1', 'M'].map((s) => value(parseSex(s)))).toEqual([
      1, 1, 1, 1, 1,
    ]);
    expect(['P', 'Perempuan', 'PR', '2', 'F'].map((s) => value(parseSex(s)))).toEqual([
      2, 2, 2, 2, 2,
    ]);
    expect(value(parseSex('X'))).toBe('bad');
    expect(value(parseMeasure('Berdiri'))).toBe('h');
    expect(value(parseMeasure('Terlentang'))).toBe('l');
    expect(value(parseMeasure('telentang'))).toBe('l');
    expect(value(parseYesNo('Ya'))).toBe(true);
    expect(value(parseYesNo(null))).toBe(false);
  });

  it('read NIKs as text only: a spreadsheet number may have lost its last digit', () => {
    expect(value(parseNik("'5301 0101 0124 0001"))).toBe('5301010101240001');
    expect(value(parseNik('123'))).toBe('bad');
    expect(parseNik(5301010101240001)).toMatchObject({ ok: false, code: 'nik_as_number' });
    expect(value(parseVillageCode('53.01.04.2003'))).toBe('5301042003');
    expect(value(parseVillageCode(5301042003))).toBe('5301042003');
    expect(value(parseVillageCode('5301'))).toBe('bad');
  });

  it('refuse formulas, control characters and long text; undo the export escape', () => {
    expect(parseText('=HYPERLINK("x")', 120)).toMatchObject({ ok: false, code: 'formula' });
    expect(parseText("'=Budi", 120)).toMatchObject({ ok: false, code: 'formula' });
    expect(value(parseText("'-Budi", 120))).toBe('-Budi');
    expect(value(parseText('a\u0001b', 120))).toBe('bad');
    expect(parseText('x'.repeat(121), 120)).toMatchObject({ ok: false, code: 'too_long' });
    expect(parseText({ problem: 'formula' }, 120)).toMatchObject({ ok: false, code: 'formula' });
    expect(parseText({ problem: 'too_long' }, 120)).toMatchObject({
      ok: false,
      code: 'cell_too_long',
    });
    expect(value(parseText('  Siti   Aminah ', 120))).toBe('Siti Aminah');
  });
});
