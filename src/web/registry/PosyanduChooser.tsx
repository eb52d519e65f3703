import { useEffect, useId, useState } from 'react';
import { isWithinRegion } from '../../core/regions/region-code.ts';
import type { Me } from '../api-client.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { Link } from '../components/Link.tsx';
import { Loading } from '../components/Loading.tsx';
import { RegionPicker } from '../components/RegionPicker.tsx';
import { useApi } from '../hooks/use-api.ts';
import { formatNumber } from '../i18n/format.ts';
import { useLang, useT } from '../i18n/language.ts';
import { navigate, paths, useRoute } from '../router.ts';
import { registryApi } from './api.ts';
import { rosterHref } from './links.ts';
import { personNameKey as nameKey } from '../../core/registry/rules.ts';

/** Posyandu listed at once; more are reached by region or name. */
const MAX_SHOWN = 50;

/** Desa codes have 10 digits: a user scoped to one desa needs no region picker. */
const DESA_CODE_LENGTH = 10;

/**
 * Staff other than a kader pick the posyandu to work on: their scope's posyandu, narrowed by
 * region (puskesmas, kabupaten) and by name. With a single posyandu it is opened at once.
 */
export function PosyanduChooser({ user }: { user: Me }) {
  const t = useT();
  const lang = useLang();
  const ids = useId();
  const { query } = useRoute();
  const asked = query.get('wilayah');
  const region = asked && isWithinRegion(asked, user.regionCode) ? asked : user.regionCode;
  const [filter, setFilter] = useState('');
  const list = useApi(region, (code, signal) => registryApi.posyandu(code, signal));
  const items = list.data?.items ?? [];
  const only = region === user.regionCode && items.length === 1 ? items[0] : undefined;
  const choosing = query.get('pilih') !== null;

  useEffect(() => {
    // One posyandu in the whole scope: nothing to choose (unless the user came back to choose).
    if (only && !choosing) navigate(rosterHref(only.id), { replace: true });
  }, [only, choosing]);

  const key = nameKey(filter);
  const matching = key
    ? items.filter((p) => nameKey(p.name).includes(key) || nameKey(p.regionName).includes(key))
    : items;
  // A kabupaten has hundreds of posyandu: list a screenful, the name filter finds the rest.
  const shown = matching.slice(0, MAX_SHOWN);

  return (
    <>
      <p className="lead">{t('registry.choosePosyandu')}</p>
      {user.regionCode.length < DESA_CODE_LENGTH && (
        <RegionPicker
          value={region}
          within={user.regionCode}
          onChange={(code) => navigate(`${paths.input}?pilih=1&wilayah=${code}`)}
        />
      )}
      <ErrorMessage error={list.error} />
      {list.loading && !list.data && <Loading />}
      {list.data && items.length === 0 && <p>{t('registry.noPosyandu')}</p>}
      {items.length > 6 && (
        <div className="field">
          <label htmlFor={`${ids}-filter`}>{t('registry.filterPosyandu')}</label>
          <input
            id={`${ids}-filter`}
            type="search"
            autoComplete="off"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
          />
        </div>
      )}
      {matching.length > shown.length && (
        <p className="hint" role="status">
          {t('registry.posyanduMore', {
            shown: formatNumber(shown.length, lang),
            total: formatNumber(matching.length, lang),
          })}
        </p>
      )}
      {shown.length > 0 && (
        <ul className="pick-list" aria-label={t('registry.posyanduList')}>
          {shown.map((p) => (
            <li key={p.id}>
              <Link to={rosterHref(p.id)} className="pick-item">
                <span className="pick-title">{p.name}</span>
                <span className="pick-meta">
                  {p.regionName} ·{' '}
                  {t('registry.childrenCount', { count: formatNumber(p.children, lang) })}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
