import type { CliIo } from '../io.ts';
import { openCliDatabase, parseOptions } from '../env.ts';
import {
  DEFAULT_DEMO_CHILDREN,
  DemoRefusedError,
  generateDemo,
  todayInWita,
  type DemoProgress,
} from '../../services/demo/demo-province.ts';

const USAGE = `Usage: tumbuh demo [--children N] [--seed S] [--months M] [--province CODE] [--today YYYY-MM-DD]

Fills an EMPTY database with a synthetic province (default NTT, 53): posyandu in every desa,
children 0–59 months with mothers, monthly weighings whose stunting prevalence per kabupaten
matches SSGI 2021. The database is marked "Data sintetis (demo)". Deterministic for a seed.

  --children N   children to generate (default ${DEFAULT_DEMO_CHILDREN.toLocaleString('en')}; 1000000 ≈ the benchmark dataset)
  --seed S       seed of the random draws (default 1)
  --months M     months of history ending this month (default 24, 1–60)
  --province C   province code (default 53)
  --today D      the day the history ends (default today in WITA)
`;

function wholeNumber(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value.replace(/[_,]/g, ''));
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number ≥ 0`);
  return n;
}

/** `tumbuh demo`: generates the demo province into an empty database (services/demo). */
export async function run(args: string[], io: CliIo): Promise<number> {
  const { options, positional } = parseOptions(args);
  if (options.help || positional.length > 0) {
    io.stderr.write(USAGE);
    return options.help ? 0 : 2;
  }
  const known = new Set(['children', 'seed', 'months', 'province', 'today']);
  const unknown = Object.keys(options).filter((k) => !known.has(k));
  if (unknown.length) {
    io.stderr.write(`Unknown option: --${unknown[0]}\n\n${USAGE}`);
    return 2;
  }
  let children: number;
  let seed: number;
  let months: number;
  try {
    children = wholeNumber(options.children, 'children', DEFAULT_DEMO_CHILDREN);
    seed = wholeNumber(options.seed, 'seed', 1);
    months = wholeNumber(options.months, 'months', 24);
    if (months < 1 || months > 60) throw new Error('--months must be 1–60');
    if (options.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.today))
      throw new Error('--today must be YYYY-MM-DD');
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const province = options.province ?? '53';
  const today = options.today ?? todayInWita();

  const handle = await openCliDatabase(io);
  const tty = (io.stderr as NodeJS.WriteStream).isTTY === true;
  let lastLogged = -1;
  const onProgress = (p: DemoProgress) => {
    const percent = Math.floor(p.fraction * 100);
    const line = `demo: ${p.children.toLocaleString('en')}/${p.totalChildren.toLocaleString('en')} children (${percent}%), ${p.measurements.toLocaleString('en')} measurements, ${(p.elapsedMs / 1000).toFixed(1)} s`;
    if (tty) io.stderr.write(`\r${line}`);
    else if (percent >= lastLogged + 10 || p.fraction === 1) {
      io.stderr.write(`${line}\n`);
      lastLogged = percent;
    }
  };
  try {
    io.stderr.write(
      `demo: province ${province}, ${children.toLocaleString('en')} children, ${months} months to ${today}, seed ${seed} (synthetic data)\n`,
    );
    const { info, elapsedMs } = await generateDemo(handle, {
      children,
      seed,
      months,
      province,
      today,
      onProgress,
    });
    if (tty) io.stderr.write('\n');
    io.stderr.write(
      `demo: done in ${(elapsedMs / 1000).toFixed(1)} s — ${info.puskesmas} puskesmas, ${info.posyandu.toLocaleString('en')} posyandu, ${info.children.toLocaleString('en')} children, ${info.measurements.toLocaleString('en')} measurements. Marked "${info.label.id}".\n`,
    );
    return 0;
  } catch (error) {
    if (tty) io.stderr.write('\n');
    if (error instanceof DemoRefusedError) {
      io.stderr.write(`demo: ${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await handle.close();
  }
}
