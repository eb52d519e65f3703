import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertPosyandu } from '../../db/queries/registry.ts';
import { loginKader as loginKaderOf, testApp, type Session, type TestApp } from '../../test/app.ts';

let t: TestApp;
let posyanduA: string;
let posyanduB: string;
let kaderA: Session;
let kaderB: Session;

const DESA = '5301042003';

const loginKader = (posyanduId: string) => loginKaderOf(t, DESA, posyanduId);

beforeAll(async () => {
  t = await testApp();
  posyanduA = (await insertPosyandu(t.database.db, { name: 'Posyandu Mawar', region_code: DESA }))
    .id;
  posyanduB = (await insertPosyandu(t.database.db, { name: 'Posyandu Melati', region_code: DESA }))
    .id;
  kaderA = await loginKader(posyanduA);
  kaderB = await loginKader(posyanduB);
});
afterAll(async () => {
  await t.close();
});

const push = async (s: Session, body: Record<string, unknown>, lang = 'id') => {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/sync/push',
    headers: { ...s.headers, 'accept-language': lang },
    payload: body,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};

const newChild = (extra: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  posyanduId: posyanduA,
  name: `Anak ${randomUUID().slice(0, 8)}`,
  sex: 2,
  birthDate: '2025-06-10',
  motherName: `Ibu ${randomUUID().slice(0, 6)}`,
  ...extra,
});
const weighing = (childId: string, extra: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  childId,
  measuredOn: '2026-11-02',
  weightKg: 8.4,
  heightCm: 72,
  measure: 'l',
  ...extra,
});

async function stored(table: 'child' | 'measurement', ids: string[]) {
  return t.database.db
    .selectFrom(table)
    .select('id')
    .where('id', 'in', ids)
    .execute()
    .then((r) => r.length);
}

