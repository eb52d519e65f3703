import { describe, expect, it } from 'vitest';
import { fileIdsInBody, sanitizeBody } from './sanitize.ts';

const fileId = '0b6e4f00-1111-4222-8333-444455556666';

describe('sanitizeBody', () => {
  it('keeps the allowed formatting', () => {
    const html =
      '<h2>Judul</h2><p><strong>Tebal</strong> <em>miring</em></p><ul><li>satu</li></ul>' +
      '<table><thead><tr><th>A</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>';
    expect(sanitizeBody(html)).toBe(html);
  });

  it('removes scripts, styles, frames and event handlers', () => {
    const out = sanitizeBody(
      '<p onclick="alert(1)">a</p><script>alert(1)</script><style>p{}</style>' +
        '<iframe src="https://x.test"></iframe><svg onload="alert(1)"></svg><div>teks</div>' +
        '<img src=x onerror=alert(1)><h1>besar</h1>',
    );
    expect(out).toBe('<p>a</p>teksbesar');
    expect(out).not.toMatch(/<script|on\w+=|javascript:/i);
  });

  it('allows only safe link and image URLs', () => {
    const out = sanitizeBody(
      '<a href="javascript:alert(1)">x</a><a href="JaVaScRiPt&#58;alert(1)">y</a>' +
        '<a href="https://kemkes.go.id" target="_blank">k</a><a href="/berita/a">r</a>' +
        '<a href="mailto:pokja@example.org">m</a><a href="//evil.test">p</a>' +
        `<img src="data:image/png;base64,AAAA"><img src="http://x.test/a.png">` +
        `<img src="/api/portal/files/${fileId}/a.png" alt="Foto" width="300" style="x">` +
        '<img src="https://cdn.example.org/a.png" height="abc">',
    );
    expect(out).not.toMatch(/javascript|data:|target|style|\/\/evil|http:\/\/x/i);
    expect(out).toContain('<a href="https://kemkes.go.id" rel="noopener noreferrer">k</a>');
    expect(out).toContain('<a href="/berita/a" rel="noopener noreferrer">r</a>');
    expect(out).toContain('href="mailto:pokja@example.org"');
    expect(out).toContain(`<img src="/api/portal/files/${fileId}/a.png" alt="Foto" width="300" />`);
    expect(out).toContain('<img src="https://cdn.example.org/a.png" />');
  });

  it('finds the files a body uses', () => {
    expect(fileIdsInBody(`<img src="/api/portal/files/${fileId}/a.png">`)).toEqual([fileId]);
  });
});
