/**
 * The HTTP side of the sync engine: POST /api/sync/push with a time limit. A request that gets
 * no answer in time counts as not delivered (status 0): its items are sent again later, which is
 * safe because the server stores each client id once.
 */
import type { SyncPushResponse } from '../../contract/sync.ts';
import type { SyncBatch, SyncTransport } from './sync-engine.ts';

/** Long enough for 200 items on a slow rural connection, short enough to try again soon. */
export const PUSH_TIMEOUT_MS = 60_000;

/** A failure without an answer from the server (offline, timeout, connection cut). */
export class NoAnswerError extends Error {
  override readonly name = 'NoAnswerError';
  readonly status = 0;
}

/**
 * `call` sends the batch (the web app: api-client's request, which adds the CSRF token; tests:
 * fetch with a cookie) and rejects with an error carrying the HTTP `status` when answered with one.
 */
export function httpTransport(
  call: (batch: SyncBatch, signal: AbortSignal) => Promise<SyncPushResponse>,
  timeoutMs = PUSH_TIMEOUT_MS,
): SyncTransport {
  return {
    async push(batch) {
      try {
        return await call(batch, AbortSignal.timeout(timeoutMs));
      } catch (e) {
        const status = (e as { status?: unknown } | null)?.status;
        if (typeof status === 'number' && status > 0) throw e;
        throw new NoAnswerError(e instanceof Error ? e.message : String(e));
      }
    },
  };
}
