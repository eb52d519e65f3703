import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { run } from './demo.ts';

async function runCli(args: string[]): Promise<{ code: number; err: string }> {
  const stderr = new PassThrough();
  const chunks: Buffer[] = [];
  stderr.on('data', (c: Buffer) => chunks.push(c));
  const code = await run(args, { stdin: Readable.from([]), stdout: new PassThrough(), stderr });
  return { code, err: Buffer.concat(chunks).toString('utf8') };
}

// Only the argument checks: they answer before any database is opened.
describe('tumbuh demo: options', () => {
  it('prints its usage for --help', async () => {
    const { code, err } = await runCli(['--help']);
    expect(code).toBe(0);
    expect(err).toMatch(/Usage: tumbuh demo \[--children N\]/);
    expect(err).toMatch(/EMPTY database/);
  });

  it.each([
    [['--children', 'many'], /--children must be a whole number/],
    [['--children', '-5'], /--children must be a whole number/],
    [['--months', '0'], /--months must be 1–60/],
    [['--months', '61'], /--months must be 1–60/],
    [['--today', '31-12-2025'], /--today must be YYYY-MM-DD/],
    [['--childs', '5'], /Unknown option: --childs/],
    [['extra'], /Usage/],
  ])('refuses %j', async (args, message) => {
    const { code, err } = await runCli(args);
    expect(code).toBe(2);
    expect(err).toMatch(message);
  });
});
