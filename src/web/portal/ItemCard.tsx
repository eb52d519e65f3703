import { Link } from '../components/Link.tsx';
import { formatDate } from '../i18n/format.ts';
import { useLang, useT } from '../i18n/language.ts';
import { itemPath } from '../router.ts';
import type { PublicItemSummary } from './api.ts';

/** A news article, knowledge product, good practice or event in a list: title links to it. */
export function ItemCard({
  item,
  headingLevel = 3,
}: {
  item: PublicItemSummary;
  headingLevel?: 2 | 3;
}) {
  const t = useT();
  const lang = useLang();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const date =
    item.kind === 'event' && item.eventStart
      ? formatDate(item.eventStart, lang)
      : item.publishedAt
        ? formatDate(item.publishedAt, lang)
        : null;
  return (
    <article className="item-card" data-kind={item.kind}>
      {item.cover && (
        <img
          className="item-card-cover"
          src={item.cover.url}
          alt=""
          loading="lazy"
          decoding="async"
          width={640}
          height={360}
        />
      )}
      <div className="item-card-body">
        <Heading className="item-card-title">
          <Link to={itemPath(item.kind, item.slug)}>{item.title}</Link>
        </Heading>
        <p className="item-card-meta">
          {date && (
            <time
              dateTime={item.kind === 'event' ? (item.eventStart ?? '') : (item.publishedAt ?? '')}
            >
              {item.kind === 'event' ? t('portal.eventOn', { date }) : date}
            </time>
          )}
          {item.kind === 'practice' && item.region && <span>{item.region.name}</span>}
          {item.kind === 'knowledge' && item.documentType && (
            <span>{t(`portal.docType.${item.documentType}`)}</span>
          )}
          {item.kind === 'event' && item.location && <span>{item.location}</span>}
        </p>
        {item.summary && <p className="item-card-summary">{item.summary}</p>}
        {item.tags.length > 0 && (
          <ul className="tag-list" aria-label={t('portal.tags')}>
            {item.tags.map((tag) => (
              <li key={tag}>{tag}</li>
            ))}
          </ul>
        )}
      </div>
    </article>
  );
}
