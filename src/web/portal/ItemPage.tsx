import { isApiError } from '../api-client.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { Link } from '../components/Link.tsx';
import { Loading } from '../components/Loading.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { useApi } from '../hooks/use-api.ts';
import { formatDate, formatNumber } from '../i18n/format.ts';
import { useLang, useT } from '../i18n/language.ts';
import NotFoundPage from '../pages/NotFoundPage.tsx';
import { paths } from '../router.ts';
import { portalApi, type ContentKind, type PublicItem } from './api.ts';
import { ArticleBody } from './ArticleBody.tsx';
import { useDocumentMeta } from './use-document-meta.ts';
import './portal.css';

const backLinks: Record<
  ContentKind,
  { to: string; label: 'portal.newsTitle' | 'portal.knowledgeTitle' | 'nav.home' }
> = {
  news: { to: paths.news, label: 'portal.newsTitle' },
  knowledge: { to: paths.knowledge, label: 'portal.knowledgeTitle' },
  practice: { to: paths.knowledge, label: 'portal.knowledgeTitle' },
  event: { to: paths.knowledge, label: 'portal.knowledgeTitle' },
  page: { to: paths.home, label: 'nav.home' },
};

/** One published item: a news article, knowledge product, good practice, event or page. */
export default function ItemPage({
  kind,
  slug,
  heading,
}: {
  kind: ContentKind;
  slug: string;
  heading?: string;
}) {
  const item = useApi(`${kind}/${slug}`, (_k, signal) => portalApi.item(kind, slug, signal));
  if (item.error && isApiError(item.error) && item.error.status === 404) return <NotFoundPage />;
  if (item.error) return <ErrorMessage error={item.error} />;
  if (!item.data) return <Loading />;
  return <ItemView item={item.data} heading={heading} />;
}

function ItemView({ item, heading }: { item: PublicItem; heading?: string | undefined }) {
  const t = useT();
  const lang = useLang();
  const back = backLinks[item.kind];
  useDocumentMeta({ title: heading ?? item.title, description: item.summary || undefined });
  return (
    <article className="portal-page article" data-kind={item.kind}>
      {item.kind !== 'page' && (
        <p className="breadcrumb">
          <Link to={back.to}>{t(back.label)}</Link>
        </p>
      )}
      <PageHeading title={heading ?? item.title}>{heading ?? item.title}</PageHeading>
      <p className="article-meta">
        {item.kind === 'news' && item.publishedAt && (
          <time dateTime={item.publishedAt}>{formatDate(item.publishedAt, lang)}</time>
        )}
        {item.author && <span>{t('portal.by', { author: item.author })}</span>}
        {item.kind === 'page' && (
          <span>{t('portal.updatedOn', { date: formatDate(item.updatedAt, lang) })}</span>
        )}
      </p>
      {item.summary && item.kind !== 'page' && <p className="lead">{item.summary}</p>}
      <KindFacts item={item} />
      {item.cover && (
        <img className="article-cover" src={item.cover.url} alt="" width={1280} height={720} />
      )}
      <ArticleBody html={item.bodyHtml} />
      {item.tags.length > 0 && (
        <ul className="tag-list" aria-label={t('portal.tags')}>
          {item.tags.map((tag) => (
            <li key={tag}>
              {item.kind === 'news' ? (
                <Link to={`${paths.news}?tag=${encodeURIComponent(tag)}`}>{tag}</Link>
              ) : (
                tag
              )}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}

/** What only this kind has: the document to download, the region, the date and place. */
function KindFacts({ item }: { item: PublicItem }) {
  const t = useT();
  const lang = useLang();
  if (item.kind === 'knowledge' && item.document)
    return (
      <p className="document-download">
        <a className="button button-primary" href={item.document.url} download={item.document.name}>
          {t('portal.download', {
            name: item.document.name,
            size: `${formatNumber(item.document.size / 1024 / 1024, lang, 1)} MB`,
          })}
        </a>
        {item.documentType && (
          <span className="hint">{t(`portal.docType.${item.documentType}`)}</span>
        )}
      </p>
    );
  if (item.kind === 'practice')
    return (
      <dl className="facts">
        {item.region && (
          <>
            <dt>{t('portal.practiceRegion')}</dt>
            <dd>{item.region.name}</dd>
          </>
        )}
        {item.interventionType && (
          <>
            <dt>{t('portal.practiceIntervention')}</dt>
            <dd>{t(`portal.intervention.${item.interventionType}`)}</dd>
          </>
        )}
      </dl>
    );
  if (item.kind === 'event')
    return (
      <dl className="facts">
        <dt>{t('portal.eventWhen')}</dt>
        <dd>
          {item.eventStart && formatDate(item.eventStart, lang)}
          {item.eventEnd &&
            item.eventEnd !== item.eventStart &&
            ` – ${formatDate(item.eventEnd, lang)}`}
        </dd>
        {item.location && (
          <>
            <dt>{t('portal.eventWhere')}</dt>
            <dd>{item.location}</dd>
          </>
        )}
      </dl>
    );
  return null;
}
