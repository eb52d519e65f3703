/**
 * Pure helpers of the CMS screens (no DOM): the slug made from a title, tags typed as one line,
 * the colour-contrast hint of the settings, and the HTML snippets the editor toolbar inserts.
 * The server sanitises every body again (allow-list); these only keep the editor's own output
 * tidy and inert.
 */

/** Longest slug the contract accepts. */
export const maxSlugLength = 120;

/**
 * A URL slug from a title, as the contract wants it (`^[a-z0-9]+(?:-[a-z0-9]+)*$`):
 * "Rembuk Stunting 2025: Hasil & Rencana" → "rembuk-stunting-2025-hasil-rencana". Accents are
 * dropped (é → e); the cut at 120 characters never leaves a trailing hyphen.
 */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' dan ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, maxSlugLength).replace(/-+$/, '');
}

/** Tags typed as "gizi, posyandu, , Gizi" → ["gizi", "posyandu"] (trimmed, no duplicates). */
export function parseTags(text: string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const raw of text.split(',')) {
    const tag = raw.trim().replace(/\s+/g, ' ');
    const key = tag.toLowerCase();
    if (tag && !seen.has(key)) {
      seen.add(key);
      tags.push(tag);
    }
  }
  return tags;
}

/** "#0b6e4f" → [11, 110, 79]; null when not a #rrggbb colour. */
export function parseHexColor(color: string): [number, number, number] | null {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color.trim());
  if (!match) return null;
  return [parseInt(match[1]!, 16), parseInt(match[2]!, 16), parseInt(match[3]!, 16)];
}

function luminance([r, g, b]: [number, number, number]): number {
  const channel = (v: number) => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** WCAG 2 contrast ratio of two #rrggbb colours (1–21); null when either is not a colour. */
export function contrastRatio(a: string, b: string): number | null {
  const ca = parseHexColor(a);
  const cb = parseHexColor(b);
  if (!ca || !cb) return null;
  const [hi, lo] = [luminance(ca), luminance(cb)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The minimum the server asks of the primary colour against white (WCAG AA, normal text). */
export const minContrast = 4.5;

/** Escapes text for an HTML attribute value or text node. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * The link target an editor typed, when it is one the server keeps: http(s), mailto, or a path
 * of this site; "www.example.org" becomes https://www.example.org. Anything else (javascript:,
 * data:, a protocol-relative //host) is null.
 */
export function safeLinkUrl(input: string): string | null {
  const url = input.trim();
  if (!url || /\s/.test(url)) return null;
  if (url.startsWith('/')) return url.startsWith('//') || url.startsWith('/\\') ? null : url;
  if (/^(https?:\/\/|mailto:)/i.test(url))
    return /^https?:\/\/[^/]/i.test(url) || /^mailto:./i.test(url) ? url : null;
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return null;
  if (/^[a-z0-9-]+(\.[a-z0-9-]+)+(\/|$)/i.test(url)) return `https://${url}`;
  return null;
}

/** `<a href>` around the text, as the toolbar's Link inserts it when nothing is selected. */
export function linkHtml(url: string, text: string): string {
  return `<a href="${escapeHtml(url)}">${escapeHtml(text || url)}</a>`;
}

/** The `<img>` the toolbar inserts after an upload (alt text given by the editor). */
export function imageHtml(src: string, alt: string): string {
  return `<img src="${escapeHtml(src)}" alt="${escapeHtml(alt)}">`;
}

/** Block formats offered by the toolbar; `p` turns a heading back into a paragraph. */
export const blockFormats = ['p', 'h2', 'h3'] as const;
export type BlockFormat = (typeof blockFormats)[number];

/**
 * Whether a body is empty to a reader: the editor leaves `<p><br></p>` or `<br>` behind when
 * everything is deleted.
 */
export function isBlankHtml(html: string): boolean {
  return (
    html
      .replace(/<(br|p|div)\s*\/?>|<\/(p|div)>/gi, '')
      .replace(/&nbsp;/g, '')
      .trim() === ''
  );
}

/** "1.2 MB"-style sizes for upload hints and file names (binary units, one decimal). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
