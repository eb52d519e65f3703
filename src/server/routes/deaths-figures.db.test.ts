import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { poissonExactInterval } from '../../core/indicators/confidence-interval.ts';
import { loginAs, testApp, type Session, type TestApp } from '../../test/app.ts';

// Kabupaten Timor Tengah Selatan (5302); the test clock is 2026-11-24 16:00 WITA.
let t: TestApp;
let district: Session;
let bidan: Session;
let DESA: string;
let NEIGHBOUR: string;
const names = [
  'Maria Nenobais',
  'By. Ny. Kase',
  'By. Ny. Tualaka',
  'By. Ny. Selan',
  'By. Ny. Banunaek',
  'Lahir Mati Ny. Oematan',
  'Yohanes Tse',
];
const niks = ['5302014107880001', '5302015210900002'];

async function verified(body: Record<string, unknown>, verify = true): Promise<string> {
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/deaths/cases',
    headers: bidan.headers,
    payload: { regionCode: DESA, placeOfDeath: 'home', ...body },
  });
  if (created.statusCode !== 201) throw new Error(created.body);
  const id = created.json().case.id as string;
  if (verify) {
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/deaths/cases/${id}/transitions`,
      headers: district.headers,
      payload: { action: 'verify', version: 1 },
    });
    if (response.statusCode !== 200) throw new Error(response.body);
  }
  return id;
}

beforeAll(async () => {
  t = await testApp();
  const desa = await t.database.db
    .selectFrom('region')
    .select('code')
    .where('code', 'like', '530201%')
    .where('level', '=', 'desa')
    .orderBy('code')
    .limit(2)
    .execute();
  DESA = desa[0]!.code;
  NEIGHBOUR = desa[1]!.code;
  district = await loginAs(t, 'district', '5302');
  bidan = await loginAs(t, 'village', DESA);
  await verified({
    kind: 'maternal',
    deathDate: '2026-10-05',
    name: names[0],
    nik: niks[0],
    motherAgeYears: 24,
    maternalTiming: 'pregnancy',
    gestationalWeeks: 30,
    causeGroup: 'mm2',
  });
  await verified({
    kind: 'neonatal',
    deathDate: '2026-10-07',
    birthDate: '2026-10-02',
    name: names[1],
    motherNik: niks[1],
    causeGroup: 'n9',
    placeOfDeath: 'facility',
    facilityType: 'puskesmas',
    facilityName: 'Puskesmas Kota SoE',
  });
  await verified({
    kind: 'neonatal',
    deathDate: '2026-10-20',
    birthDate: '2026-10-19',
    name: names[2],
    causeGroup: 'n4',
  });
  await verified({
    kind: 'postneonatal',
    deathDate: '2026-10-21',
    birthDate: '2026-05-02',
    name: names[3],
    causeGroup: 'c_pneumonia',
    placeOfDeath: 'on_the_way',
  });
  await verified(
    { kind: 'neonatal', deathDate: '2026-10-22', birthDate: '2026-10-20', name: names[4] },
    false,
  );
  await verified({
    kind: 'stillbirth',
    deathDate: '2026-10-23',
    name: names[5],
    gestationalWeeks: 36,
    stillbirthTiming: 'intrapartum',
    causeGroup: 'i3',
  });
  await verified({
    kind: 'child',
    deathDate: '2026-10-25',
    birthDate: '2024-01-15',
    name: names[6],
    causeGroup: 'c_diarrhoea',
  });
  const saved = await t.app.inject({
    method: 'PUT',
    url: '/api/deaths/live-births',
    headers: district.headers,
    payload: {
      entries: [{ regionCode: '5302', period: '2026', count: 6000, source: 'Profil Kesehatan' }],
    },
  });
  if (saved.statusCode !== 200) throw new Error(saved.body);
});
afterAll(async () => {
  await t.close();
});

const summary = (query: string) =>
  t.app.inject({ method: 'GET', url: `/api/deaths/summary?${query}` });

describe('GET /api/deaths/summary (public)', () => {
  it('counts verified deaths by kind and makes rates with exact intervals over live births', async () => {
    const response = await summary('region=5302&period=2026-10');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.region).toEqual({
      code: '5302',
      name: 'Kabupaten Timor Tengah Selatan',
      level: 'kabupaten',
    });
    expect(body.period).toMatchObject({
      code: '2026-10',
      kind: 'month',
      label: { id: 'Oktober 2026', en: 'October 2026' },
      start: '2026-10-01',
      end: '2026-10-31',
    });
    expect(body.counts).toEqual({
      maternal: 1,
      neonatal: 2,
      infant: 3,
      underFive: 4,
      stillbirth: 1,
    });
    expect(body.unverified).toBe(1);
    expect(body.hasData).toBe(true);
    // a month of a year entered as a total: prorated by days, marked as an estimate
    const births = Math.round((6000 * 31) / 365);
    expect(body.liveBirths).toMatchObject({
      value: births,
      estimated: true,
      method: 'prorated_from_year',
    });
    expect(body.liveBirths.source).toContain('Profil Kesehatan');
    const ci = poissonExactInterval(1);
    expect(body.rates.aki.value).toBeCloseTo((1 / births) * 100_000, 9);
    expect(body.rates.aki.ci.lower).toBeCloseTo((ci.lower / births) * 100_000, 9);
    expect(body.rates.aki.ci.upper).toBeCloseTo((ci.upper / births) * 100_000, 9);
    expect(body.rates.aki).toMatchObject({ per: 100000, unstable: true });
    expect(body.rates.akb.value).toBeCloseTo((3 / births) * 1000, 9);
    expect(body.rates.akn.value).toBeCloseTo((2 / births) * 1000, 9);
    expect(body.rates.akb.per).toBe(1000);
    expect(body.policy).toBe('deaths_counts_public_unstable_below_10');
  });

  it('never carries a name, NIK or date of birth', async () => {
    for (const query of [
      'region=5302&period=2026-10',
      `region=${DESA}&period=2026`,
      'region=53&period=2026',
    ]) {
      const text = (await summary(query)).body;
      for (const secret of [
        ...names,
        ...niks,
        '2026-10-02',
        '2026-05-02',
        '2024-01-15',
        'Puskesmas Kota SoE',
      ])
        expect(text, query).not.toContain(secret);
      expect(text).not.toMatch(/"(nik|birthDate|motherName|motherNik|address|chronology)":/);
    }
    for (const path of [
      'series?region=5302&from=2026-09&to=2026-10',
      'areas?region=53&period=2026-10',
      `breakdown?region=5302&period=2026-10`,
    ]) {
      const text = (await t.app.inject({ method: 'GET', url: `/api/deaths/${path}` })).body;
      for (const secret of [...names, ...niks, '2026-10-02', 'Puskesmas Kota SoE'])
        expect(text, path).not.toContain(secret);
    }
  });

  it('uses the year figure as reported for the year, and defaults to the latest complete month with data', async () => {
    const year = (await summary('region=5302&period=2026')).json();
    expect(year.liveBirths).toMatchObject({ value: 6000, estimated: false, method: 'reported' });
    const byDefault = (await summary('region=5302')).json();
    expect(byDefault.period.code).toBe('2026-10');
    // without a region: the province holding the data
    expect((await summary('')).json().region.code).toBe('53');
  });

  it('says when nothing was notified or entered, and gives no rate', async () => {
    const body = (await summary('region=5303&period=2026-10')).json();
    expect(body.hasData).toBe(false);
    expect(body.counts).toEqual({
      maternal: 0,
      neonatal: 0,
      infant: 0,
      underFive: 0,
      stillbirth: 0,
    });
    expect(body.rates).toEqual({ aki: null, akb: null, akn: null, akaba: null });
    // the published 2019 figure is offered as an estimate, never as a reported figure
    expect(body.liveBirths).toMatchObject({ estimated: true, method: 'published_figure' });
  });

  it('refuses bulan timbang, future periods and unknown regions with what is allowed', async () => {
    const bt = await summary('region=5302&period=2026-BT08');
    expect(bt.statusCode).toBe(400);
    expect(bt.json().error.details.field).toBe('period');
    expect((await summary('region=5302&period=2027-01')).statusCode).toBe(400);
    expect((await summary('region=5302&period=2026-13')).statusCode).toBe(400);
    const unknown = await summary('region=5399&period=2026');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('region_not_found');
  });
});

describe('public series, areas and breakdown', () => {
  it('gives monthly points with counts and births', async () => {
    const body = (
      await t.app.inject({
        method: 'GET',
        url: '/api/deaths/series?region=5302&from=2026-09&to=2026-10',
      })
    ).json();
    expect(body.points.map((p: { period: { code: string } }) => p.period.code)).toEqual([
      '2026-09',
      '2026-10',
    ]);
    expect(body.points[1].counts.infant).toBe(3);
    expect(body.points[0].counts.infant).toBe(0);
  });

  it('lists every kabupaten of the province, also those without deaths', async () => {
    const body = (
      await t.app.inject({ method: 'GET', url: '/api/deaths/areas?region=53&period=2026-10' })
    ).json();
    expect(body.level).toBe('kabupaten');
    expect(body.rows).toHaveLength(22);
    const tts = body.rows.find((r: { code: string }) => r.code === '5302');
    expect(tts.counts.maternal).toBe(1);
    const kupang = body.rows.find((r: { code: string }) => r.code === '5301');
    expect(kupang.counts.maternal).toBe(0);
    expect(kupang.rates.aki).toBeNull();
  });

  it('shows causes and places for a kabupaten, but below it only to health staff', async () => {
    const pub = (
      await t.app.inject({ method: 'GET', url: '/api/deaths/breakdown?region=5302&period=2026-10' })
    ).json();
    expect(pub.restricted).toBe(false);
    const neonatal = pub.byKind.find((k: { kind: string }) => k.kind === 'neonatal');
    expect(neonatal.causes.map((c: { code: string }) => c.code).sort()).toEqual(['n4', 'n9']);
    expect(neonatal.places).toEqual({ facility: 1, home: 1, on_the_way: 0, other: 0 });
    const deep = (
      await t.app.inject({
        method: 'GET',
        url: `/api/deaths/breakdown?region=${DESA}&period=2026-10`,
      })
    ).json();
    expect(deep.restricted).toBe(true);
    expect(deep.byKind.every((k: { total: number }) => k.total === 0)).toBe(true);
    const staff = (
      await t.app.inject({
        method: 'GET',
        url: `/api/deaths/breakdown?region=${DESA}&period=2026-10`,
        headers: { cookie: district.cookie },
      })
    ).json();
    expect(staff.restricted).toBe(false);
    expect(
      staff.byKind.find((k: { kind: string }) => k.kind === 'maternal').causes[0],
    ).toMatchObject({ code: 'mm2', count: 1 });
  });
});

describe('live births', () => {
  it('refuses a count below the recorded infant deaths, naming the field, and stores nothing of the batch', async () => {
    const response = await t.app.inject({
      method: 'PUT',
      url: '/api/deaths/live-births',
      headers: district.headers,
      payload: {
        entries: [
          { regionCode: NEIGHBOUR, period: '2026-10', count: 5 },
          { regionCode: DESA, period: '2026-10', count: 2 },
        ],
      },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error).toMatchObject({
      code: 'live_births_below_deaths',
      details: { field: 'entries.1.count', deaths: 4, count: 2 },
    });
    const stored = await t.database.db
      .selectFrom('live_birth')
      .selectAll()
      .where('region_code', 'in', [DESA, NEIGHBOUR])
      .execute();
    expect(stored).toEqual([]);
  });

  it('refuses regions outside the scope and unknown regions', async () => {
    const outside = await t.app.inject({
      method: 'PUT',
      url: '/api/deaths/live-births',
      headers: district.headers,
      payload: { entries: [{ regionCode: '5301', period: '2026', count: 100 }] },
    });
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error.details.field).toBe('entries.0.regionCode');
    const unknown = await t.app.inject({
      method: 'PUT',
      url: '/api/deaths/live-births',
      headers: district.headers,
      payload: { entries: [{ regionCode: '5302019999', period: '2026', count: 100 }] },
    });
    expect(unknown.statusCode).toBe(404);
    const bidanWrite = await t.app.inject({
      method: 'PUT',
      url: '/api/deaths/live-births',
      headers: bidan.headers,
      payload: { entries: [{ regionCode: DESA, period: '2026', count: 100 }] },
    });
    expect(bidanWrite.statusCode).toBe(403);
  });

  it('imports a CSV keeping good rows, reporting bad ones by row and column, and changes nothing the second time', async () => {
    const csv = [
      'Kode Wilayah;Nama Wilayah;Periode;Lahir Hidup;Sumber',
      `${NEIGHBOUR};Desa B;2026-09;7;PWS-KIA`,
      `${NEIGHBOUR};Desa B;Oktober 2026;6;PWS-KIA`,
      `53020;Salah;2026-09;3;`,
      `5302019999;Tidak ada;2026-09;3;`,
      `${DESA};Desa A;2026-13;3;`,
      `${DESA};Desa A;2026-10;1;`,
      `${DESA};Desa A;2026-09;1.250;`,
      `${NEIGHBOUR};Desa B;2026-09;8;PWS-KIA`,
      `${DESA};Desa A;2026-08;dua;`,
    ].join('\n');
    const upload = (dryRun: boolean) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/deaths/live-births/import?name=lahir.csv&dryRun=${dryRun}`,
        headers: { ...district.headers, 'content-type': 'text/csv' },
        payload: csv,
      });
    const preview = (await upload(true)).json();
    expect(preview).toMatchObject({ dryRun: true, rowsTotal: 9, stored: 3 });
    expect(
      await t.database.db
        .selectFrom('live_birth')
        .selectAll()
        .where('region_code', '=', NEIGHBOUR)
        .execute(),
    ).toEqual([]);

    const first = await upload(false);
    expect(first.statusCode).toBe(200);
    const report = first.json();
    expect(report).toMatchObject({ rowsTotal: 9, stored: 3, unchanged: 0, rejected: 6 });
    const byRow = new Map(report.issues.map((i: { row: number }) => [i.row, i]));
    expect(byRow.get(4)).toMatchObject({ column: 'Kode Wilayah', code: 'invalid_region_code' });
    expect(byRow.get(5)).toMatchObject({ column: 'Kode Wilayah', code: 'region_not_found' });
    expect(byRow.get(6)).toMatchObject({ column: 'Periode', code: 'invalid_period' });
    expect(byRow.get(7)).toMatchObject({ column: 'Lahir Hidup', code: 'births_below_deaths' });
    expect(byRow.get(9)).toMatchObject({ column: 'Lahir Hidup', code: 'conflicting_row' });
    expect(byRow.get(10)).toMatchObject({ column: 'Lahir Hidup', code: 'invalid_number' });
    expect((byRow.get(7) as { message: string }).message).toMatch(/kematian bayi/);
    const stored = await t.database.db
      .selectFrom('live_birth')
      .select(['region_code', 'period', 'count', 'origin'])
      .where('region_code', 'in', [DESA, NEIGHBOUR])
      .orderBy('region_code')
      .orderBy('period')
      .execute();
    expect(stored).toEqual([
      { region_code: DESA, period: '2026-09', count: 1250, origin: 'import' },
      { region_code: NEIGHBOUR, period: '2026-09', count: 7, origin: 'import' },
      { region_code: NEIGHBOUR, period: '2026-10', count: 6, origin: 'import' },
    ]);

    const second = (await upload(false)).json();
    expect(second).toMatchObject({ stored: 0, unchanged: 3, rejected: 6 });
  });

  it('shows the entry table of a region and year with what the rates use', async () => {
    const body = (
      await t.app.inject({
        method: 'GET',
        url: '/api/deaths/live-births?region=530201&year=2026',
        headers: { cookie: district.cookie },
      })
    ).json();
    const neighbour = body.areas.find((a: { code: string }) => a.code === NEIGHBOUR);
    expect(neighbour.months[8]).toEqual({ count: 7, source: 'PWS-KIA' });
    expect(neighbour.months[9]).toEqual({ count: 6, source: 'PWS-KIA' });
    const desa = body.areas.find((a: { code: string }) => a.code === DESA);
    expect(desa.infantDeaths).toBe(4);
    // most desa of the kecamatan have no figure: no sum, and nothing to estimate from
    expect(body.self.resolved).toMatchObject({ value: null, method: null });
    const kabupaten = (
      await t.app.inject({
        method: 'GET',
        url: '/api/deaths/live-births?region=5302&year=2026',
        headers: { cookie: district.cookie },
      })
    ).json();
    expect(kabupaten.self.year).toEqual({ count: 6000, source: 'Profil Kesehatan' });
    expect(kabupaten.self.resolved).toMatchObject({
      value: 6000,
      estimated: false,
      method: 'reported',
    });
    expect(kabupaten.areas[0].level).toBe('kecamatan');
  });
});

