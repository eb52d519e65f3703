import { useState } from 'react';
import { useApi, type ApiState } from '../hooks/use-api.ts';

/**
 * `useApi`, but while the answer for a new key is on its way the previous answer stays on
 * screen (`loading` tells that it is old), so changing the period or the indicator does not
 * blank every chart of the page at once.
 */
export function useKeptApi<T>(
  key: string | null,
  load: (key: string, signal: AbortSignal) => Promise<T>,
): ApiState<T> {
  const state = useApi(key, load);
  const [kept, setKept] = useState<T | undefined>(undefined);
  // Remembering the last answer while rendering (React's "information from previous renders").
  if (state.data !== undefined && state.data !== kept) setKept(state.data);
  if (key === null) return state;
  return { ...state, data: state.data ?? (state.error ? undefined : kept) };
}
