/**
 * What an uploaded file is, from its bytes (never from its name): an XLSX is a ZIP (PK\x03\x04),
 * a legacy .xls is an OLE2 compound file (D0 CF 11 E0), a CSV is text without NUL bytes. And the
 * ZIP central directory, read before anything is inflated, so that a zip bomb (a small file that
 * inflates to gigabytes) or a ZIP that is not a workbook is refused with a clear message.
 */

export type SniffedType = 'empty' | 'zip' | 'ole' | 'utf16' | 'binary' | 'text';

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) =>
  prefix.every((b, i) => bytes[i] === b);

/** Classifies a file by its first bytes (give at least the first 8 KiB). */
export function sniffFileType(head: Uint8Array): SniffedType {
  if (head.length === 0) return 'empty';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06]))
    return 'zip';
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) return 'utf16';
  const limit = Math.min(head.length, 8192);
  for (let i = 0; i < limit; i++) if (head[i] === 0) return 'binary';
  return 'text';
}

/** Whether a text file's bytes are valid UTF-8 is decided by the caller (TextDecoder fatal). */
export type TextEncoding = 'utf-8' | 'windows-1252';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflate; others are refused. */
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export interface ZipDirectoryLocation {
  offset: number;
  size: number;
  entries: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;

function view(bytes: Uint8Array) {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function u64(dv: DataView, at: number): number {
  const low = dv.getUint32(at, true);
  const high = dv.getUint32(at + 4, true);
  return high * 2 ** 32 + low;
}

/**
 * Finds the central directory from the last bytes of the file (`tail`: the last up to 64 KiB +
 * 98 bytes; `tailStart`: its offset in the file). Null when the file has no ZIP end record.
 */
export function locateZipDirectory(
  tail: Uint8Array,
  tailStart: number,
): ZipDirectoryLocation | null {
  const dv = view(tail);
  for (let i = tail.length - 22; i >= 0; i--) {
    if (dv.getUint32(i, true) !== EOCD) continue;
    let entries = dv.getUint16(i + 10, true);
    let size = dv.getUint32(i + 12, true);
    let offset = dv.getUint32(i + 16, true);
    if (offset === 0xffffffff || size === 0xffffffff || entries === 0xffff) {
      const locator = i - 20;
      if (locator < 0 || dv.getUint32(locator, true) !== ZIP64_LOCATOR) return null;
      const record = u64(dv, locator + 8) - tailStart;
      if (record < 0 || record + 56 > tail.length || dv.getUint32(record, true) !== ZIP64_EOCD)
        return null;
      entries = u64(dv, record + 32);
      size = u64(dv, record + 40);
      offset = u64(dv, record + 48);
    }
    return { offset, size, entries };
  }
  return null;
}

/** Parses the central directory's bytes into entries; null if it is malformed. */
export function parseZipDirectory(bytes: Uint8Array, expectedEntries: number): ZipEntry[] | null {
  const dv = view(bytes);
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder('utf-8');
  let at = 0;
  while (entries.length < expectedEntries) {
    if (at + 46 > bytes.length || dv.getUint32(at, true) !== CENTRAL) return null;
    const method = dv.getUint16(at + 10, true);
    let compressedSize = dv.getUint32(at + 20, true);
    let uncompressedSize = dv.getUint32(at + 24, true);
    const nameLength = dv.getUint16(at + 28, true);
    const extraLength = dv.getUint16(at + 30, true);
    const commentLength = dv.getUint16(at + 32, true);
    let localHeaderOffset = dv.getUint32(at + 42, true);
    const end = at + 46 + nameLength + extraLength + commentLength;
    if (end > bytes.length) return null;
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    // ZIP64 extra field: 64-bit values for the fields that read 0xFFFFFFFF, in this order.
    let extra = at + 46 + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd) {
      const id = dv.getUint16(extra, true);
      const length = dv.getUint16(extra + 2, true);
      if (id === 0x0001) {
        let p = extra + 4;
        if (uncompressedSize === 0xffffffff && p + 8 <= extraEnd) {
          uncompressedSize = u64(dv, p);
          p += 8;
        }
        if (compressedSize === 0xffffffff && p + 8 <= extraEnd) {
          compressedSize = u64(dv, p);
          p += 8;
        }
        if (localHeaderOffset === 0xffffffff && p + 8 <= extraEnd) localHeaderOffset = u64(dv, p);
      }
      extra += 4 + length;
    }
    entries.push({ name, method, compressedSize, uncompressedSize, localHeaderOffset });
    at = end;
  }
  return entries;
}

export interface ZipLimits {
  maxEntries: number;
  /** Sum of the declared uncompressed sizes. */
  maxTotalBytes: number;
  /** Uncompressed ÷ compressed of one entry larger than 1 MiB (XML compresses ~10–30×). */
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 10_000,
  maxTotalBytes: 1024 * 2 ** 20,
  maxRatio: 200,
};

export type ZipVerdict =
  | { ok: true; kind: 'xlsx' }
  | { ok: false; reason: 'not_workbook' | 'ods' | 'zip_bomb' | 'unsupported'; detail: string };

/** Whether a ZIP's directory describes a workbook Tumbuh can read within the limits. */
export function judgeZipDirectory(
  entries: readonly ZipEntry[],
  limits = DEFAULT_ZIP_LIMITS,
): ZipVerdict {
  if (entries.length > limits.maxEntries)
    return { ok: false, reason: 'zip_bomb', detail: `more than ${limits.maxEntries} entries` };
  let total = 0;
  for (const e of entries) {
    total += e.uncompressedSize;
    if (
      e.uncompressedSize > 2 ** 20 &&
      e.uncompressedSize > limits.maxRatio * Math.max(1, e.compressedSize)
    )
      return {
        ok: false,
        reason: 'zip_bomb',
        detail: `compression ratio above ${limits.maxRatio}`,
      };
  }
  if (total > limits.maxTotalBytes)
    return {
      ok: false,
      reason: 'zip_bomb',
      detail: `more than ${Math.round(limits.maxTotalBytes / 2 ** 20)} MB uncompressed`,
    };
  const names = new Set(entries.map((e) => e.name));
  if (!names.has('xl/workbook.xml')) {
    if (names.has('content.xml') && names.has('mimetype'))
      return { ok: false, reason: 'ods', detail: 'OpenDocument spreadsheet' };
    return {
      ok: false,
      reason: 'not_workbook',
      detail: 'a ZIP file that is not an Excel workbook',
    };
  }
  if (entries.some((e) => e.method !== 0 && e.method !== 8))
    return { ok: false, reason: 'unsupported', detail: 'compression method other than deflate' };
  return { ok: true, kind: 'xlsx' };
}
