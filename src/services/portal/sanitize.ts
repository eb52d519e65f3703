/**
 * The allow-list sanitiser of content bodies (docs/portal.md): what an editor writes is stored
 * only after this, so every reader (portal, CMS preview, RSS) gets inert HTML.
 */
import sanitizeHtml from 'sanitize-html';

const allowedTags = [
  'p',
  'br',
  'hr',
  'h2',
  'h3',
  'h4',
  'strong',
  'em',
  'b',
  'i',
  'u',
  's',
  'blockquote',
  'ul',
  'ol',
  'li',
  'a',
  'img',
  'figure',
  'figcaption',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'code',
  'pre',
];

/** Images only from this server's portal files or over https. */
const imageSource =
  /^(\/api\/portal\/files\/[0-9a-f-]{36}\/[A-Za-z0-9._-]+|https:\/\/[^\s"'<>]+)$/i;

const options: sanitizeHtml.IOptions = {
  allowedTags,
  allowedAttributes: {
    a: ['href', 'rel'],
    img: ['src', 'alt', 'width', 'height'],
    th: ['colspan', 'rowspan', 'scope'],
    td: ['colspan', 'rowspan'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // script, style, textarea… are dropped with their content
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'svg'],
  transformTags: {
    a: (tagName, attribs) => ({
      tagName,
      attribs: {
        ...(attribs.href ? { href: attribs.href } : {}),
        rel: 'noopener noreferrer',
      },
    }),
    img: (tagName, attribs) => {
      const src = attribs.src?.trim() ?? '';
      const kept: Record<string, string> = {};
      if (imageSource.test(src)) kept.src = src;
      if (attribs.alt !== undefined) kept.alt = attribs.alt;
      for (const dim of ['width', 'height'] as const) {
        const v = attribs[dim];
        if (v && /^\d{1,4}$/.test(v)) kept[dim] = v;
      }
      return { tagName, attribs: kept };
    },
  },
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
};

export function sanitizeBody(html: string): string {
  return sanitizeHtml(html, options).trim();
}

/** The file ids a body's images and links point at (`/api/portal/files/<id>/…`). */
export function fileIdsInBody(html: string): string[] {
  const ids = new Set<string>();
  for (const m of html.matchAll(/\/api\/portal\/files\/([0-9a-f-]{36})\//gi))
    ids.add(m[1]!.toLowerCase());
  return [...ids];
}
