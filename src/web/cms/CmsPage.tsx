/**
 * The portal CMS for editors (role editor or admin, `content:write`; App.tsx checks the login):
 * the list of content, the editor of an item, and the portal settings. Each screen has its file.
 */
// First: the CMS's words, before any screen of it renders.
import './messages.ts';
import { Link } from '../components/Link.tsx';
import { useT } from '../i18n/language.ts';
import { paths, type Route } from '../router.ts';
import { EditItemPage, NewItemPage } from './ItemEditor.tsx';
import { ItemList } from './ItemList.tsx';
import { SettingsPage } from './SettingsPage.tsx';

export type CmsRoute = Extract<Route, { name: 'cms' | 'cmsNew' | 'cmsEdit' | 'cmsSettings' }>;

export default function CmsPage({ route }: { route: CmsRoute }) {
  const t = useT();
  const onSettings = route.name === 'cmsSettings';
  return (
    <div className="cms">
      <nav className="cms-nav" aria-label={t('cms.nav')}>
        <Link to={paths.cms} aria-current={onSettings ? undefined : 'page'}>
          {t('cms.navContent')}
        </Link>
        <Link to={paths.cmsSettings} aria-current={onSettings ? 'page' : undefined}>
          {t('cms.navSettings')}
        </Link>
        <a href={paths.home} target="_blank" rel="noopener">
          {t('cms.navPortal')}
        </a>
      </nav>
      {route.name === 'cms' && <ItemList />}
      {route.name === 'cmsNew' && <NewItemPage kind={route.kind} />}
      {route.name === 'cmsEdit' && <EditItemPage key={route.id} id={route.id} />}
      {route.name === 'cmsSettings' && <SettingsPage />}
    </div>
  );
}
