/**
 * The portal settings of this installation (name, home region, colours, logo), asked once per
 * page load and shared like the session store. Until they arrive (or when the server cannot be
 * reached) the built-in defaults apply, so no page waits for them.
 */
import { useSyncExternalStore } from 'react';
import { portalApi, type PublicSettings } from './api.ts';

/** Sets the installation's brand colour where the stylesheet reads it (:root variables). */
function applyColors(value: PublicSettings): void {
  const style = document.documentElement.style;
  style.setProperty('--color-brand', value.colors.primary);
  style.setProperty('--color-portal-accent', value.colors.accent);
}

/** The settings the server put into the first HTML (core/portal/web.ts injectSettings), if any. */
function fromPage(): PublicSettings | null {
  const text = document.getElementById('portal-settings')?.textContent;
  if (!text) return null;
  try {
    return JSON.parse(text) as PublicSettings;
  } catch {
    return null;
  }
}

let settings: PublicSettings | null = typeof document === 'undefined' ? null : fromPage();
let requested = settings !== null;
if (settings) applyColors(settings);
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function loadPortalSettings(force = false): void {
  if (requested && !force) return;
  requested = true;
  portalApi.settings().then(
    (answer) => {
      settings = answer;
      applyColors(answer);
      for (const listener of listeners) listener();
    },
    () => {
      requested = false;
    },
  );
}

/** The settings, or null while they are on their way. */
export function usePortalSettings(): PublicSettings | null {
  return useSyncExternalStore(
    subscribe,
    () => settings,
    () => null,
  );
}