describe('POST /api/sync/push', () => {
  it('stores a child and its measurements of one request, and a resend stores nothing new', async () => {
    const child = newChild();
    const m1 = weighing(child.id, { measuredOn: '2026-10-05', weightKg: 8.1 });
    const m2 = weighing(child.id);
    const first = await push(kaderA, { children: [child], measurements: [m2, m1] });
    expect(first.children).toMatchObject([{ id: child.id, ok: true, created: true }]);
    expect(first.measurements.map((r: { ok: boolean; created: boolean }) => r.created)).toEqual([
      true,
      true,
    ]);
    // Out of order in the request: N/T is still computed over the dates (Oct then Nov: 8.1 → 8.4).
    expect(first.measurements[0].measurement.status.weightGain).toBe('N');
    const again = await push(kaderA, { children: [child], measurements: [m1, m2, m1] });
    expect(again.children[0]).toMatchObject({ ok: true, created: false });
    expect(again.measurements.every((r: { ok: boolean }) => r.ok)).toBe(true);
    expect(again.measurements.some((r: { created: boolean }) => r.created)).toBe(false);
    expect(await stored('child', [child.id])).toBe(1);
    expect(await stored('measurement', [m1.id, m2.id])).toBe(2);
  });

  it('answers the same child id with another body as child_conflict, with the stored version', async () => {
    const child = newChild();
    await push(kaderA, { children: [child] });
    const changed = await push(kaderA, { children: [{ ...child, name: 'Nama Lain' }] });
    expect(changed.children[0]).toMatchObject({
      ok: false,
      error: { code: 'child_conflict' },
      current: { id: child.id, name: child.name },
    });
  });

  it('lists duplicate candidates, and registers on confirmation without changing the body', async () => {
    const first = newChild();
    await push(kaderA, { children: [first] });
    const twin = { ...first, id: randomUUID(), name: first.name.toUpperCase() };
    const dup = await push(kaderA, { children: [twin] });
    expect(dup.children[0].error.code).toBe('child_duplicate');
    expect(dup.children[0].error.details.candidates[0].id).toBe(first.id);
    const confirmed = await push(kaderA, { children: [{ ...twin, confirmNotDuplicate: true }] });
    expect(confirmed.children[0]).toMatchObject({ ok: true, created: true });
    // The confirmation flag is not content: the first, unconfirmed body resent is the same child.
    const resent = await push(kaderA, { children: [twin] });
    expect(resent.children[0]).toMatchObject({ ok: true, created: false });
  });

  it('gives a stale child correction the current version, and a resend of an applied one is ok', async () => {
    const child = newChild();
    await push(kaderA, { children: [child] });
    const fix = { id: randomUUID(), childId: child.id, version: 1, fields: { address: 'RT 1' } };
    const applied = await push(kaderA, { childUpdates: [fix] });
    expect(applied.childUpdates[0]).toMatchObject({ ok: true, child: { version: 2 } });
    const resend = await push(kaderA, { childUpdates: [fix] });
    expect(resend.childUpdates[0]).toMatchObject({ ok: true, created: false });
    const stale = await push(kaderA, {
      childUpdates: [{ id: randomUUID(), childId: child.id, version: 1, fields: { address: 'X' } }],
    });
    expect(stale.childUpdates[0]).toMatchObject({
      ok: false,
      error: { code: 'child_version_conflict' },
      current: { version: 2, address: 'RT 1' },
    });
  });

  it('names the existing measurement of the day and the record a child was merged into', async () => {
    const keep = newChild();
    const dup = newChild();
    await push(kaderA, { children: [keep, dup], measurements: [weighing(keep.id)] });
    const sameDay = await push(kaderA, { measurements: [weighing(keep.id, { weightKg: 9 })] });
    expect(sameDay.measurements[0]).toMatchObject({
      ok: false,
      error: { code: 'measurement_exists' },
      current: { childId: keep.id, weightKg: 8.4 },
    });
    const merge = await t.app.inject({
      method: 'POST',
      url: `/api/children/${keep.id}/merge`,
      headers: kaderA.headers,
      payload: { duplicateId: dup.id },
    });
    expect(merge.statusCode, merge.body).toBe(200);
    const late = await push(kaderA, {
      measurements: [weighing(dup.id, { measuredOn: '2026-10-01' })],
    });
    expect(late.measurements[0]).toMatchObject({
      ok: false,
      error: { code: 'child_merged' },
      mergedInto: { id: keep.id },
    });
  });

  it('answers a bad item with its own error and stores the good ones next to it', async () => {
    const child = newChild();
    const good = weighing(child.id);
    const result = await push(
      kaderA,
      {
        children: [child, { id: randomUUID(), name: '' }],
        measurements: [{ id: randomUUID(), childId: child.id, weightKg: 'heavy' }, good],
      },
      'en',
    );
    expect(result.children.map((r: { ok: boolean }) => r.ok)).toEqual([true, false]);
    expect(result.children[1].error.code).toBe('validation_failed');
    expect(result.measurements[0].error.details.field).toBeTruthy();
    expect(result.measurements[1]).toMatchObject({ id: good.id, ok: true });
  });

  it('keeps a kader to their posyandu (another posyandu’s child is not found)', async () => {
    const theirs = newChild({ posyanduId: posyanduB });
    const own = await push(kaderB, { children: [theirs] });
    expect(own.children[0].ok).toBe(true);
    const result = await push(kaderA, {
      children: [newChild({ posyanduId: posyanduB })],
      measurements: [weighing(theirs.id)],
    });
    expect(result.children[0].error.code).toBe('region_forbidden');
    expect(result.measurements[0].error.code).toBe('not_found');
  });

  it('needs a session and the CSRF token', async () => {
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/sync/push', payload: {} });
    expect(anonymous.statusCode).toBe(401);
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: { cookie: kaderA.cookie },
      payload: {},
    });
    expect(noCsrf.statusCode).toBe(403);
  });

  it('writes an audit entry for each stored item', async () => {
    const child = newChild();
    const m = weighing(child.id);
    await push(kaderA, { children: [child], measurements: [m] });
    await push(kaderA, { children: [child], measurements: [m] });
    const audits = await t.database.db
      .selectFrom('audit_log')
      .select(['action'])
      .where('entity_id', 'in', [child.id, m.id])
      .execute();
    expect(audits.map((a) => a.action).sort()).toEqual([
      'child.registered',
      'measurement.recorded',
    ]);
  });
});

describe('GET /api/sync/posyandu/:id', () => {
  it('gives the posyandu’s children with their current measurements and merged records', async () => {
    const child = newChild();
    await push(kaderA, { children: [child], measurements: [weighing(child.id)] });
    const response = await t.app.inject({
      url: `/api/sync/posyandu/${posyanduA}`,
      headers: { cookie: kaderA.cookie },
    });
    expect(response.statusCode).toBe(200);
    const snapshot = response.json();
    expect(snapshot.posyandu.id).toBe(posyanduA);
    expect(snapshot.children.some((c: { id: string }) => c.id === child.id)).toBe(true);
    const own = snapshot.measurements.filter((m: { childId: string }) => m.childId === child.id);
    expect(own).toHaveLength(1);
    expect(own[0].status.heightForAge.category).toBeTruthy();
    expect(snapshot.merged.length).toBeGreaterThan(0);
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('answers 404 for another posyandu of the desa', async () => {
    const response = await t.app.inject({
      url: `/api/sync/posyandu/${posyanduB}`,
      headers: { cookie: kaderA.cookie },
    });
    expect(response.statusCode).toBe(404);
  });
});
