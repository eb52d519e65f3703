import { useT } from '../i18n/language.ts';
import ItemPage from './ItemPage.tsx';

/** Profil Pokja: the page with slug `profil-pokja`, edited in the CMS. */
export default function ProfilePage() {
  const t = useT();
  return <ItemPage kind="page" slug="profil-pokja" heading={t('portal.profileTitle')} />;
}
