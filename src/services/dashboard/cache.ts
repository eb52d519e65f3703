/**
 * Answers of the dashboard API kept in memory, keyed by the dashboard version: every write of
 * measurements, children or indicator values bumps the version in the same transaction
 * (dashboard_state), so the first request after a write recomputes and no answer is ever older
 * than the data it reads. Checking the version costs one tiny query; several processes on one
 * PostgreSQL stay correct because the version lives in the database.
 */
import type { Db } from '../../db/connect.ts';
import { dashboardVersion } from '../../db/queries/dashboard.ts';

/** Most answers kept at once (oldest dropped first). */
const MAX_ENTRIES = 5000;

/** A version-keyed cache of computed answers (promises, so concurrent misses compute once). */
export class DashboardCache {
  private version = -1;
  private readonly entries = new Map<string, Promise<unknown>>();
  hits = 0;
  misses = 0;

  /** The answer for `key` at the current version, computed by `compute` on a miss. */
  async get<T>(db: Db, key: string, compute: () => Promise<T>): Promise<T> {
    const version = await dashboardVersion(db);
    if (version !== this.version) {
      this.entries.clear();
      this.version = version;
    }
    const cached = this.entries.get(key);
    if (cached) {
      this.hits++;
      return cached as Promise<T>;
    }
    this.misses++;
    const answer = compute();
    this.entries.set(key, answer);
    answer.catch(() => this.entries.delete(key));
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    return answer;
  }

  /** Forgets everything (tests, benchmarks of cold requests). */
  clear(): void {
    this.entries.clear();
    this.version = -1;
  }
}
