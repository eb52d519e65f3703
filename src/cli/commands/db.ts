import type { CliIo } from '../io.ts';
import { openCliDatabase, parseOptions } from '../env.ts';
import { describeSchema } from '../../services/database.ts';

/** `tumbuh db migrate` runs pending migrations; `tumbuh db schema` prints the schema (src/db/schema.sql). */
export async function run(args: string[], io: CliIo): Promise<number> {
  const { positional } = parseOptions(args);
  const sub = positional[0];
  if (sub !== 'migrate' && sub !== 'schema') {
    io.stderr.write('Usage: tumbuh db migrate | tumbuh db schema\n');
    return 2;
  }
  const handle = await openCliDatabase(io);
  try {
    if (sub === 'schema') io.stdout.write(await describeSchema(handle.db));
    else io.stderr.write('database is up to date\n');
    return 0;
  } finally {
    await handle.close();
  }
}
