import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, testApp, type Session, type TestApp } from '../../test/app.ts';

// Kabupaten Kupang (5301): desa Bokonusan in kecamatan 530104; another kecamatan of the same
// kabupaten; Kota Kupang (5371) has the hospital. The test clock is 2026-11-24 16:00 WITA.
const DESA = '5301042003';
const KECAMATAN = '530104';
let OTHER_DESA: string; // in Kabupaten Kupang, another kecamatan
let t: TestApp;
let bidan: Session;
let puskesmas: Session;
let otherPuskesmas: Session;
let district: Session;
let otherDistrict: Session;
let hospital: Session;
let kader: Session;

beforeAll(async () => {
  t = await testApp();
  OTHER_DESA = (
    await t.database.db
      .selectFrom('region')
      .select('code')
      .where('code', 'like', '5301%')
      .where('code', 'not like', `${KECAMATAN}%`)
      .where('level', '=', 'desa')
      .orderBy('code')
      .executeTakeFirstOrThrow()
  ).code;
  bidan = await loginAs(t, 'village', DESA);
  puskesmas = await loginAs(t, 'puskesmas', KECAMATAN);
  otherPuskesmas = await loginAs(t, 'puskesmas', OTHER_DESA.slice(0, 6));
  district = await loginAs(t, 'district', '5301');
  otherDistrict = await loginAs(t, 'district', '5302');
  hospital = await loginAs(t, 'hospital', '5371');
  kader = await loginAs(t, 'kader', DESA);
});
afterAll(async () => {
  await t.close();
});

const maternal = (extra: Record<string, unknown> = {}) => ({
  kind: 'maternal',
  regionCode: DESA,
  deathDate: '2026-11-24',
  deathTime: '02:30',
  placeOfDeath: 'home',
  name: 'Maria Tefa',
  nik: '5301046502900001',
  motherAgeYears: 31,
  maternalTiming: 'postpartum',
  deliveryDate: '2026-11-20',
  causeGroup: 'mm3',
  delayDeciding: true,
  ...extra,
});

const notify = (s: Session, body: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: '/api/deaths/cases', headers: s.headers, payload: body });
const act = (s: Session, id: string, body: Record<string, unknown>) =>
  t.app.inject({
    method: 'POST',
    url: `/api/deaths/cases/${id}/transitions`,
    headers: s.headers,
    payload: body,
  });
const getCase = (s: Session, id: string) =>
  t.app.inject({ method: 'GET', url: `/api/deaths/cases/${id}`, headers: { cookie: s.cookie } });
