import { isRegionCode } from '../../core/regions/region-code.ts';
import { findRegion } from '../../db/queries/regions.ts';
import { rebuildRollups, type RebuildProgress } from '../../services/dashboard/rollups.ts';
import type { CliIo } from '../io.ts';
import { openCliDatabase, parseOptions } from '../env.ts';

const USAGE = `Usage: tumbuh rollup --rebuild [--region CODE]

Rebuilds the dashboard rollups from the measurements and the register (docs/indicators.md §10).
Writes keep them current by themselves; rebuild after loading data around the write path (a
restore, a bulk load) or to check them. The result equals what the writes produced.

  --rebuild       required: recompute
  --region CODE   only the cells of this region's posyandu (kode wilayah), in steps; the rest
                  stays as it is. Without it: everything, in one transaction.
  --connections N on PostgreSQL, how many connections build at once (1–8, default 2; more
                  than the database server's cores gains nothing). PGlite has one.
`;

/** `tumbuh rollup --rebuild [--region CODE]`, with progress on stderr. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const { options, positional } = parseOptions(args);
  if (options.help) {
    io.stderr.write(USAGE);
    return 0;
  }
  const unknown = Object.keys(options).filter(
    (k) => !['rebuild', 'region', 'connections'].includes(k),
  );
  if (positional.length || unknown.length || options.rebuild !== 'true') {
    io.stderr.write(
      `${unknown.length ? `Unknown option: --${unknown[0]}\n\n` : positional.length ? `Unexpected argument: ${positional[0]}\n\n` : ''}${USAGE}`,
    );
    return 2;
  }
  const region = options.region?.replace(/\./g, '');
  if (region !== undefined && !isRegionCode(region)) {
    io.stderr.write(`--region must be a kode wilayah of 2, 4, 6 or 10 digits (e.g. 53, 5301)\n`);
    return 2;
  }
  const connections = Number(options.connections ?? 2);
  if (!Number.isInteger(connections) || connections < 1 || connections > 8) {
    io.stderr.write(`--connections must be a whole number from 1 to 8\n`);
    return 2;
  }
  const handle = await openCliDatabase(io);
  try {
    if (region && !(await findRegion(handle.db, region))) {
      io.stderr.write(`Unknown region ${region}: not in the region table\n`);
      return 1;
    }
    const tty = (io.stderr as NodeJS.WriteStream).isTTY === true;
    const onProgress = (p: RebuildProgress) => {
      const line = `rollup: ${p.step} ${p.done.toLocaleString('en')}/${p.total.toLocaleString('en')}, ${(p.elapsedMs / 1000).toFixed(1)} s`;
      io.stderr.write(tty ? `\r${line}` : `${line}\n`);
    };
    io.stderr.write(
      `rollup: rebuilding ${region ? `region ${region}` : 'everything'} on ${handle.kind}\n`,
    );
    const started = performance.now();
    const result = await rebuildRollups(handle.db, {
      region,
      onProgress,
      connections: handle.kind === 'postgres' ? connections : 1,
    });
    if (tty) io.stderr.write('\n');
    io.stderr.write(
      `rollup: done in ${((performance.now() - started) / 1000).toFixed(1)} s — ${result.cells.toLocaleString('en')} cells${result.posyandu === undefined ? '' : ` changed, ${result.posyandu.toLocaleString('en')} posyandu recomputed`}\n`,
    );
    return 0;
  } finally {
    await handle.close();
  }
}