describe('OpenAPI', () => {
  it('documents the deaths endpoints under the tag deaths', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    for (const path of [
      '/api/deaths/summary',
      '/api/deaths/cases',
      '/api/deaths/cases/{id}/transitions',
      '/api/deaths/live-births/import',
    ])
      expect(doc.paths[path], path).toBeDefined();
    expect(doc.paths['/api/deaths/summary'].get.tags).toEqual(['deaths']);
    expect(doc.tags.map((tag: { name: string }) => tag.name)).toContain('deaths');
  });
});

describe('summary answers are reused only while the data is unchanged', () => {
  it('shows a new notification and then its verification at once', async () => {
    const before = (await summary('region=5302&period=2025-03')).json();
    expect(before.counts.maternal).toBe(0);
    expect(before.unverified).toBe(0);
    const id = await verified(
      {
        kind: 'maternal',
        deathDate: '2025-03-10',
        name: 'Kasus Cache',
        motherAgeYears: 30,
        maternalTiming: 'pregnancy',
        gestationalWeeks: 20,
        causeGroup: 'mm2',
      },
      false,
    );
    const notified = (await summary('region=5302&period=2025-03')).json();
    expect(notified.unverified).toBe(1);
    expect(notified.counts.maternal).toBe(0);
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/deaths/cases/${id}/transitions`,
      headers: district.headers,
      payload: { action: 'verify', version: 1 },
    });
    expect(response.statusCode).toBe(200);
    const after = (await summary('region=5302&period=2025-03')).json();
    expect(after.counts.maternal).toBe(1);
    expect(after.unverified).toBe(0);
  });
});
