/**
 * What the portal answers outside the JSON API (docs/portal.md): the web path of an item, RSS,
 * sitemap, robots.txt and the meta tags of the SPA's index.html. Everything is escaped here.
 */
import type { ContentKind } from './model.ts';

/** `&`, `<`, `>`, `"` and `'` escaped: safe in XML/HTML text and quoted attributes. */
export function escapeXml(value: string): string {
  return value.replace(/[&<>"']/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;',
  );
}

/** The portal path of a published item (the web router's itemPath). */
export function itemWebPath(kind: ContentKind, slug: string): string {
  switch (kind) {
    case 'news':
      return `/berita/${slug}`;
    case 'knowledge':
      return `/pengetahuan/${slug}`;
    case 'practice':
      return `/praktik-baik/${slug}`;
    case 'event':
      return `/agenda/${slug}`;
    case 'page':
      return slug === 'profil-pokja' ? '/profil' : `/halaman/${slug}`;
  }
}

const prefixes: Record<string, ContentKind> = {
  berita: 'news',
  pengetahuan: 'knowledge',
  'praktik-baik': 'practice',
  agenda: 'event',
  halaman: 'page',
};

/** The portal's own pages (sitemap; meta tags of the SPA). */
export const portalPages = [
  '/',
  '/profil',
  '/berita',
  '/pusat-pembelajaran',
  '/data-terbuka',
  '/dasbor',
  '/kematian',
] as const;

/** Which item a portal path shows, if any (`/profil` is the page `profil-pokja`). */
export function itemOfPath(path: string): { kind: ContentKind; slug: string } | null {
  if (path === '/profil') return { kind: 'page', slug: 'profil-pokja' };
  const m = /^\/([a-z-]+)\/([a-z0-9]+(?:-[a-z0-9]+)*)$/.exec(path);
  const kind = m ? prefixes[m[1]!] : undefined;
  return kind ? { kind, slug: m![2]! } : null;
}

export interface RssEntry {
  title: string;
  summary: string;
  link: string;
  publishedAt: Date;
  id: string;
}

export function renderRss(channel: {
  title: string;
  description: string;
  link: string;
  selfUrl: string;
  entries: RssEntry[];
}): string {
  const items = channel.entries
    .map(
      (e) => `    <item>
      <title>${escapeXml(e.title)}</title>
      <link>${escapeXml(e.link)}</link>
      <guid isPermaLink="false">${escapeXml(e.id)}</guid>
      <pubDate>${e.publishedAt.toUTCString()}</pubDate>
      <description>${escapeXml(e.summary)}</description>
    </item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>${escapeXml(channel.title)}</title>
    <link>${escapeXml(channel.link)}</link>
    <description>${escapeXml(channel.description)}</description>
    <language>id</language>
    <atom:link href="${escapeXml(channel.selfUrl)}" rel="self" type="application/rss+xml" />
${items}
  </channel>
</rss>
`;
}

export function renderSitemap(urls: { loc: string; lastmod?: Date }[]): string {
  const body = urls
    .map(
      (u) =>
        `  <url><loc>${escapeXml(u.loc)}</loc>${u.lastmod ? `<lastmod>${u.lastmod.toISOString().slice(0, 10)}</lastmod>` : ''}</url>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${body}
</urlset>
`;
}

export function renderRobots(origin: string): string {
  return `User-agent: *\nAllow: /\nDisallow: /api/\nDisallow: /cms\n\nSitemap: ${origin}/sitemap.xml\n`;
}

export interface PageMeta {
  title: string;
  description: string;
  url: string;
  type: 'website' | 'article';
  image: string | null;
  rssUrl: string;
  rssTitle: string;
}

/** index.html with the page's title, description, Open Graph and Twitter tags (all escaped). */
export function injectMeta(html: string, meta: PageMeta): string {
  const e = escapeXml;
  const tags = [
    `<title>${e(meta.title)}</title>`,
    `<meta name="description" content="${e(meta.description)}" />`,
    `<meta property="og:title" content="${e(meta.title)}" />`,
    `<meta property="og:description" content="${e(meta.description)}" />`,
    `<meta property="og:type" content="${meta.type}" />`,
    `<meta property="og:url" content="${e(meta.url)}" />`,
    ...(meta.image ? [`<meta property="og:image" content="${e(meta.image)}" />`] : []),
    '<meta property="og:locale" content="id_ID" />',
    `<meta name="twitter:card" content="${meta.image ? 'summary_large_image' : 'summary'}" />`,
    `<link rel="alternate" type="application/rss+xml" title="${e(meta.rssTitle)}" href="${e(meta.rssUrl)}" />`,
  ].join('\n    ');
  const stripped = html
    .replace(/\s*<title>[\s\S]*?<\/title>/i, '')
    .replace(/\s*<meta\s+name="description"[^>]*>/i, '');
  return stripped.replace(/<\/head>/i, `  ${tags}\n  </head>`);
}

/** Id of the data block that carries the portal settings in the first HTML. */
export const SETTINGS_ELEMENT_ID = 'portal-settings';

/**
 * Puts the public settings into the page as a JSON data block (not executed, so the CSP's
 * script-src 'self' allows it): the web app then starts with the installation's name, colours
 * and home region instead of fetching them, and nothing on the page moves when they arrive.
 * `<` is written as \u003c so no value can close the element.
 */
export function injectSettings(html: string, settings: unknown): string {
  const json = JSON.stringify(settings).replace(/</g, '\\u003c');
  const block = `<script type="application/json" id="${SETTINGS_ELEMENT_ID}">${json}</script>`;
  return html.replace(/<\/head>/i, `  ${block}\n  </head>`);
}

/** A chunk of Vite's build manifest (dist/web/.vite/manifest.json). */
export interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}

/**
 * The files a lazily loaded page needs beyond what the entry already loads: the page's chunk and
 * its static imports. Announced as modulepreload in the first HTML, the browser fetches them
 * alongside the entry instead of one round trip later.
 */
export function pageChunkFiles(manifest: Record<string, ManifestChunk>, page: string): string[] {
  const closure = (key: string, into: Set<string>): Set<string> => {
    if (into.has(key) || !manifest[key]) return into;
    into.add(key);
    for (const dep of manifest[key].imports ?? []) closure(dep, into);
    return into;
  };
  const entry = Object.keys(manifest).find((k) => manifest[k]!.isEntry);
  const loaded = entry ? closure(entry, new Set()) : new Set<string>();
  return [...closure(page, new Set())]
    .filter((k) => !loaded.has(k))
    .map((k) => manifest[k]!.file)
    .filter((f) => f.endsWith('.js'));
}

/** Adds `<link rel="modulepreload">` for each file (paths under the site root). */
export function injectModulePreloads(html: string, files: readonly string[]): string {
  if (files.length === 0) return html;
  const links = files.map(
    (f) => `<link rel="modulepreload" crossorigin href="/${escapeXml(f)}" />`,
  );
  return html.replace(/<\/head>/i, `  ${links.join('\n    ')}\n  </head>`);
}
