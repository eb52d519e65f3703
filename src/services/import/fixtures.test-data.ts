/**
 * Import fixture files written by the tests into a temp directory: CSV (UTF-8 and Latin-1), XLSX
 * built with exceljs (merged header cells, formulas, dates), and hand-made ZIPs (a zip bomb, a
 * ZIP whose directory lies, a ZIP that is not a workbook).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deflateRawSync, crc32 } from 'node:zlib';
import ExcelJS from 'exceljs';

export function fixtureDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'tumbuh-import-'));
}

export function writeFixture(dir: string, name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

export const HEADER = [
  'No',
  'NIK',
  'Nama Anak',
  'JK',
  'Tgl Lahir',
  'Nama Ibu',
  'Kode Desa',
  'Posyandu',
  'Tgl Ukur',
  'BB (kg)',
  'TB (cm)',
  'Cara Ukur',
];

/** A CSV line (comma, quoted when needed). */
export const csvLine = (cells: (string | number | null)[]) =>
  cells
    .map((c) => {
      const s = c === null ? '' : String(c);
      return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    })
    .join(',');

export interface ZipFile {
  name: string;
  data: Buffer;
  /** Stored compressed (deflate) unless false. */
  deflate?: boolean;
  /** Declare this uncompressed size instead of the real one (a lying directory). */
  declaredSize?: number;
}

/** A minimal ZIP writer (local headers, central directory, end record). */
export function zipOf(files: ZipFile[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const name = Buffer.from(f.name, 'utf8');
    const deflate = f.deflate !== false;
    const body = deflate ? deflateRawSync(f.data) : f.data;
    const size = f.declaredSize ?? f.data.length;
    const crc = crc32(f.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(deflate ? 8 : 0, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(deflate ? 8 : 0, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The entries every workbook has, so a ZIP passes for one until its sheet is looked at. */
export function workbookSkeleton(sheetXml: string): ZipFile[] {
  return [
    {
      name: '[Content_Types].xml',
      data: Buffer.from(
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
      ),
    },
    {
      name: 'xl/workbook.xml',
      data: Buffer.from(
        '<?xml version="1.0"?><workbook><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
    },
    { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(sheetXml) },
  ];
}

/**
 * An XLSX the way e-PPGBM-style registers come: a title row, two header rows with merged group
 * cells ("Lahir" over Tanggal/BB, "Pengukuran" over Tanggal/BB/TB/Cara Ukur), date cells, a
 * formula with its cached result and a formula without one.
 */
export async function mergedHeaderWorkbook(
  file: string,
  rows: {
    nik: string | null;
    name: string | { formula: string; result?: string };
    sex: string;
    birth: Date;
    mother: string;
    village: string;
    posyandu: string;
    measured: Date | string;
    weight: number | { formula: string; result?: number };
    height: number | null;
    measure: string | null;
  }[],
  options: { sheetName?: string; otherSheetFirst?: boolean } = {},
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  if (options.otherSheetFirst)
    workbook.addWorksheet('Petunjuk').getCell('A1').value = 'Isi data di lembar Data';
  const ws = workbook.addWorksheet(options.sheetName ?? 'Data');
  ws.getCell('A1').value = 'Laporan penimbangan posyandu — Oktober 2026';
  ws.getRow(2).values = [
    'NIK',
    'Nama Anak',
    'JK',
    'Lahir',
    null,
    'Nama Ibu',
    'Kode Desa',
    'Posyandu',
    'Pengukuran',
  ];
  ws.getRow(3).values = [
    null,
    null,
    null,
    'Tanggal',
    'BB',
    null,
    null,
    null,
    'Tanggal',
    'BB',
    'TB',
    'Cara Ukur',
  ];
  for (const col of ['A', 'B', 'C', 'F', 'G', 'H']) ws.mergeCells(`${col}2:${col}3`);
  ws.mergeCells('D2:E2');
  ws.mergeCells('I2:L2');
  rows.forEach((r, i) => {
    const row = ws.getRow(4 + i);
    row.values = [
      r.nik,
      null,
      r.sex,
      r.birth,
      null,
      r.mother,
      r.village,
      r.posyandu,
      r.measured,
      null,
      r.height,
      r.measure,
    ];
    row.getCell(2).value = r.name;
    row.getCell(10).value = r.weight;
    row.getCell(4).numFmt = 'dd/mm/yyyy';
    row.getCell(9).numFmt = 'dd/mm/yyyy';
  });
  await workbook.xlsx.writeFile(file);
}
