import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wilsonInterval } from '../../core/indicators/confidence-interval.ts';
import { insertPosyandu } from '../../db/queries/registry.ts';
import { loginAs, testApp, type Session, type TestApp } from '../../test/app.ts';

/**
 * The dashboard API on a small hand-made posyandu (Kabupaten Kupang, desa Bokonusan): girls
 * born 2024-10-10, measured in October 2026 (the test clock stands on 2026-11-24).
 */
const DESA = '5301042003';
const BIRTH = '2024-10-10';

let t: TestApp;
let district: Session;
let posyanduId: string;
let otherPosyanduId: string;

const get = (url: string, session?: Session, headers: Record<string, string> = {}) =>
  t.app.inject({ url, headers: { ...(session ? { cookie: session.cookie } : {}), ...headers } });

async function child(name: string, posyandu = posyanduId): Promise<string> {
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/children',
    headers: district.headers,
    payload: { posyanduId: posyandu, name, sex: 2, birthDate: BIRTH, confirmNotDuplicate: true },
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json<{ child: { id: string } }>().child.id;
}

async function measure(childId: string, measuredOn: string, heightCm: number, weightKg = 11) {
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/measurements',
    headers: district.headers,
    payload: {
      id: randomUUID(),
      childId,
      measuredOn,
      heightCm,
      weightKg,
      measure: 'h',
      confirmImplausible: true,
    },
  });
  expect(r.statusCode, r.body).toBeLessThan(300);
}

beforeAll(async () => {
  t = await testApp();
  district = await loginAs(t, 'district', '5301');
  posyanduId = (await insertPosyandu(t.database.db, { name: 'Posyandu Mawar', region_code: DESA }))
    .id;
  otherPosyanduId = (
    await insertPosyandu(t.database.db, { name: '=HYPERLINK("x")', region_code: DESA })
  ).id;
  // c1 measured twice in October: stunted, then not — counts once, by its latest measurement.
  const c1 = await child('Satu');
  await measure(c1, '2026-10-05', 75);
  await measure(c1, '2026-10-20', 86.5);
  await measure(await child('Dua'), '2026-10-07', 76); // stunted
  await measure(await child('Tiga'), '2026-10-07', 60); // HAZ < −6: flagged, left out
  for (const name of ['Empat', 'Lima', 'Enam', 'Tujuh', 'Delapan'])
    await measure(await child(name), '2026-10-08', 87);
  await child('Sembilan'); // registered, never weighed
});
afterAll(async () => t?.close());

type Figure = {
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  ci: { lower: number; upper: number } | null;
  suppressed: boolean;
  suppressionReason: string | null;
};
type Summary = {
  region: { code: string };
  period: { code: string };
  policy: string;
  asOf: string;
  figures: Record<string, Figure>;
  counts: Record<string, number | null>;
};

describe('GET /api/dashboard/summary on hand-made data', () => {
  it('counts each child once at its latest valid measurement and leaves flagged z-scores out', async () => {
    const r = await get(`/api/dashboard/summary?region=${DESA}&period=2026-10`, district);
    expect(r.statusCode, r.body).toBe(200);
    const s = r.json<Summary>();
    expect(s.policy).toBe('internal_no_suppression');
    // 8 children measured; Tiga's HAZ is flagged → 7 in the denominator, Dua stunted
    expect(s.figures.stunting).toEqual({
      numerator: 1,
      denominator: 7,
      value: 1 / 7,
      ci: { lower: wilsonInterval(1, 7)!.lower, upper: wilsonInterval(1, 7)!.upper },
      suppressed: false,
      suppressionReason: null,
    });
    // weight-for-age is valid for all 8 (the flag is on height only)
    expect(s.figures.underweight!.denominator).toBe(8);
    expect(s.counts).toEqual({ registered: 9, measured: 8, stunted: 1, twoT: 0 });
    // D/S: 8 weighed of 9 registered
    expect(s.figures.weighing_coverage).toMatchObject({ numerator: 8, denominator: 9 });
  });

  it('checks the interval against a known calculation (Wilson, 1 of 7)', async () => {
    const s = (
      await get(`/api/dashboard/summary?region=${DESA}&period=2026-10`, district)
    ).json<Summary>();
    // centre (p + z²/2n)/(1 + z²/n) = 0.26940, half-width 0.24373 (z = 1.959964)
    expect(s.figures.stunting!.ci!.lower).toBeCloseTo(0.02568, 5);
    expect(s.figures.stunting!.ci!.upper).toBeCloseTo(0.51313, 5);
  });

  it('suppresses counts below 5 in public, and says so', async () => {
    const s = (await get(`/api/dashboard/summary?region=${DESA}&period=2026-10`)).json<Summary>();
    expect(s.policy).toBe('public_child_figures_min5');
    expect(s.figures.stunting).toEqual({
      numerator: null,
      denominator: 7,
      value: null,
      ci: null,
      suppressed: true,
      suppressionReason: 'small_count',
    });
    expect(s.counts.stunted).toBeNull();
    expect(s.counts.measured).toBe(8);
  });

  it('gives the public rule to staff of another region and to a kader', async () => {
    const other = await loginAs(t, 'district', '5302');
    const s = (
      await get(`/api/dashboard/summary?region=${DESA}&period=2026-10`, other)
    ).json<Summary>();
    expect(s.policy).toBe('public_child_figures_min5');
    const kader = await loginAs(t, 'kader', DESA);
    const k = (
      await get(`/api/dashboard/summary?region=${DESA}&period=2026-10`, kader)
    ).json<Summary>();
    expect(k.policy).toBe('public_child_figures_min5');
  });

  it('adds up the desa into its kecamatan, kabupaten, province and Indonesia', async () => {
    for (const region of ['530104', '5301', '53', '00']) {
      const s = (
        await get(`/api/dashboard/summary?region=${region}&period=2026-10`, district)
      ).json<Summary>();
      expect(s.figures.stunting!.denominator, region).toBe(7);
    }
  });

  it('counts a child measured in October and November once in the quarter', async () => {
    const s = (
      await get(`/api/dashboard/summary?region=${DESA}&period=2026-Q4`, district)
    ).json<Summary>();
    expect(s.figures.stunting).toMatchObject({ numerator: 1, denominator: 7 });
  });

  it('defaults to the latest complete month that has data', async () => {
    const s = (await get(`/api/dashboard/summary?region=${DESA}`, district)).json<Summary>();
    expect(s.period.code).toBe('2026-10');
    expect(Date.parse(s.asOf)).toBeGreaterThan(Date.parse('2020-01-01'));
  });
});

