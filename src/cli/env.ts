import { databaseConfigFrom, openDatabase, type DatabaseHandle } from '../services/database.ts';

/** The CLI's only reader of process.env: the database settings, shared with the server's rules. */
export async function openCliDatabase(io: {
  stderr: NodeJS.WritableStream;
}): Promise<DatabaseHandle> {
  const { config, problems } = databaseConfigFrom(process.env);
  if (!config)
    throw new Error(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  return openDatabase(config, { onProgress: (message) => io.stderr.write(`${message}\n`) });
}

/** `--name value` and `--name=value` options; positional arguments are returned apart. */
export function parseOptions(args: string[]): {
  options: Record<string, string>;
  positional: string[];
} {
  const options: Record<string, string> = {};
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    if (inline !== undefined) options[name] = inline;
    else if (args[i + 1] !== undefined && !args[i + 1]!.startsWith('--'))
      options[name] = args[++i]!;
    else options[name] = 'true';
  }
  return { options, positional };
}
