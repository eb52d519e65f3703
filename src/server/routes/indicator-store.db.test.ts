import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPublishedIndicators } from '../../services/dashboard/indicator-store.ts';
import { loginAs, testApp, type Session, type TestApp } from '../../test/app.ts';

let t: TestApp;
let district: Session;

beforeAll(async () => {
  t = await testApp();
  district = await loginAs(t, 'district', '5301');
});
afterAll(async () => t?.close());

type Write = {
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  issues: { row: number; column: string | null; code: string; message: string }[];
};
type Values = {
  items: {
    indicator: string;
    regionCode: string;
    period: string;
    source: string;
    value: number;
    origin: string;
    sourceKey: string | null;
  }[];
  truncated: boolean;
};

const post = (values: object[], session: Session | null = district) =>
  t.app.inject({
    method: 'POST',
    url: '/api/indicator-values',
    headers: { ...(session?.headers ?? {}), 'accept-language': 'en' },
    payload: { values },
  });

const upload = (body: Buffer | string, session: Session = district, type = 'text/csv') =>
  t.app.inject({
    method: 'POST',
    url: '/api/indicator-values/import',
    headers: { ...session.headers, 'content-type': type, 'accept-language': 'en' },
    payload: body,
  });

describe('the published figures (data/indicators) are loaded at start', () => {
  it('serves the catalogue and the SSGI, SKI and target values, region 00 as Indonesia', async () => {
    const catalogue = (await t.app.inject({ url: '/api/indicator-catalogue' })).json<{
      items: { code: string; unit: string }[];
    }>();
    expect(catalogue.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'stunting', unit: 'percent' })]),
    );
    const ntt = (
      await t.app.inject({ url: '/api/indicator-values?indicator=stunting&region=53&source=SSGI' })
    ).json<Values>();
    expect(ntt.items.map((v) => [v.period, v.value])).toEqual(
      expect.arrayContaining([
        ['2021', 0.378],
        ['2022', 0.353],
      ]),
    );
    const national = (
      await t.app.inject({ url: '/api/indicator-values?region=00&source=target' })
    ).json<Values & { items: { regionName: string }[] }>();
    expect(national.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          indicator: 'stunting',
          period: '2024',
          value: 0.14,
          regionName: 'Indonesia',
        }),
      ]),
    );
    const kabupaten = (
      await t.app.inject({
        url: '/api/indicator-values?region=53&within=true&source=SSGI&from=2021&to=2021&limit=5',
      })
    ).json<Values>();
    expect(kabupaten.items).toHaveLength(5);
    expect(kabupaten.truncated).toBe(true);
  });

  it('downloads values as CSV', async () => {
    const r = await t.app.inject({ url: '/api/indicator-values?region=53&source=SKI&format=csv' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-disposition']).toBe(
      'attachment; filename="nilai-indikator-semua-53.csv"',
    );
    expect(r.body).toMatch(/^\uFEFFindikator,kode_wilayah/);
    expect(r.body).toContain('stunting,53,Nusa Tenggara Timur,2023,SKI,0.379');
  });

  it('reloads when a file changes: changed and withdrawn figures follow, users\u2019 values stay', async () => {
    // a user corrects a published figure of 5301 (within their scope)
    const own = await post([
      { indicator: 'stunting', regionCode: '5301', period: '2021', source: 'SSGI', value: 0.499 },
    ]);
    expect(own.json<Write>().updated).toBe(1);
    const dir = mkdtempSync(path.join(tmpdir(), 'tumbuh-indicators-'));
    try {
      writeFileSync(
        path.join(dir, 'stunting.csv'),
        'region_code,region_name,indicator,year,value,unit,source\n' +
          '53,Nusa Tenggara Timur,stunting_prevalence_ssgi,2021,37.9,percent,databoks-ssgi2021-prov\n' +
          '5301,Kabupaten Kupang,stunting_prevalence_ssgi,2021,48.6,percent,databoks-ssgi2021-ntt-kab\n' +
          '5399,Nowhere,stunting_prevalence_ssgi,2021,10,percent,x\n',
      );
      const first = await loadPublishedIndicators(t.database.db, { dir });
      expect(first.skipped).toBe(false);
      expect(first.problems).toEqual(['stunting.csv:4: region 5399 not in the region table']);
      expect((await loadPublishedIndicators(t.database.db, { dir })).skipped).toBe(true);
      const values = (
        await t.app.inject({
          url: '/api/indicator-values?indicator=stunting&region=53&within=true&source=SSGI&limit=100',
        })
      ).json<Values>().items;
      expect(values.find((v) => v.regionCode === '53' && v.period === '2021')?.value).toBe(0.379);
      expect(values.find((v) => v.regionCode === '5301')).toMatchObject({
        value: 0.499,
        origin: 'entry',
      });
      expect(values.some((v) => v.period === '2022')).toBe(false); // not in the new files
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await loadPublishedIndicators(t.database.db); // the real files again
    }
  });
});

