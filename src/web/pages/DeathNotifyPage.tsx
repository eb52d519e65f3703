import { isNotifierRole } from '../../core/deaths/access.ts';
import { Link } from '../components/Link.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { deathsApi } from '../deaths/api.ts';
import '../deaths/deaths.css';
import { emptyValues, NotifyForm } from '../deaths/NotifyForm.tsx';
import { useT } from '../i18n/language.ts';
import { deathCasePath, navigate, paths } from '../router.ts';
import { useSession } from '../session.ts';
import { showToast } from '../toast.ts';

/**
 * "Lapor kematian" (`/kematian/lapor`): a bidan, puskesmas or hospital notifies a maternal,
 * perinatal or child death, within 24 hours. The desa of residence starts at the user's own desa;
 * a hospital's place of death is the hospital's region.
 */
export default function DeathNotifyPage() {
  const t = useT();
  const { user } = useSession();
  if (!user || !isNotifierRole(user.role)) {
    return (
      <section className="prompt">
        <PageHeading>{t('auth.forbiddenTitle')}</PageHeading>
        <p>{t('deaths.notifyForbidden')}</p>
        <Link className="button" to={paths.deaths}>
          {t('deaths.pageTitle')}
        </Link>
      </section>
    );
  }
  const hospital = user.role === 'hospital';
  const ownDesa = user.regionCode.length === 10 ? user.regionCode : null;
  return (
    <>
      <PageHeading>{t('deaths.notifyTitle')}</PageHeading>
      <p className="lead death-lead">{t('deaths.notifyIntro')}</p>
      <NotifyForm
        initial={emptyValues(ownDesa, null)}
        fixedDeathRegion={hospital ? user.regionCode : null}
        residenceWithin={hospital ? null : user.regionCode}
        submitLabel={t('deaths.notifySubmit')}
        checkLate
        onSubmit={async (body, confirmNotDuplicate) => {
          const created = await deathsApi.notify({
            ...body,
            id: crypto.randomUUID(),
            confirmNotDuplicate,
          });
          showToast(
            created.notifiedLate ? t('deaths.notifiedLate') : t('deaths.notified'),
            created.notifiedLate ? 'warning' : 'success',
          );
          navigate(deathCasePath(created.id));
        }}
      />
    </>
  );
}
