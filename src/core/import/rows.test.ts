import { describe, expect, it } from 'vitest';
import { detectHeader } from './columns.ts';
import { fieldColumns, readImportRow } from './rows.ts';
import type { CellValue } from './values.ts';

const header = [
  'NIK',
  'Nama Anak',
  'JK',
  'Tgl Lahir',
  'Nama Ibu',
  'Kode Desa',
  'Posyandu',
  'Tgl Ukur',
  'BB',
  'TB',
  'Cara Ukur',
];
const columns = fieldColumns(detectHeader([header])!.columns);
const today = '2026-11-24';
const good: CellValue[] = [
  '',
  'Siti',
  'P',
  '01/01/2025',
  'Ani',
  '5301042003',
  'Melati',
  '01/10/2026',
  '9,5',
  '76,1',
  '',
];
const read = (changes: Record<number, CellValue>) =>
  readImportRow(
    7,
    good.map((c, i) => (i in changes ? changes[i]! : c)),
    columns,
    today,
  );

describe('readImportRow', () => {
  it('reads a good row and infers lying for a baduta without a measuring position', () => {
    const { record, issues } = read({});
    expect(issues).toEqual([]);
    expect(record).toMatchObject({
      row: 7,
      name: 'Siti',
      sex: 2,
      birthDate: '2025-01-01',
      villageCode: '5301042003',
      measuredOn: '2026-10-01',
      weightKg: 9.5,
      heightCm: 76.1,
      measure: 'l',
    });
  });

  it('names row, column and reason for each bad value, and never the value', () => {
    const cases: [Record<number, CellValue>, string, string][] = [
      [{ 7: '01/01/2027' }, 'Tgl Ukur', 'in_future'],
      [{ 7: '01/12/2024' }, 'Tgl Ukur', 'before_birth'],
      [{ 3: '01/01/2020' }, 'Tgl Ukur', 'age_over_60_months'],
      [{ 8: '0', 9: '' }, 'BB', 'out_of_range'],
      [{ 8: 'sembilan' }, 'BB', 'invalid_number'],
      [{ 2: 'X' }, 'JK', 'invalid_sex'],
      [{ 0: '1234' }, 'NIK', 'invalid_nik'],
      [{ 5: '5301' }, 'Kode Desa', 'invalid_region_code'],
      [{ 1: '' }, 'Nama Anak', 'required'],
      [{ 8: '', 9: '' }, 'BB', 'required'],
      [{ 1: { problem: 'formula' } }, 'Nama Anak', 'formula'],
      [{ 1: { problem: 'too_long' } }, 'Nama Anak', 'cell_too_long'],
    ];
    for (const [changes, column, code] of cases) {
      const { record, issues } = read(changes);
      expect(record, code).toBeNull();
      expect(issues[0], code).toMatchObject({ row: 7, column, code, severity: 'error' });
      expect(JSON.stringify(issues)).not.toContain('sembilan');
    }
  });

  it('accepts a child born more than 60 months ago when measured as a balita (a historical register)', () => {
    const { record } = read({ 3: '01/01/2020', 7: '01/06/2023', 9: '' });
    expect(record?.measuredOn).toBe('2023-06-01');
  });
});
