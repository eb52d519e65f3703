import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CsvBytes, formatNumber, run } from './zscores.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const casesFile = path.join(root, 'data/who-growth/sample-cases.csv');
const expectedFile = path.join(root, 'data/who-growth/sample-expected.csv');

/** Runs the command with stdin `input` and collects stdout/stderr. */
async function runCli(
  args: string[],
  input = '',
  stdout: Writable = new PassThrough(),
): Promise<{ code: number; out: string; err: string }> {
  const chunks: Buffer[] = [];
  const errChunks: Buffer[] = [];
  if (stdout instanceof PassThrough) stdout.on('data', (c: Buffer) => chunks.push(c));
  const stderr = new PassThrough();
  stderr.on('data', (c: Buffer) => errChunks.push(c));
  const code = await run(args, { stdin: Readable.from([input]), stdout, stderr });
  return {
    code,
    out: Buffer.concat(chunks).toString('utf8'),
    err: Buffer.concat(errChunks).toString('utf8'),
  };
}

function parse(text: string): Record<string, string>[] {
  const [header = '', ...lines] = text.trimEnd().split('\n');
  const names = header.split(',');
  return lines.map((l) => {
    const cells = l.split(',');
    return Object.fromEntries(names.map((n, i) => [n, cells[i] ?? '']));
  });
}

describe('tumbuh zscores', () => {
  it('reproduces sample-expected.csv from sample-cases.csv (0 mismatches)', async () => {
    const { code, out, err } = await runCli([casesFile]);
    expect(code).toBe(0);
    expect(err).toBe('');
    const expected = parse(readFileSync(expectedFile, 'utf8'));
    const got = parse(out);
    expect(out.split('\n')[0]).toBe(`${readFileSync(expectedFile, 'utf8').split('\n')[0]},error`);
    expect(got).toHaveLength(200);
    const mismatches: string[] = [];
    expected.forEach((e, i) => {
      for (const [column, want] of Object.entries(e)) {
        const have = got[i]![column]!;
        if (column.endsWith('_raw')) {
          const close = want === '' ? have === '' : Math.abs(Number(have) - Number(want)) < 1e-9;
          if (!close) mismatches.push(`${e.id} ${column}: ${have} ≠ ${want}`);
        } else if (have !== want) {
          // Rounded z-scores, flags, clenhei, cmeasure, c9mo_flag, cbmi, csex: the same text.
          mismatches.push(`${e.id} ${column}: ${have} ≠ ${want}`);
        }
      }
      if (got[i]!.error !== '') mismatches.push(`${e.id} error: ${got[i]!.error}`);
    });
    expect(mismatches).toEqual([]);
  });

  it('reads stdin with "-" or no file, and writes the same', async () => {
    const input = readFileSync(casesFile, 'utf8');
    const fromFile = await runCli([casesFile]);
    expect((await runCli(['-'], input)).out).toBe(fromFile.out);
    expect((await runCli([], input)).out).toBe(fromFile.out);
  });

  it('gives bad rows an error column and keeps going', async () => {
    const input = [
      '\uFEFFID,Sex,Age_Days,Weight_kg,Lenhei_cm,Measure,Oedema',
      'a1,L,400,9.5,75.2,PB,n', // laki-laki, lying
      'a2,P,400,9.5,75.2,l,', // perempuan
      'a3,X,400,9.5,75.2,L,n',
      'a4,1,-3,9.5,75.2,L,n',
      'a5,1,400,sembilan,75.2,L,n',
      'a6,1,400,0,75.2,L,n',
      'a7,1,400,9.5,-75,L,n',
      'a8,1,400,9.5,75.2,Q,n',
      'a9,1,400,9.5,75.2,L,maybe',
      'a10,1,400,9.5',
      '"a,11",2,400,9.5,75.2,L,n',
      'a12,m,400,9.5,75.2,L,y\r',
      '',
      'a13,f,,9.5,75.2,,n',
      'a14,,400,9.5,75.2,L,n',
    ].join('\n');
    const { code, out, err } = await runCli(['-'], input);
    expect(code).toBe(0);
    const rows = out.trimEnd().split('\n').slice(1);
    expect(rows).toHaveLength(14);
    const errorOf = (i: number): string => rows[i]!.split(',').at(-1)!;
    expect(errorOf(0)).toBe('');
    expect(rows[0]).toMatch(/^a1,75\.2,l,0,[\d.]+,1,/);
    expect(rows[1]).toMatch(/^a2,75\.2,l,0,[\d.]+,2,/);
    expect(errorOf(2)).toBe('sex_invalid:sex');
    expect(errorOf(3)).toBe('age_negative:age_days');
    expect(errorOf(4)).toBe('number_invalid:weight_kg');
    expect(errorOf(5)).toBe('measurement_not_positive:weight_kg');
    expect(errorOf(6)).toBe('measurement_not_positive:lenhei_cm');
    expect(errorOf(7)).toBe('measure_invalid:measure');
    expect(errorOf(8)).toBe('oedema_invalid:oedema');
    expect(errorOf(9)).toBe('row_malformed:row');
    // A row with an error has only its id and the error.
    expect(rows[2]).toBe(`a3${','.repeat(30)}sex_invalid:sex`);
    // Quoted id kept (and re-quoted); CRLF, oedema and blank lines handled.
    expect(rows[10]).toMatch(/^"a,11",75\.2,l,0,/);
    expect(rows[11]).toMatch(/^a12,75\.2,l,0,[\d.]+,1,[-\d.]+,0,,,,,,,/); // oedema: no zwei/zwfl/zbmi
    expect(errorOf(11)).toBe('');
    // Missing age: no age-based z, zwfl still computed; missing sex: nothing, no error.
    const a13 = rows[12]!.split(',');
    expect(a13[6]).toBe(''); // zlen
    expect(a13[10]).not.toBe(''); // zwfl
    expect(rows[13]).toMatch(/^a14,75\.2,l,0,[\d.]+,,,,,,,,/);
    expect(errorOf(13)).toBe('');
    expect(err).toContain('14 rows, 8 with errors');
    expect(err).toContain('row 3: sex_invalid:sex');
    expect(err).toContain('Jenis kelamin'.toLowerCase());
  });

  it('numbers rows when there is no id column', async () => {
    const { out } = await runCli(
      ['-'],
      'sex,age_days,weight_kg,lenhei_cm\n1,100,5,58\n2,100,5,58\n',
    );
    expect(
      out
        .split('\n')
        .slice(1, 3)
        .map((r) => r.split(',')[0]),
    ).toEqual(['1', '2']);
  });

  it('stops before any output when a required column is missing', async () => {
    const { code, out, err } = await runCli(['-'], 'id,sex,age_days,weight\nx,1,100,5\n');
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain('weight_kg');
    expect(err).toContain('lenhei_cm');
    expect(err).toContain('kolom wajib tidak ada');
  });

  it('fails clearly for an unreadable file, an empty input and unknown options', async () => {
    const missing = await runCli(['/nonexistent/cases.csv']);
    expect(missing.code).toBe(2);
    expect(missing.out).toBe('');
    expect(missing.err).toContain('ENOENT');
    const empty = await runCli(['-'], '');
    expect(empty.code).toBe(2);
    expect(empty.err).toContain('no header');
    const option = await runCli(['--fast']);
    expect(option.code).toBe(2);
    expect((await runCli(['--help'])).out).toContain('Usage: tumbuh zscores');
  });

  it('respects backpressure from a slow output and keeps every row', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tumbuh-zscores-'));
    const file = path.join(dir, 'many.csv');
    const lines = ['id,sex,age_days,weight_kg,lenhei_cm'];
    for (let i = 0; i < 30_000; i++)
      lines.push(
        `r${i},${1 + (i % 2)},${i % 1800},${4 + (i % 1800) / 150},${52 + (i % 1800) / 30}`,
      );
    writeFileSync(file, `${lines.join('\n')}\n`);
    let bytes = 0;
    let newlines = 0;
    let drains = 0;
    const slow = new Writable({
      highWaterMark: 16 * 1024,
      write(chunk: Buffer, _encoding, callback) {
        bytes += chunk.length;
        for (const b of chunk) if (b === 10) newlines++;
        setTimeout(callback, 1);
      },
    });
    slow.on('drain', () => drains++);
    const { code } = await runCli([file], '', slow);
    expect(code).toBe(0);
    await new Promise<void>((resolve) => slow.end(resolve));
    expect(newlines).toBe(30_001);
    expect(drains).toBeGreaterThan(0);
    expect(bytes).toBeGreaterThan(30_000 * 60);
  });
});

