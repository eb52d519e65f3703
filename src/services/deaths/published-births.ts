import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { PublishedBirths } from '../../core/deaths/live-births.ts';
import { referenceFile } from '../paths.ts';

/** Where published live births come from (data/indicators/README.md: `births_alive`). */
export const PUBLISHED_BIRTHS_FILE = 'indicators/maternal_infant.csv';
const SOURCES_FILE = 'indicators/sources.csv';

let cached: PublishedBirths[] | null = null;

/**
 * Published counts of live births per region and year (Dinkes NTT 2019 per kabupaten/kota and
 * the province, transcribed in data/indicators/maternal_infant.csv). The live-birth resolver uses
 * them, marked as estimates, where nothing was entered (core/deaths/live-births.ts step 6). Each
 * figure's `source` is the title of its publication from sources.csv. Read once per process.
 */
export function publishedLiveBirths(): PublishedBirths[] {
  if (cached) return cached;
  const read = (file: string) =>
    parse<Record<string, string>>(readFileSync(referenceFile(file), 'utf8'), {
      columns: true,
      bom: true,
    });
  const titles = new Map(read(SOURCES_FILE).map((s) => [s.source ?? '', s.title ?? '']));
  cached = read(PUBLISHED_BIRTHS_FILE)
    .filter((r) => r.indicator === 'births_alive' && r.unit === 'births')
    .map((r) => ({
      regionCode: r.region_code!,
      year: Number(r.year),
      count: Number(r.value),
      source: titles.get(r.source!) || r.source!,
    }));
  return cached;
}
