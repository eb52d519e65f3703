import { useId } from 'react';
import { isRegionCode, isWithinRegion } from '../../core/regions/region-code.ts';
import type { Me } from '../api-client.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { Link } from '../components/Link.tsx';
import { Loading } from '../components/Loading.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { RegionPicker } from '../components/RegionPicker.tsx';
import { useApi } from '../hooks/use-api.ts';
import { formatDate, formatNumber, formatShortDate } from '../i18n/format.ts';
import { useLang, useT, type MessageKey } from '../i18n/language.ts';
import {
  FOLLOW_UP_SCREEN_LIMIT,
  registryApi,
  type FollowUpCategory,
  type FollowUpQuery,
  type FollowUpRow,
} from '../registry/api.ts';
import { CategoryChip, GainChip } from '../registry/StatusView.tsx';
import { monthsBefore, todayIso } from '../registry/values.ts';
import { childPath, navigate, paths, useRoute } from '../router.ts';
import { useSession } from '../session.ts';

const categories: readonly FollowUpCategory[] = [
  'stunted',
  'wasted',
  'underweight',
  'two_t',
  'implausible',
];

const categoryKeys: Record<FollowUpCategory, MessageKey> = {
  stunted: 'followUp.catStunted',
  wasted: 'followUp.catWasted',
  underweight: 'followUp.catUnderweight',
  two_t: 'followUp.catTwoT',
  implausible: 'followUp.catImplausible',
};

const isCategory = (c: string): c is FollowUpCategory =>
  (categories as readonly string[]).includes(c);
const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const collator = new Intl.Collator('id');

/**
 * Children to visit or refer, for puskesmas, desa and district staff: by region or posyandu, by
 * problem, in a period (default: the last three months), grouped by posyandu, each row opening
 * the child's page. The same list downloads as CSV or Excel for the home-visit round.
 * The filters live in the URL, so a list can be bookmarked or sent to a colleague.
 */
export default function FollowUpPage() {
  const { user } = useSession();
  return user ? <FollowUpLists user={user} /> : null;
}

