/// <reference types="vite/client" />
/**
 * The service worker from the page's side: registers /sw.js (production builds), and when a new
 * version has installed and waits, says so (the banner "Versi baru siap"). The new version takes
 * over only when the user reloads through that banner: a running form is never swapped under the
 * kader's thumb, and the queue in IndexedDB is untouched by either version (docs/offline.md).
 * Also keeps the browser's install offer for the "Pasang aplikasi" button.
 */
import { useSyncExternalStore } from 'react';

interface InstallPrompt extends Event {
  prompt(): Promise<void>;
}

interface UpdateState {
  /** A new version is installed and waits for a reload. */
  updateReady: boolean;
  /** The browser offers to install the app (Chromium's beforeinstallprompt). */
  canInstall: boolean;
}

let state: UpdateState = { updateReady: false, canInstall: false };
let waiting: ServiceWorker | null = null;
let installPrompt: InstallPrompt | null = null;
const listeners = new Set<() => void>();

function setState(patch: Partial<UpdateState>): void {
  state = { ...state, ...patch };
  for (const listener of listeners) listener();
}

function watch(registration: ServiceWorkerRegistration): void {
  const offer = (worker: ServiceWorker | null) => {
    // Only an update: the very first install has no page to replace.
    if (worker && navigator.serviceWorker.controller) {
      waiting = worker;
      setState({ updateReady: true });
    }
  };
  offer(registration.waiting);
  registration.addEventListener('updatefound', () => {
    const installing = registration.installing;
    installing?.addEventListener('statechange', () => {
      if (installing.state === 'installed') offer(installing);
    });
  });
}

/** Registers the service worker and listens for updates and the install offer. */
export function startAppUpdates(): void {
  window.addEventListener('beforeinstallprompt', (event) => {
    event.preventDefault();
    installPrompt = event as InstallPrompt;
    setState({ canInstall: true });
  });
  window.addEventListener('appinstalled', () => {
    installPrompt = null;
    setState({ canInstall: false });
  });
  if (!('serviceWorker' in navigator) || !import.meta.env.PROD) return;
  let reloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (!reloading && waiting) {
      reloading = true;
      window.location.reload();
    }
  });
  void navigator.serviceWorker
    .register('/sw.js', { scope: '/' })
    .then((registration) => {
      watch(registration);
      // Look for a new version now and then while the app stays open all day at the posyandu.
      window.setInterval(() => void registration.update().catch(() => undefined), 60 * 60_000);
    })
    .catch((error: unknown) => console.warn('service worker not registered', error));
}

/** Lets the waiting version take over; the page reloads when it does. */
export function applyUpdate(): void {
  if (waiting) waiting.postMessage({ type: 'SKIP_WAITING' });
  else window.location.reload();
}

/** Shows the browser's install dialog (Android: adds Tumbuh to the home screen). */
export async function installApp(): Promise<void> {
  const prompt = installPrompt;
  if (!prompt) return;
  installPrompt = null;
  setState({ canInstall: false });
  await prompt.prompt();
}

export function useAppUpdate(): UpdateState {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
    () => state,
  );
}
