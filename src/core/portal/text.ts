/**
 * Pure helpers of the portal (docs/portal.md): slugs from titles, colour contrast, file types
 * from their first bytes, and safe file names.
 */
import type { UploadMime } from './model.ts';

/** A URL slug from a title: ASCII lowercase letters and digits, single hyphens, ≤ 120 chars. */
export function slugify(title: string, max = 120): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/g, '');
  return slug || 'konten';
}

/** `base`, or `base-2`, `base-3`… — the first that `taken` does not hold (kept ≤ 120 chars). */
export function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, 120 - suffix.length).replace(/-+$/g, '')}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of `#rrggbb`. */
export function relativeLuminance(hex: string): number {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = [m[1]!, m[2]!, m[3]!].map((h) => channel(parseInt(h, 16)));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** WCAG contrast ratio of two `#rrggbb` colours (1–21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** The upload type the bytes really are (by magic number), or null. */
export function sniffMime(bytes: Uint8Array): UploadMime | null {
  const at = (offset: number, sig: number[]) =>
    bytes.length >= offset + sig.length && sig.every((v, i) => bytes[offset + i] === v);
  if (at(0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (at(0, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (at(0, [0x52, 0x49, 0x46, 0x46]) && at(8, [0x57, 0x45, 0x42, 0x50])) return 'image/webp';
  if (at(0, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  return null;
}

export const extensionOf: Record<UploadMime, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
};

/**
 * A safe stored file name: the URL-encoded header decoded (when it decodes), reduced to
 * [A-Za-z0-9._-], no leading dots, ≤ 120 chars, and the extension forced to the type's.
 */
export function cleanFileName(raw: string | undefined, mime: UploadMime): string {
  let name = raw ?? '';
  try {
    name = decodeURIComponent(name);
  } catch {
    // not URL-encoded: use as sent
  }
  name = name.split(/[\\/]/).pop() ?? '';
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\.[^.]*$/, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[.-]+|[.-]+$/g, '')
    .slice(0, 100);
  return `${base || 'berkas'}.${extensionOf[mime]}`;
}

export const uploadMimes = Object.keys(extensionOf) as UploadMime[];
export const isUploadMime = (value: string): value is UploadMime =>
  (uploadMimes as string[]).includes(value);
