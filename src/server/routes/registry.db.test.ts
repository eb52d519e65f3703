import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessMeasurement } from '../../core/registry/assess.ts';
import { insertPosyandu } from '../../db/queries/registry.ts';
import {
  loginAs,
  loginKader as loginKaderOf,
  testApp,
  type Session,
  type TestApp,
} from '../../test/app.ts';

let t: TestApp;
let posyanduA: string;
let posyanduB: string;
let posyanduOther: string;
let kaderA: Session;
let kaderB: Session;
let village: Session;
let district: Session;
let otherDistrict: Session;

// Desa Bokonusan (5301042003, Kabupaten Kupang) has posyandu A and B; posyanduOther is in 5302.
const DESA = '5301042003';

const loginKader = (posyanduId: string) => loginKaderOf(t, DESA, posyanduId);

beforeAll(async () => {
  t = await testApp();
  posyanduA = (await insertPosyandu(t.database.db, { name: 'Posyandu Mawar', region_code: DESA }))
    .id;
  posyanduB = (await insertPosyandu(t.database.db, { name: 'Posyandu Melati', region_code: DESA }))
    .id;
  const otherDesa = (
    await t.database.db
      .selectFrom('region')
      .select('code')
      .where('code', 'like', '5302%')
      .where('level', '=', 'desa')
      .executeTakeFirstOrThrow()
  ).code;
  posyanduOther = (
    await insertPosyandu(t.database.db, { name: 'Posyandu Lain', region_code: otherDesa })
  ).id;
  kaderA = await loginKader(posyanduA);
  kaderB = await loginKader(posyanduB);
  village = await loginAs(t, 'village', DESA);
  district = await loginAs(t, 'district', '5301');
  otherDistrict = await loginAs(t, 'district', '5302');
});
afterAll(async () => {
  await t.close();
});

const register = (s: Session, body: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: '/api/children', headers: s.headers, payload: body });
const measure = (s: Session, body: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: '/api/measurements', headers: s.headers, payload: body });

