import { PageHeading } from '../components/PageHeading.tsx';
import { RegionChildren } from '../components/RegionChildren.tsx';
import { RegionPicker } from '../components/RegionPicker.tsx';
import { api } from '../api-client.ts';
import { useApi } from '../hooks/use-api.ts';
import { useT } from '../i18n/language.ts';
import { navigate, regionPath } from '../router.ts';

/** Public page of one region (`/wilayah/5301`): where it sits and what lies below it. */
export default function RegionPage({ code }: { code: string }) {
  const t = useT();
  const { data } = useApi(code, (key) => api.region(key));
  const name = data?.region.name;
  return (
    <>
      <PageHeading title={name ?? t('region.title')}>{name ?? t('region.title')}</PageHeading>
      <RegionPicker value={code} onChange={(next) => navigate(regionPath(next))} />
      <RegionChildren code={code} hrefOf={regionPath} />
    </>
  );
}
