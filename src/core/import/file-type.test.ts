import { describe, expect, it } from 'vitest';
import { judgeZipDirectory, sniffFileType, type ZipEntry } from './file-type.ts';

const bytes = (...b: number[]) => new Uint8Array(b);

describe('file type', () => {
  it('is told by the bytes, not the name', () => {
    expect(sniffFileType(bytes())).toBe('empty');
    expect(sniffFileType(bytes(0x50, 0x4b, 0x03, 0x04, 1, 2))).toBe('zip');
    expect(sniffFileType(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1))).toBe('ole');
    expect(sniffFileType(bytes(0xff, 0xfe, 0x41, 0))).toBe('utf16');
    expect(sniffFileType(bytes(0x25, 0x50, 0x44, 0x46, 0, 1))).toBe('binary');
    expect(sniffFileType(new TextEncoder().encode('Nama,JK\nSiti,P\n'))).toBe('text');
  });

  it('refuses zip bombs, ZIPs that are not workbooks, and OpenDocument', () => {
    const entry = (name: string, compressed: number, uncompressed: number): ZipEntry => ({
      name,
      method: 8,
      compressedSize: compressed,
      uncompressedSize: uncompressed,
      localHeaderOffset: 0,
    });
    const workbook = [entry('[Content_Types].xml', 300, 1000), entry('xl/workbook.xml', 300, 900)];
    expect(
      judgeZipDirectory([...workbook, entry('xl/worksheets/sheet1.xml', 10_000_000, 200_000_000)]),
    ).toEqual({ ok: true, kind: 'xlsx' });
    expect(
      judgeZipDirectory([...workbook, entry('xl/worksheets/sheet1.xml', 1_000_000, 4_000_000_000)]),
    ).toMatchObject({ ok: false, reason: 'zip_bomb' });
    expect(
      judgeZipDirectory([...workbook, entry('xl/sharedStrings.xml', 10_000, 500_000_000)]),
    ).toMatchObject({ ok: false, reason: 'zip_bomb' });
    expect(judgeZipDirectory([entry('word/document.xml', 100, 1000)])).toMatchObject({
      ok: false,
      reason: 'not_workbook',
    });
    expect(
      judgeZipDirectory([entry('mimetype', 10, 10), entry('content.xml', 100, 1000)]),
    ).toMatchObject({ ok: false, reason: 'ods' });
  });
});
