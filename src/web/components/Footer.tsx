import { useLang, useT } from '../i18n/language.ts';
import { usePortalSettings } from '../portal/settings.ts';
import { paths } from '../router.ts';
import { Link } from './Link.tsx';

/**
 * The installation's contact and the portal's links, then the credits of the reference data
 * every page relies on (DESIGN.md: every figure says its source).
 */
export function Footer() {
  const t = useT();
  const lang = useLang();
  const settings = usePortalSettings();
  const contact = settings?.contact;
  return (
    <footer className="site-footer">
      <div className="container">
        <div className="footer-columns">
          {settings && (
            <section aria-labelledby="footer-contact">
              <h2 id="footer-contact" className="footer-heading">
                {settings.siteName[lang]}
              </h2>
              <address className="footer-contact">
                {contact?.address && <span>{contact.address}</span>}
                {contact?.email && <a href={`mailto:${contact.email}`}>{contact.email}</a>}
                {contact?.phone && <span>{contact.phone}</span>}
              </address>
            </section>
          )}
          <nav aria-labelledby="footer-links">
            <h2 id="footer-links" className="footer-heading">
              {t('portal.footer.links')}
            </h2>
            <ul className="footer-links">
              <li>
                <Link to={paths.profile}>{t('portal.profileTitle')}</Link>
              </li>
              <li>
                <Link to={paths.knowledge}>{t('portal.knowledgeTitle')}</Link>
              </li>
              <li>
                <Link to={paths.openData}>{t('portal.openDataTitle')}</Link>
              </li>
              <li>
                <a href="/api/docs">{t('portal.apiDocs')}</a>
              </li>
              <li>
                <a href="/rss.xml">{t('portal.rss')}</a>
              </li>
              <li>
                <a href="/sitemap.xml">{t('portal.footer.sitemap')}</a>
              </li>
            </ul>
          </nav>
        </div>
        <ul className="credits">
          <li>{t('footer.regionCodes')}</li>
          <li>{t('footer.growthStandard')}</li>
        </ul>
        <p className="footer-note">{t('footer.software')}</p>
      </div>
    </footer>
  );
}
