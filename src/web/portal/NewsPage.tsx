import { Link } from '../components/Link.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { Loading } from '../components/Loading.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { useApi } from '../hooks/use-api.ts';
import { formatNumber } from '../i18n/format.ts';
import { useLang, useT } from '../i18n/language.ts';
import { paths, useRoute } from '../router.ts';
import { portalApi } from './api.ts';
import { ItemCard } from './ItemCard.tsx';
import { useDocumentMeta } from './use-document-meta.ts';
import './portal.css';

const PAGE_SIZE = 9;

/** `/berita?tag=gizi&halaman=2`: the URL is the state, so a filtered page can be shared. */
function newsHref(tag: string | null, page: number): string {
  const query = new URLSearchParams();
  if (tag) query.set('tag', tag);
  if (page > 1) query.set('halaman', String(page));
  const text = query.toString();
  return text ? `${paths.news}?${text}` : paths.news;
}

/** Berita: the published news, newest first, with a tag filter and pages. */
export default function NewsPage() {
  const t = useT();
  const lang = useLang();
  const { query } = useRoute();
  const tag = query.get('tag');
  const page = Math.max(1, Number.parseInt(query.get('halaman') ?? '1', 10) || 1);
  const list = useApi(JSON.stringify({ tag, page }), (_k, signal) =>
    portalApi.items({ kind: 'news', tag: tag ?? undefined, page, pageSize: PAGE_SIZE }, signal),
  );
  useDocumentMeta({ title: t('portal.newsTitle'), description: t('portal.newsIntro') });
  const data = list.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  return (
    <div className="portal-page">
      <PageHeading>{t('portal.newsTitle')}</PageHeading>
      <p className="lead">{t('portal.newsIntro')}</p>
      {data && data.tags.length > 0 && (
        <nav className="tag-filter" aria-label={t('portal.filterByTag')}>
          <ul>
            <li>
              <Link to={newsHref(null, 1)} aria-current={tag === null ? 'page' : undefined}>
                {t('portal.allTags')}
              </Link>
            </li>
            {data.tags.map((x) => (
              <li key={x.tag}>
                <Link to={newsHref(x.tag, 1)} aria-current={tag === x.tag ? 'page' : undefined}>
                  {x.tag} <span className="tag-count">({formatNumber(x.count, lang)})</span>
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {list.error ? (
        <ErrorMessage error={list.error} />
      ) : !data ? (
        <Loading />
      ) : data.items.length === 0 ? (
        <p className="hint">{tag ? t('portal.noNewsWithTag', { tag }) : t('portal.noNews')}</p>
      ) : (
        <>
          <p className="hint" aria-live="polite">
            {t('portal.newsCount', { count: formatNumber(data.total, lang) })}
            {tag && ` · ${t('portal.withTag', { tag })}`}
          </p>
          <div className="item-grid">
            {data.items.map((item) => (
              <ItemCard key={item.id} item={item} headingLevel={2} />
            ))}
          </div>
          {pages > 1 && (
            <nav className="pagination" aria-label={t('portal.pages')}>
              {page > 1 && (
                <Link className="button" to={newsHref(tag, page - 1)} rel="prev">
                  {t('portal.previous')}
                </Link>
              )}
              <span>{t('portal.pageOf', { page, pages })}</span>
              {page < pages && (
                <Link className="button" to={newsHref(tag, page + 1)} rel="next">
                  {t('portal.next')}
                </Link>
              )}
            </nav>
          )}
        </>
      )}
      <p className="portal-more">
        <a href="/rss.xml">{t('portal.rss')}</a>
      </p>
    </div>
  );
}
