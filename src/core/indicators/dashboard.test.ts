import { describe, expect, it } from 'vitest';
import { seededRandom } from '../seeded-random.ts';
import {
  dashboardCount,
  dashboardCountsUsed,
  dashboardFigure,
  dashboardIndicatorIds,
  emptyRollupCounts,
  rollupCountNames,
  type RollupCountName,
} from './dashboard.ts';

describe('dashboardCountsUsed', () => {
  it('names every count a figure reads: the figure from those alone is the same', () => {
    const next = seededRandom(7);
    for (let trial = 0; trial < 200; trial++) {
      const full = Object.fromEntries(
        rollupCountNames.map((n) => [
          n,
          // denominators (children with a valid z, weighed) above any numerator
          /_n$|^weighed$|^measured$/.test(n)
            ? 40 + Math.floor(next() * 40)
            : Math.floor(next() * 20),
        ]),
      ) as Record<RollupCountName, number>;
      const registered = Math.floor(next() * 60);
      for (const indicator of dashboardIndicatorIds) {
        const only: Record<RollupCountName, number> = { ...emptyRollupCounts() };
        for (const n of dashboardCountsUsed(indicator)) only[n] = full[n];
        expect(dashboardFigure(indicator, only, registered), indicator).toEqual(
          dashboardFigure(indicator, full, registered),
        );
        expect(dashboardCount(indicator, only), indicator).toBe(dashboardCount(indicator, full));
      }
    }
  });
});