const caseCount = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('death_case')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('death notification', () => {
  it('stores a maternal death notified by the bidan within 24 hours', async () => {
    const response = await notify(bidan, maternal());
    expect(response.statusCode).toBe(201);
    const c = response.json().case;
    expect(c).toMatchObject({
      kind: 'maternal',
      status: 'notified',
      regionCode: DESA,
      notifiedLate: false,
      deathRegionCode: DESA,
    });
    // 02:30 WITA → 16:00 WITA is 13.5 hours
    expect(c.notificationDelayMinutes).toBe(13 * 60 + 30);
    expect(c.daysAfterDelivery).toBe(4);
    expect(c.notifiedBy.id).toBe(bidan.userId);
    expect(c.can.actions).toEqual(['void']);
  });

  it('records a late notification (more than 24 hours after the death) with its reason', async () => {
    const response = await notify(
      bidan,
      maternal({
        name: 'Yuliana Bana',
        deathDate: '2026-11-20',
        deathTime: null,
        deliveryDate: '2026-11-19',
        lateReason: 'jalan putus',
      }),
    );
    expect(response.statusCode).toBe(201);
    const c = response.json().case;
    expect(c.notifiedLate).toBe(true);
    expect(c.lateReason).toBe('jalan putus');
    // no time: the end of the day is taken (23:59 on 20 Nov → 16:00 on 24 Nov)
    expect(c.notificationDelayMinutes).toBe(3 * 24 * 60 + 16 * 60 + 1);
  });

  it('is idempotent by client id and refuses a likely duplicate unless confirmed', async () => {
    const id = '7d1c1b54-3d3e-4c47-9d0a-2b8b1ef3a001';
    const body = maternal({
      id,
      name: 'Agustina Seran',
      deathDate: '2026-11-23',
      deliveryDate: '2026-11-22',
    });
    expect((await notify(bidan, body)).statusCode).toBe(201);
    expect((await notify(bidan, body)).statusCode).toBe(200);
    const again = await notify(bidan, { ...body, id: undefined });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('death_duplicate');
    expect(again.json().error.details.candidates[0].id).toBe(id);
    const confirmed = await notify(bidan, { ...body, id: undefined, confirmNotDuplicate: true });
    expect(confirmed.statusCode).toBe(201);
  });

  it('refuses bad input with the field named and stores nothing', async () => {
    const before = await caseCount();
    const cases: [Record<string, unknown>, string, string][] = [
      [
        maternal({ deathDate: '2026-11-25', deliveryDate: null, maternalTiming: 'pregnancy' }),
        'deathDate',
        'in_future',
      ],
      [
        { ...baby(), birthDate: '2026-11-10', deathDate: '2026-11-05' },
        'deathDate',
        'before_birth',
      ],
      [
        { ...baby(), kind: 'postneonatal', birthDate: '2025-03-01', deathDate: '2026-11-01' },
        'birthDate',
        'age_over_one_year',
      ],
      [
        { ...baby(), kind: 'neonatal', birthDate: '2026-09-01', deathDate: '2026-11-01' },
        'kind',
        'age_not_neonatal',
      ],
      [maternal({ deliveryDate: '2026-09-01' }), 'deliveryDate', 'over_42_days'],
      [maternal({ causeGroup: 'n4' }), 'causeGroup', 'cause_group_mismatch'],
      [
        {
          ...baby(),
          kind: 'stillbirth',
          birthDate: null,
          gestationalWeeks: 21,
          birthWeightGrams: 450,
          stillbirthTiming: 'antepartum',
        },
        'gestationalWeeks',
        'below_stillbirth_threshold',
      ],
      [maternal({ placeOfDeath: 'facility' }), 'facilityType', 'required'],
    ];
    for (const [body, field, problem] of cases) {
      const response = await notify(bidan, body);
      expect(response.statusCode, `${field} ${problem}`).toBe(400);
      const error = response.json().error;
      expect(error.code).toBe('validation_failed');
      expect(error.details.field).toBe(field);
      expect(error.details.problem).toBe(problem);
    }
    const unknown = await notify(bidan, maternal({ regionCode: '5301049999' }));
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toMatchObject({
      code: 'region_not_found',
      details: { field: 'regionCode' },
    });
    expect(await caseCount()).toBe(before);
  });

  it('answers in English when asked, naming the field', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/deaths/cases',
      headers: { ...bidan.headers, 'accept-language': 'en' },
      payload: maternal({ deathDate: '2027-01-01' }),
    });
    expect(response.json().error.message).toMatch(/^Invalid data: deathDate/);
  });
});

function baby() {
  return {
    kind: 'neonatal',
    regionCode: DESA,
    deathDate: '2026-11-22',
    birthDate: '2026-11-15',
    placeOfDeath: 'facility',
    facilityType: 'puskesmas',
    facilityName: 'Puskesmas Takari',
    name: 'By. Ny. Maria',
    sex: 1,
    birthWeightGrams: 2100,
  };
}

