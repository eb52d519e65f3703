/**
 * A short confirmation after a save ("Tersimpan"), shown by the shell above every page so that it
 * survives the navigation back to the list. One at a time; it goes away by itself.
 */
import { useSyncExternalStore } from 'react';

export interface Toast {
  id: number;
  message: string;
  tone: 'success' | 'warning';
}

let current: Toast | null = null;
let nextId = 1;
let timer: number | undefined;
const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

/** Shows `message` for `ms` milliseconds (long enough to read at arm's length). */
export function showToast(message: string, tone: Toast['tone'] = 'success', ms = 6000): void {
  current = { id: nextId++, message, tone };
  window.clearTimeout(timer);
  timer = window.setTimeout(dismissToast, ms);
  notify();
}

export function dismissToast(): void {
  window.clearTimeout(timer);
  current = null;
  notify();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useToast(): Toast | null {
  return useSyncExternalStore(
    subscribe,
    () => current,
    () => null,
  );
}
