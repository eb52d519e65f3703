import { describe, expect, it } from 'vitest';
import { cleanFileName, contrastRatio, slugify, sniffMime, uniqueSlug } from './text.ts';

describe('slugify', () => {
  it('makes ASCII slugs from Indonesian titles', () => {
    expect(slugify('Rembuk Stunting 2025: Kabupaten Kupang!')).toBe(
      'rembuk-stunting-2025-kabupaten-kupang',
    );
    expect(slugify('Café  — Éxito')).toBe('cafe-exito');
    expect(slugify('<script>alert(1)</script>')).toBe('script-alert-1-script');
    expect(slugify('!!!')).toBe('konten');
    expect(slugify('a'.repeat(200)).length).toBe(120);
  });
  it('appends -2, -3 when taken', () => {
    expect(uniqueSlug('berita', new Set())).toBe('berita');
    expect(uniqueSlug('berita', new Set(['berita', 'berita-2']))).toBe('berita-3');
  });
});

describe('contrastRatio', () => {
  it('follows WCAG', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    expect(contrastRatio('#0b6e4f', '#ffffff')).toBeGreaterThan(4.5);
    expect(contrastRatio('#f2a900', '#ffffff')).toBeLessThan(4.5);
  });
});

describe('sniffMime', () => {
  const b = (...xs: number[]) => Uint8Array.from(xs);
  it('knows the four types by their first bytes', () => {
    expect(sniffMime(b(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe('image/png');
    expect(sniffMime(b(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg');
    expect(sniffMime(Buffer.from('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
    expect(sniffMime(Buffer.from('%PDF-1.4\n'))).toBe('application/pdf');
    expect(sniffMime(Buffer.from('<svg onload=alert(1)>'))).toBeNull();
    expect(sniffMime(b())).toBeNull();
  });
});

describe('cleanFileName', () => {
  it('keeps only safe characters and forces the extension', () => {
    expect(cleanFileName('Laporan%20Tahunan%202025.pdf', 'application/pdf')).toBe(
      'Laporan-Tahunan-2025.pdf',
    );
    expect(cleanFileName('../../etc/passwd', 'image/png')).toBe('passwd.png');
    expect(cleanFileName('"><img src=x onerror=alert(1)>.png', 'image/png')).toBe(
      'img-src-x-onerror-alert-1.png',
    );
    expect(cleanFileName('foto.exe', 'image/jpeg')).toBe('foto.jpg');
    expect(cleanFileName(undefined, 'image/webp')).toBe('berkas.webp');
    expect(cleanFileName('%E0%A4%A', 'image/png')).toBe('E0-A4-A.png');
  });
});