describe('scope', () => {
  it('lets a puskesmas see only the cases of its kecamatan, and hides others as not found', async () => {
    const inside = (await notify(bidan, { ...baby(), name: 'By. Ny. Dalam' })).json().case
      .id as string;
    const outside = (
      await notify(district, { ...baby(), regionCode: OTHER_DESA, name: 'By. Ny. Luar' })
    ).json().case.id as string;
    const list = async (s: Session) =>
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/deaths/cases',
          headers: { cookie: s.cookie },
        })
      )
        .json()
        .items.map((c: { id: string }) => c.id);
    expect(await list(puskesmas)).toContain(inside);
    expect(await list(puskesmas)).not.toContain(outside);
    expect(await list(otherPuskesmas)).toContain(outside);
    expect(await list(otherPuskesmas)).not.toContain(inside);
    expect((await getCase(otherPuskesmas, inside)).statusCode).toBe(404);
    expect((await getCase(otherDistrict, inside)).statusCode).toBe(404);
    expect((await getCase(puskesmas, inside)).json().case.name).toBe('By. Ny. Dalam');
  });

  it('lets a hospital notify deaths in its kota of residents elsewhere, and see only its own', async () => {
    const hospitalDesa = '5371041001';
    const own = await notify(hospital, {
      ...maternal({ name: 'Veronika Nai', nik: null, deathDate: '2026-11-24' }),
      placeOfDeath: 'facility',
      facilityType: 'hospital',
      facilityName: 'RSUD Prof. Dr. W. Z. Johannes',
      deathRegionCode: '5371',
    });
    expect(own.statusCode).toBe(201);
    const id = own.json().case.id as string;
    // the district of residence (5301) sees it; so does the hospital; a hospital elsewhere would not
    expect((await getCase(district, id)).statusCode).toBe(200);
    expect((await getCase(hospital, id)).statusCode).toBe(200);
    const items = (
      await t.app.inject({
        method: 'GET',
        url: '/api/deaths/cases',
        headers: { cookie: hospital.cookie },
      })
    ).json().items;
    expect(items.map((c: { id: string }) => c.id)).toEqual([id]);
    // a death outside its kota: refused
    const elsewhere = await notify(hospital, { ...maternal({ name: 'X' }), placeOfDeath: 'home' });
    expect(elsewhere.statusCode).toBe(403);
    expect(elsewhere.json().error.code).toBe('region_forbidden');
    // it cannot verify (the Dinas Kesehatan does)
    expect((await act(hospital, id, { action: 'verify', version: 1 })).statusCode).toBe(403);
    expect(hospitalDesa.startsWith('5371')).toBe(true);
  });

  it('keeps kader and the public out of case records', async () => {
    expect((await notify(kader, maternal({ name: 'Y' }))).statusCode).toBe(403);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/deaths/cases',
          headers: { cookie: kader.cookie },
        })
      ).statusCode,
    ).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/deaths/cases' })).statusCode).toBe(401);
  });
});

