/**
 * A tiny history-based router: a handful of fixed paths do not need a library. The URL is the
 * state (shareable, back button works); components read it with `useRoute()` and change it
 * with `navigate()` or the `<Link>` component. The server must answer unknown non-API paths
 * with index.html (SPA fallback) so that a reload of /dasbor works.
 */
import { useSyncExternalStore } from 'react';
import { contentKinds, slugPattern, type ContentKind } from '../core/portal/model.ts';
import { itemWebPath } from '../core/portal/web.ts';
import { isRegionCode } from '../core/regions/region-code.ts';

export type Route =
  | { name: 'home' }
  | { name: 'dashboard' }
  | { name: 'input' }
  | { name: 'admin' }
  | { name: 'login' }
  | { name: 'account' }
  | { name: 'region'; code: string }
  | { name: 'child'; id: string }
  | { name: 'followUp' }
  | { name: 'outbox' }
  | { name: 'imports' }
  | { name: 'deaths' }
  | { name: 'deathNotify' }
  | { name: 'deathCases' }
  | { name: 'deathCase'; id: string }
  | { name: 'liveBirths' }
  | { name: 'profile' }
  | { name: 'news' }
  | { name: 'newsItem'; slug: string }
  | { name: 'knowledge' }
  | { name: 'knowledgeItem'; slug: string }
  | { name: 'practice'; slug: string }
  | { name: 'event'; slug: string }
  | { name: 'pageItem'; slug: string }
  | { name: 'openData' }
  | { name: 'cms' }
  | { name: 'cmsNew'; kind: ContentKind }
  | { name: 'cmsEdit'; id: string }
  | { name: 'cmsSettings' }
  | { name: 'notFound' };

export type RouteName = Route['name'];

/** Fixed paths; Indonesian, like the rest of the public face of the app. */
export const paths = {
  home: '/',
  dashboard: '/dasbor',
  input: '/input',
  admin: '/admin',
  login: '/masuk',
  account: '/akun',
  followUp: '/tindak-lanjut',
  outbox: '/kirim',
  imports: '/impor',
  deaths: '/kematian',
  deathNotify: '/kematian/lapor',
  deathCases: '/kematian/kasus',
  liveBirths: '/kematian/kelahiran',
  profile: '/profil',
  news: '/berita',
  knowledge: '/pusat-pembelajaran',
  openData: '/data-terbuka',
  cms: '/cms',
  cmsSettings: '/cms/pengaturan',
} as const;

const fixed: Record<string, Route> = {
  [paths.home]: { name: 'home' },
  [paths.dashboard]: { name: 'dashboard' },
  [paths.input]: { name: 'input' },
  [paths.admin]: { name: 'admin' },
  [paths.login]: { name: 'login' },
  [paths.account]: { name: 'account' },
  [paths.followUp]: { name: 'followUp' },
  [paths.outbox]: { name: 'outbox' },
  [paths.imports]: { name: 'imports' },
  [paths.deaths]: { name: 'deaths' },
  [paths.deathNotify]: { name: 'deathNotify' },
  [paths.deathCases]: { name: 'deathCases' },
  [paths.liveBirths]: { name: 'liveBirths' },
  [paths.profile]: { name: 'profile' },
  [paths.news]: { name: 'news' },
  [paths.knowledge]: { name: 'knowledge' },
  [paths.openData]: { name: 'openData' },
  [paths.cms]: { name: 'cms' },
  [paths.cmsSettings]: { name: 'cmsSettings' },
};

/** Portal items by path prefix: `/berita/<slug>` is a news article, and so on. */
const itemPrefixes = {
  berita: 'newsItem',
  pengetahuan: 'knowledgeItem',
  'praktik-baik': 'practice',
  agenda: 'event',
  halaman: 'pageItem',
} as const;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Maps a pathname to its route; `/wilayah/5301` carries a region code, `/anak/<uuid>` a child. */
export function matchRoute(pathname: string): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  const known = fixed[path];
  if (known) return known;
  const region = /^\/wilayah\/([\d.]+)$/.exec(path);
  const code = region?.[1]?.replace(/\./g, '');
  if (code && isRegionCode(code)) return { name: 'region', code };
  const child = /^\/anak\/([^/]+)$/.exec(path)?.[1];
  if (child && uuidPattern.test(child)) return { name: 'child', id: child.toLowerCase() };
  const deathCase = /^\/kematian\/kasus\/([^/]+)$/.exec(path)?.[1];
  if (deathCase && uuidPattern.test(deathCase))
    return { name: 'deathCase', id: deathCase.toLowerCase() };
  const item = /^\/([a-z-]+)\/([^/]+)$/.exec(path);
  if (item) {
    const name = itemPrefixes[item[1] as keyof typeof itemPrefixes] as
      (typeof itemPrefixes)[keyof typeof itemPrefixes] | undefined;
    if (name && slugPattern.test(item[2]!)) return { name, slug: item[2]! };
  }
  const cmsNew = /^\/cms\/baru\/([a-z]+)$/.exec(path)?.[1];
  if (cmsNew && (contentKinds as readonly string[]).includes(cmsNew))
    return { name: 'cmsNew', kind: cmsNew as ContentKind };
  const cmsEdit = /^\/cms\/([^/]+)$/.exec(path)?.[1];
  if (cmsEdit && uuidPattern.test(cmsEdit)) return { name: 'cmsEdit', id: cmsEdit.toLowerCase() };
  return { name: 'notFound' };
}

/** The portal path of a published item (the same function the server's sitemap uses). */
export const itemPath = itemWebPath;
export const cmsItemPath = (id: string) => `/cms/${id}`;
export const cmsNewPath = (kind: ContentKind) => `/cms/baru/${kind}`;

export const regionPath = (code: string) => `/wilayah/${code}`;
export const childPath = (id: string) => `/anak/${id}`;
export const deathCasePath = (id: string) => `/kematian/kasus/${id}`;

const listeners = new Set<() => void>();
let focusPending = false;

function notify(): void {
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (listeners.size === 1) window.addEventListener('popstate', onPopState);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('popstate', onPopState);
  };
}

function onPopState(): void {
  focusPending = true;
  notify();
}

const currentHref = () => window.location.pathname + window.location.search;

/**
 * Goes to `to` (a same-origin path). A change of page scrolls to the top and asks the new page
 * heading to take focus, so keyboard and screen-reader users land on the new content.
 */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === currentHref()) return;
  const samePage = new URL(to, window.location.origin).pathname === window.location.pathname;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  if (!samePage) {
    focusPending = true;
    window.scrollTo(0, 0);
  }
  notify();
}

/** Asks the next page heading to take focus, for a page change that is not a navigation. */
export function requestFocus(): void {
  focusPending = true;
}

/**
 * Whether the page that just rendered was reached by navigation (not the first load); consumed
 * once, by the page heading.
 */
export function takeFocusRequest(): boolean {
  const pending = focusPending;
  focusPending = false;
  return pending;
}

/** The current path plus query, e.g. `/dasbor?wilayah=5301`; re-renders on every navigation. */
export function useHref(): string {
  return useSyncExternalStore(subscribe, currentHref, () => '/');
}

/** The matched route and the query parameters of the current URL. */
export function useRoute(): {
  route: Route;
  pathname: string;
  query: URLSearchParams;
  href: string;
} {
  const href = useHref();
  const url = new URL(href, 'http://local');
  return { route: matchRoute(url.pathname), pathname: url.pathname, query: url.searchParams, href };
}

/** Accepts only same-site paths for `?next=` redirects, never `//evil.example` or `https:`. */
export function safeNextPath(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\')
    ? next
    : null;
}
