import { useState } from 'react';
import { roleAllows } from '../../core/access/roles.ts';
import { isCaseReaderRole } from '../../core/deaths/access.ts';
import { roleLabel } from '../i18n/labels.ts';
import { useLang, useT, type MessageKey } from '../i18n/language.ts';
import { navigate, paths, useRoute, type RouteName } from '../router.ts';
import { logout, useSession } from '../session.ts';
import { SyncIndicator } from '../offline/SyncIndicator.tsx';
import { usePortalSettings } from '../portal/settings.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { Link } from './Link.tsx';
import { NoWrapHyphens } from './NoWrapHyphens.tsx';

interface NavItem {
  route: RouteName;
  to: string;
  label: MessageKey;
}

/**
 * App name, navigation and the account button. On a phone the navigation folds behind a Menu
 * button; it closes by itself when the page changes.
 */
export function Header() {
  const t = useT();
  const lang = useLang();
  const session = useSession();
  const settings = usePortalSettings();
  const { route, pathname, href } = useRoute();
  // Open for the page it was opened on: navigating elsewhere closes it without an effect.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const user = session.user;

  const items: NavItem[] = [
    { route: 'home', to: paths.home, label: 'nav.home' },
    // Aggregate figures are public: the dashboard is for everyone.
    { route: 'dashboard', to: paths.dashboard, label: 'nav.dashboard' },
    { route: 'deaths', to: paths.deaths, label: 'deaths.nav' },
    { route: 'news', to: paths.news, label: 'portal.nav.news' },
    { route: 'knowledge', to: paths.knowledge, label: 'portal.nav.knowledge' },
    { route: 'profile', to: paths.profile, label: 'portal.nav.profile' },
    { route: 'openData', to: paths.openData, label: 'portal.nav.openData' },
  ];
  if (user) {
    if (roleAllows(user.role, 'records:write')) {
      items.push({ route: 'input', to: paths.input, label: 'nav.input' });
    }
    if (roleAllows(user.role, 'records:read')) {
      items.push({ route: 'followUp', to: paths.followUp, label: 'nav.followUp' });
    }
    if (roleAllows(user.role, 'records:write')) {
      items.push({ route: 'imports', to: paths.imports, label: 'imports.nav' });
    }
    if (isCaseReaderRole(user.role)) {
      items.push({ route: 'deathCases', to: paths.deathCases, label: 'deaths.navCases' });
    }
    if (roleAllows(user.role, 'content:write')) {
      items.push({ route: 'cms', to: paths.cms, label: 'portal.nav.cms' });
    }
    if (roleAllows(user.role, 'users:manage')) {
      items.push({ route: 'admin', to: paths.admin, label: 'nav.admin' });
    }
  }

  const loginTarget =
    route.name === 'home' || route.name === 'login' || route.name === 'notFound'
      ? paths.login
      : `${paths.login}?next=${encodeURIComponent(href)}`;

  function handleLogout() {
    logout().then(
      () => navigate(paths.home),
      (error: unknown) => console.error(error),
    );
  }

  return (
    <header className="site-header">
      <div className="container header-inner">
        <Link to={paths.home} className="brand">
          {settings?.logo && (
            <img className="brand-logo" src={settings.logo.url} alt="" width={40} height={40} />
          )}
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-subtitle">
            <NoWrapHyphens text={settings?.siteName[lang] ?? t('app.subtitle')} />
          </span>
        </Link>

        <div className="header-actions">
          <SyncIndicator />
          <LanguageSwitch />
          <button
            type="button"
            className="menu-toggle"
            aria-expanded={open}
            aria-controls="site-nav"
            onClick={() => setOpenOn(open ? null : pathname)}
          >
            <span aria-hidden="true" className="menu-icon" />
            {t('layout.menu')}
          </button>
        </div>

        <nav id="site-nav" className="site-nav" data-open={open} aria-label={t('layout.navLabel')}>
          <ul className="nav-list">
            {items.map((item) => (
              <li key={item.route}>
                <Link to={item.to} aria-current={route.name === item.route ? 'page' : undefined}>
                  {t(item.label)}
                </Link>
              </li>
            ))}
          </ul>

          <div className="account">
            {user ? (
              <>
                <Link
                  to={paths.account}
                  className="account-link"
                  aria-current={route.name === 'account' ? 'page' : undefined}
                >
                  <span className="visually-hidden">{t('nav.account')}: </span>
                  <span className="account-name">{user.name}</span>
                  <span className="account-role">{roleLabel(user.role, lang)}</span>
                </Link>
                <button type="button" className="button button-on-dark" onClick={handleLogout}>
                  {t('nav.logout')}
                </button>
              </>
            ) : (
              session.status !== 'loading' && (
                <Link
                  to={loginTarget}
                  className="button button-on-dark"
                  aria-current={route.name === 'login' ? 'page' : undefined}
                >
                  {t('nav.login')}
                </Link>
              )
            )}
          </div>
        </nav>
      </div>
    </header>
  );
}
