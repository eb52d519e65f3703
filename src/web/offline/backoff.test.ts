import { describe, expect, it } from 'vitest';
import { RETRY_BASE_MS, RETRY_CAP_MS, retryDelay } from './backoff.ts';

describe('retryDelay', () => {
  it('doubles per attempt within [half, whole] of the step, and stops at the cap', () => {
    expect(retryDelay(1, () => 0)).toBe(RETRY_BASE_MS / 2);
    expect(retryDelay(1, () => 0.999999)).toBeCloseTo(RETRY_BASE_MS, -1);
    expect(retryDelay(3, () => 0)).toBe(RETRY_BASE_MS * 2);
    expect(retryDelay(40, () => 0.999999)).toBeLessThanOrEqual(RETRY_CAP_MS);
    expect(retryDelay(40, () => 0)).toBe(RETRY_CAP_MS / 2);
  });

  it('spreads phones that failed together over the interval (jitter)', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const delays = new Set(Array.from({ length: 50 }, () => retryDelay(4, random)));
    expect(delays.size).toBeGreaterThan(40);
  });
});