describe('POST /api/indicator-values', () => {
  it('keeps the good values, reports each bad one by row and field', async () => {
    const r = await post([
      { indicator: 'stunting', regionCode: '5301', period: '2026', source: 'target', value: 0.2 },
      { indicator: 'stunting', regionCode: '5302', period: '2026', source: 'target', value: 0.2 },
      { indicator: 'stunting', regionCode: '530104', period: '2026', source: 'target', value: 20 },
      { indicator: 'height', regionCode: '5301', period: '2026', source: 'target', value: 1 },
    ]);
    expect(r.statusCode, r.body).toBe(200);
    const w = r.json<Write>();
    expect(w).toMatchObject({ created: 1, updated: 0, unchanged: 0, rejected: 3 });
    expect(w.issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [2, 'regionCode', 'region_forbidden'],
      [3, 'value', 'invalid_value'],
      [4, 'indicator', 'unknown_indicator'],
    ]);
    expect(w.issues[1]!.message).toContain('0.157');
  }, 30_000);

  it('rejects a malformed body as a whole with the field named', async () => {
    const r = await post([
      { indicator: 'stunting', regionCode: '53x', period: '2026', source: 'target', value: 0.1 },
    ]);
    expect(r.statusCode).toBe(400);
    expect(r.json<{ error: { details: { field: string } } }>().error.details.field).toBe(
      'body.values.0.regionCode',
    );
  });

  it('audits every change, keeps the history, and leaves an equal value alone', async () => {
    const value = {
      indicator: 'stunting',
      regionCode: '5301',
      period: '2027',
      source: 'target',
      value: 0.19,
    };
    expect((await post([value])).json<Write>().created).toBe(1);
    expect((await post([value])).json<Write>()).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 1,
    });
    expect(
      (await post([{ ...value, value: 0.17, note: 'RPJMD revised' }])).json<Write>().updated,
    ).toBe(1);
    const stored = await t.database.db
      .selectFrom('indicator_value')
      .select(['id'])
      .where('region_code', '=', '5301')
      .where('period', '=', '2027')
      .executeTakeFirstOrThrow();
    const history = await t.database.db
      .selectFrom('indicator_value_history')
      .select(['action', 'value', 'actor_id', 'note'])
      .where('value_id', '=', stored.id)
      .orderBy('id')
      .execute();
    expect(history.map((h) => [h.action, Number(h.value), h.actor_id, h.note])).toEqual([
      ['created', 0.19, district.userId, null],
      ['updated', 0.17, district.userId, 'RPJMD revised'],
    ]);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'region_code', 'before', 'after'])
      .where('entity', '=', 'indicator_value')
      .where('entity_id', '=', String(stored.id))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'indicator_value.created',
      'indicator_value.updated',
    ]);
    expect(audit[1]).toMatchObject({
      region_code: '5301',
      before: { value: 0.19 },
      after: { value: 0.17 },
    });
  });

  it('shows a new target in the series at once', async () => {
    const before = (
      await t.app.inject({ url: '/api/dashboard/series?region=530104&kind=year&from=2024&to=2026' })
    ).json<{
      targets: { year: number; regionCode: string; value: number }[];
    }>();
    expect(before.targets.find((x) => x.year === 2026)).toMatchObject({
      regionCode: '5301',
      value: 0.2,
    });
    await post([
      {
        indicator: 'stunting',
        regionCode: '530104',
        period: '2026',
        source: 'target',
        value: 0.15,
      },
    ]);
    const after = (
      await t.app.inject({ url: '/api/dashboard/series?region=530104&kind=year&from=2024&to=2026' })
    ).json<{
      targets: { year: number; regionCode: string; value: number }[];
    }>();
    expect(after.targets.find((x) => x.year === 2026)).toMatchObject({
      regionCode: '530104',
      value: 0.15,
    });
  });

  it('needs a session with aggregates:write', async () => {
    const value = {
      indicator: 'stunting',
      regionCode: '5301042003',
      period: '2026',
      source: 'target',
      value: 0.1,
    };
    expect((await post([value], null)).statusCode).toBe(401);
    const village = await loginAs(t, 'village', '5301042003');
    const r = await post([value], village);
    expect(r.statusCode).toBe(403);
    expect(r.json<{ error: { code: string } }>().error.code).toBe('forbidden');
  });
});

