import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { Loading } from '../components/Loading.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { useApi } from '../hooks/use-api.ts';
import { useT, type MessageKey } from '../i18n/language.ts';
import { portalApi, type ContentKind } from './api.ts';
import { ItemCard } from './ItemCard.tsx';
import { useDocumentMeta } from './use-document-meta.ts';
import './portal.css';

const sections: { kind: ContentKind; title: MessageKey; intro: MessageKey; empty: MessageKey }[] = [
  {
    kind: 'knowledge',
    title: 'portal.knowledgeProducts',
    intro: 'portal.knowledgeProductsIntro',
    empty: 'portal.noKnowledge',
  },
  {
    kind: 'practice',
    title: 'portal.practices',
    intro: 'portal.practicesIntro',
    empty: 'portal.noPractices',
  },
  { kind: 'event', title: 'portal.agenda', intro: 'portal.agendaIntro', empty: 'portal.noEvents' },
];

/** Pusat Pembelajaran: knowledge products to download, good practices, the agenda. */
export default function KnowledgePage() {
  const t = useT();
  useDocumentMeta({ title: t('portal.knowledgeTitle'), description: t('portal.knowledgeTeaser') });
  return (
    <div className="portal-page">
      <PageHeading>{t('portal.knowledgeTitle')}</PageHeading>
      <p className="lead">{t('portal.knowledgeTeaser')}</p>
      <nav className="section-links" aria-label={t('portal.onThisPage')}>
        <ul>
          {sections.map((s) => (
            <li key={s.kind}>
              <a href={`#${s.kind}`}>{t(s.title)}</a>
            </li>
          ))}
        </ul>
      </nav>
      {sections.map((s) => (
        <KindSection key={s.kind} {...s} />
      ))}
    </div>
  );
}

function KindSection({ kind, title, intro, empty }: (typeof sections)[number]) {
  const t = useT();
  const list = useApi(kind, (k, signal) =>
    portalApi.items({ kind: k as ContentKind, pageSize: 24 }, signal),
  );
  return (
    <section className="portal-section" id={kind} aria-labelledby={`${kind}-title`} tabIndex={-1}>
      <h2 id={`${kind}-title`}>{t(title)}</h2>
      <p className="hint">{t(intro)}</p>
      {list.error ? (
        <ErrorMessage error={list.error} />
      ) : !list.data ? (
        <Loading />
      ) : list.data.items.length === 0 ? (
        <p className="hint">{t(empty)}</p>
      ) : (
        <div className="item-grid">
          {list.data.items.map((item) => (
            <ItemCard key={item.id} item={item} />
          ))}
        </div>
      )}
    </section>
  );
}
