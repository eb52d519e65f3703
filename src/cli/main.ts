/**
 * The `tumbuh` command. Each subcommand lives in ./commands/<name>.ts and exports
 * `run(args, io)`; it is loaded only when called, so `tumbuh zscores` never opens a database.
 */
import type { CliIo } from './io.ts';

export type { CliIo };

type Command = {
  summary: string;
  load: () => Promise<{ run: (args: string[], io: CliIo) => Promise<number> }>;
};

const commands: Record<string, Command> = {
  zscores: {
    summary: 'zscores IN.csv > OUT.csv   WHO 2006 z-scores and flags for every row (streaming)',
    load: () => import('./commands/zscores.ts'),
  },
  user: {
    summary:
      'user add --role ROLE --region CODE --email EMAIL [--name NAME]   create a user, print a one-time password',
    load: () => import('./commands/user.ts'),
  },
  db: {
    summary: 'db migrate | db schema   run migrations / print the schema (src/db/schema.sql)',
    load: () => import('./commands/db.ts'),
  },
  demo: {
    summary:
      'demo [--children N] [--seed S] [--months M]   fill an empty database with a synthetic NTT (see docs/demo-data.md)',
    load: () => import('./commands/demo.ts'),
  },
  import: {
    summary:
      'import FILE --as EMAIL [--dry-run] [--sheet NAME]   import a CSV/XLSX register (docs/import-format.md)',
    load: () => import('./commands/import.ts'),
  },
  rollup: {
    summary:
      'rollup --rebuild [--region CODE]   rebuild the dashboard rollups from the measurements',
    load: () => import('./commands/rollup.ts'),
  },
  regions: {
    summary:
      'regions load   load kode wilayah from data/wilayah (done automatically on first start)',
    load: () => import('./commands/regions.ts'),
  },
};

function usage(): string {
  return [
    'Usage: tumbuh <command> [options]',
    '',
    ...Object.values(commands).map((c) => `  tumbuh ${c.summary}`),
    '',
  ].join('\n');
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    io.stderr.write(name && name !== '--help' ? `Unknown command: ${name}\n\n${usage()}` : usage());
    return name && name !== '--help' ? 2 : 0;
  }
  const { run } = await command.load();
  return run(args, io);
}

// Run when executed directly (node --import tsx src/cli/main.ts …, or bin/tumbuh.js).
if (import.meta.url === `file://${process.argv[1]}` || process.env.TUMBUH_CLI === '1') {
  main(process.argv.slice(2), process).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exitCode = 1;
    },
  );
}
