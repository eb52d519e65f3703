import { isRegionCode } from '../../core/regions/region-code.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { RegionChildren } from '../components/RegionChildren.tsx';
import { RegionPicker } from '../components/RegionPicker.tsx';
import { useT } from '../i18n/language.ts';
import { navigate, paths, useRoute } from '../router.ts';
import { useSession } from '../session.ts';

const dashboardOf = (code: string) => `${paths.dashboard}?wilayah=${code}`;

/**
 * Placeholder dashboard: region drill-down only. The chosen region lives in the URL
 * (`/dasbor?wilayah=5301`), so it can be shared and the back button climbs back up.
 * Charts and indicators come with the dashboard issue.
 */
export default function DashboardPage() {
  const t = useT();
  const { user } = useSession();
  const { query } = useRoute();
  const asked = query.get('wilayah')?.replace(/\./g, '') ?? '';
  const code = isRegionCode(asked) ? asked : (user?.regionCode ?? null);

  return (
    <>
      <PageHeading>{t('dashboard.title')}</PageHeading>
      <p>{t('dashboard.intro')}</p>
      <RegionPicker value={code} onChange={(next) => navigate(dashboardOf(next))} />
      {code && <RegionChildren code={code} hrefOf={dashboardOf} />}
      <section className="placeholder" aria-label={t('dashboard.chartsPlaceholder')}>
        <p>{t('dashboard.chartsPlaceholder')}</p>
      </section>
    </>
  );
}
