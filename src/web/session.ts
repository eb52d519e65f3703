/**
 * Who is logged in. One small store shared by the header, the route guards and the pages; it
 * keeps the CSRF token flowing through the API client (every session answer carries one).
 */
import { useSyncExternalStore } from 'react';
import { ApiError, api, setUnauthenticatedHandler, type Me } from './api-client.ts';

export type SessionState =
  | { status: 'loading'; user: null }
  | { status: 'ready'; user: Me | null }
  /** The server could not be asked: public pages still work, staff pages say why they cannot. */
  | { status: 'unreachable'; user: null; error: ApiError };

let state: SessionState = { status: 'loading', user: null };
const listeners = new Set<() => void>();

function setState(next: SessionState): void {
  state = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getSession(): SessionState {
  return state;
}

/** Asks the server who we are; called at start and after every change of session. */
export async function loadSession(): Promise<void> {
  try {
    const session = await api.session();
    setState({ status: 'ready', user: session.user });
  } catch (e) {
    const error = e instanceof ApiError ? e : new ApiError(0, 'network_error', String(e), {}, null);
    setState({ status: 'unreachable', user: null, error });
  }
}

/** Logs in; rejects with an ApiError (invalid_credentials, account_locked, rate_limited…). */
export async function login(email: string, password: string): Promise<Me | null> {
  const session = await api.login({ email, password });
  setState({ status: 'ready', user: session.user });
  return session.user;
}

export async function logout(): Promise<void> {
  try {
    await api.logout();
  } finally {
    await loadSession();
  }
}

/** Changes the password, then reloads the session (which clears `mustChangePassword`). */
export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  await api.changePassword({ currentPassword, newPassword });
  await loadSession();
}

setUnauthenticatedHandler(() => {
  if (state.user) setState({ status: 'ready', user: null });
});

export function useSession(): SessionState {
  return useSyncExternalStore(subscribe, getSession, getSession);
}
