import type { CliIo } from '../io.ts';
import { openCliDatabase } from '../env.ts';

/** Regions load on first start; this command exists to load them into a database opened without seeding. */
export async function run(_args: string[], io: CliIo): Promise<number> {
  const handle = await openCliDatabase(io);
  await handle.close();
  io.stderr.write('regions are loaded\n');
  return 0;
}