describe('a new measurement changes the dashboard figure at once', () => {
  it('through the HTTP API, with the answer cached in between', async () => {
    const url = `/api/dashboard/summary?region=${DESA}&period=2026-10`;
    const before = (await get(url)).json<Summary>();
    expect((await get(url)).json<Summary>()).toEqual(before); // a cached answer
    for (const name of ['Sepuluh', 'Sebelas', 'Duabelas', 'Tigabelas'])
      await measure(await child(name), '2026-10-15', 75.5);
    const after = (await get(url)).json<Summary>();
    // 5 stunted of 11: above the public threshold now
    expect(after.figures.stunting).toMatchObject({
      numerator: 5,
      denominator: 11,
      suppressed: false,
    });
    expect(Date.parse(after.asOf)).toBeGreaterThanOrEqual(Date.parse(before.asOf));
  });

  it('a correction moves the child out of the numerator', async () => {
    const url = `/api/dashboard/summary?region=${DESA}&period=2026-10`;
    const rows = await t.database.db
      .selectFrom('measurement')
      .select(['id'])
      .where('measured_on', '=', '2026-10-15')
      .where('superseded_at', 'is', null)
      .limit(1)
      .execute();
    const r = await t.app.inject({
      method: 'POST',
      url: `/api/measurements/${rows[0]!.id}/correction`,
      headers: district.headers,
      payload: {
        id: randomUUID(),
        measuredOn: '2026-10-15',
        heightCm: 87,
        weightKg: 11,
        measure: 'h',
      },
    });
    expect(r.statusCode, r.body).toBeLessThan(300);
    expect((await get(url, district)).json<Summary>().figures.stunting).toMatchObject({
      numerator: 4,
      denominator: 11,
    });
  });
});

