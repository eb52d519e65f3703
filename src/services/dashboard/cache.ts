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
/**
 * Most list items kept at once over all answers (rows of area lists, points of series): the
 * list of every desa of a province is 3,000+ rows, and the server's heap is bounded.
 */
const MAX_ITEMS = 200_000;

/** The size of an answer in list items: the lengths of its top-level arrays, at least 1. */
function itemsOf(answer: unknown): number {
  let items = 1;
  if (answer && typeof answer === 'object')
    for (const value of Object.values(answer)) if (Array.isArray(value)) items += value.length;
  return items;
}

/** A version-keyed cache of computed answers (promises, so concurrent misses compute once). */
export class DashboardCache {
  private version = -1;
  private readonly entries = new Map<string, Promise<unknown>>();
  private readonly sizes = new Map<string, number>();
  private items = 0;
  hits = 0;
  misses = 0;

  /** The answer for `key` at the current version, computed by `compute` on a miss. */
  async get<T>(db: Db, key: string, compute: () => Promise<T>): Promise<T> {
    const version = await dashboardVersion(db);
    if (version !== this.version) {
      this.forget();
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
    answer.then(
      (value) => {
        if (this.entries.get(key) !== answer) return; // dropped or replaced meanwhile
        const size = itemsOf(value);
        this.sizes.set(key, size);
        this.items += size;
        while (this.items > MAX_ITEMS && this.entries.size > 1) this.drop(this.oldest());
      },
      () => this.drop(key),
    );
    if (this.entries.size > MAX_ENTRIES) this.drop(this.oldest());
    return answer;
  }

  /** Answers kept, and their size in list items (tests). */
  get stats(): { entries: number; items: number } {
    return { entries: this.entries.size, items: this.items };
  }

  /** Forgets everything (tests, benchmarks of cold requests). */
  clear(): void {
    this.forget();
    this.version = -1;
  }

  private oldest(): string {
    return this.entries.keys().next().value!;
  }

  private drop(key: string): void {
    this.entries.delete(key);
    this.items -= this.sizes.get(key) ?? 0;
    this.sizes.delete(key);
  }

  private forget(): void {
    this.entries.clear();
    this.sizes.clear();
    this.items = 0;
  }
}