describe('review workflow', () => {
  it('moves a case through verify → review → recommend → close, refusing steps out of order', async () => {
    const created = (
      await notify(
        bidan,
        maternal({
          name: 'Theresia Lake',
          deathDate: '2026-11-21',
          deliveryDate: '2026-11-21',
          maternalTiming: 'delivery',
          causeGroup: null,
        }),
      )
    ).json().case;
    const id = created.id as string;

    const bidanVerify = await act(bidan, id, { action: 'verify', version: 1 });
    expect(bidanVerify.statusCode).toBe(403);

    const early = await act(district, id, { action: 'recommend', version: 1 });
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({
      code: 'death_case_state',
      details: { status: 'notified', reason: 'wrong_status', allowed: 'verify, void' },
    });

    const verified = await act(district, id, {
      action: 'verify',
      version: 1,
      note: 'dicek dengan RS',
    });
    expect(verified.statusCode).toBe(200);
    expect(verified.json().case).toMatchObject({
      status: 'verified',
      verificationNote: 'dicek dengan RS',
    });
    expect(verified.json().case.verified.by.id).toBe(district.userId);

    const stale = await act(district, id, {
      action: 'review',
      version: 1,
      review: { causeGroup: 'mm3', avoidable: 'yes', summary: 'x' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('death_case_version_conflict');

    const noReview = await act(district, id, { action: 'review', version: 2 });
    expect(noReview.statusCode).toBe(400);
    expect(noReview.json().error.details.field).toBe('review');
    const wrongCause = await act(district, id, {
      action: 'review',
      version: 2,
      review: { causeGroup: 'a3', avoidable: 'yes', summary: 'Perdarahan pascasalin' },
    });
    expect(wrongCause.json().error.details.field).toBe('review.causeGroup');

    const reviewed = await act(district, id, {
      action: 'review',
      version: 2,
      review: {
        causeGroup: 'mm3',
        avoidable: 'yes',
        summary: 'Perdarahan pascasalin; rujukan terlambat',
        delayReaching: true,
      },
    });
    expect(reviewed.statusCode).toBe(200);
    expect(reviewed.json().case).toMatchObject({
      status: 'reviewed',
      causeGroup: 'mm3',
      avoidable: 'yes',
      delayReaching: true,
    });

    const noRecs = await act(district, id, { action: 'recommend', version: 3 });
    expect(noRecs.statusCode).toBe(409);
    expect(noRecs.json().error.details.reason).toBe('no_recommendations');

    const added = await t.app.inject({
      method: 'POST',
      url: `/api/deaths/cases/${id}/recommendations`,
      headers: district.headers,
      payload: {
        text: 'Siapkan donor darah desa',
        responsible: 'Puskesmas Takari',
        level: 'community',
        dueDate: '2027-01-31',
      },
    });
    expect(added.statusCode).toBe(201);
    const recommendation = added.json().case.recommendations[0];
    expect(recommendation).toMatchObject({
      text: 'Siapkan donor darah desa',
      doneAt: null,
      overdue: false,
    });

    const recommended = await act(district, id, { action: 'recommend', version: 3 });
    expect(recommended.json().case.status).toBe('recommended');

    const openClose = await act(district, id, { action: 'close', version: 4 });
    expect(openClose.statusCode).toBe(409);
    expect(openClose.json().error.details.reason).toBe('open_recommendations');

    const bidanDone = await t.app.inject({
      method: 'POST',
      url: `/api/deaths/cases/${id}/recommendations/${recommendation.id}/done`,
      headers: bidan.headers,
      payload: {},
    });
    expect(bidanDone.statusCode).toBe(403);
    const done = await t.app.inject({
      method: 'POST',
      url: `/api/deaths/cases/${id}/recommendations/${recommendation.id}/done`,
      headers: puskesmas.headers,
      payload: { note: '12 pendonor terdaftar' },
    });
    expect(done.statusCode).toBe(200);
    expect(done.json().case.recommendations[0].doneBy.id).toBe(puskesmas.userId);

    const closed = await act(district, id, { action: 'close', version: 4, note: 'selesai' });
    expect(closed.statusCode).toBe(200);
    expect(closed.json().case).toMatchObject({
      status: 'closed',
      can: { actions: [], edit: false },
    });

    const afterClose = await act(district, id, {
      action: 'void',
      version: 5,
      voidReason: 'entered_in_error',
    });
    expect(afterClose.statusCode).toBe(409);
    expect(afterClose.json().error.details.allowed).toBe('—');

    const history = (
      await t.app.inject({
        method: 'GET',
        url: `/api/deaths/cases/${id}/history`,
        headers: { cookie: bidan.cookie },
      })
    ).json().items;
    expect(history.map((h: { action: string }) => h.action)).toEqual([
      'death_case.notified',
      'death_case.verified',
      'death_case.reviewed',
      'death_case.recommendation_added',
      'death_case.recommended',
      'death_case.recommendation_done',
      'death_case.closed',
    ]);
    expect(JSON.stringify(history)).not.toContain('Theresia');
  });

  it('lets the notifier withdraw its own unverified notification, and voided cases are never counted', async () => {
    const c = (
      await notify(
        bidan,
        maternal({ name: 'Salah Input', deathDate: '2026-11-02', deliveryDate: '2026-11-01' }),
      )
    ).json().case;
    const withdrawn = await t.app.inject({
      method: 'DELETE',
      url: `/api/deaths/cases/${c.id}?version=1`,
      headers: bidan.headers,
    });
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json().case).toMatchObject({ status: 'void', voidReason: 'entered_in_error' });
    const row = await t.database.db
      .selectFrom('death_case')
      .select('status')
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('void');
  });

  it('corrects a case with optimistic locking and audits personal fields without their values', async () => {
    const c = (
      await notify(
        bidan,
        maternal({ name: 'Nama Lama', deathDate: '2026-11-10', deliveryDate: '2026-11-09' }),
      )
    ).json().case;
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/deaths/cases/${c.id}`,
      headers: bidan.headers,
      payload: { version: 1, name: 'Nama Baru', motherAgeYears: 33 },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().case).toMatchObject({
      name: 'Nama Baru',
      motherAgeYears: 33,
      version: 2,
    });
    const conflict = await t.app.inject({
      method: 'PATCH',
      url: `/api/deaths/cases/${c.id}`,
      headers: bidan.headers,
      payload: { version: 1, motherAgeYears: 34 },
    });
    expect(conflict.json().error.code).toBe('death_case_version_conflict');
    const history = (
      await t.app.inject({
        method: 'GET',
        url: `/api/deaths/cases/${c.id}/history`,
        headers: { cookie: bidan.cookie },
      })
    ).json().items;
    expect(history[1].after).toEqual({ name: 'changed', motherAgeYears: 33 });
    expect(JSON.stringify(history)).not.toContain('Nama');
  });
});
