import { describe, expect, it } from 'vitest';
import { slugPattern } from '../../core/portal/model.ts';
import {
  contrastRatio,
  escapeHtml,
  formatBytes,
  imageHtml,
  isBlankHtml,
  linkHtml,
  parseTags,
  safeLinkUrl,
  slugify,
} from './helpers.ts';

describe('slugify', () => {
  it('makes a contract slug from a title', () => {
    expect(slugify('Rembuk Stunting 2025: Hasil & Rencana')).toBe(
      'rembuk-stunting-2025-hasil-dan-rencana',
    );
    expect(slugify('  Pemberian Makanan Tambahan (PMT) — Lokal  ')).toBe(
      'pemberian-makanan-tambahan-pmt-lokal',
    );
    expect(slugify('Café Gizi Élan')).toBe('cafe-gizi-elan');
  });
  it('returns empty text for a title without letters or digits', () => {
    expect(slugify('!!! ---')).toBe('');
  });
  it('cuts at 120 characters without a trailing hyphen', () => {
    const slug = slugify(`${'a'.repeat(119)} b c`);
    expect(slug.length).toBeLessThanOrEqual(120);
    expect(slug.endsWith('-')).toBe(false);
    expect(slugPattern.test(slug)).toBe(true);
  });
  it('always matches the contract pattern when not empty', () => {
    for (const title of ['A  B', 'x--y', 'Ümlaut ß 中文 1', '<script>alert(1)</script>']) {
      const slug = slugify(title);
      if (slug) expect(slugPattern.test(slug)).toBe(true);
    }
  });
});

describe('parseTags', () => {
  it('splits on commas, trims and drops empty and duplicate tags', () => {
    expect(parseTags(' gizi, posyandu , ,Gizi,  ASI   eksklusif ')).toEqual([
      'gizi',
      'posyandu',
      'ASI eksklusif',
    ]);
    expect(parseTags('')).toEqual([]);
  });
});

describe('contrastRatio', () => {
  it('follows WCAG 2', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    // The default primary colour passes AA on white, the default accent does not.
    expect(contrastRatio('#0b6e4f', '#ffffff')!).toBeGreaterThan(4.5);
    expect(contrastRatio('#f2a900', '#ffffff')!).toBeLessThan(4.5);
    expect(contrastRatio('#767676', '#FFFFFF')).toBeCloseTo(4.54, 2);
  });
  it('is null for something that is not #rrggbb', () => {
    expect(contrastRatio('red', '#ffffff')).toBeNull();
    expect(contrastRatio('#fff', '#ffffff')).toBeNull();
  });
});

describe('safeLinkUrl', () => {
  it('keeps http(s), mailto and site paths', () => {
    expect(safeLinkUrl('https://kemkes.go.id/x')).toBe('https://kemkes.go.id/x');
    expect(safeLinkUrl(' mailto:pokja@example.org ')).toBe('mailto:pokja@example.org');
    expect(safeLinkUrl('/berita/rembuk')).toBe('/berita/rembuk');
    expect(safeLinkUrl('www.bkkbn.go.id')).toBe('https://www.bkkbn.go.id');
  });
  it('refuses script and data URLs, protocol-relative and broken input', () => {
    expect(safeLinkUrl('javascript:alert(1)')).toBeNull();
    expect(safeLinkUrl('JaVaScRiPt:alert(1)')).toBeNull();
    expect(safeLinkUrl('data:text/html,<b>')).toBeNull();
    expect(safeLinkUrl('//evil.example')).toBeNull();
    expect(safeLinkUrl('https://')).toBeNull();
    expect(safeLinkUrl('not a url')).toBeNull();
    expect(safeLinkUrl('')).toBeNull();
  });
});

describe('toolbar HTML', () => {
  it('escapes what the editor typed', () => {
    expect(escapeHtml(`<a href="x">'&`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;');
    expect(linkHtml('https://a.example/?a=1&b=2', '')).toBe(
      '<a href="https://a.example/?a=1&amp;b=2">https://a.example/?a=1&amp;b=2</a>',
    );
    expect(imageHtml('/api/portal/files/1/x.png', 'Posyandu "Mawar"')).toBe(
      '<img src="/api/portal/files/1/x.png" alt="Posyandu &quot;Mawar&quot;">',
    );
  });
  it('knows a body left empty by the editor', () => {
    expect(isBlankHtml('<p><br></p>')).toBe(true);
    expect(isBlankHtml(' <br> &nbsp;')).toBe(true);
    expect(isBlankHtml('<p>Halo</p>')).toBe(false);
    expect(isBlankHtml('<img src="/x.png">')).toBe(false);
  });
});

describe('formatBytes', () => {
  it('reads like a file manager', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(2048)).toBe('2.0 KB');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5.0 MB');
  });
});