describe('series, breakdown, areas, top villages, comparison', () => {
  it('series: every month from … to, with targets resolved up the tree', async () => {
    const r = await get(
      `/api/dashboard/series?region=${DESA}&indicator=stunting&from=2026-08&to=2026-10`,
      district,
    );
    expect(r.statusCode, r.body).toBe(200);
    const s = r.json<{
      points: { period: { code: string }; figure: Figure }[];
      targets: { year: number; value: number; regionCode: string }[];
    }>();
    expect(s.points.map((p) => p.period.code)).toEqual(['2026-08', '2026-09', '2026-10']);
    expect(s.points[0]!.figure.denominator).toBe(0);
    expect(s.points[2]!.figure).toMatchObject({ numerator: 4, denominator: 11 });
    // the national targets of data/indicators/stunting_targets.csv: 14 % for 2024, 18 % for 2025
    expect(s.targets).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ year: 2024, value: 0.14, regionCode: '00' }),
        expect.objectContaining({ year: 2025, value: 0.18, regionCode: '00' }),
      ]),
    );
  });

  it('series of TTS takes its own targets before the national one', async () => {
    const s = (await get('/api/dashboard/series?region=5302&kind=year&from=2022&to=2025')).json<{
      targets: { year: number; value: number; regionCode: string }[];
    }>();
    expect(s.targets.find((x) => x.year === 2024)).toMatchObject({
      value: 0.2935,
      regionCode: '5302',
    });
    expect(s.targets.find((x) => x.year === 2025)).toMatchObject({ value: 0.18, regionCode: '00' });
  });

  it('breakdown: by sex and age group, the groups add up', async () => {
    const b = (
      await get(
        `/api/dashboard/breakdown?region=${DESA}&indicator=stunting&period=2026-10`,
        district,
      )
    ).json<{ bySex: Record<string, Figure>; byAgeGroup: Record<string, Figure> }>();
    expect(b.bySex.female).toMatchObject({ numerator: 4, denominator: 11 });
    expect(b.bySex.male).toMatchObject({ numerator: 0, denominator: 0 });
    // born 2024-10-10: 24 months (730.5 days) fall inside October 2026
    const groups = Object.values(b.byAgeGroup);
    expect(groups.reduce((n, f) => n + f.numerator!, 0)).toBe(4);
    expect(groups.reduce((n, f) => n + f.denominator!, 0)).toBe(11);
    expect(b.byAgeGroup['12-23']!.denominator).toBeGreaterThan(0);
    expect(b.byAgeGroup['24-59']!.denominator).toBeGreaterThan(0);
    expect(b.byAgeGroup['00-05']!.denominator).toBe(0);
  });

  it('areas: every kecamatan of the kabupaten, also those without data', async () => {
    const a = (await get('/api/dashboard/areas?region=5301&period=2026-10', district)).json<{
      level: string;
      rows: { code: string; figure: Figure; rank: number | null }[];
    }>();
    expect(a.level).toBe('kecamatan');
    expect(a.rows.length).toBeGreaterThan(20);
    const semau = a.rows.find((r) => r.code === '530104')!;
    expect(semau).toMatchObject({ rank: 1, figure: { numerator: 4, denominator: 11 } });
    expect(a.rows.filter((r) => r.figure.denominator === 0).length).toBe(a.rows.length - 1);
  });

  it('areas: the posyandu of a desa, and a formula-safe CSV with a BOM and a file name', async () => {
    const a = (
      await get(`/api/dashboard/areas?region=${DESA}&level=posyandu&period=2026-10`, district)
    ).json<{ rows: { code: string; name: string }[] }>();
    expect(a.rows.map((r) => r.code).sort()).toEqual([posyanduId, otherPosyanduId].sort());
    const csv = await get(
      `/api/dashboard/areas?region=${DESA}&level=posyandu&period=2026-10&format=csv`,
      district,
    );
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toBe(
      `attachment; filename="stunting-posyandu-${DESA}-2026-10.csv"`,
    );
    expect(csv.body.startsWith('\uFEFFKode,Nama')).toBe(true);
    expect(csv.body).toContain(`"'=HYPERLINK(""x"")"`);
    const xlsx = await get(`/api/dashboard/areas?region=5301&format=xlsx`, district);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('top villages: the desa with the most stunted children (internal)', async () => {
    const r = (
      await get('/api/dashboard/top-villages?region=53&period=2026-10&limit=5', district)
    ).json<{ rows: { code: string; count: number; kecamatan: string; kabupaten: string }[] }>();
    // district 5301 does not read province 53's records: public rule, 4 < 5 is not listed
    expect(r.rows).toEqual([]);
    const own = (
      await get('/api/dashboard/top-villages?region=5301&period=2026-10', district)
    ).json<{ rows: { code: string; count: number; kecamatan: string; kabupaten: string }[] }>();
    expect(own.rows).toEqual([
      expect.objectContaining({
        code: DESA,
        count: 4,
        kecamatan: 'Semau',
        kabupaten: 'Kabupaten Kupang',
      }),
    ]);
  });

  it('comparison: SSGI and SKI figures of NTT next to e-PPGBM', async () => {
    const c = (await get('/api/dashboard/comparison?region=53&indicator=stunting')).json<{
      years: { year: number; eppgbm: unknown; surveys: { source: string; value: number }[] }[];
    }>();
    const y2021 = c.years.find((y) => y.year === 2021)!;
    expect(y2021.surveys).toEqual(
      expect.arrayContaining([expect.objectContaining({ source: 'SSGI', value: 0.378 })]),
    );
    expect(c.years.find((y) => y.year === 2023)!.surveys).toEqual(
      expect.arrayContaining([expect.objectContaining({ source: 'SKI', value: 0.379 })]),
    );
    expect(c.years.find((y) => y.year === 2026)!.eppgbm).not.toBeNull();
  });

  it('meta: indicators with definitions, periods, the default region', async () => {
    const m = (await get('/api/dashboard/meta')).json<{
      indicators: { id: string; definition: { id: string } }[];
      periods: { firstMonth: string; lastMonth: string; latestComplete: Record<string, string> };
      homeRegion: string;
    }>();
    expect(m.indicators.map((i) => i.id)).toContain('two_t');
    expect(m.periods).toMatchObject({ firstMonth: '2026-10', lastMonth: '2026-10' });
    expect(m.periods.latestComplete).toEqual({
      month: '2026-10',
      quarter: '2026-Q3',
      year: '2025',
      weighing_month: '2026-BT08',
    });
    expect(m.homeRegion).toBe('53');
    expect(
      (await get('/api/dashboard/meta', district)).json<{ homeRegion: string }>().homeRegion,
    ).toBe('5301');
  });
});

