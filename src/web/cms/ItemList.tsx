/**
 * `/cms?jenis=&status=&q=`: every content item, drafts included, newest change first, with its
 * kind, state, last change and who made it; filters live in the URL. "Buat baru" per kind.
 */
import { useId, useState } from 'react';
import { contentKinds, contentStatuses, type ContentKind } from '../../core/portal/model.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { Link } from '../components/Link.tsx';
import { Loading } from '../components/Loading.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { useApi } from '../hooks/use-api.ts';
import { useDebouncedValue } from '../hooks/use-debounced-value.ts';
import { formatDateTime, formatNumber } from '../i18n/format.ts';
import { useLang, useT } from '../i18n/language.ts';
import { cmsItemPath, cmsNewPath, itemPath, navigate, paths, useRoute } from '../router.ts';
import { cmsApi, type ContentStatus, type EditorListQuery } from './api.ts';
import { kindKeys, statusKeys } from './words.ts';

const isKind = (s: string | null): s is ContentKind =>
  (contentKinds as readonly (string | null)[]).includes(s);
const isStatus = (s: string | null): s is ContentStatus =>
  (contentStatuses as readonly (string | null)[]).includes(s);

export function ItemList() {
  const t = useT();
  const lang = useLang();
  const ids = useId();
  const { query } = useRoute();
  const kind = query.get('jenis');
  const status = query.get('status');
  const [search, setSearch] = useState(query.get('q') ?? '');
  const q = useDebouncedValue(search.trim(), 300);
  const request: EditorListQuery = {
    kind: isKind(kind) ? kind : undefined,
    status: isStatus(status) ? status : undefined,
    q: q || undefined,
  };
  const list = useApi(JSON.stringify(request), (_k, signal) => cmsApi.items(request, signal));

  function update(changes: Record<string, string>) {
    const next = new URLSearchParams(query);
    for (const [key, value] of Object.entries(changes)) {
      if (value === '') next.delete(key);
      else next.set(key, value);
    }
    const text = next.toString();
    navigate(text ? `${paths.cms}?${text}` : paths.cms, { replace: true });
  }

  const items = [...(list.data?.items ?? [])].sort((a, b) =>
    b.updatedAt.localeCompare(a.updatedAt),
  );

  return (
    <>
      <PageHeading>{t('cms.listTitle')}</PageHeading>
      <p className="lead">{t('cms.listIntro')}</p>

      <section className="cms-new" aria-labelledby={`${ids}-new`}>
        <h2 id={`${ids}-new`} className="cms-new-title">
          {t('cms.createNew')}
        </h2>
        <ul className="cms-new-list">
          {contentKinds.map((k) => (
            <li key={k}>
              <Link className="button button-small" to={cmsNewPath(k)}>
                <span className="plus" aria-hidden="true">
                  +
                </span>{' '}
                {t(kindKeys[k])}
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <form className="filters cms-filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor={`${ids}-q`}>{t('cms.search')}</label>
          <input
            id={`${ids}-q`}
            type="search"
            value={search}
            onChange={(e) => {
              setSearch(e.target.value);
              update({ q: e.target.value.trim() });
            }}
            placeholder={t('cms.searchPlaceholder')}
          />
        </div>
        <div className="field">
          <label htmlFor={`${ids}-kind`}>{t('cms.kind')}</label>
          <select
            id={`${ids}-kind`}
            value={isKind(kind) ? kind : ''}
            onChange={(e) => update({ jenis: e.target.value })}
          >
            <option value="">{t('cms.allKinds')}</option>
            {contentKinds.map((k) => (
              <option key={k} value={k}>
                {t(kindKeys[k])}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${ids}-status`}>{t('cms.status')}</label>
          <select
            id={`${ids}-status`}
            value={isStatus(status) ? status : ''}
            onChange={(e) => update({ status: e.target.value })}
          >
            <option value="">{t('cms.allStatuses')}</option>
            {contentStatuses.map((s) => (
              <option key={s} value={s}>
                {t(statusKeys[s])}
              </option>
            ))}
          </select>
        </div>
      </form>

      <ErrorMessage error={list.error} />
      {list.loading && !list.data && <Loading />}
      {list.data && (
        <>
          <p className="cms-count" aria-live="polite">
            {t('cms.count', { count: formatNumber(items.length, lang) })}
          </p>
          {items.length === 0 ? (
            <p>{t('cms.empty')}</p>
          ) : (
            <div className="table-wrap">
              <table className="cms-table">
                <caption className="visually-hidden">{t('cms.listTitle')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('cms.fieldTitle')}</th>
                    <th scope="col">{t('cms.kind')}</th>
                    <th scope="col">{t('cms.status')}</th>
                    <th scope="col">{t('cms.lastChangeColumn')}</th>
                    <th scope="col">{t('cms.byWhom')}</th>
                    <th scope="col">{t('cms.publicPage')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((item) => (
                    <tr key={item.id}>
                      <td>
                        <Link to={cmsItemPath(item.id)} className="cms-title-link">
                          {item.title}
                        </Link>
                        <span className="cell-sub">/{item.slug}</span>
                      </td>
                      <td>{t(kindKeys[item.kind])}</td>
                      <td>
                        <span className={`badge cms-status cms-status-${item.status}`}>
                          {t(statusKeys[item.status])}
                        </span>
                      </td>
                      <td className="nowrap">{formatDateTime(item.updatedAt, lang)}</td>
                      <td>{item.updatedBy ?? t('common.none')}</td>
                      <td>
                        {item.status === 'published' ? (
                          <a
                            href={itemPath(item.kind, item.slug)}
                            target="_blank"
                            rel="noopener"
                            aria-label={t('cms.viewPublicOf', { title: item.title })}
                          >
                            {t('cms.viewPublic')}
                          </a>
                        ) : (
                          <span className="hint">{t('common.none')}</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </>
  );
}
