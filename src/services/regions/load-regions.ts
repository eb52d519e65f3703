import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { regionLevel } from '../../core/regions/region-code.ts';
import { regionLooseKey, regionSearchKey } from '../../core/regions/region-name.ts';
import type { Db } from '../../db/connect.ts';
import { countRegions, insertRegions } from '../../db/queries/regions.ts';
import type { RegionRow } from '../../db/types.ts';
import { referenceFile } from '../paths.ts';

const CHUNK = 2000;

/**
 * Loads kode wilayah from data/wilayah/wilayah.csv (Kepmendagri 300.2.2-2430/2025 via Cahya DSN)
 * when the region table is empty, in one transaction: a failure leaves no half-loaded tree.
 * `onlyWithin` limits the load to one province's codes (used by fast tests).
 */
export async function loadRegions(
  db: Db,
  options: { file?: string; onlyWithin?: string[]; onProgress?: (loaded: number) => void } = {},
): Promise<{ loaded: number; skipped: boolean }> {
  if ((await countRegions(db)) > 0) return { loaded: 0, skipped: true };
  const file = options.file ?? referenceFile('wilayah/wilayah.csv');
  const within = options.onlyWithin;
  let loaded = 0;
  await db.transaction().execute(async (trx) => {
    let chunk: RegionRow[] = [];
    const parser = createReadStream(file).pipe(parse({ columns: true, bom: true }));
    for await (const record of parser as AsyncIterable<Record<string, string>>) {
      const code = record.code ?? '';
      if (within && !within.some((scope) => code.startsWith(scope))) continue;
      const name = record.name ?? '';
      const level = regionLevel(code);
      if (level !== record.level)
        throw new Error(`wilayah.csv: code ${code} has level ${record.level}, expected ${level}`);
      chunk.push({
        code,
        name,
        level,
        parent_code: record.parent_code || null,
        type: (record.type || null) as RegionRow['type'],
        search_key: regionSearchKey(name),
        loose_key: regionLooseKey(name),
      });
      if (chunk.length === CHUNK) {
        await insertRegions(trx, chunk);
        loaded += chunk.length;
        options.onProgress?.(loaded);
        chunk = [];
      }
    }
    await insertRegions(trx, chunk);
    loaded += chunk.length;
    options.onProgress?.(loaded);
  });
  return { loaded, skipped: false };
}
