import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import { isAbortError } from '../api-client.ts';

export interface ApiState<T> {
  data: T | undefined;
  error: unknown;
  /** True while the answer for the current key (or a reload) is on its way. */
  loading: boolean;
  /** Asks again, keeping the old data on screen until the new answer arrives. */
  reload: () => void;
}

interface Settled<T> {
  key: string;
  version: number;
  data: T | undefined;
  error: unknown;
}

/**
 * Loads data for a key (e.g. a region code) and reloads when the key changes; `null` loads
 * nothing. A newer key cancels the older request, so a slow answer never overwrites a newer one.
 */
export function useApi<T>(
  key: string | null,
  load: (key: string, signal: AbortSignal) => Promise<T>,
): ApiState<T> {
  const [version, setVersion] = useState(0);
  const [settled, setSettled] = useState<Settled<T> | null>(null);
  const run = useEffectEvent(load);

  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    run(key, controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setSettled({ key, version, data, error: undefined });
      },
      (error: unknown) => {
        if (controller.signal.aborted || isAbortError(error)) return;
        setSettled({ key, version, data: undefined, error });
      },
    );
    return () => controller.abort();
  }, [key, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const sameKey = key !== null && settled?.key === key;
  return {
    data: sameKey ? settled.data : undefined,
    error: sameKey && settled.version === version ? settled.error : undefined,
    loading: key !== null && (!sameKey || settled.version !== version),
    reload,
  };
}