describe('number formatting (15 significant digits, as R writes)', () => {
  it('formatNumber', () => {
    expect(formatNumber(63.89999999999999)).toBe('63.9');
    expect(formatNumber(15.7793123932576)).toBe('15.7793123932576');
    expect(formatNumber(-0.00578971281940649)).toBe('-0.00578971281940649');
    expect(formatNumber(3)).toBe('3');
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(Infinity)).toBe('Inf');
  });

  it('the byte writer gives exactly formatNumber’s text', () => {
    const bytes = new CsvBytes();
    const text = (x: number): string => {
      bytes.pos = 0;
      bytes.num15(x);
      return Buffer.from(bytes.buf.subarray(0, bytes.pos)).toString('latin1');
    };
    fc.assert(
      fc.property(fc.double({ noNaN: true, min: -1e16, max: 1e16 }), (x) => {
        expect(text(x)).toBe(formatNumber(x));
      }),
      { numRuns: 50_000 },
    );
    for (const x of [
      1e-4, 9.99999999999999e-5, 1e15, 999999999999999.9, 0.1, 80.4, 109.99999999999999,
    ]) {
      expect(text(x)).toBe(formatNumber(x));
    }
    const z2 = (z: number): string => {
      bytes.pos = 0;
      bytes.z2(z);
      return Buffer.from(bytes.buf.subarray(0, bytes.pos)).toString('latin1');
    };
    expect([0.09, -2.1, 3, -0, 0, -6.01, 12.5, -0.05].map(z2)).toEqual([
      '0.09',
      '-2.1',
      '3',
      '0',
      '0',
      '-6.01',
      '12.5',
      '-0.05',
    ]);
  });
});
