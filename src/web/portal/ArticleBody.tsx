/**
 * Body HTML of a content item. The server sanitised it with an allow-list before storing it
 * (services/portal/sanitize.ts): no script, event attribute or javascript: URL can be in it.
 */
export function ArticleBody({ html }: { html: string }) {
  return <div className="article-body" dangerouslySetInnerHTML={{ __html: html }} />;
}
