/**
 * How long a failed delivery waits before the next try: exponential (2 s, 4 s, 8 s … capped at
 * 10 minutes) with jitter, so that the phones of a whole posyandu that regain the network at the
 * same moment do not all send at the same second again ("equal jitter": half fixed, half random).
 */
export const RETRY_BASE_MS = 2_000;
export const RETRY_CAP_MS = 10 * 60_000;

/** The wait after the `attempt`-th failure (1 = the first); `random` is in [0, 1). */
export function retryDelay(attempt: number, random: () => number = Math.random): number {
  const exp = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp / 2 + (exp / 2) * random());
}
