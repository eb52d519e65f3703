import { rmSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEMPLATE_HEADERS } from '../../core/import/template.ts';
import { insertPosyandu } from '../../db/queries/registry.ts';
import { csvLine, fixtureDir, HEADER } from '../../services/import/fixtures.test-data.ts';
import { importJobsIdle } from '../../services/import/jobs.ts';
import { loginAs, testApp, type Session, type TestApp } from '../../test/app.ts';

let t: TestApp;
let dir: string;
let district: Session;
const VILLAGE = '5301042003';

const upload = (session: Session, body: string | Buffer, query: string, type = 'text/csv') =>
  t.app.inject({
    method: 'PUT',
    url: `/api/imports?${query}`,
    headers: { ...session.headers, 'content-type': type },
    payload: body,
  });

async function poll(session: Session, id: string) {
  await importJobsIdle();
  const response = await t.app.inject({ url: `/api/imports/${id}`, headers: session.headers });
  expect(response.statusCode).toBe(200);
  return response.json();
}

const REGISTER = [
  csvLine(HEADER),
  csvLine([
    1,
    '5301046603250001',
    'Veronika Luruk',
    'P',
    '26/03/2025',
    'Ibu L',
    VILLAGE,
    'Melati',
    '02/10/2026',
    '8,4',
    '71',
    '',
  ]),
  csvLine([
    2,
    '',
    'Yosef Nenoliu',
    'L',
    '11/11/2023',
    'Ibu M',
    VILLAGE,
    'Melati',
    '02/10/2026',
    '12,6',
    '89,5',
    'Berdiri',
  ]),
  csvLine([
    3,
    '',
    'Tanpa Tanggal',
    'L',
    '11/11/2023',
    'Ibu N',
    VILLAGE,
    'Melati',
    '',
    '12,6',
    '',
    '',
  ]),
].join('\n');

