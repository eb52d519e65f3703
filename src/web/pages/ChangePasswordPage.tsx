import { ChangePasswordForm } from '../components/ChangePasswordForm.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { useT } from '../i18n/language.ts';

/**
 * Shown instead of every page while `mustChangePassword` is set: a one-time password from the
 * CLI or an admin must be replaced before the account is used.
 */
export default function ChangePasswordPage() {
  const t = useT();
  return (
    <div className="narrow">
      <PageHeading>{t('password.forcedTitle')}</PageHeading>
      <p>{t('password.forcedIntro')}</p>
      <ChangePasswordForm temporary />
    </div>
  );
}
