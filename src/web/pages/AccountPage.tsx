import { ChangePasswordForm } from '../components/ChangePasswordForm.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { roleLabel } from '../i18n/labels.ts';
import { useLang, useT } from '../i18n/language.ts';
import { useSession } from '../session.ts';

/** Who am I, and a way to change my password. */
export default function AccountPage() {
  const t = useT();
  const lang = useLang();
  const { user } = useSession();
  if (!user) return null;
  return (
    <>
      <PageHeading>{t('account.title')}</PageHeading>
      <dl className="facts">
        <dt>{t('account.name')}</dt>
        <dd>{user.name}</dd>
        <dt>{t('account.email')}</dt>
        <dd>{user.email}</dd>
        <dt>{t('account.role')}</dt>
        <dd>{roleLabel(user.role, lang)}</dd>
        <dt>{t('account.region')}</dt>
        <dd>
          {user.regionName} <span className="code">({user.regionCode})</span>
        </dd>
      </dl>
      <section className="narrow" aria-labelledby="password-title">
        <h2 id="password-title">{t('password.title')}</h2>
        <ChangePasswordForm />
      </section>
    </>
  );
}
