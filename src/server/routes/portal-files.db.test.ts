import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, testApp, type Session, type TestApp } from '../../test/app.ts';

let t: TestApp;
let editor: Session;
let district: Session;

const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(100, 1),
]);
const pdf = Buffer.from('%PDF-1.4\n% test\n%%EOF\n');

beforeAll(async () => {
  t = await testApp();
  editor = await loginAs(t, 'editor', '53');
  district = await loginAs(t, 'district', '5301');
});
afterAll(async () => {
  await t.close();
});

const fileCount = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('content_file')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

function upload(body: Buffer, type: string, name = 'foto.png', session = editor) {
  return t.app.inject({
    method: 'POST',
    url: '/api/portal/admin/files',
    headers: { ...session.headers, 'content-type': type, 'x-file-name': encodeURIComponent(name) },
    payload: body,
  });
}

describe('portal files', () => {
  it('stores an image with a cleaned name and serves it to editors only while unused', async () => {
    const stored = await upload(png, 'image/png', 'Foto Posyandu "><script>.exe');
    expect(stored.statusCode, stored.body).toBe(201);
    const file = stored.json();
    expect(file).toMatchObject({ mime: 'image/png', size: png.length });
    expect(file.name).toMatch(/^[A-Za-z0-9._-]+\.png$/);
    expect(file.url).toBe(`/api/portal/files/${file.id}/${file.name}`);
    const audited = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'content_file')
      .where('entity_id', '=', file.id)
      .execute();
    expect(audited).toHaveLength(1);

    // a draft's file is not public
    const { item } = (
      await t.app.inject({
        method: 'POST',
        url: '/api/portal/admin/items',
        headers: editor.headers,
        payload: { kind: 'news', title: 'Dengan foto', coverFileId: file.id },
      })
    ).json();
    expect((await t.app.inject({ url: file.url })).statusCode).toBe(404);
    const forEditor = await t.app.inject({ url: file.url, headers: { cookie: editor.cookie } });
    expect(forEditor.statusCode).toBe(200);

    await t.app.inject({
      method: 'POST',
      url: `/api/portal/admin/items/${item.id}/publish`,
      headers: editor.headers,
      payload: { version: 1 },
    });
    const served = await t.app.inject({ url: file.url });
    expect(served.statusCode).toBe(200);
    expect(served.rawPayload.equals(png)).toBe(true);
    expect(served.headers).toMatchObject({
      'content-type': 'image/png',
      'x-content-type-options': 'nosniff',
      'content-disposition': 'inline',
      'content-security-policy': "default-src 'none'",
      'cache-control': 'public, max-age=86400',
    });
    const item2 = await t.app.inject({ url: `/api/portal/items/news/${item.slug}` });
    expect(item2.json().cover).toMatchObject({ id: file.id, url: file.url });
    // the wrong name is a 404
    expect((await t.app.inject({ url: `/api/portal/files/${file.id}/x.png` })).statusCode).toBe(
      404,
    );
  });

  it('serves a PDF used in a published body as an attachment', async () => {
    const file = (await upload(pdf, 'application/pdf', 'Laporan Tahunan 2025.pdf')).json();
    expect(file.name).toBe('Laporan-Tahunan-2025.pdf');
    const { item } = (
      await t.app.inject({
        method: 'POST',
        url: '/api/portal/admin/items',
        headers: editor.headers,
        payload: {
          kind: 'page',
          title: 'Unduhan',
          bodyHtml: `<p><a href="${file.url}">Laporan</a></p>`,
        },
      })
    ).json();
    await t.app.inject({
      method: 'POST',
      url: `/api/portal/admin/items/${item.id}/publish`,
      headers: editor.headers,
      payload: { version: 1 },
    });
    const served = await t.app.inject({ url: file.url });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-disposition']).toBe(
      "attachment; filename*=UTF-8''Laporan-Tahunan-2025.pdf",
    );
    const list = await t.app.inject({ url: '/api/portal/admin/files', headers: editor.headers });
    expect(list.json().files.map((f: { id: string }) => f.id)).toContain(file.id);
  });

  it('refuses wrong types, mismatched bytes and big files, storing nothing', async () => {
    const before = await fileCount();
    const svg = await upload(Buffer.from('<svg onload="alert(1)"/>'), 'image/svg+xml', 'a.svg');
    expect(svg.statusCode).toBe(415);
    expect(svg.json().error).toMatchObject({
      code: 'unsupported_file_type',
      details: { allowed: 'PNG, JPEG, WebP, PDF' },
    });
    const html = await upload(Buffer.from('<html>'), 'text/html', 'a.html');
    expect(html.statusCode).toBe(415);
    const lying = await upload(pdf, 'image/png');
    expect(lying.statusCode).toBe(415);
    expect(lying.json().error.code).toBe('unsupported_file_type');
    const bigImage = Buffer.concat([png, Buffer.alloc(5 * 1024 * 1024)]);
    const big = await upload(bigImage, 'image/png');
    expect(big.statusCode).toBe(413);
    expect(big.json().error).toMatchObject({
      code: 'file_too_large',
      details: { allowed: '≤ 5 MB for images, ≤ 20 MB for PDF' },
    });
    const bigPdf = await upload(
      Buffer.concat([pdf, Buffer.alloc(20 * 1024 * 1024)]),
      'application/pdf',
    );
    expect(bigPdf.statusCode).toBe(413);
    expect(bigPdf.json().error.code).toBe('file_too_large');
    const notEditor = await upload(png, 'image/png', 'a.png', district);
    expect(notEditor.statusCode).toBe(403);
    expect(await fileCount()).toBe(before);
  });
});