describe('POST /api/indicator-values/import', () => {
  const csv =
    'Indikator;Kode Wilayah;Periode;Sumber;Nilai;Catatan\n' +
    'stunting;5301;2025;target;25,5;RPJMD\n' +
    'stunting;5399;2025;target;20;\n' +
    'stunting;5301;2025-13;target;20;\n' +
    'weighing_coverage;5301;2025-BT08;Dinkes Kupang;abc;\n' +
    'stunted_children;5301;2025-BT08;Dinkes Kupang;1234;\n' +
    'stunting_prevalence_ssgi;5301;2024;;30.1;\n';

  it('imports the good rows and reports the bad ones by row and column', async () => {
    const r = await upload(csv);
    expect(r.statusCode, r.body).toBe(200);
    const w = r.json<Write & { rows: number; format: string }>();
    expect(w).toMatchObject({ rows: 6, format: 'csv', created: 3, rejected: 3 });
    expect(w.issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [3, 'Kode Wilayah', 'region_not_found'],
      [4, 'Periode', 'invalid_period'],
      [5, 'Nilai', 'invalid_value'],
    ]);
    const stored = (
      await t.app.inject({ url: '/api/indicator-values?region=5301&period=2025' })
    ).json<Values>();
    expect(stored.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          indicator: 'stunting',
          period: '2025',
          value: 0.255,
          origin: 'import',
        }),
        expect.objectContaining({
          indicator: 'stunted_children',
          period: '2025-BT08',
          value: 1234,
        }),
      ]),
    );
  });

  it('changes nothing when the same file comes again', async () => {
    const w = (await upload(csv)).json<Write>();
    expect(w).toMatchObject({ created: 0, updated: 0, unchanged: 3, rejected: 3 });
  });

  it('reads XLSX (cached formula results, never formulas)', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Nilai');
    sheet.addRow(['indicator', 'region_code', 'year', 'source', 'value']);
    sheet.addRow(['stunting', '530104', 2024, 'SSGI', 41.2]);
    sheet.addRow(['stunting', '530104', 2023, 'SKI', { formula: '30+1', result: 31 }]);
    sheet.addRow(['stunting', '530104', 2022, 'SSGI', { formula: 'A1*2' }]);
    const r = await upload(
      Buffer.from(await book.xlsx.writeBuffer()),
      district,
      'application/octet-stream',
    );
    const w = r.json<Write & { format: string }>();
    expect(w).toMatchObject({ format: 'xlsx', created: 2, rejected: 1 });
    expect(w.issues[0]).toMatchObject({ row: 4, code: 'unreadable_cell' });
  });

  it('refuses a file that is not CSV or XLSX, or lacks a required column', async () => {
    const binary = await upload(
      Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0, 7]),
      district,
      'application/octet-stream',
    );
    expect(binary.statusCode).toBe(415);
    const legacy = await upload(
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
      district,
      'application/octet-stream',
    );
    expect(legacy.json<{ error: { code: string } }>().error.code).toBe('import_xls_legacy');
    const missing = await upload('indicator,region_code,value\nstunting,5301,20\n');
    expect(missing.statusCode).toBe(400);
    expect(missing.json<{ error: { code: string; message: string } }>().error).toMatchObject({
      code: 'import_missing_columns',
      message: expect.stringMatching(/source, period/),
    });
  });
});
