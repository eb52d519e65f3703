import { useId, useState } from 'react';
import { ApiError } from '../api-client.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { Loading } from '../components/Loading.tsx';
import { useApi } from '../hooks/use-api.ts';
import { useDebouncedValue } from '../hooks/use-debounced-value.ts';
import { formatDate, formatNumber } from '../i18n/format.ts';
import { useLang, useT } from '../i18n/language.ts';
import { useSession } from '../session.ts';
import { registryApi, type ChildDetail, type ChildView } from './api.ts';
import { submitMerge } from './submit.ts';

/**
 * Where to look: the kecamatan of the posyandu's desa, so that a child who moved to the next
 * village is still found. A user whose scope is narrower (a desa, a kader's posyandu) searches
 * the whole scope: the server already limits it, and refuses a region wider than the scope.
 */
function searchArea(desaCode: string, scope: string | undefined): string | undefined {
  const kecamatan = desaCode.slice(0, 6);
  return scope !== undefined && kecamatan.startsWith(scope) ? kecamatan : undefined;
}

/**
 * Folds a duplicate record into this one: find the other record, compare both side by side, say
 * plainly what happens, and merge only after a confirmation. `onMerged` reloads the page.
 */
export function MergeDuplicate({
  keep,
  onCancel,
  onMerged,
}: {
  keep: ChildDetail;
  onCancel: () => void;
  onMerged: (other: ChildView) => void;
}) {
  const t = useT();
  const lang = useLang();
  const ids = useId();
  const [query, setQuery] = useState(keep.child.name);
  const [otherId, setOtherId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const q = useDebouncedValue(query.trim(), 300);
  const { user } = useSession();
  const area = searchArea(keep.posyandu.regionCode, user?.regionCode);
  const results = useApi(q.length >= 2 ? `${area ?? ''}|${q}` : null, (_key, signal) =>
    registryApi.searchChildren({ q, region: area }, signal),
  );
  const other = useApi(otherId, (childId, signal) => registryApi.child(childId, signal));
  const candidates = (results.data?.items ?? []).filter(
    (c) => c.id !== keep.child.id && c.mergedInto === null,
  );

  async function merge(duplicate: ChildView) {
    setBusy(true);
    setError(null);
    const outcome = await submitMerge(keep.child.id, duplicate.id);
    setBusy(false);
    if (outcome.kind === 'saved' || outcome.kind === 'queued') onMerged(duplicate);
    else
      setError(
        outcome.kind === 'error' ? outcome.error : new ApiError(400, outcome.kind, outcome.message),
      );
  }

  if (otherId) {
    const data = other.data;
    const rows: [string, (d: ChildDetail) => string][] = [
      [t('child.name'), (d) => d.child.name],
      [t('child.birthDate'), (d) => formatDate(d.child.birthDate, lang)],
      [t('child.motherName'), (d) => d.child.motherName ?? t('common.none')],
      [t('registry.posyandu'), (d) => `${d.posyandu.name} · ${d.posyandu.regionName}`],
      [
        t('merge.measurements'),
        (d) => formatNumber(d.measurements.filter((m) => m.supersededAt === null).length, lang),
      ],
    ];
    return (
      <>
        {other.loading && <Loading />}
        <ErrorMessage error={other.error} />
        {data && (
          <>
            <div className="table-wrap">
              <table className="merge-compare">
                <caption className="visually-hidden">{t('merge.compareCaption')}</caption>
                <thead>
                  <tr>
                    <td />
                    <th scope="col">{t('merge.keptColumn')}</th>
                    <th scope="col">{t('merge.otherColumn')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map(([label, pick]) => (
                    <tr key={label}>
                      <th scope="row">{label}</th>
                      <td>{pick(keep)}</td>
                      <td>{pick(data)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <section className="confirm-box" aria-labelledby={`${ids}-confirm`}>
              <h3 id={`${ids}-confirm`} className="confirm-title">
                {t('merge.confirmTitle')}
              </h3>
              <p>{t('merge.explain')}</p>
              <ErrorMessage error={error} />
              <p className="button-row">
                <button
                  type="button"
                  className="button button-primary button-big"
                  disabled={busy}
                  onClick={() => void merge(data.child)}
                >
                  {busy ? t('common.saving') : t('merge.confirm')}
                </button>
                <button
                  type="button"
                  className="button button-big"
                  disabled={busy}
                  onClick={() => setOtherId(null)}
                >
                  {t('merge.back')}
                </button>
              </p>
            </section>
          </>
        )}
      </>
    );
  }

  return (
    <>
      <p>{t('merge.intro')}</p>
      <div className="field field-search">
        <label htmlFor={`${ids}-q`}>{t('merge.search')}</label>
        <input
          id={`${ids}-q`}
          type="search"
          value={query}
          autoComplete="off"
          onChange={(e) => setQuery(e.target.value)}
        />
      </div>
      {results.loading && <Loading />}
      <ErrorMessage error={results.error} />
      {results.data && candidates.length === 0 && <p className="hint">{t('merge.noResults')}</p>}
      {candidates.length > 0 && (
        <ul className="pick-list" aria-label={t('merge.results')}>
          {candidates.map((c) => (
            <li key={c.id}>
              <button type="button" className="pick-item" onClick={() => setOtherId(c.id)}>
                <span className="pick-title">{c.name}</span>
                <span className="pick-meta">
                  {t('child.bornOn', { date: formatDate(c.birthDate, lang) })}
                  {c.motherName && <> · {t('registry.motherShort', { name: c.motherName })}</>}
                </span>
                <span className="pick-action">{t('merge.choose')}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <p className="button-row">
        <button type="button" className="button button-big" onClick={onCancel}>
          {t('common.close')}
        </button>
      </p>
    </>
  );
}