async function child(s: Session, posyanduId: string, extra: Record<string, unknown> = {}) {
  const response = await register(s, {
    posyanduId,
    name: `Anak ${randomUUID().slice(0, 8)}`,
    sex: 1,
    birthDate: '2025-01-15',
    motherName: 'Maria',
    ...extra,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().child as { id: string; version: number; regionCode: string };
}

describe('scope', () => {
  it('lets a kader of posyandu A work with A’s children and answers 404 for B’s', async () => {
    const a = await child(kaderA, posyanduA);
    const b = await child(kaderB, posyanduB);
    expect(
      (await t.app.inject({ url: `/api/children/${a.id}`, headers: { cookie: kaderA.cookie } }))
        .statusCode,
    ).toBe(200);
    const other = await t.app.inject({
      url: `/api/children/${b.id}`,
      headers: { cookie: kaderA.cookie },
    });
    expect(other.statusCode).toBe(404);
    expect(other.body).not.toContain('Anak');
    const write = await measure(kaderA, {
      id: randomUUID(),
      childId: b.id,
      measuredOn: '2026-11-01',
      weightKg: 9.5,
      heightCm: 76,
      measure: 'l',
    });
    expect(write.statusCode).toBe(404);
    const registerAtB = await register(kaderA, {
      posyanduId: posyanduB,
      name: 'Budi',
      sex: 1,
      birthDate: '2025-03-01',
    });
    expect(registerAtB.statusCode).toBe(403);
    const roster = await t.app.inject({
      url: `/api/posyandu/${posyanduB}/children`,
      headers: { cookie: kaderA.cookie },
    });
    expect(roster.statusCode).toBe(404);
  });

  it('lets the village officer and the district see every posyandu of their area, and nobody outside', async () => {
    const a = await child(kaderA, posyanduA);
    expect(
      (await t.app.inject({ url: `/api/children/${a.id}`, headers: { cookie: village.cookie } }))
        .statusCode,
    ).toBe(200);
    expect(
      (await t.app.inject({ url: `/api/children/${a.id}`, headers: { cookie: district.cookie } }))
        .statusCode,
    ).toBe(200);
    expect(
      (
        await t.app.inject({
          url: `/api/children/${a.id}`,
          headers: { cookie: otherDistrict.cookie },
        })
      ).statusCode,
    ).toBe(404);
    const list = await t.app.inject({ url: '/api/posyandu', headers: { cookie: district.cookie } });
    expect(
      list
        .json()
        .items.map((p: { id: string }) => p.id)
        .sort(),
    ).toEqual([posyanduA, posyanduB].sort());
    const outside = await t.app.inject({
      url: '/api/posyandu?region=5302',
      headers: { cookie: district.cookie },
    });
    expect(outside.statusCode).toBe(403);
    const otherRoster = await t.app.inject({
      url: `/api/posyandu/${posyanduOther}/children`,
      headers: { cookie: district.cookie },
    });
    expect(otherRoster.statusCode).toBe(404);
    const ownRoster = await t.app.inject({
      url: `/api/posyandu/${posyanduOther}/children`,
      headers: { cookie: otherDistrict.cookie },
    });
    expect(ownRoster.statusCode).toBe(200);
    const kaderList = await t.app.inject({
      url: '/api/posyandu',
      headers: { cookie: kaderA.cookie },
    });
    expect(kaderList.json().items.map((p: { id: string }) => p.id)).toEqual([posyanduA]);
  });

  it('keeps personal data off public routes: no session, no records', async () => {
    const a = await child(kaderA, posyanduA);
    expect((await t.app.inject({ url: `/api/children/${a.id}` })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/follow-up' })).statusCode).toBe(401);
    expect((await t.app.inject({ url: `/api/posyandu/${posyanduA}/children` })).statusCode).toBe(
      401,
    );
  });

  it('lets a partner or an editor read no records', async () => {
    const partner = await loginAs(t, 'partner', '53');
    const a = await child(kaderA, posyanduA);
    expect(
      (await t.app.inject({ url: `/api/children/${a.id}`, headers: { cookie: partner.cookie } }))
        .statusCode,
    ).toBe(404);
    expect(
      (await t.app.inject({ url: '/api/posyandu', headers: { cookie: partner.cookie } }))
        .statusCode,
    ).toBe(403);
  });
});

describe('posyandu', () => {
  it('are added to a desa by a district officer, once per name', async () => {
    const add = (name: string, regionCode = '5301042004') =>
      t.app.inject({
        method: 'POST',
        url: '/api/posyandu',
        headers: district.headers,
        payload: { name, regionCode },
      });
    const first = await add('Posyandu Kenanga');
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      name: 'Posyandu Kenanga',
      regionCode: '5301042004',
      children: 0,
    });
    const again = await add('posyandu  KENANGA');
    expect(again.statusCode).toBe(400);
    expect(again.json().error.details.field).toBe('name');
    expect((await add('Posyandu Kenanga', '530104')).json().error.details.field).toBe('regionCode');
    expect((await add('Posyandu Luar', '5302012001')).statusCode).toBe(403);
    const kaderTry = await t.app.inject({
      method: 'POST',
      url: '/api/posyandu',
      headers: kaderA.headers,
      payload: { name: 'X', regionCode: DESA },
    });
    expect(kaderTry.statusCode).toBe(403);
  });
});

describe('kader accounts', () => {
  it('are created by an admin for one posyandu, which the session then carries', async () => {
    const admin = await loginAs(t, 'admin', '5301');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin.headers,
      payload: {
        email: 'kader.mawar@test.tumbuh.id',
        name: 'Kader Mawar',
        role: 'kader',
        regionCode: DESA,
        posyanduId: posyanduA,
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().user).toMatchObject({
      posyanduId: posyanduA,
      posyanduName: 'Posyandu Mawar',
    });
    const wrongDesa = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin.headers,
      payload: {
        email: 'kader.x@test.tumbuh.id',
        name: 'X',
        role: 'kader',
        regionCode: '5301042004',
        posyanduId: posyanduA,
      },
    });
    expect(wrongDesa.json().error.details.field).toBe('posyanduId');
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'kader.mawar@test.tumbuh.id', password: created.json().oneTimePassword },
    });
    expect(login.json().user.posyanduId).toBe(posyanduA);
  });
});

