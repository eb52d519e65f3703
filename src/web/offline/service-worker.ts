/**
 * Tumbuh's service worker (built into /sw.js by scripts/service-worker-plugin.ts, which puts the
 * list of the build's files and a version in front of it). It makes the app open without a
 * network: every file of the build is kept in a cache named by the version, and a page load is
 * answered with the cached app shell. API calls always go to the network: the data a kader works
 * with offline lives in IndexedDB, which this worker never touches — so no version of it can
 * strand or drop queued entries (docs/offline.md).
 *
 * A new version installs beside the old one and waits; the page shows "Versi baru siap" and
 * sends SKIP_WAITING when the user reloads. Only then are the old version's files dropped.
 */
export {};

/** Put in front of this file at build time. */
declare const __PRECACHE__: { version: string; files: string[] };

interface ExtendableEvt extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvt extends ExtendableEvt {
  request: Request;
  respondWith(response: Promise<Response> | Response): void;
}
interface MessageEvt extends ExtendableEvt {
  data: unknown;
}
interface WorkerScope {
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvt) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvt) => void): void;
  addEventListener(type: 'message', listener: (event: MessageEvt) => void): void;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  location: Location;
}

const scope = globalThis as unknown as WorkerScope;
const PREFIX = 'tumbuh-app-';
const CACHE = `${PREFIX}${__PRECACHE__.version}`;
const SHELL = '/index.html';

scope.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      // `reload`: fetch past the HTTP cache, so the cache holds exactly this build's files.
      .then((cache) =>
        cache.addAll(__PRECACHE__.files.map((f) => new Request(f, { cache: 'reload' }))),
      ),
  );
});

scope.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k)),
        ),
      )
      .then(() => scope.clients.claim()),
  );
});

scope.addEventListener('message', (event) => {
  if ((event.data as { type?: unknown } | null)?.type === 'SKIP_WAITING') void scope.skipWaiting();
});

/** Paths that are never the app: the API, its documentation, the health check. */
const isServerPath = (path: string) =>
  path.startsWith('/api/') || path === '/api' || path === '/healthz';

scope.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== scope.location.origin || isServerPath(url.pathname)) return;

  if (request.mode === 'navigate') {
    // The app shell of this version for every page of the app (the router reads the URL).
    event.respondWith(
      caches
        .open(CACHE)
        .then((cache) => cache.match(SHELL))
        .then((shell) => shell ?? fetch(request)),
    );
    return;
  }
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const hit = await cache.match(request, { ignoreSearch: url.pathname.startsWith('/assets/') });
      if (hit) return hit;
      const response = await fetch(request);
      // A built file missed by the list (never expected) is kept for the next offline start.
      if (response.ok && url.pathname.startsWith('/assets/'))
        void cache.put(request, response.clone());
      return response;
    }),
  );
});
