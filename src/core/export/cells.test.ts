import { describe, expect, it } from 'vitest';
import { csvField, csvLine, safeText } from './cells.ts';

describe('spreadsheet-safe cells', () => {
  it('neutralises text that a spreadsheet would run as a formula', () => {
    expect(safeText('=HYPERLINK("http://x","y")')).toBe('\'=HYPERLINK("http://x","y")');
    expect(safeText('+62 812')).toBe("'+62 812");
    expect(safeText('-1')).toBe("'-1");
    expect(safeText('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(safeText('Siti')).toBe('Siti');
  });

  it('keeps numbers as numbers and quotes what CSV needs quoted', () => {
    expect(csvField(-2.5)).toBe('-2.5');
    expect(csvField('Kupang, NTT')).toBe('"Kupang, NTT"');
    expect(csvField('a "b"')).toBe('"a ""b"""');
    expect(csvField(null)).toBe('');
    expect(csvLine(['x', 1, true, null])).toBe('x,1,1,\r\n');
  });
});