describe('duplicates', () => {
  it('refuses a second child with the same NIK and names the candidate', async () => {
    const nik = '5301041501250001';
    const first = await child(kaderA, posyanduA, { nik, name: 'Yohanes Lake' });
    const again = await register(kaderA, {
      posyanduId: posyanduA,
      name: 'Yohanes Lake',
      sex: 1,
      birthDate: '2025-01-15',
      nik,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({
      code: 'child_duplicate',
      details: { candidates: [{ id: first.id }] },
    });
  });

  it('detects the same name, birth date and mother in the same desa, ignoring case and spaces; allows a confirmed different child', async () => {
    await child(kaderA, posyanduA, {
      name: 'Maria Goreti Bria',
      birthDate: '2024-06-02',
      motherName: 'Yuliana Seran',
    });
    const dup = await register(kaderB, {
      posyanduId: posyanduB,
      name: 'maria  goreti bria',
      sex: 1,
      birthDate: '2024-06-02',
      motherName: 'YULIANA SERAN',
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('child_duplicate');
    // Kader B cannot see posyandu A's record: told that one exists, not who.
    expect(dup.json().error.details).toMatchObject({ candidates: [], outsideScope: 1 });
    const confirmed = await register(kaderB, {
      posyanduId: posyanduB,
      name: 'Maria Goreti Bria',
      sex: 1,
      birthDate: '2024-06-02',
      motherName: 'Yuliana Seran',
      confirmNotDuplicate: true,
    });
    expect(confirmed.statusCode).toBe(201);
  });

  it('merges a duplicate: measurements move, the duplicate points at the kept record', async () => {
    const keep = await child(village, posyanduA, { name: 'Keep', birthDate: '2025-02-10' });
    const dup = await child(village, posyanduA, { name: 'Dup', birthDate: '2025-02-10' });
    await measure(village, {
      id: randomUUID(),
      childId: dup.id,
      measuredOn: '2026-10-05',
      weightKg: 9.1,
      heightCm: 75,
      measure: 'l',
    });
    const merged = await t.app.inject({
      method: 'POST',
      url: `/api/children/${keep.id}/merge`,
      headers: village.headers,
      payload: { duplicateId: dup.id },
    });
    expect(merged.statusCode, merged.body).toBe(200);
    const detail = await t.app.inject({
      url: `/api/children/${keep.id}`,
      headers: { cookie: village.cookie },
    });
    expect(detail.json().measurements).toHaveLength(1);
    const dupDetail = await t.app.inject({
      url: `/api/children/${dup.id}`,
      headers: { cookie: village.cookie },
    });
    expect(dupDetail.json().child.mergedInto).toBe(keep.id);
    const late = await measure(village, {
      id: randomUUID(),
      childId: dup.id,
      measuredOn: '2026-11-05',
      weightKg: 9.3,
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('child_merged');
  });
});

describe('measurements', () => {
  it('store the growth engine’s z-scores and categories', async () => {
    const c = await child(kaderA, posyanduA, { sex: 2, birthDate: '2024-05-20' });
    const body = {
      id: randomUUID(),
      childId: c.id,
      measuredOn: '2026-11-02',
      weightKg: 9.8,
      heightCm: 82.4,
      measure: 'h',
      headCm: 46.1,
      muacCm: 14.2,
    };
    const response = await measure(kaderA, body);
    expect(response.statusCode, response.body).toBe(201);
    const expected = assessMeasurement({
      sex: 2,
      birthDate: '2024-05-20',
      measuredOn: '2026-11-02',
      weightKg: 9.8,
      heightCm: 82.4,
      measure: 'h',
      headCm: 46.1,
      muacCm: 14.2,
    });
    const row = await t.database.db
      .selectFrom('measurement')
      .selectAll()
      .where('id', '=', body.id)
      .executeTakeFirstOrThrow();
    expect({
      zlen: row.zlen,
      zwei: row.zwei,
      zwfl: row.zwfl,
      zbmi: row.zbmi,
      zhc: row.zhc,
      zac: row.zac,
    }).toEqual({
      zlen: expected.zlen,
      zwei: expected.zwei,
      zwfl: expected.zwfl,
      zbmi: expected.zbmi,
      zhc: expected.zhc,
      zac: expected.zac,
    });
    expect(row.height_for_age).toBe(expected.heightForAge);
    expect(response.json().measurement.status.heightForAge).toEqual({
      z: expected.zlen,
      category: expected.heightForAge,
      implausible: false,
    });
    expect(row.weight_gain).toBe('B');
  });

  it('are idempotent: the same id sent ten times makes one row; another body under that id is a conflict', async () => {
    const c = await child(kaderA, posyanduA);
    const body = {
      id: randomUUID(),
      childId: c.id,
      measuredOn: '2026-11-03',
      weightKg: 10.2,
      heightCm: 80.1,
      measure: 'l',
    };
    const answers = await Promise.all(Array.from({ length: 10 }, () => measure(kaderA, body)));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([
      200, 200, 200, 200, 200, 200, 200, 200, 200, 201,
    ]);
    const rows = await t.database.db
      .selectFrom('measurement')
      .select('id')
      .where('child_id', '=', c.id)
      .execute();
    expect(rows).toHaveLength(1);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('id')
      .where('entity_id', '=', body.id)
      .execute();
    expect(audit).toHaveLength(1);
    const different = await measure(kaderA, { ...body, weightKg: 12 });
    expect(different.statusCode).toBe(409);
    expect(different.json().error.code).toBe('measurement_conflict');
  });

  it('refuse a second measurement on the same day under another id', async () => {
    const c = await child(kaderA, posyanduA);
    await measure(kaderA, {
      id: randomUUID(),
      childId: c.id,
      measuredOn: '2026-11-04',
      weightKg: 10,
    });
    const second = await measure(kaderA, {
      id: randomUUID(),
      childId: c.id,
      measuredOn: '2026-11-04',
      weightKg: 10.1,
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('measurement_exists');
  });

  it('keep the corrected version readable and compute N/T against the corrected history', async () => {
    const c = await child(kaderA, posyanduA, { birthDate: '2025-05-01' });
    const october = { id: randomUUID(), childId: c.id, measuredOn: '2026-10-01', weightKg: 9.0 };
    await measure(kaderA, october);
    const november = await measure(kaderA, {
      id: randomUUID(),
      childId: c.id,
      measuredOn: '2026-11-01',
      weightKg: 9.05,
    });
    expect(november.json().measurement.status.weightGain).toBe('T');
    // October was a typo: 8.0, not 9.0. Now November gained 1.05 kg: N.
    const corrected = await t.app.inject({
      method: 'POST',
      url: `/api/measurements/${october.id}/correction`,
      headers: kaderA.headers,
      payload: { id: randomUUID(), measuredOn: '2026-10-01', weightKg: 8.0 },
    });
    expect(corrected.statusCode, corrected.body).toBe(201);
    const detail = (
      await t.app.inject({ url: `/api/children/${c.id}`, headers: { cookie: kaderA.cookie } })
    ).json();
    expect(detail.measurements).toHaveLength(3);
    const old = detail.measurements.find((m: { id: string }) => m.id === october.id);
    expect(old.supersededAt).not.toBeNull();
    expect(old.weightKg).toBe(9);
    const nov = detail.measurements.find(
      (m: { measuredOn: string }) => m.measuredOn === '2026-11-01',
    );
    expect(nov.status.weightGain).toBe('N');
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/measurements/${october.id}/correction`,
      headers: kaderA.headers,
      payload: { id: randomUUID(), measuredOn: '2026-10-01', weightKg: 8.1 },
    });
    expect(again.statusCode).toBe(409);
  });

  it('ask for confirmation of an implausible value and store it flagged once confirmed', async () => {
    const c = await child(kaderA, posyanduA, { birthDate: '2025-01-15' });
    const body = {
      id: randomUUID(),
      childId: c.id,
      measuredOn: '2026-11-05',
      weightKg: 25,
      heightCm: 78,
      measure: 'l',
    };
    const first = await measure(kaderA, body);
    expect(first.statusCode).toBe(422);
    expect(first.json().error.code).toBe('implausible_unconfirmed');
    const confirmed = await measure(kaderA, { ...body, confirmImplausible: true });
    expect(confirmed.statusCode).toBe(201);
    expect(confirmed.json().measurement.status.implausible).toBe(true);
  });
});

describe('batches', () => {
  it('answer each item: created, resent, or its own error', async () => {
    const c = await child(kaderA, posyanduA, { birthDate: '2025-04-01' });
    const good = { id: randomUUID(), childId: c.id, measuredOn: '2026-10-10', weightKg: 9.4 };
    const bad = {
      id: randomUUID(),
      childId: c.id,
      measuredOn: '2026-10-11',
      weightKg: 9.5,
      heightCm: 20,
      measure: 'l',
    };
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/measurements/batch',
      headers: kaderA.headers,
      payload: { items: [good, good] },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().results.map((r: { created: boolean }) => r.created)).toEqual([
      true,
      false,
    ]);
    const withBad = await t.app.inject({
      method: 'POST',
      url: '/api/measurements/batch',
      headers: kaderA.headers,
      payload: {
        items: [
          { ...bad, heightCm: 75 },
          { ...good, weightKg: 10 },
        ],
      },
    });
    const results = withBad.json().results;
    expect(results[0]).toMatchObject({ ok: true, created: true });
    expect(results[1]).toMatchObject({ ok: false, error: { code: 'measurement_conflict' } });
    expect(results[1].error.message).toMatch(/Kiriman dengan kode yang sama/);
  });
});

describe('bad input', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['in the future', { measuredOn: '2027-01-01', weightKg: 10 }, 'measuredOn'],
    ['before birth', { measuredOn: '2024-12-31', weightKg: 10 }, 'measuredOn'],
    ['weight zero', { measuredOn: '2026-11-06', weightKg: 0 }, 'body.weightKg'],
    ['absurd weight', { measuredOn: '2026-11-06', weightKg: 86 }, 'body.weightKg'],
    [
      'height below 38 cm',
      { measuredOn: '2026-11-06', heightCm: 30, measure: 'l' },
      'body.heightCm',
    ],
    ['height without position', { measuredOn: '2026-11-06', heightCm: 80 }, 'measure'],
    ['no value', { measuredOn: '2026-11-06' }, 'weightKg'],
  ];
  it.each(cases)(
    'rejects a measurement %s, naming the field, and stores nothing',
    async (_name, values, field) => {
      const c = await child(kaderA, posyanduA, { birthDate: '2025-01-15' });
      const response = await measure(kaderA, { id: randomUUID(), childId: c.id, ...values });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details.field).toBe(field);
      expect(
        await t.database.db
          .selectFrom('measurement')
          .select('id')
          .where('child_id', '=', c.id)
          .execute(),
      ).toEqual([]);
    },
  );

  it('rejects a bad NIK, a future birth date, an over-age child and an unknown posyandu', async () => {
    const base = { posyanduId: posyanduA, name: 'X', sex: 1, birthDate: '2025-01-01' };
    expect((await register(kaderA, { ...base, nik: '12345' })).json().error.details.field).toBe(
      'body.nik',
    );
    expect(
      (await register(kaderA, { ...base, birthDate: '2027-01-01' })).json().error.details.field,
    ).toBe('birthDate');
    expect(
      (await register(kaderA, { ...base, birthDate: '2020-01-01' })).json().error.details,
    ).toMatchObject({ field: 'birthDate', problem: 'age_over_60_months' });
    expect(
      (await register(kaderA, { ...base, posyanduId: randomUUID() })).json().error.details.field,
    ).toBe('posyanduId');
    expect((await register(kaderA, { ...base, sex: 3 })).json().error.details.field).toBe(
      'body.sex',
    );
  });
});

describe('follow-up lists', () => {
  it('list stunted and 2T children of the scope, as JSON and CSV', async () => {
    const c = await child(village, posyanduA, { name: 'Stunted Child', birthDate: '2024-11-01' });
    // 24 months, 78 cm: well below −2 SD.
    await measure(village, {
      id: randomUUID(),
      childId: c.id,
      measuredOn: '2026-11-02',
      weightKg: 9.5,
      heightCm: 78,
      measure: 'h',
    });
    const list = await t.app.inject({
      url: '/api/follow-up?categories=stunted',
      headers: { cookie: village.cookie },
    });
    expect(list.statusCode, list.body).toBe(200);
    const row = list.json().items.find((r: { childId: string }) => r.childId === c.id);
    expect(row.reasons).toEqual(['stunted']);
    const csv = await t.app.inject({
      url: '/api/follow-up?categories=stunted&format=csv',
      headers: { cookie: village.cookie },
    });
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body).toContain('Stunted Child');
    const xlsx = await t.app.inject({
      url: '/api/follow-up?categories=stunted&format=xlsx',
      headers: { cookie: village.cookie },
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const outsider = await t.app.inject({
      url: '/api/follow-up?region=5302',
      headers: { cookie: village.cookie },
    });
    expect(outsider.statusCode).toBe(403);
  });
});
