import { Link } from '../components/Link.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { useT } from '../i18n/language.ts';
import { paths } from '../router.ts';
import { useSession } from '../session.ts';

/** Public portal. The headline figures arrive with the portal issue; no figure is shown before it exists. */
export default function HomePage() {
  const t = useT();
  const { user } = useSession();
  return (
    <>
      <PageHeading>{t('home.title')}</PageHeading>
      <p className="lead">{t('home.intro')}</p>

      <section className="placeholder" aria-labelledby="headline-placeholder">
        <h2 id="headline-placeholder">{t('home.placeholderTitle')}</h2>
        <p>{t('home.placeholderText')}</p>
      </section>

      {!user && (
        <section className="card" aria-labelledby="staff-title">
          <h2 id="staff-title">{t('home.staffTitle')}</h2>
          <p>{t('home.staffText')}</p>
          <Link className="button button-primary" to={paths.login}>
            {t('nav.login')}
          </Link>
        </section>
      )}
    </>
  );
}
