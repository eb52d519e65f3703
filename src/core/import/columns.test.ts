import { describe, expect, it } from 'vitest';
import { detectHeader, fieldOfHeader, headerKey, missingColumns, safeHeader } from './columns.ts';
import { TEMPLATE_HEADERS } from './template.ts';

describe('import headers', () => {
  it('fold case, spaces, punctuation and units in brackets', () => {
    expect(headerKey('Tgl. Lahir')).toBe('tgllahir');
    expect(headerKey('BB (kg)')).toBe('bb');
    expect(headerKey('TB/PB (cm)')).toBe('tbpb');
    expect(headerKey('  NAMA_ANAK ')).toBe('namaanak');
  });

  it('map e-PPGBM synonyms to fields, ignore derived columns, leave others unknown', () => {
    expect(fieldOfHeader('Nama Balita')).toBe('name');
    expect(fieldOfHeader('JK')).toBe('sex');
    expect(fieldOfHeader('TGL_LAHIR')).toBe('birthDate');
    expect(fieldOfHeader('Nama Ortu')).toBe('motherName');
    expect(fieldOfHeader('Tgl Ukur')).toBe('measuredOn');
    expect(fieldOfHeader('Berat (kg)')).toBe('weightKg');
    expect(fieldOfHeader('BB kg')).toBe('weightKg');
    expect(fieldOfHeader('Tinggi')).toBe('heightCm');
    expect(fieldOfHeader('Cara Ukur (Berdiri/Terlentang)')).toBe('measure');
    expect(fieldOfHeader('LiLA')).toBe('muacCm');
    expect(fieldOfHeader('Kode Desa')).toBe('villageCode');
    expect(fieldOfHeader('Desa/Kel')).toBe('villageName');
    expect(fieldOfHeader('Kab/Kota')).toBe('districtName');
    expect(fieldOfHeader('ZS TB/U')).toBeNull();
    expect(fieldOfHeader('Umur (bulan)')).toBeNull();
    expect(fieldOfHeader('Hobi')).toBeUndefined();
  });

  it('read the template header whole', () => {
    const layout = detectHeader([TEMPLATE_HEADERS]);
    expect(layout?.columns.every((c) => c.status === 'recognised')).toBe(true);
    expect(layout?.duplicates).toEqual([]);
    expect(missingColumns(layout!.columns)).toEqual([]);
  });

  it('skip a title row and find the header under it', () => {
    const layout = detectHeader([
      ['Laporan Penimbangan Posyandu Melati, Oktober 2025'],
      [],
      ['No', 'NIK', 'Nama Anak', 'JK', 'Tgl Lahir', 'Kode Desa', 'Posyandu', 'Tgl Ukur', 'BB'],
      ['1', '5301010101240001', 'A', 'L', '2024-01-01', '5301042003', 'Melati', '2025-10-01', '9'],
    ]);
    expect(layout).toMatchObject({ headerRowIndex: 2, headerRows: 1 });
  });

  it('flatten two header rows with merged group cells', () => {
    const groups = [
      'NIK',
      'Nama Anak',
      'JK',
      'Lahir',
      null,
      null,
      'Ibu',
      null,
      'Kode Desa',
      'Posyandu',
      'Pengukuran',
      null,
      null,
      null,
    ];
    const subs = [
      null,
      null,
      null,
      'Tanggal',
      'BB',
      'PB',
      'Nama',
      'NIK',
      null,
      null,
      'Tanggal',
      'BB',
      'TB',
      'Cara Ukur',
    ];
    const layout = detectHeader([groups, subs])!;
    expect(layout.headerRows).toBe(2);
    expect(layout.headerRowIndex).toBe(1);
    expect(layout.columns.map((c) => c.field)).toEqual([
      'nik',
      'name',
      'sex',
      'birthDate',
      'birthWeightKg',
      'birthLengthCm',
      'motherName',
      'motherNik',
      'villageCode',
      'posyandu',
      'measuredOn',
      'weightKg',
      'heightCm',
      'measure',
    ]);
    expect(layout.columns[4]!.header).toBe('Lahir / BB');
    expect(layout.duplicates).toEqual([]);
    expect(missingColumns(layout.columns)).toEqual([]);
  });

  it('name the required columns that are missing, with alternatives', () => {
    const layout = detectHeader([['Nama Anak', 'JK', 'Tgl Lahir', 'Desa', 'BB']])!;
    expect(missingColumns(layout.columns)).toEqual([
      'Kode Desa (atau Desa/Kelurahan + Kecamatan)',
      'Posyandu',
      'Tanggal Pengukuran',
    ]);
  });

  it('report two columns that mean the same field', () => {
    const layout = detectHeader([
      ['Nama Anak', 'JK', 'BB', 'Berat Badan', 'Tgl Lahir', 'Posyandu', 'Tgl Ukur'],
    ])!;
    expect(layout.duplicates).toEqual([{ field: 'weightKg', headers: ['BB', 'Berat Badan'] }]);
  });

  it('never show a NIK-like header in a message', () => {
    expect(safeHeader('5301010101240001')).toBe('#');
    expect(safeHeader('x'.repeat(100))).toHaveLength(40);
  });
});
