/**
 * Who is logged in. One small store shared by the header, the route guards and the pages; it
 * keeps the CSRF token flowing through the API client (every session answer carries one).
 */
import { useSyncExternalStore } from 'react';
import { ApiError, api, setUnauthenticatedHandler, type Me } from './api-client.ts';

export type SessionState =
  | { status: 'loading'; user: null }
  | { status: 'ready'; user: Me | null }
  /**
   * The server could not be asked: public pages still work. `user` is the last user of this
   * device, so a kader keeps working offline (the server checks everything when it syncs).
   */
  | { status: 'unreachable'; user: Me | null; error: ApiError };

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

const lastUserKey = 'tumbuh.lastUser';

/** The last user seen on this device, for working offline (docs/offline.md). */
function rememberUser(user: Me | null): void {
  try {
    if (user) window.localStorage.setItem(lastUserKey, JSON.stringify(user));
    else window.localStorage.removeItem(lastUserKey);
  } catch {
    // Storage blocked: offline work then needs the network to start.
  }
}

function lastUser(): Me | null {
  try {
    const text = window.localStorage.getItem(lastUserKey);
    return text ? (JSON.parse(text) as Me) : null;
  } catch {
    return null;
  }
}

/** Asks the server who we are; called at start and after every change of session. */
export async function loadSession(): Promise<void> {
  try {
    const session = await api.session();
    rememberUser(session.user);
    setState({ status: 'ready', user: session.user });
  } catch (e) {
    const error = e instanceof ApiError ? e : new ApiError(0, 'network_error', String(e), {}, null);
    setState({ status: 'unreachable', user: error.status === 0 ? lastUser() : null, error });
  }
}

/** Logs in; rejects with an ApiError (invalid_credentials, account_locked, rate_limited…). */
export async function login(email: string, password: string): Promise<Me | null> {
  const session = await api.login({ email, password });
  rememberUser(session.user);
  setState({ status: 'ready', user: session.user });
  return session.user;
}

export async function logout(): Promise<void> {
  try {
    await api.logout();
    rememberUser(null);
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
  if (state.user) {
    rememberUser(null);
    setState({ status: 'ready', user: null });
  }
});

/** Calls `listener` after every change of session (the offline sync follows the user). */
export const subscribeSession = subscribe;

export function useSession(): SessionState {
  return useSyncExternalStore(subscribe, getSession, getSession);
}
