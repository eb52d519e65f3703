/**
 * RSS, sitemap and the meta tags of portal pages (docs/portal.md): only published items, links
 * absolute from the request's origin.
 */
import type { ContentKind, PortalSettings } from '../../core/portal/model.ts';
import {
  itemOfPath,
  itemWebPath,
  portalPages,
  renderRss,
  renderSitemap,
  type PageMeta,
} from '../../core/portal/web.ts';
import { findFileMetas, findPublishedItem, latestPublished } from '../../db/queries/portal.ts';
import type { ServiceContext } from '../context.ts';
import { fileUrl } from './present.ts';
import { readSettings } from './settings.ts';

export async function rssFeed(ctx: ServiceContext, origin: string): Promise<string> {
  const [settings, rows] = await Promise.all([
    readSettings(ctx.db),
    latestPublished(ctx.db, { kind: 'news', limit: 20 }),
  ]);
  return renderRss({
    title: `${settings.siteName.id} · Berita`,
    description: settings.welcome.id,
    link: `${origin}/berita`,
    selfUrl: `${origin}/rss.xml`,
    entries: rows.map((r) => ({
      title: r.title,
      summary: r.summary,
      link: `${origin}${itemWebPath(r.kind, r.slug)}`,
      id: r.id,
      publishedAt: new Date(r.published_at ?? r.updated_at),
    })),
  });
}

export async function sitemap(ctx: ServiceContext, origin: string): Promise<string> {
  const rows = await latestPublished(ctx.db, { limit: 50_000 });
  const itemUrls = rows.map((r) => ({
    loc: `${origin}${itemWebPath(r.kind, r.slug)}`,
    lastmod: new Date(r.updated_at),
  }));
  const pageUrls = portalPages
    .map((p) => ({ loc: `${origin}${p === '/' ? '/' : p}` }))
    .filter((p) => !itemUrls.some((i) => i.loc === p.loc));
  return renderSitemap([...pageUrls, ...itemUrls]);
}

const pageTitles: Record<string, { title: string; description: string }> = {
  '/berita': { title: 'Berita', description: 'Kabar terbaru percepatan penurunan stunting' },
  '/pusat-pembelajaran': {
    title: 'Pusat Pembelajaran',
    description: 'Laporan, pedoman, regulasi, kajian dan praktik baik',
  },
  '/data-terbuka': {
    title: 'Data Terbuka',
    description: 'Unduh data stunting dan AKI-AKB dalam CSV, JSON dan XLSX',
  },
  '/profil': { title: 'Profil Pokja', description: 'Tim Percepatan Penurunan Stunting' },
};

/** Whether the SPA path is a portal page whose meta tags the server writes. */
export function isPortalPath(path: string): boolean {
  return (portalPages as readonly string[]).includes(path) || itemOfPath(path) !== null;
}

/**
 * The meta tags of a portal path, or `found: false` for an item path whose item is missing or
 * not published (the SPA is then answered with 404).
 */
export async function pageMeta(
  ctx: ServiceContext,
  path: string,
  origin: string,
  settings: PortalSettings,
): Promise<{ found: boolean; meta: PageMeta }> {
  const site = settings.siteName.id;
  const base: PageMeta = {
    title: site,
    description: settings.welcome.id,
    url: `${origin}${path}`,
    type: 'website',
    image: null,
    rssUrl: `${origin}/rss.xml`,
    rssTitle: `${site} · Berita`,
  };
  const target = itemOfPath(path);
  if (target) {
    const row = await findPublishedItem(ctx.db, target.kind, target.slug);
    if (!row) {
      if (path === '/profil') return { found: true, meta: withPage(base, path, site) };
      return { found: false, meta: { ...base, title: `Tidak ditemukan · ${site}` } };
    }
    const cover = row.cover_file_id
      ? (await findFileMetas(ctx.db, [row.cover_file_id])).get(row.cover_file_id)
      : undefined;
    return {
      found: true,
      meta: {
        ...base,
        title: `${row.title} · ${site}`,
        description: row.summary || base.description,
        type: articleKinds.has(row.kind) ? 'article' : 'website',
        image: cover ? `${origin}${fileUrl(cover)}` : null,
      },
    };
  }
  return { found: true, meta: withPage(base, path, site) };
}

const articleKinds = new Set<ContentKind>(['news', 'knowledge', 'practice', 'event']);

function withPage(base: PageMeta, path: string, site: string): PageMeta {
  const page = pageTitles[path];
  return page ? { ...base, title: `${page.title} · ${site}`, description: page.description } : base;
}
