import type { ReactNode } from 'react';
import { roleAllows, type Action } from '../../core/access/roles.ts';
import { useT } from '../i18n/language.ts';
import { paths, useRoute } from '../router.ts';
import { useSession } from '../session.ts';
import { Link } from './Link.tsx';
import { Loading } from './Loading.tsx';
import { PageHeading } from './PageHeading.tsx';

interface RequireLoginProps {
  /** The action the page is for; without it any logged-in user may enter. */
  action?: Action;
  children: ReactNode;
}

/**
 * Staff pages: shows a "please log in" prompt to visitors and a "no access" note to roles without
 * the action. The server checks every request anyway; this only keeps the screen honest.
 */
export function RequireLogin({ action, children }: RequireLoginProps) {
  const t = useT();
  const session = useSession();
  const { href } = useRoute();

  if (session.status === 'loading') return <Loading />;
  if (!session.user) {
    return (
      <section className="prompt">
        <PageHeading>{t('auth.loginRequiredTitle')}</PageHeading>
        <p>{t('auth.loginRequired')}</p>
        <Link
          className="button button-primary"
          to={`${paths.login}?next=${encodeURIComponent(href)}`}
        >
          {t('nav.login')}
        </Link>
      </section>
    );
  }
  if (action && !roleAllows(session.user.role, action)) {
    return (
      <section className="prompt">
        <PageHeading>{t('auth.forbiddenTitle')}</PageHeading>
        <p>{t('auth.forbidden')}</p>
        <Link className="button" to={paths.home}>
          {t('notFound.home')}
        </Link>
      </section>
    );
  }
  return children;
}