describe('portal settings', () => {
  it('answers defaults, saves valid settings and refuses a pale primary colour', async () => {
    const defaults = await t.app.inject({ url: '/api/portal/settings' });
    expect(defaults.statusCode, defaults.body).toBe(200);
    expect(defaults.json()).toMatchObject({
      homeRegion: '53',
      colors: { primary: '#0b5d45', accent: '#f2a900' },
      logo: null,
    });
    expect(defaults.json().siteName.id).toMatch(/^Portal Data Stunting & AKI-AKB Provinsi /);

    const stored = (
      await t.app.inject({ url: '/api/portal/admin/settings', headers: editor.headers })
    ).json();
    const logo = (await upload(png, 'image/png', 'logo.png')).json();
    const pale = await t.app.inject({
      method: 'PUT',
      url: '/api/portal/admin/settings',
      headers: editor.headers,
      payload: { ...stored, colors: { primary: '#f2a900', accent: '#0b6e4f' } },
    });
    expect(pale.statusCode).toBe(400);
    expect(pale.json().error).toMatchObject({
      code: 'validation_failed',
      details: { field: 'colors.primary' },
    });
    const saved = await t.app.inject({
      method: 'PUT',
      url: '/api/portal/admin/settings',
      headers: editor.headers,
      payload: {
        ...stored,
        siteName: { id: 'Portal <b>Uji</b>', en: 'Test portal' },
        homeRegion: '5301',
        logoFileId: logo.id,
        contact: { address: 'Jl. Contoh 1', email: 'pokja@example.org', phone: '0380-000' },
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ homeRegion: '5301', logo: { id: logo.id } });
    expect(saved.body).not.toContain('<b>');
    // the logo is public now
    expect((await t.app.inject({ url: logo.url })).statusCode).toBe(200);
    const audits = await t.database.db
      .selectFrom('audit_log')
      .select('after')
      .where('entity', '=', 'portal_settings')
      .execute();
    expect(audits).toHaveLength(1);
    const forbidden = await t.app.inject({
      method: 'PUT',
      url: '/api/portal/admin/settings',
      headers: district.headers,
      payload: stored,
    });
    expect(forbidden.statusCode).toBe(403);
  });
});
