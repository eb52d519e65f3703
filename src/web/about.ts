/**
 * What the server says about itself (GET /api/about), asked once per page load and shared like
 * the session store. The shell reads it only to say so when the data is the synthetic demo.
 */
import { useSyncExternalStore } from 'react';
import { api, type About } from './api-client.ts';

let about: About | null = null;
let requested = false;
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function getAbout(): About | null {
  return about;
}

/** Asks the server once; a failure leaves the answer unknown (no banner), not an error to show. */
export function loadAbout(): void {
  if (requested) return;
  requested = true;
  api.about().then(
    (answer) => {
      about = answer;
      for (const listener of listeners) listener();
    },
    () => {
      requested = false;
    },
  );
}

/** The demo dataset's description, or null when the data is real (or not known yet). */
export function useDemo(): About['demo'] {
  return useSyncExternalStore(subscribe, getAbout, () => null)?.demo ?? null;
}
