import { Link } from '../components/Link.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { useT } from '../i18n/language.ts';
import { paths } from '../router.ts';

export default function NotFoundPage() {
  const t = useT();
  return (
    <>
      <PageHeading>{t('notFound.title')}</PageHeading>
      <p>{t('notFound.text')}</p>
      <Link className="button" to={paths.home}>
        {t('notFound.home')}
      </Link>
    </>
  );
}