describe('bad input gets a 400 naming what is allowed', () => {
  const bad = async (url: string, field: string, allowed: RegExp) => {
    const r = await get(url, undefined, { 'accept-language': 'en' });
    expect(r.statusCode, url).toBe(400);
    const error = r.json<{ error: { code: string; message: string; details: { field: string } } }>()
      .error;
    expect(error.code).toBe('validation_failed');
    expect(error.details.field, url).toContain(field);
    expect(error.message, url).toMatch(allowed);
  };
  it('unknown indicator, region, period; a level not below; the future; a huge limit', async () => {
    await bad('/api/dashboard/summary?region=5399', 'region', /region table|00 for Indonesia/);
    await bad('/api/dashboard/summary?region=53x', 'region', /2, 4, 6 or 10 digits/);
    await bad('/api/dashboard/areas?indicator=height', 'indicator', /stunting, severe_stunting/);
    await bad('/api/dashboard/summary?period=2026-13', 'period', /YYYY-MM/);
    await bad('/api/dashboard/summary?period=2027-01', 'period', /on or before 2026-11/);
    await bad(
      '/api/dashboard/areas?region=5301&level=provinsi',
      'level',
      /kecamatan, desa, posyandu/,
    );
    await bad('/api/dashboard/top-villages?limit=5000', 'limit', /at most 100/);
    await bad('/api/dashboard/series?kind=week', 'kind', /month, quarter, year, weighing_month/);
    await bad('/api/dashboard/series?kind=month&from=2026-Q1', 'from', /kind month/);
    await bad('/api/dashboard/series?from=2010-01&to=2026-10', 'from', /at most 120/);
    await bad('/api/dashboard/areas?format=pdf', 'format', /json, csv, xlsx/);
  });
  it('answers in Indonesian by default', async () => {
    const r = await get('/api/dashboard/summary?region=5399');
    expect(r.json<{ error: { message: string } }>().error.message).toMatch(/^Data tidak valid/);
  });
});

// Last: it adds a child and a weighing to the desa the tests above count.
describe('registered children (S) follow the register, not every write', () => {
  it('S of an area list counts the children born in the 60 months up to the period, per period', async () => {
    const s = async (period: string) =>
      (
        await get(
          `/api/dashboard/areas?region=530104&level=desa&indicator=weighing_coverage&period=${period}`,
          district,
        )
      )
        .json<{ rows: { code: string; figure: Figure }[] }>()
        .rows.find((r) => r.code === DESA)!.figure.denominator;
    const registered = await s('2026-10'); // every child of the desa is born in October 2024
    expect(registered).toBeGreaterThan(5);
    expect(await s('2024-10')).toBe(registered); // the birth month is in its own window
    expect(await s('2024-09')).toBe(0); // a month before any birth
    expect(await s('2024-Q3')).toBe(0);
    expect(await s('2024')).toBe(registered);
    expect(await s('2026-10')).toBe(registered); // the same sums again, from the cache
  });

  it('a weighing keeps S and its cached sums; a new child changes S at once', async () => {
    const url = `/api/dashboard/areas?region=530104&level=desa&indicator=weighing_coverage&period=2026-10`;
    const desa = async () =>
      (await get(url, district))
        .json<{ rows: { code: string; figure: Figure }[] }>()
        .rows.find((r) => r.code === DESA)!.figure;
    const registerVersion = async () =>
      (
        await t.database.db
          .selectFrom('dashboard_state')
          .select('register_version')
          .executeTakeFirstOrThrow()
      ).register_version;
    const before = await desa();
    const version = await registerVersion();
    const id = await child('Empatbelas');
    const registered = await registerVersion();
    expect(registered).toBeGreaterThan(version);
    const afterChild = await desa();
    expect(afterChild.denominator).toBe(before.denominator! + 1);
    expect(afterChild.numerator).toBe(before.numerator);
    await measure(id, '2026-10-20', 76);
    expect(await registerVersion()).toBe(registered);
    const afterWeighing = await desa();
    expect(afterWeighing).toMatchObject({
      numerator: before.numerator! + 1,
      denominator: before.denominator! + 1,
    });
  });
});