function FollowUpLists({ user }: { user: Me }) {
  const t = useT();
  const lang = useLang();
  const ids = useId();
  const { query } = useRoute();

  const askedRegion = query.get('wilayah') ?? '';
  const region =
    isRegionCode(askedRegion) && isWithinRegion(askedRegion, user.regionCode)
      ? askedRegion
      : user.regionCode;
  const posyanduId = query.get('posyandu') ?? '';
  const askedCategories = (query.get('kategori') ?? '').split(',').filter(isCategory);
  const chosen = askedCategories.length > 0 ? askedCategories : categories;
  const to = isoDate.test(query.get('sampai') ?? '') ? query.get('sampai')! : todayIso();
  const from = isoDate.test(query.get('dari') ?? '') ? query.get('dari')! : monthsBefore(to, 3);

  const request: FollowUpQuery = {
    region,
    posyanduId: posyanduId || undefined,
    categories: chosen,
    from,
    to,
  };

  function update(changes: Record<string, string | null>) {
    const next = new URLSearchParams(query);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === '') next.delete(key);
      else next.set(key, value);
    }
    const text = next.toString();
    navigate(text ? `${paths.followUp}?${text}` : paths.followUp, { replace: true });
  }

  function toggle(category: FollowUpCategory, on: boolean) {
    const next = on ? [...chosen, category] : chosen.filter((c) => c !== category);
    // At least one category: unticking the last one is not possible.
    if (next.length === 0) return;
    const ordered = categories.filter((c) => next.includes(c));
    update({ kategori: ordered.length === categories.length ? null : ordered.join(',') });
  }

  const posyandu = useApi(region, (code, signal) => registryApi.posyandu(code, signal));
  const list = useApi(JSON.stringify(request), (_key, signal) =>
    registryApi.followUp(request, signal),
  );
  const items = list.data?.items ?? [];
  const groups = groupByPosyandu(items);
  const isKader = user.role === 'kader';

  return (
    <>
      <PageHeading>{t('followUp.title')}</PageHeading>
      <p>{t('followUp.intro')}</p>

      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        {!isKader && (
          <RegionPicker
            value={region}
            within={user.regionCode}
            onChange={(code) => update({ wilayah: code, posyandu: null })}
          />
        )}
        {!isKader && (posyandu.data?.items.length ?? 0) > 0 && (
          <div className="field">
            <label htmlFor={`${ids}-posyandu`}>{t('followUp.posyandu')}</label>
            <select
              id={`${ids}-posyandu`}
              value={posyanduId}
              onChange={(e) => update({ posyandu: e.target.value })}
            >
              <option value="">{t('followUp.allPosyandu')}</option>
              {[...posyandu.data!.items]
                .sort((a, b) => collator.compare(a.name, b.name))
                .map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name} · {p.regionName}
                  </option>
                ))}
            </select>
          </div>
        )}

        <fieldset className="field checks">
          <legend>{t('followUp.categories')}</legend>
          {categories.map((c) => (
            <div key={c} className="field-check">
              <input
                id={`${ids}-${c}`}
                type="checkbox"
                checked={chosen.includes(c)}
                onChange={(e) => toggle(c, e.target.checked)}
              />
              <label htmlFor={`${ids}-${c}`}>{t(categoryKeys[c])}</label>
            </div>
          ))}
        </fieldset>

        <div className="field-pair">
          <div className="field">
            <label htmlFor={`${ids}-from`}>{t('followUp.from')}</label>
            <input
              id={`${ids}-from`}
              type="date"
              className="input-date"
              value={from}
              max={to}
              onChange={(e) => update({ dari: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={`${ids}-to`}>{t('followUp.to')}</label>
            <input
              id={`${ids}-to`}
              type="date"
              className="input-date"
              value={to}
              min={from}
              onChange={(e) => update({ sampai: e.target.value })}
            />
          </div>
        </div>
      </form>

      <div className="section-head">
        <h2 id="followup-results">
          {list.data
            ? t(
                items.length >= FOLLOW_UP_SCREEN_LIMIT ? 'followUp.countAtLeast' : 'followUp.count',
                {
                  count: formatNumber(items.length, lang),
                },
              )
            : t('followUp.results')}
        </h2>
        <div className="button-row">
          <a className="button" href={registryApi.followUpFileUrl(request, 'csv')} download>
            {t('followUp.downloadCsv')}
          </a>
          <a className="button" href={registryApi.followUpFileUrl(request, 'xlsx')} download>
            {t('followUp.downloadXlsx')}
          </a>
        </div>
      </div>
      <p className="hint">
        {t('followUp.period', { from: formatDate(from, lang), to: formatDate(to, lang) })}
      </p>
      <ErrorMessage error={list.error} />
      {list.loading && !list.data && <Loading />}
      {list.data && items.length === 0 && <p>{t('followUp.empty')}</p>}
      {items.length >= FOLLOW_UP_SCREEN_LIMIT && (
        <p className="notice notice-warning" role="status">
          {t('followUp.truncated', { count: formatNumber(FOLLOW_UP_SCREEN_LIMIT, lang) })}
        </p>
      )}

      {groups.map((group) => (
        <section
          key={group.key}
          className="followup-group"
          aria-label={`${group.posyanduName} · ${group.regionName}`}
        >
          <h3>
            {group.posyanduName}{' '}
            <span className="heading-note">
              · {group.regionName} · {t('followUp.groupCount', { count: group.rows.length })}
            </span>
          </h3>
          <div className="table-wrap" tabIndex={0} role="region" aria-label={group.posyanduName}>
            <table className="followup-table">
              <thead>
                <tr>
                  <th scope="col">{t('followUp.colChild')}</th>
                  <th scope="col">{t('followUp.colMeasured')}</th>
                  <th scope="col">{t('history.heightForAge')}</th>
                  <th scope="col">{t('history.weightForHeight')}</th>
                  <th scope="col">{t('history.weightForAge')}</th>
                  <th scope="col">{t('history.gain')}</th>
                </tr>
              </thead>
              <tbody>
                {group.rows.map((row) => (
                  <FollowUpTableRow key={row.childId} row={row} />
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </>
  );
}

interface FollowUpGroup {
  key: string;
  posyanduName: string;
  regionName: string;
  rows: FollowUpRow[];
}

/**
 * Rows grouped by posyandu. Rows carry the posyandu's name and desa but no id, and names repeat
 * across villages ("Posyandu Mawar"), so a group is a name within a desa.
 */
function groupByPosyandu(items: readonly FollowUpRow[]): FollowUpGroup[] {
  const groups = new Map<string, FollowUpGroup>();
  for (const item of items) {
    const key = `${item.posyanduName}\u0000${item.regionName}`;
    const group = groups.get(key);
    if (group) group.rows.push(item);
    else
      groups.set(key, {
        key,
        posyanduName: item.posyanduName,
        regionName: item.regionName,
        rows: [item],
      });
  }
  return [...groups.values()]
    .sort(
      (a, b) =>
        collator.compare(a.regionName, b.regionName) ||
        collator.compare(a.posyanduName, b.posyanduName),
    )
    .map((g) => ({ ...g, rows: g.rows.sort((a, b) => collator.compare(a.name, b.name)) }));
}

function FollowUpTableRow({ row }: { row: FollowUpRow }) {
  const t = useT();
  const lang = useLang();
  return (
    <tr>
      <th scope="row">
        <Link to={childPath(row.childId)} className="row-link">
          {row.name}
        </Link>
        <span className="cell-sub">
          {row.sex === 1 ? t('registry.sexBoyShort') : t('registry.sexGirlShort')} ·{' '}
          {t('registry.ageMonths', { months: formatNumber(row.ageMonths, lang) })}
          {row.motherName && <> · {t('registry.motherShort', { name: row.motherName })}</>}
        </span>
      </th>
      <td className="nowrap">{formatShortDate(row.measuredOn, lang)}</td>
      <td>
        <CategoryChip
          index="heightForAge"
          value={{ z: row.zlen, category: row.heightForAge, implausible: false }}
          withZ
        />
      </td>
      <td>
        <CategoryChip
          index="weightForHeight"
          value={{ z: row.zwfl, category: row.weightForHeight, implausible: false }}
          withZ
        />
      </td>
      <td>
        <CategoryChip
          index="weightForAge"
          value={{ z: row.zwei, category: row.weightForAge, implausible: false }}
          withZ
        />
      </td>
      <td>
        <GainChip gain={row.weightGain} twoT={row.twoT} short />
        {row.implausible && <span className="cell-sub">{t('followUp.catImplausible')}</span>}
      </td>
    </tr>
  );
}