beforeAll(async () => {
  dir = fixtureDir();
  t = await testApp({ TUMBUH_DATA_DIR: dir });
  district = await loginAs(t, 'district', '5301');
  await insertPosyandu(t.database.db, { name: 'Posyandu Melati', region_code: VILLAGE });
});
afterAll(async () => {
  await importJobsIdle();
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('import over HTTP', () => {
  it('serves the template as CSV and XLSX, with every accepted column', async () => {
    const csv = await t.app.inject({ url: '/api/imports/template.csv' });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n')[0]).toBe(`\uFEFF${TEMPLATE_HEADERS.join(',')}`);
    const xlsx = await t.app.inject({ url: '/api/imports/template.xlsx' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect((workbook.worksheets[0]!.getRow(1).values as unknown[]).slice(1)).toEqual([
      ...TEMPLATE_HEADERS,
    ]);
    // The template itself imports cleanly (preview).
    const preview = await upload(
      district,
      csv.rawPayload,
      'name=templat.csv&dryRun=true&wait=true',
    );
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({
      status: 'previewed',
      counts: { rowsTotal: 2, rowsImported: 2, rowsRejected: 0 },
    });
  });

  it('previews in the background, reports progress and issues, then commits the same upload', async () => {
    const started = await upload(district, REGISTER, 'name=register-oktober.csv');
    expect(started.statusCode, started.body).toBe(202);
    const { id, status } = started.json();
    expect(status).toBe('previewing');
    const previewed = await poll(district, id);
    expect(previewed).toMatchObject({
      fileName: 'register-oktober.csv',
      status: 'previewed',
      counts: { rowsTotal: 3, rowsImported: 2, rowsRejected: 1, childrenCreated: 2 },
      progress: { percent: 100 },
      issues: [{ row: 4, column: 'Tgl Ukur', severity: 'error', code: 'required' }],
    });
    expect(previewed.issues[0].message).toMatch(/Wajib diisi/);
    expect(await t.database.db.selectFrom('measurement').selectAll().execute()).toHaveLength(0);

    const report = await t.app.inject({
      url: `/api/imports/${id}/report.csv`,
      headers: { ...district.headers, 'accept-language': 'en' },
    });
    expect(report.statusCode).toBe(200);
    expect(report.headers['content-disposition']).toContain('laporan-impor-register-oktober.csv');
    expect(report.body.trimEnd().split('\r\n')).toEqual([
      '\uFEFFRow,Column,Severity,Code,Message',
      '4,Tgl Ukur,error,required,Required (the measurement date)',
    ]);

    const committed = await t.app.inject({
      method: 'POST',
      url: `/api/imports/${id}/commit?wait=true`,
      headers: district.headers,
    });
    expect(committed.statusCode, committed.body).toBe(200);
    expect(committed.json()).toMatchObject({
      id,
      status: 'committed',
      counts: { rowsImported: 2, rowsRejected: 1 },
    });
    expect(await t.database.db.selectFrom('measurement').selectAll().execute()).toHaveLength(2);

    const again = await t.app.inject({
      method: 'POST',
      url: `/api/imports/${id}/commit`,
      headers: district.headers,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('import_state');

    const list = await t.app.inject({ url: '/api/imports', headers: district.headers });
    expect(list.json().items.map((i: { id: string }) => i.id)).toContain(id);
  });

  it('imports directly with dryRun=false; the same file again adds nothing', async () => {
    const first = await upload(district, REGISTER, 'name=again.csv&dryRun=false&wait=true');
    expect(first.json()).toMatchObject({
      status: 'committed',
      counts: { rowsImported: 0, rowsDuplicate: 2, rowsRejected: 1 },
    });
  });

  it('answers a file-level problem with its code (and keeps the failed import on record)', async () => {
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2, 3, 4]);
    const now = await upload(district, xls, 'name=lama.xls&wait=true', 'application/vnd.ms-excel');
    expect(now.statusCode).toBe(415);
    expect(now.json().error).toMatchObject({ code: 'import_xls_legacy' });
    expect(now.json().error.message).toMatch(/\.xls/);
    const later = await upload(district, 'Nama,Hobi\nSiti,menari\n', 'name=salah.csv');
    const failed = await poll(district, later.json().id);
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'import_missing_columns' } });
  });

  it('refuses an upload over the size limit before storing it', async () => {
    const small = await testApp({ TUMBUH_DATA_DIR: dir, IMPORT_MAX_MB: '1' });
    try {
      const session = await loginAs(small, 'district', '5301');
      const response = await small.app.inject({
        method: 'PUT',
        url: '/api/imports?name=besar.csv',
        headers: { ...session.headers, 'content-type': 'text/csv' },
        payload: 'x'.repeat(2 * 2 ** 20),
      });
      expect(response.statusCode).toBe(413);
      expect(response.json().error.code).toBe('import_too_large');
    } finally {
      await small.close();
    }
  });

  it('lets only users who may write records import, and shows imports only inside the scope', async () => {
    const partner = await loginAs(t, 'partner', '5301');
    expect((await upload(partner, REGISTER, 'name=x.csv')).statusCode).toBe(403);
    const otherDistrict = await loginAs(t, 'district', '5302');
    const mine = (await t.app.inject({ url: '/api/imports', headers: district.headers })).json()
      .items;
    const theirs = await t.app.inject({
      url: `/api/imports/${mine[0].id}`,
      headers: otherDistrict.headers,
    });
    expect(theirs.statusCode).toBe(404);
    expect(
      (await t.app.inject({ url: '/api/imports', headers: otherDistrict.headers })).json().items,
    ).toEqual([]);
    expect(
      (
        await t.app.inject({
          method: 'PUT',
          url: '/api/imports?name=x.csv',
          headers: { 'content-type': 'text/csv' },
          payload: 'x',
        })
      ).statusCode,
    ).toBe(401);
  });
});

describe('export over HTTP', () => {
  it('streams the scope’s children and measurements as CSV and XLSX, spreadsheet-safe', async () => {
    const posyandu = (
      await t.database.db
        .selectFrom('posyandu')
        .select('id')
        .where('region_code', '=', VILLAGE)
        .executeTakeFirstOrThrow()
    ).id;
    const registered = await t.app.inject({
      method: 'POST',
      url: '/api/children',
      headers: district.headers,
      payload: { posyanduId: posyandu, name: '=1+1 Injeksi', sex: 1, birthDate: '2025-01-05' },
    });
    expect(registered.statusCode).toBe(201);
    const children = await t.app.inject({
      url: '/api/export/children.csv',
      headers: district.headers,
    });
    expect(children.statusCode).toBe(200);
    expect(children.body).toContain("'=1+1 Injeksi");
    expect(children.body).toContain('Veronika Luruk');
    const measurements = await t.app.inject({
      url: `/api/export/measurements.csv?region=${VILLAGE}`,
      headers: district.headers,
    });
    const lines = measurements.body.trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('Tanggal Pengukuran,Umur (bulan),BB (kg),TB/PB (cm)');
    expect(lines[0]).toContain('ZS TB/U');
    const xlsx = await t.app.inject({
      url: '/api/export/measurements.xlsx',
      headers: district.headers,
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]!.rowCount).toBe(3);

    // An export imports back, and adds nothing.
    const back = await upload(
      district,
      measurements.rawPayload,
      'name=ekspor.csv&dryRun=false&wait=true',
    );
    expect(back.json()).toMatchObject({
      status: 'committed',
      counts: { rowsTotal: 2, rowsImported: 0, rowsDuplicate: 2, rowsRejected: 0 },
    });

    const outside = await t.app.inject({
      url: '/api/export/children.csv?region=5302',
      headers: district.headers,
    });
    expect(outside.statusCode).toBe(403);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'export.%')
      .execute();
    expect(audit.length).toBeGreaterThanOrEqual(3);
  });
});
