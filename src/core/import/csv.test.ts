import { describe, expect, it } from 'vitest';
import { CsvReader, detectDelimiter, type CsvRecord } from './csv.ts';

function readAll(text: string, chunk = 3, maxCellChars?: number): CsvRecord[] {
  const reader = new CsvReader({ maxCellChars });
  const out: CsvRecord[] = [];
  for (let i = 0; i < text.length; i += chunk) out.push(...reader.push(text.slice(i, i + chunk)));
  out.push(...reader.end());
  return out;
}

describe('CsvReader', () => {
  it('reads quoted cells with commas, doubled quotes and line breaks, in chunks of any size', () => {
    const text = 'a,b,c\r\n"x, y","he said ""hi""","two\nlines"\n1,,3';
    for (const chunk of [1, 2, 3, 7, 1000]) {
      const records = readAll(text, chunk);
      expect(records.map((r) => r.cells)).toEqual([
        ['a', 'b', 'c'],
        ['x, y', 'he said "hi"', 'two\nlines'],
        ['1', '', '3'],
      ]);
      expect(records.map((r) => r.number)).toEqual([1, 2, 3]);
    }
  });

  it('detects semicolons (Excel in an Indonesian locale) and tabs', () => {
    expect(detectDelimiter('Nama;JK;BB\n')).toBe(';');
    expect(detectDelimiter('Nama\tJK\tBB')).toBe('\t');
    expect(detectDelimiter('"a;b",c,d')).toBe(',');
    expect(readAll('Nama;BB\nSiti;9,5\n').map((r) => r.cells)).toEqual([
      ['Nama', 'BB'],
      ['Siti', '9,5'],
    ]);
  });

  it('drops a byte-order mark and keeps blank lines as empty records', () => {
    expect(readAll('\uFEFFa,b\n\nc,d\n').map((r) => r.cells)).toEqual([
      ['a', 'b'],
      [''],
      ['c', 'd'],
    ]);
  });

  it('stops a giant cell from growing: the record comes back with the cell marked too long', () => {
    const reader = new CsvReader({ maxCellChars: 10 });
    const out = reader.push('a,b\n1,"');
    for (let i = 0; i < 1000; i++) out.push(...reader.push('x'.repeat(100_000)));
    out.push(...reader.push('",3\n4,5,6\n'), ...reader.end());
    expect(out.map((r) => r.cells)).toEqual([
      ['a', 'b'],
      ['1', { problem: 'too_long' }, '3'],
      ['4', '5', '6'],
    ]);
  });

  it('ends an unterminated quote at the end of input', () => {
    expect(readAll('a,"b\nc').map((r) => r.cells)).toEqual([['a', 'b\nc']]);
  });
});
