import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../core/access/scope.ts';
import { DomainError } from '../../core/errors.ts';
import { insertPosyandu } from '../../db/queries/registry.ts';
import { testClock } from '../../test/app.ts';
import { createTestDb } from '../../test/db.ts';
import type { ServiceContext } from '../context.ts';
import type { DatabaseHandle } from '../database.ts';
import { registerChild } from '../registry/children.ts';
import {
  csvLine,
  fixtureDir,
  HEADER,
  mergedHeaderWorkbook,
  workbookSkeleton,
  writeFixture,
  zipOf,
} from './fixtures.test-data.ts';
import { commitImport, importReport, previewImport } from './imports.ts';

let database: DatabaseHandle;
let ctx: ServiceContext;
let dir: string;
const VILLAGE = '5301042003'; // Bokonusan, Semau, Kabupaten Kupang
const OTHER_VILLAGE = '5301042004'; // Otan, same kecamatan
let existingNikChild: string;
let existingNameChild: string;

async function userCtx(
  role: Actor['role'],
  regionCode: string,
  posyanduId?: string,
): Promise<ServiceContext> {
  const user = await database.db
    .insertInto('app_user')
    .values({
      email: `${role}-${Math.random()}@test.tumbuh.id`,
      name: role,
      role,
      region_code: regionCode,
      password_hash: 'x',
      posyandu_id: posyanduId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return {
    db: database.db,
    actor: { id: user.id, role, regionCode, posyanduId },
    now: testClock().now,
    requestId: 'test',
  };
}

const counts = async () => ({
  children: Number(
    (
      await database.db
        .selectFrom('child')
        .select((e) => e.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  ),
  measurements: Number(
    (
      await database.db
        .selectFrom('measurement')
        .select((e) => e.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  ),
});

async function failure(run: Promise<unknown>): Promise<DomainError> {
  try {
    await run;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected the import to fail');
}

beforeAll(async () => {
  database = await createTestDb();
  dir = fixtureDir();
  ctx = await userCtx('district', '5301');
  const melati = await insertPosyandu(database.db, {
    name: 'Posyandu Melati',
    region_code: VILLAGE,
  });
  existingNikChild = (
    await registerChild(ctx, {
      posyanduId: melati.id,
      name: 'Yohana Bria',
      sex: 2,
      birthDate: '2024-05-10',
      nik: '5301045005240001',
    })
  ).child.id;
  existingNameChild = (
    await registerChild(ctx, {
      posyanduId: melati.id,
      name: 'Maria Nahak',
      sex: 2,
      birthDate: '2023-02-14',
      motherName: 'Agustina Seran',
    })
  ).child.id;
});
afterAll(async () => {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});

// Today is 2026-11-24 (testClock).
const GOOD_AND_BAD = [
  csvLine(HEADER),
  // 2–5: good rows; 2 matches a registered child by NIK, 3 by name + birth date + mother + desa
  csvLine([
    1,
    '5301045005240001',
    'Yohana Bria',
    'P',
    '10/05/2024',
    'Fransiska',
    VILLAGE,
    'Melati',
    '05/10/2026',
    '10,2',
    '78,5',
    'Terlentang',
  ]),
  csvLine([
    2,
    '',
    'MARIA  nahak',
    'P',
    '14/02/2023',
    'Agustina Seran',
    VILLAGE,
    'Posyandu Melati',
    '2026-10-05',
    '11.4',
    '86.0',
    'Berdiri',
  ]),
  csvLine([
    3,
    '5301041208250003',
    'Kornelis Taek',
    'L',
    '12/08/2025',
    'Yuliana Bere',
    VILLAGE,
    'Melati',
    '05-10-2026',
    '7,9',
    '',
    '',
  ]),
  csvLine([
    4,
    '5301041208250003',
    'Kornelis Taek',
    'L',
    '12/08/2025',
    'Yuliana Bere',
    VILLAGE,
    'Melati',
    '05-11-2026',
    '8,3',
    '69',
    '',
  ]),
  // 6–10: bad rows
  csvLine([
    5,
    '',
    'Anak Masa Depan',
    'L',
    '01/01/2025',
    'Ibu A',
    VILLAGE,
    'Melati',
    '01/01/2027',
    '9',
    '',
    '',
  ]),
  csvLine([
    6,
    '',
    'Anak Sebelum Lahir',
    'P',
    '01/06/2025',
    'Ibu B',
    VILLAGE,
    'Melati',
    '01/05/2025',
    '4',
    '',
    '',
  ]),
  csvLine([
    7,
    '',
    'Anak Besar',
    'L',
    '01/01/2020',
    'Ibu C',
    VILLAGE,
    'Melati',
    '01/03/2025',
    '18',
    '',
    '',
  ]),
  csvLine([
    8,
    '',
    'Anak Berat Nol',
    'P',
    '01/01/2025',
    'Ibu D',
    VILLAGE,
    'Melati',
    '01/10/2026',
    '0',
    '',
    '',
  ]),
  csvLine([
    9,
    '',
    'Anak Desa Asing',
    'L',
    '01/01/2025',
    'Ibu E',
    '5301999999',
    'Melati',
    '01/10/2026',
    '9',
    '',
    '',
  ]),
  // 11: the same as row 4 (a duplicate row)
  csvLine([
    3,
    '5301041208250003',
    'Kornelis Taek',
    'L',
    '12/08/2025',
    'Yuliana Bere',
    VILLAGE,
    'Melati',
    '05-10-2026',
    '7,9',
    '',
    '',
  ]),
  // 12: same child and day as row 4 with another weight (conflict)
  csvLine([
    10,
    '5301041208250003',
    'Kornelis Taek',
    'L',
    '12/08/2025',
    'Yuliana Bere',
    VILLAGE,
    'Melati',
    '05-10-2026',
    '8,9',
    '',
    '',
  ]),
  // 13: a formula in a name cell (never evaluated)
  csvLine([
    11,
    '',
    '=HYPERLINK("http://x","klik")',
    'L',
    '01/01/2025',
    'Ibu F',
    VILLAGE,
    'Melati',
    '01/10/2026',
    '9',
    '',
    '',
  ]),
  '',
].join('\r\n');

describe('import of a register with good and bad rows', () => {
  it('previews without writing any record: counts and a report naming each bad row', async () => {
    const before = await counts();
    const file = writeFixture(dir, 'register.csv', GOOD_AND_BAD);
    const { batch, issues } = await previewImport(ctx, { path: file, name: 'register.csv' });
    expect(await counts()).toEqual(before);
    expect(batch).toMatchObject({
      status: 'previewed',
      format: 'csv',
      rows_total: 12,
      rows_imported: 4,
      rows_duplicate: 1,
      rows_rejected: 7,
      children_matched: 2,
      children_created: 1,
    });
    const byRow = issues.map((i) => [i.row, i.column, i.code]);
    expect(byRow).toEqual([
      [6, 'Tgl Ukur', 'in_future'],
      [7, 'Tgl Ukur', 'before_birth'],
      [8, 'Tgl Ukur', 'age_over_60_months'],
      [9, 'BB (kg)', 'out_of_range'],
      [10, 'Kode Desa', 'unknown_region'],
      [11, null, 'duplicate_row'],
      [12, 'Tgl Ukur', 'conflicting_row'],
      [13, 'Nama Anak', 'formula'],
    ]);
    // The report names rows and columns, never the values (names, NIKs).
    expect(JSON.stringify(issues)).not.toMatch(/Kornelis|5301041208250003|HYPERLINK/);
  });

  it('imports the good rows, matches registered children, and a second import adds nothing', async () => {
    const file = writeFixture(dir, 'register.csv', GOOD_AND_BAD);
    const before = await counts();
    const first = await commitImport(ctx, { path: file, name: 'register.csv' });
    expect(first.batch).toMatchObject({
      status: 'committed',
      rows_imported: 4,
      rows_rejected: 7,
      children_matched: 2,
      children_created: 1,
    });
    expect(await counts()).toEqual({
      children: before.children + 1,
      measurements: before.measurements + 4,
    });
    const matched = await database.db
      .selectFrom('measurement')
      .select(['child_id', 'source', 'import_id'])
      .where('child_id', 'in', [existingNikChild, existingNameChild])
      .execute();
    expect(matched).toHaveLength(2);
    expect(matched.every((m) => m.source === 'import' && m.import_id === first.batch.id)).toBe(
      true,
    );
    // N/T of the new child's second month against the first (7.9 → 8.3 kg in a month: N).
    const series = await database.db
      .selectFrom('measurement as m')
      .innerJoin('child as c', 'c.id', 'm.child_id')
      .select(['m.measured_on', 'm.weight_gain'])
      .where('c.nik', '=', '5301041208250003')
      .orderBy('m.measured_on')
      .execute();
    expect(series).toEqual([
      { measured_on: '2026-10-05', weight_gain: 'B' },
      { measured_on: '2026-11-05', weight_gain: 'N' },
    ]);
    const report = [];
    for await (const issue of importReport(ctx, first.batch.id))
      report.push([issue.row_number, issue.code]);
    expect(report.map(([row]) => row)).toEqual([6, 7, 8, 9, 10, 11, 12, 13]);

    const second = await commitImport(ctx, { path: file, name: 'register (copy).csv' });
    expect(second.batch).toMatchObject({
      rows_imported: 0,
      rows_duplicate: 5,
      children_created: 0,
      children_matched: 3,
    });
    expect(await counts()).toEqual({
      children: before.children + 1,
      measurements: before.measurements + 4,
    });

    const audits = await database.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('entity', '=', 'import_batch')
      .orderBy('id')
      .execute();
    expect(audits.map((a) => a.action)).toEqual(['import.committed', 'import.committed']);
    expect(JSON.stringify(audits[0]!.after)).toContain('register.csv');
  });

  it('commits a previewed import from the same file, and refuses a changed one', async () => {
    const rows = [
      csvLine(HEADER),
      csvLine([
        1,
        '',
        'Paulus Seran',
        'L',
        '03/03/2025',
        'Ibu G',
        VILLAGE,
        'Melati',
        '03/11/2026',
        '9,1',
        '',
        '',
      ]),
    ].join('\n');
    const file = writeFixture(dir, 'small.csv', rows);
    const { batch } = await previewImport(ctx, { path: file, name: 'small.csv' });
    writeFixture(dir, 'small.csv', `${rows}\n`);
    expect((await failure(commitImport(ctx, { importId: batch.id, path: file }))).code).toBe(
      'import_file_changed',
    );
    writeFixture(dir, 'small.csv', rows);
    const done = await commitImport(ctx, { importId: batch.id, path: file });
    expect(done.batch).toMatchObject({ id: batch.id, status: 'committed', rows_imported: 1 });
    expect((await failure(commitImport(ctx, { importId: batch.id, path: file }))).code).toBe(
      'import_state',
    );
  });
});

describe('chunks', () => {
  it('gives the same result in small chunks with two writers (N/T kept in order)', async () => {
    const months = ['05/06/2026', '05/07/2026', '05/08/2026', '05/09/2026', '05/10/2026'];
    const weights = ['7,0', '7,6', '7,6', '7,5', '8,2'];
    const lines = [csvLine(HEADER)];
    months.forEach((m, i) => {
      lines.push(
        csvLine([
          i,
          '',
          'Stefanus Klau',
          'L',
          '02/02/2026',
          'Ibu S',
          VILLAGE,
          'Melati',
          m,
          weights[i]!,
          '',
          '',
        ]),
      );
      lines.push(
        csvLine([
          i,
          '',
          `Lusia Klau ${i}`,
          'P',
          '02/02/2026',
          'Ibu T',
          VILLAGE,
          'Melati',
          m,
          '6,5',
          '',
          '',
        ]),
      );
    });
    const file = writeFixture(dir, 'chunks.csv', lines.join('\n'));
    const { batch } = await commitImport(
      ctx,
      { path: file, name: 'chunks.csv' },
      { chunkSize: 3, parallelWrites: 2 },
    );
    expect(batch).toMatchObject({ rows_total: 10, rows_imported: 10, children_created: 6 });
    const series = await database.db
      .selectFrom('measurement as m')
      .innerJoin('child as c', 'c.id', 'm.child_id')
      .select(['m.weight_gain', 'm.two_t'])
      .where('c.name', '=', 'Stefanus Klau')
      .orderBy('m.measured_on')
      .execute();
    expect(series.map((m) => m.weight_gain)).toEqual(['B', 'N', 'T', 'T', 'N']);
    expect(series.map((m) => m.two_t)).toEqual([false, false, false, true, false]);
  });
});

describe('encodings, formats and layouts', () => {
  it('reads a Latin-1 (Windows-1252) file with semicolons and comma decimals', async () => {
    const text = [
      'NIK;Nama Anak;JK;Tgl Lahir;Nama Ibu;Kode Desa;Posyandu;Tgl Ukur;BB;TB',
      ';José Nuñez;L;07/07/2024;Mária Ximenes;5301042003;Melati;07/10/2026;10,4;79,2',
    ].join('\r\n');
    const file = writeFixture(dir, 'latin1.csv', Buffer.from(text, 'latin1'));
    const { batch } = await commitImport(ctx, { path: file, name: 'latin1.csv' });
    expect(batch).toMatchObject({ status: 'committed', rows_imported: 1, rows_rejected: 0 });
    const child = await database.db
      .selectFrom('child')
      .select(['name', 'mother_name'])
      .where('name', 'like', 'Jos%')
      .executeTakeFirstOrThrow();
    expect(child).toEqual({ name: 'José Nuñez', mother_name: 'Mária Ximenes' });
  });

  it('reads an XLSX with a title row, merged header cells, date cells and formulas (never run)', async () => {
    const file = `${dir}/merged.xlsx`;
    await mergedHeaderWorkbook(
      file,
      [
        {
          nik: null,
          name: 'Agnes Tefa',
          sex: 'P',
          birth: new Date(Date.UTC(2024, 8, 1)),
          mother: 'Ibu H',
          village: VILLAGE,
          posyandu: 'Melati',
          measured: new Date(Date.UTC(2026, 9, 12)),
          weight: 9.8,
          height: 77.5,
          measure: 'Terlentang',
        },
        {
          nik: null,
          name: { formula: 'UPPER("Benediktus Nono")', result: 'BENEDIKTUS NONO' },
          sex: 'L',
          birth: new Date(Date.UTC(2023, 0, 20)),
          mother: 'Ibu I',
          village: VILLAGE,
          posyandu: 'Melati',
          measured: '12/10/2026',
          weight: { formula: '11+0.6', result: 11.6 },
          height: 88,
          measure: 'Berdiri',
        },
        {
          nik: null,
          name: 'Clara Lake',
          sex: 'P',
          birth: new Date(Date.UTC(2024, 1, 2)),
          mother: 'Ibu J',
          village: VILLAGE,
          posyandu: 'Melati',
          measured: new Date(Date.UTC(2026, 9, 12)),
          weight: { formula: 'A1*2' },
          height: null,
          measure: null,
        },
      ],
      { otherSheetFirst: true, sheetName: 'Data' },
    );
    const wrong = await failure(
      previewImport(ctx, { path: file, name: 'merged.xlsx' }, { sheet: 'Sheet9' }),
    );
    expect(wrong.code).toBe('import_sheet_not_found');
    expect(wrong.details.sheets).toBe('Petunjuk, Data');
    const { batch, issues } = await commitImport(
      ctx,
      { path: file, name: 'merged.xlsx' },
      { sheet: 'Data' },
    );
    expect(batch).toMatchObject({
      status: 'committed',
      format: 'xlsx',
      sheet: 'Data',
      rows_total: 3,
      rows_imported: 2,
      rows_rejected: 1,
    });
    expect(issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [6, 'Pengukuran / BB', 'formula'],
    ]);
    const m = await database.db
      .selectFrom('measurement as m')
      .innerJoin('child as c', 'c.id', 'm.child_id')
      .select(['c.name', 'c.birth_date', 'm.measured_on', 'm.weight_kg', 'm.measure'])
      .where('c.name', 'in', ['Agnes Tefa', 'BENEDIKTUS NONO'])
      .orderBy('c.name')
      .execute();
    expect(m).toEqual([
      {
        name: 'Agnes Tefa',
        birth_date: '2024-09-01',
        measured_on: '2026-10-12',
        weight_kg: 9.8,
        measure: 'l',
      },
      {
        name: 'BENEDIKTUS NONO',
        birth_date: '2023-01-20',
        measured_on: '2026-10-12',
        weight_kg: 11.6,
        measure: 'h',
      },
    ]);
  });
});

describe('files refused before anything is written', () => {
  const cases: [string, () => Buffer | string, string][] = [
    ['an empty file', () => '', 'import_empty'],
    ['a header without rows', () => `${csvLine(HEADER)}\r\n\r\n`, 'import_empty'],
    [
      'a legacy .xls',
      () => Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
      'import_xls_legacy',
    ],
    [
      'a PNG image',
      () => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
      'import_file_type',
    ],
    [
      'a Word document (a ZIP that is no workbook)',
      () => zipOf([{ name: 'word/document.xml', data: Buffer.from('<w/>') }]),
      'import_file_type',
    ],
    [
      'a zip bomb (200 MB of zeros in 200 KB)',
      () =>
        zipOf(
          workbookSkeleton('')
            .slice(0, 2)
            .concat([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(200 * 2 ** 20) }]),
        ),
      'import_zip_bomb',
    ],
    [
      'a ZIP whose directory lies about sizes',
      () =>
        zipOf(
          workbookSkeleton(`<x>${'a'.repeat(500_000)}</x>`).map((f) =>
            f.name.includes('sheet1') ? { ...f, declaredSize: 1000 } : f,
          ),
        ),
      'import_zip_bomb',
    ],
    [
      'an XLSX with a 2 MB cell',
      () =>
        zipOf(
          workbookSkeleton(
            `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${randomBytes(1600 * 1024).toString('base64')}</t></is></c></row></sheetData></worksheet>`,
          ),
        ),
      'import_cell_too_large',
    ],
    [
      'a CSV with a 100 MB cell',
      () => `${csvLine(HEADER)}\n1,,"${'x'.repeat(100 * 2 ** 20)}",L\n`,
      'import_cell_too_large',
    ],
    [
      'a file missing required columns',
      () => 'Nama Anak,JK,Tgl Lahir,BB\nSiti,P,01/01/2025,9\n',
      'import_missing_columns',
    ],
    [
      'a file naming a field twice',
      () => `${csvLine([...HEADER, 'Berat Badan'])}\n`,
      'import_duplicate_columns',
    ],
  ];
  for (const [what, content, code] of cases)
    it(`refuses ${what} (${code})`, async () => {
      const before = await counts();
      const file = writeFixture(dir, `bad-${code}`, content());
      const error = await failure(commitImport(ctx, { path: file, name: `${what}.bin` }));
      expect(error.code).toBe(code);
      expect(await counts()).toEqual(before);
      const failed = await database.db
        .selectFrom('import_batch')
        .selectAll()
        .orderBy('created_at', 'desc')
        .executeTakeFirstOrThrow();
      expect(failed).toMatchObject({ status: 'failed', error_code: code, rows_imported: 0 });
    });

  it('says which columns are missing and which were found', async () => {
    const file = writeFixture(
      dir,
      'missing.csv',
      'Nama Anak;JK;Tgl Lahir;Desa;BB;Hobi\nSiti;P;01/01/2025;Bokonusan;9;x\n',
    );
    const error = await failure(previewImport(ctx, { path: file, name: 'missing.csv' }));
    expect(error.message).toContain(
      'Kode Desa (atau Desa/Kelurahan + Kecamatan); Posyandu; Tanggal Pengukuran',
    );
    expect(error.message).toContain('Nama Anak, JK, Tgl Lahir, Desa, BB, Hobi');
  });
});

describe('scope', () => {
  it('reports rows of a desa outside the importer’s scope, and limits a kader to their posyandu', async () => {
    const mawar = await insertPosyandu(database.db, {
      name: 'Posyandu Mawar',
      region_code: OTHER_VILLAGE,
    });
    const village = await userCtx('village', VILLAGE);
    const kader = await userCtx('kader', OTHER_VILLAGE, mawar.id);
    const text = [
      csvLine(HEADER),
      csvLine([
        1,
        '',
        'Rina Lay',
        'P',
        '01/02/2025',
        'Ibu K',
        OTHER_VILLAGE,
        'Mawar',
        '01/10/2026',
        '8,1',
        '',
        '',
      ]),
      csvLine([
        2,
        '',
        'Sisil Lay',
        'P',
        '01/02/2025',
        'Ibu K',
        OTHER_VILLAGE,
        'Kenanga',
        '01/10/2026',
        '8,1',
        '',
        '',
      ]),
    ].join('\n');
    const file = writeFixture(dir, 'scope.csv', text);
    const asVillage = await previewImport(village, { path: file, name: 'scope.csv' });
    expect(asVillage.issues.map((i) => [i.row, i.code])).toEqual([
      [2, 'region_outside_scope'],
      [3, 'region_outside_scope'],
    ]);
    const asKader = await commitImport(kader, { path: file, name: 'scope.csv' });
    expect(asKader.issues.map((i) => [i.row, i.code])).toEqual([[3, 'posyandu_outside_scope']]);
    expect(asKader.batch.rows_imported).toBe(1);
    // A district user may add the missing posyandu.
    const asDistrict = await commitImport(ctx, { path: file, name: 'scope.csv' });
    expect(asDistrict.batch).toMatchObject({
      rows_imported: 1,
      rows_duplicate: 1,
      posyandu_created: 1,
    });
  });
});
