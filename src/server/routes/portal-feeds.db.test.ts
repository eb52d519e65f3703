import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, testApp, type Session, type TestApp } from '../../test/app.ts';
import { buildApp } from '../app.ts';
import { loadConfig } from '../env.ts';

let t: TestApp;
let editor: Session;
let web: FastifyInstance;
let webDir: string;

const XSS = '"><script>alert(1)</script><img src=x onerror=alert(1)>';
const inertMarkup = (text: string) => {
  expect(text).not.toMatch(/<script/i);
  // an on…= attribute of a real tag (quoted attribute values are data, not markup)
  expect(text.replace(/"[^"]*"/g, '""')).not.toMatch(/<[a-z][^<>]*\son\w+=/i);
  expect(text).not.toMatch(/javascript:/i);
};

async function publish(payload: Record<string, unknown>) {
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/portal/admin/items',
    headers: editor.headers,
    payload,
  });
  const { item } = created.json();
  await t.app.inject({
    method: 'POST',
    url: `/api/portal/admin/items/${item.id}/publish`,
    headers: editor.headers,
    payload: { version: 1 },
  });
  return item;
}

beforeAll(async () => {
  t = await testApp();
  editor = await loginAs(t, 'editor', '53');
  await publish({ kind: 'news', slug: 'berita-satu', title: 'Berita <Satu> & Dua', summary: XSS });
  await publish({ kind: 'news', slug: 'berita-xss', title: XSS, summary: 'ringkas' });
  await publish({ kind: 'page', slug: 'profil-pokja', title: 'Profil Pokja' });
  await t.app.inject({
    method: 'POST',
    url: '/api/portal/admin/items',
    headers: editor.headers,
    payload: { kind: 'news', slug: 'berita-draf', title: 'Draf rahasia' },
  });
  webDir = mkdtempSync(join(tmpdir(), 'tumbuh-web-'));
  writeFileSync(
    join(webDir, 'index.html'),
    '<!doctype html><html><head><meta name="description" content="Tumbuh" /><title>Tumbuh</title></head><body><div id="root"></div></body></html>',
  );
  web = await buildApp({
    database: t.database,
    config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
    now: t.clock.now,
    logger: false,
    webDir,
  });
  await web.ready();
});
afterAll(async () => {
  await web.close();
  await t.close();
  rmSync(webDir, { recursive: true, force: true });
});

describe('RSS, sitemap, robots', () => {
  it('lists published news only, escaped, with absolute links', async () => {
    const rss = await t.app.inject({ url: '/rss.xml', headers: { host: 'portal.example.id' } });
    expect(rss.statusCode).toBe(200);
    expect(rss.headers['content-type']).toMatch(/^application\/rss\+xml/);
    expect(rss.body).toContain('<rss version="2.0"');
    expect(rss.body).toContain('<title>Berita &lt;Satu&gt; &amp; Dua</title>');
    expect(rss.body).toContain('<link>http://portal.example.id/berita/berita-satu</link>');
    expect(rss.body).not.toContain('Draf rahasia');
    inertMarkup(rss.body);
    // well-formed enough: every element opened is closed
    expect(rss.body.match(/<item>/g)).toHaveLength(2);
    expect(rss.body.match(/<\/item>/g)).toHaveLength(2);
  });

  it('maps the portal pages and published items', async () => {
    const map = await t.app.inject({ url: '/sitemap.xml', headers: { host: 'p.test' } });
    expect(map.statusCode).toBe(200);
    expect(map.body).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    for (const path of [
      '/',
      '/profil',
      '/berita',
      '/pusat-pembelajaran',
      '/data-terbuka',
      '/dasbor',
      '/kematian',
      '/berita/berita-satu',
    ])
      expect(map.body).toContain(`<loc>http://p.test${path}</loc>`);
    expect(map.body.match(/<loc>http:\/\/p\.test\/profil<\/loc>/g)).toHaveLength(1);
    expect(map.body).not.toContain('berita-draf');
    inertMarkup(map.body);
    const robots = await t.app.inject({ url: '/robots.txt', headers: { host: 'p.test' } });
    expect(robots.body).toContain('Disallow: /api/');
    expect(robots.body).toContain('Disallow: /cms');
    expect(robots.body).toContain('Sitemap: http://p.test/sitemap.xml');
  });
});

describe('open-data catalogue', () => {
  it('lists datasets whose every download answers 200', async () => {
    const list = await t.app.inject({ url: '/api/portal/datasets' });
    expect(list.statusCode, list.body).toBe(200);
    const { datasets, apiDocs } = list.json();
    expect(apiDocs).toBe('/api/docs');
    const openapi = await t.app.inject({ url: '/api/docs/json' });
    expect(openapi.statusCode).toBe(200);
    expect(Object.keys(openapi.json().paths)).toEqual(
      expect.arrayContaining(['/api/portal/items', '/api/portal/admin/files']),
    );
    expect(datasets.length).toBeGreaterThan(10);
    const urls: string[] = datasets.flatMap((d: { downloads: { url: string }[] }) =>
      d.downloads.map((x) => x.url),
    );
    expect(urls).toContain('/api/dashboard/areas?region=53&indicator=stunting&format=csv');
    for (const url of urls) {
      const response = await t.app.inject({ url });
      expect(response.statusCode, `${url}: ${response.body.slice(0, 200)}`).toBe(200);
    }
  }, 120_000);
});

describe('meta tags of portal pages', () => {
  it('writes the item title, escaped, and 404 for drafts', async () => {
    const page = await web.inject({ url: '/berita/berita-xss', headers: { host: 'p.test' } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>&quot;&gt;&lt;script&gt;');
    expect(page.body).toContain(
      '<meta property="og:url" content="http://p.test/berita/berita-xss" />',
    );
    expect(page.body).toContain('<meta property="og:type" content="article" />');
    expect(page.body).toContain('application/rss+xml');
    expect(page.body).not.toContain('<title>Tumbuh</title>');
    inertMarkup(page.body);
    const draft = await web.inject({ url: '/berita/berita-draf' });
    expect(draft.statusCode).toBe(404);
    expect(draft.body).toContain('<div id="root">');
    expect(draft.body).not.toContain('Draf rahasia');
    const profile = await web.inject({ url: '/profil' });
    expect(profile.body).toContain('<title>Profil Pokja · ');
    const home = await web.inject({ url: '/' });
    expect(home.statusCode).toBe(200);
    expect(home.body).toMatch(/<title>Portal Data Stunting/);
    const other = await web.inject({ url: '/dasbor/lain/x' });
    expect(other.body).toContain('<title>Tumbuh</title>');
  });
});
