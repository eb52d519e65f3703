import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, testApp, type Session, type TestApp } from '../../test/app.ts';

let t: TestApp;
let editor: Session;
let admin: Session;
let district: Session;

const XSS = '<script>alert(1)</script><img src=x onerror=alert(1)>';
const inert = (text: string) => {
  expect(text).not.toMatch(/<script/i);
  // an on…= attribute of a real tag (quoted attribute values are data, not markup)
  expect(text.replace(/"[^"]*"/g, '""')).not.toMatch(/<[a-z][^<>]*\son\w+=/i);
  expect(text).not.toMatch(/javascript:/i);
};

beforeAll(async () => {
  t = await testApp();
  editor = await loginAs(t, 'editor', '53');
  admin = await loginAs(t, 'admin', '53');
  district = await loginAs(t, 'district', '5301');
});
afterAll(async () => {
  await t.close();
});

async function create(session: Session, payload: Record<string, unknown>) {
  return t.app.inject({
    method: 'POST',
    url: '/api/portal/admin/items',
    headers: session.headers,
    payload,
  });
}
const auditCount = async (entity: string, entityId?: string) => {
  let q = t.database.db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('entity', '=', entity);
  if (entityId) q = q.where('entity_id', '=', entityId);
  return Number((await q.executeTakeFirstOrThrow()).n);
};

describe('portal items', () => {
  it('creates a draft, publishes it, hides it again', async () => {
    const created = await create(editor, {
      kind: 'news',
      title: 'Rembuk Stunting Kabupaten 2025',
      summary: 'Ringkasan',
      bodyHtml: '<p>Isi <strong>berita</strong></p>',
      tags: ['rembuk', 'konvergensi'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const item = created.json().item;
    expect(item).toMatchObject({
      slug: 'rembuk-stunting-kabupaten-2025',
      status: 'draft',
      version: 1,
      publishedAt: null,
    });
    expect(item.updatedBy).toMatch(/@test\.tumbuh\.id$/);

    const hidden = await t.app.inject({
      url: '/api/portal/items/news/rembuk-stunting-kabupaten-2025',
    });
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().error.code).toBe('not_found');

    const published = await t.app.inject({
      method: 'POST',
      url: `/api/portal/admin/items/${item.id}/publish`,
      headers: editor.headers,
      payload: { version: 1 },
    });
    expect(published.statusCode, published.body).toBe(200);
    const firstPublished = published.json().item.publishedAt;
    expect(firstPublished).toBe('2026-11-24T08:00:00.000Z');

    const visible = await t.app.inject({
      url: '/api/portal/items/news/rembuk-stunting-kabupaten-2025',
    });
    expect(visible.statusCode).toBe(200);
    expect(visible.json()).toMatchObject({ title: 'Rembuk Stunting Kabupaten 2025' });
    expect(visible.json()).not.toHaveProperty('status');
    const list = await t.app.inject({ url: '/api/portal/items?kind=news' });
    expect(list.json().items.map((i: { id: string }) => i.id)).toContain(item.id);
    expect(list.json().tags).toEqual(expect.arrayContaining([{ tag: 'rembuk', count: 1 }]));
    expect(list.json().items[0]).not.toHaveProperty('bodyHtml');

    t.clock.advanceMinutes(60);
    const unpublished = await t.app.inject({
      method: 'POST',
      url: `/api/portal/admin/items/${item.id}/unpublish`,
      headers: editor.headers,
      payload: { version: 2 },
    });
    expect(unpublished.statusCode).toBe(200);
    expect(unpublished.json().item).toMatchObject({ status: 'draft', version: 3 });
    expect(
      (await t.app.inject({ url: '/api/portal/items/news/rembuk-stunting-kabupaten-2025' }))
        .statusCode,
    ).toBe(404);
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/portal/admin/items/${item.id}/publish`,
      headers: editor.headers,
      payload: { version: 3 },
    });
    expect(again.json().item.publishedAt).toBe(firstPublished);
    expect(await auditCount('content_item', item.id)).toBe(4);
  });

  it('refuses a taken slug (409, nothing stored) and numbers made-up ones', async () => {
    const first = await create(editor, { kind: 'news', title: 'Posyandu Aktif', slug: 'posyandu' });
    expect(first.statusCode).toBe(201);
    const before = await auditCount('content_item');
    const taken = await create(editor, { kind: 'news', title: 'Lain', slug: 'posyandu' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error).toMatchObject({ code: 'slug_taken', details: { field: 'slug' } });
    expect(await auditCount('content_item')).toBe(before);
    const count = await t.database.db
      .selectFrom('content_item')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('title', '=', 'Lain')
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
    // another kind may use it
    expect((await create(editor, { kind: 'page', title: 'P', slug: 'posyandu' })).statusCode).toBe(
      201,
    );
    const a = await create(editor, { kind: 'knowledge', title: 'Pedoman Gizi' });
    const b = await create(editor, { kind: 'knowledge', title: 'Pedoman Gizi' });
    const c = await create(editor, { kind: 'knowledge', title: 'Pedoman Gizi' });
    expect([a, b, c].map((r) => r.json().item.slug)).toEqual([
      'pedoman-gizi',
      'pedoman-gizi-2',
      'pedoman-gizi-3',
    ]);
  });

  it('refuses a stale version and keeps revisions to restore', async () => {
    const { item } = (await create(editor, { kind: 'news', title: 'Versi Satu' })).json();
    const body = { slug: item.slug, title: 'Versi Dua', version: 1 };
    const saved = await t.app.inject({
      method: 'PUT',
      url: `/api/portal/admin/items/${item.id}`,
      headers: editor.headers,
      payload: body,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().item).toMatchObject({ title: 'Versi Dua', version: 2 });
    const stale = await t.app.inject({
      method: 'PUT',
      url: `/api/portal/admin/items/${item.id}`,
      headers: admin.headers,
      payload: { ...body, title: 'Versi Lain' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');

    const revisions = await t.app.inject({
      url: `/api/portal/admin/items/${item.id}/revisions`,
      headers: editor.headers,
    });
    expect(revisions.json().revisions.map((r: { action: string }) => r.action)).toEqual([
      'update',
      'create',
    ]);
    const restored = await t.app.inject({
      method: 'POST',
      url: `/api/portal/admin/items/${item.id}/revisions/1/restore`,
      headers: editor.headers,
    });
    expect(restored.statusCode, restored.body).toBe(200);
    expect(restored.json().item).toMatchObject({
      title: 'Versi Satu',
      version: 3,
      status: 'draft',
    });

    const deleted = await t.app.inject({
      method: 'DELETE',
      url: `/api/portal/admin/items/${item.id}`,
      headers: editor.headers,
    });
    expect(deleted.json()).toEqual({ ok: true });
    const gone = await t.app.inject({
      url: `/api/portal/admin/items/${item.id}`,
      headers: editor.headers,
    });
    expect(gone.statusCode).toBe(404);
    const audited = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'before'])
      .where('entity_id', '=', item.id)
      .where('action', '=', 'delete')
      .executeTakeFirstOrThrow();
    expect(audited.before).toMatchObject({ title: 'Versi Satu' });
    const kept = await t.app.inject({
      url: `/api/portal/admin/items/${item.id}/revisions`,
      headers: editor.headers,
    });
    expect(kept.json().revisions).toHaveLength(3);
  });

  it('refuses to publish what a kind needs, naming the field', async () => {
    for (const [kind, field] of [
      ['knowledge', 'documentFileId'],
      ['event', 'eventStart'],
      ['practice', 'regionCode'],
    ] as const) {
      const { item } = (await create(editor, { kind, title: `Butuh ${kind}` })).json();
      const refused = await t.app.inject({
        method: 'POST',
        url: `/api/portal/admin/items/${item.id}/publish`,
        headers: editor.headers,
        payload: { version: 1 },
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error).toMatchObject({ code: 'validation_failed', details: { field } });
    }
    const practice = await create(editor, {
      kind: 'practice',
      title: 'Dapur Sehat',
      regionCode: '5301',
      interventionType: 'gizi_spesifik',
    });
    const ok = await t.app.inject({
      method: 'POST',
      url: `/api/portal/admin/items/${practice.json().item.id}/publish`,
      headers: editor.headers,
      payload: { version: 1 },
    });
    expect(ok.json().item.region).toEqual({ code: '5301', name: expect.any(String) });
  });

  it('lets only editors and admins write (401, 403, CSRF)', async () => {
    const payload = { kind: 'news', title: 'Tidak boleh' };
    expect((await create(district, payload)).statusCode).toBe(403);
    expect(
      (await t.app.inject({ url: '/api/portal/admin/items', headers: district.headers }))
        .statusCode,
    ).toBe(403);
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/portal/admin/items', payload })).statusCode,
    ).toBe(401);
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/portal/admin/items',
      headers: { cookie: editor.cookie },
      payload,
    });
    expect(noCsrf.statusCode).toBe(403);
    expect((await create(admin, payload)).statusCode).toBe(201);
    const list = await t.app.inject({
      url: '/api/portal/admin/items?kind=news&status=draft&q=boleh',
      headers: editor.headers,
    });
    expect(list.json().items.map((i: { title: string }) => i.title)).toEqual(['Tidak boleh']);
  });

  it('keeps stored-XSS attempts inert in every field', async () => {
    const created = await create(editor, {
      kind: 'event',
      slug: 'agenda-xss',
      title: XSS,
      summary: XSS,
      bodyHtml: `${XSS}<a href="javascript:alert(1)">x</a><p style="x" onmouseover="alert(1)">ok</p>`,
      tags: ['<b onclick=x>t</b>'],
      author: XSS,
      location: XSS,
      eventStart: '2026-12-01',
    });
    expect(created.statusCode, created.body).toBe(201);
    const { item } = created.json();
    expect(item.bodyHtml).toBe('<a rel="noopener noreferrer">x</a><p>ok</p>');
    await t.app.inject({
      method: 'POST',
      url: `/api/portal/admin/items/${item.id}/publish`,
      headers: editor.headers,
      payload: { version: 1 },
    });
    const read = await t.app.inject({ url: '/api/portal/items/event/agenda-xss' });
    expect(read.statusCode).toBe(200);
    // plain-text fields are JSON strings: the browser never receives them as markup
    expect(read.json().title).toBe(XSS);
    inert(read.json().bodyHtml);
    inert(read.body);
    const editorView = await t.app.inject({
      url: `/api/portal/admin/items/${item.id}`,
      headers: editor.headers,
    });
    expect(editorView.json().item.author).toBe(XSS);
    inert(editorView.body);
    expect(read.headers['content-type']).toMatch(/^application\/json/);
  });

  it('orders events: upcoming soonest first, then past ones', async () => {
    const dates = ['2026-10-01', '2027-02-01', '2026-12-10'];
    for (const [i, eventStart] of dates.entries()) {
      const { item } = (
        await create(editor, { kind: 'event', title: `Acara ${i}`, eventStart })
      ).json();
      await t.app.inject({
        method: 'POST',
        url: `/api/portal/admin/items/${item.id}/publish`,
        headers: editor.headers,
        payload: { version: 1 },
      });
    }
    const list = await t.app.inject({ url: '/api/portal/items?kind=event&pageSize=50' });
    const starts = list
      .json()
      .items.map((i: { eventStart: string }) => i.eventStart)
      .filter((d: string) => dates.includes(d));
    expect(starts).toEqual(['2026-12-10', '2027-02-01', '2026-10-01']);
  });
});
