import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessMeasurement, weightGainSeries } from '../../core/registry/assess.ts';
import type { DatabaseHandle } from '../../db/connect.ts';
import { createTestDb } from '../../test/db.ts';
import {
  demoDatasetInfo,
  DemoRefusedError,
  generateDemo,
  seedDemoIfEmpty,
  type DemoProgress,
  type DemoRunResult,
} from './demo-province.ts';

let database: DatabaseHandle;
let result: DemoRunResult;
const progress: DemoProgress[] = [];

beforeAll(async () => {
  database = await createTestDb();
  result = await generateDemo(database, {
    children: 2000,
    seed: 3,
    today: '2025-06-20',
    onProgress: (p) => progress.push(p),
  });
}, 120_000);
afterAll(async () => database?.close());

const noNegativeZero = (z: number | null) => (z === 0 ? 0 : z);

const count = async (table: 'puskesmas' | 'posyandu' | 'child' | 'measurement') =>
  Number(
    (
      await database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('generateDemo (small NTT on a real database)', () => {
  it('loads what it reports and marks the database as synthetic', async () => {
    const info = result.info;
    expect(info.children).toBe(2000);
    expect(await count('child')).toBe(2000);
    expect(await count('measurement')).toBe(info.measurements);
    expect(info.measurements).toBeGreaterThan(2000 * 10);
    expect(await count('posyandu')).toBe(info.posyandu);
    expect(await count('puskesmas')).toBe(info.puskesmas);
    expect(info.posyandu).toBeGreaterThanOrEqual(3442); // every NTT desa/kelurahan
    expect(await demoDatasetInfo(database.db)).toMatchObject({
      synthetic: true,
      label: { id: 'Data sintetis (demo)', en: 'Synthetic data (demo)' },
      seed: 3,
      children: 2000,
      measurements: info.measurements,
      province: '53',
      months: 24,
      today: '2025-06-20',
      targets: { indicator: 'stunting_prevalence_ssgi', year: 2021 },
    });
    expect(progress.at(-1)).toMatchObject({ children: 2000, totalChildren: 2000, fraction: 1 });
  });

  it('puts a posyandu in every NTT desa, each under a puskesmas of its kecamatan', async () => {
    const { rows } = await sql<{ desa_without: number; outside: number; wrong_kecamatan: number }>`
      select
        (select count(*) from region r where r.level = 'desa' and r.code like '53%'
           and not exists (select 1 from posyandu p where p.region_code = r.code))::int as desa_without,
        (select count(*) from posyandu where region_code not like '53%')::int as outside,
        (select count(*) from posyandu p join puskesmas k on k.id = p.puskesmas_id
           where left(p.region_code, 6) <> k.region_code)::int as wrong_kecamatan`.execute(
      database.db,
    );
    expect(rows[0]).toEqual({ desa_without: 0, outside: 0, wrong_kecamatan: 0 });
  });

  it('keeps every child and measurement inside NTT, at a posyandu of the child’s desa', async () => {
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from child c join posyandu p on p.id = c.posyandu_id
      where c.region_code not like '53%' or p.region_code <> c.region_code`.execute(database.db);
    expect(rows[0]!.n).toBe(0);
    const mismatched = await sql<{ n: number }>`
      select count(*)::int as n from measurement m join child c on c.id = m.child_id
      where m.region_code <> c.region_code or m.posyandu_id <> c.posyandu_id
         or m.source <> 'demo' or m.measured_on > '2025-06-20' or m.superseded_at is not null`.execute(
      database.db,
    );
    expect(mismatched.rows[0]!.n).toBe(0);
  });

  it('stores z-scores, flags and categories equal to assessMeasurement of the stored values', async () => {
    const sample = await database.db
      .selectFrom('measurement as m')
      .innerJoin('child as c', 'c.id', 'm.child_id')
      .select([
        'c.sex',
        'c.birth_date',
        'm.measured_on',
        'm.age_days',
        'm.weight_kg',
        'm.height_cm',
        'm.measure',
        'm.head_cm',
        'm.muac_cm',
        'm.oedema',
        'm.zlen',
        'm.zwei',
        'm.zwfl',
        'm.zbmi',
        'm.zhc',
        'm.zac',
        'm.flen',
        'm.fwei',
        'm.fwfl',
        'm.fbmi',
        'm.fhc',
        'm.fac',
        'm.height_for_age',
        'm.weight_for_age',
        'm.weight_for_height',
        'm.implausible',
      ])
      .where(sql<boolean>`m.implausible or (hashtext(m.id::text) % 40) = 0`)
      .execute();
    expect(sample.length).toBeGreaterThan(300);
    expect(sample.some((m) => m.implausible)).toBe(true);
    for (const m of sample) {
      const a = assessMeasurement({
        sex: m.sex as 1 | 2,
        birthDate: m.birth_date,
        measuredOn: m.measured_on,
        weightKg: m.weight_kg,
        heightCm: m.height_cm,
        measure: m.measure,
        headCm: m.head_cm,
        muacCm: m.muac_cm,
        oedema: m.oedema,
      });
      expect({
        zlen: m.zlen,
        zwei: m.zwei,
        zwfl: m.zwfl,
        zbmi: m.zbmi,
        zhc: m.zhc,
        zac: m.zac,
        flen: m.flen,
        fwei: m.fwei,
        fwfl: m.fwfl,
        fbmi: m.fbmi,
        fhc: m.fhc,
        fac: m.fac,
        heightForAge: m.height_for_age,
        weightForAge: m.weight_for_age,
        weightForHeight: m.weight_for_height,
        implausible: m.implausible,
      }).toEqual({
        // numeric has no −0: round(−0.004, 2) is stored as 0.
        zlen: noNegativeZero(a.zlen),
        zwei: noNegativeZero(a.zwei),
        zwfl: noNegativeZero(a.zwfl),
        zbmi: noNegativeZero(a.zbmi),
        zhc: noNegativeZero(a.zhc),
        zac: noNegativeZero(a.zac),
        flen: a.flen,
        fwei: a.fwei,
        fwfl: a.fwfl,
        fbmi: a.fbmi,
        fhc: a.fhc,
        fac: a.fac,
        heightForAge: a.heightForAge,
        weightForAge: a.weightForAge,
        weightForHeight: a.weightForHeight,
        implausible: a.implausible,
      });
    }
  });

  it('stores N/T/O/B and 2T equal to weightGainSeries of each child’s weighings', async () => {
    const rows = await database.db
      .selectFrom('measurement as m')
      .innerJoin('child as c', 'c.id', 'm.child_id')
      .select(['c.id', 'c.birth_date', 'm.measured_on', 'm.weight_kg', 'm.weight_gain', 'm.two_t'])
      .where(sql<boolean>`(hashtext(c.id::text) % 10) = 0`)
      .orderBy('c.id')
      .orderBy('m.measured_on')
      .execute();
    const byChild = new Map<string, typeof rows>();
    for (const r of rows) byChild.set(r.id, [...(byChild.get(r.id) ?? []), r]);
    expect(byChild.size).toBeGreaterThan(100);
    let twoT = 0;
    for (const series of byChild.values()) {
      const expected = weightGainSeries(
        series[0]!.birth_date,
        series.map((m) => ({ measuredOn: m.measured_on, weightKg: m.weight_kg })),
      );
      expect(series.map((m) => [m.weight_gain, m.two_t])).toEqual(
        expected.map((e) => [e.weightGain, e.twoT]),
      );
      twoT += series.filter((m) => m.two_t).length;
    }
    expect(twoT).toBeGreaterThan(0);
  });

  it('refuses a database that already has children, and seedDemoIfEmpty leaves it alone', async () => {
    await expect(generateDemo(database, { children: 10, today: '2025-06-20' })).rejects.toThrow(
      DemoRefusedError,
    );
    const seeded = await seedDemoIfEmpty(database, { children: 10, today: '2025-06-20' });
    expect(seeded.seeded).toBe(false);
    expect(seeded.info?.seed).toBe(3);
    expect(await count('child')).toBe(2000);
  });
});

describe('seedDemoIfEmpty and demoDatasetInfo on an empty database', () => {
  it('seeds once, then reports what is there', async () => {
    const empty = await createTestDb();
    try {
      expect(await demoDatasetInfo(empty.db)).toBeNull();
      const first = await seedDemoIfEmpty(empty, { children: 300, seed: 9, today: '2025-01-10' });
      expect(first.seeded).toBe(true);
      expect(first.info).toMatchObject({ synthetic: true, children: 300, seed: 9 });
      const second = await seedDemoIfEmpty(empty, { children: 300, seed: 9, today: '2025-01-10' });
      expect(second).toEqual({ seeded: false, info: await demoDatasetInfo(empty.db) });
    } finally {
      await empty.close();
    }
  }, 120_000);
});
