import { Link } from '../components/Link.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { useApi } from '../hooks/use-api.ts';
import { useLang, useT } from '../i18n/language.ts';
import { portalApi } from '../portal/api.ts';
import { HeadlineFigures } from '../portal/HeadlineFigures.tsx';
import { HomeTrend } from '../portal/HomeTrend.tsx';
import { ItemCard } from '../portal/ItemCard.tsx';
import { usePortalSettings } from '../portal/settings.ts';
import { StuntingMap } from '../portal/StuntingMap.tsx';
import { useDocumentMeta } from '../portal/use-document-meta.ts';
import { paths } from '../router.ts';
import '../portal/portal.css';

/**
 * Beranda: the public face of the installation. Live figures from the same data as the dashboard,
 * each with its period and source; the stunting map; the trend against the target; the latest
 * news; the way to the Pokja profile and the knowledge centre.
 */
export default function HomePage() {
  const t = useT();
  const lang = useLang();
  const settings = usePortalSettings();
  const siteName = settings?.siteName[lang] ?? t('portal.defaultSiteName');
  const region = settings?.homeRegion ?? null;
  const news = useApi('news', (_k, signal) =>
    portalApi.items({ kind: 'news', pageSize: 3 }, signal),
  );
  useDocumentMeta({ title: siteName, description: settings?.welcome[lang] ?? t('portal.welcome') });

  return (
    <>
      <section className="portal-hero">
        <PageHeading title={siteName}>{siteName}</PageHeading>
        <p className="lead">{settings?.welcome[lang] || t('portal.welcome')}</p>
        <p className="portal-hero-links">
          <Link className="button button-primary" to={paths.dashboard}>
            {t('portal.openDashboard')}
          </Link>
          <Link className="button" to={paths.openData}>
            {t('portal.openData')}
          </Link>
        </p>
      </section>

      {region ? (
        <>
          <HeadlineFigures region={region} />
          <StuntingMap region={region} />
          <HomeTrend region={region} />
        </>
      ) : (
        <p className="hint" aria-busy="true">
          {t('portal.loadingSettings')}
        </p>
      )}

      <section className="portal-section" aria-labelledby="news-title">
        <h2 id="news-title">{t('portal.latestNews')}</h2>
        {news.data && news.data.items.length === 0 && <p className="hint">{t('portal.noNews')}</p>}
        <div className="item-grid">
          {news.data?.items.map((item) => (
            <ItemCard key={item.id} item={item} />
          ))}
        </div>
        <p className="portal-more">
          <Link to={paths.news}>{t('portal.allNews')}</Link>
        </p>
      </section>

      <section className="portal-section portal-links" aria-label={t('portal.moreLabel')}>
        <Link className="portal-link-card" to={paths.profile}>
          <span className="portal-link-title">{t('portal.profileTitle')}</span>
          <span className="portal-link-text">{t('portal.profileTeaser')}</span>
        </Link>
        <Link className="portal-link-card" to={paths.knowledge}>
          <span className="portal-link-title">{t('portal.knowledgeTitle')}</span>
          <span className="portal-link-text">{t('portal.knowledgeTeaser')}</span>
        </Link>
        <Link className="portal-link-card" to={paths.openData}>
          <span className="portal-link-title">{t('portal.openDataTitle')}</span>
          <span className="portal-link-text">{t('portal.openDataTeaser')}</span>
        </Link>
      </section>
    </>
  );
}
