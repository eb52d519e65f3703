import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { run } from './rollup.ts';

async function runCli(args: string[]): Promise<{ code: number; err: string }> {
  const stderr = new PassThrough();
  const chunks: Buffer[] = [];
  stderr.on('data', (c: Buffer) => chunks.push(c));
  const code = await run(args, { stdin: Readable.from([]), stdout: new PassThrough(), stderr });
  return { code, err: Buffer.concat(chunks).toString('utf8') };
}

// The argument checks answer before any database is opened; the rebuild itself is tested in
// services/dashboard/rollups.db.test.ts.
describe('tumbuh rollup: options', () => {
  it('prints its usage for --help', async () => {
    const { code, err } = await runCli(['--help']);
    expect(code).toBe(0);
    expect(err).toMatch(/Usage: tumbuh rollup --rebuild \[--region CODE\]/);
  });

  it.each([
    [[], /Usage/],
    [['--region', '53'], /Usage/],
    [['--rebuild', '--region', '5x'], /--region must be a kode wilayah/],
    [['--rebuild', '--regio', '53'], /Unknown option: --regio/],
    [['--rebuild', '--connections', '0'], /--connections must be a whole number from 1 to 8/],
    [['--rebuild', '--connections', '2.5'], /--connections must be a whole number from 1 to 8/],
    [['now', '--rebuild'], /Unexpected argument: now/],
    [['--rebuild', 'now'], /Usage/],
  ])('refuses %j', async (args, message) => {
    const { code, err } = await runCli(args);
    expect(code).toBe(2);
    expect(err).toMatch(message);
  });
});
