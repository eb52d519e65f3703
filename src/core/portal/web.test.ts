import { describe, expect, it } from 'vitest';
import {
  escapeXml,
  injectMeta,
  injectModulePreloads,
  injectSettings,
  itemOfPath,
  itemWebPath,
  pageChunkFiles,
  renderRss,
} from './web.ts';

const template =
  '<html><head><meta charset="UTF-8" /><meta name="description" content="old" /><title>Old</title></head><body></body></html>';

describe('portal web helpers', () => {
  it('maps items to paths and back', () => {
    expect(itemWebPath('news', 'a-b')).toBe('/berita/a-b');
    expect(itemWebPath('page', 'profil-pokja')).toBe('/profil');
    expect(itemWebPath('page', 'kontak')).toBe('/halaman/kontak');
    expect(itemOfPath('/praktik-baik/dapur-sehat')).toEqual({
      kind: 'practice',
      slug: 'dapur-sehat',
    });
    expect(itemOfPath('/profil')).toEqual({ kind: 'page', slug: 'profil-pokja' });
    expect(itemOfPath('/dasbor')).toBeNull();
    expect(itemOfPath('/berita/<x>')).toBeNull();
  });

  it('escapes', () => {
    expect(escapeXml(`<a href="x" onclick='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('replaces title and description and adds escaped meta tags', () => {
    const html = injectMeta(template, {
      title: '"><script>alert(1)</script>',
      description: '<img src=x onerror=alert(1)>',
      url: 'https://portal.test/berita/a',
      type: 'article',
      image: 'https://portal.test/api/portal/files/x/a.png',
      rssUrl: 'https://portal.test/rss.xml',
      rssTitle: 'Berita',
    });
    expect(html).not.toContain('Old');
    expect(html).not.toContain('content="old"');
    expect(html).not.toMatch(/<script|<img/);
    expect(html.match(/<title>/g)).toHaveLength(1);
    expect(html).toContain('<meta property="og:type" content="article" />');
    expect(html).toContain('<meta property="og:locale" content="id_ID" />');
    expect(html).toContain('name="twitter:card" content="summary_large_image"');
    expect(html).toContain('type="application/rss+xml"');
  });

  it('writes RSS 2.0', () => {
    const xml = renderRss({
      title: 'T & T',
      description: 'd',
      link: 'https://p.test/berita',
      selfUrl: 'https://p.test/rss.xml',
      entries: [
        {
          title: '<script>',
          summary: 's',
          link: 'https://p.test/berita/a',
          id: '1',
          publishedAt: new Date('2025-03-01T00:00:00Z'),
        },
      ],
    });
    expect(xml).toContain('<rss version="2.0"');
    expect(xml).toContain('<title>&lt;script&gt;</title>');
    expect(xml).toContain('<pubDate>Sat, 01 Mar 2025 00:00:00 GMT</pubDate>');
  });
});

describe('injectSettings', () => {
  it('carries the settings as JSON that no value can break out of', () => {
    const html = '<html><head><title>x</title></head><body></body></html>';
    const out = injectSettings(html, { siteName: '</script><script>alert(1)</script>' });
    expect(out).not.toContain('</script><script>');
    const json = /<script type="application\/json" id="portal-settings">(.*)<\/script>/.exec(
      out,
    )?.[1];
    expect(JSON.parse(json!)).toEqual({ siteName: '</script><script>alert(1)</script>' });
    expect(out.indexOf('portal-settings')).toBeLessThan(out.indexOf('</head>'));
  });
});

describe('pageChunkFiles', () => {
  it("lists a page's chunk and its imports that the entry does not already load", () => {
    const manifest = {
      'main.tsx': { file: 'assets/index.js', isEntry: true, imports: ['_react.js'] },
      '_react.js': { file: 'assets/react.js' },
      'pages/HomePage.tsx': { file: 'assets/HomePage.js', imports: ['_react.js', '_api.js'] },
      '_api.js': { file: 'assets/api.js', imports: ['_style.css'] },
      '_style.css': { file: 'assets/style.css' },
    };
    expect(pageChunkFiles(manifest, 'pages/HomePage.tsx')).toEqual([
      'assets/HomePage.js',
      'assets/api.js',
    ]);
    expect(pageChunkFiles(manifest, 'pages/Missing.tsx')).toEqual([]);
    expect(injectModulePreloads('<head></head>', ['assets/HomePage.js'])).toContain(
      '<link rel="modulepreload" crossorigin href="/assets/HomePage.js" />',
    );
  });
});
