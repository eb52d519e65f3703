import { useState } from 'react';
import { Link } from '../components/Link.tsx';
import { formatNumber } from '../i18n/format.ts';
import { useLang, useT, type MessageKey } from '../i18n/language.ts';
import type { AreaRow, AreasSort, Direction } from './api.ts';
import { figureState, formatCount, formatFigure, formatInterval } from './figures.ts';

export interface AreasTableProps {
  rows: readonly AreaRow[];
  direction: Direction;
  /** Whether counts hidden by the public rule mean "< 5" (public) or are unknown. */
  hiddenMeansSmall: boolean;
  /** Where an area's name leads (its dashboard); null: plain text (posyandu). */
  hrefOf: ((code: string) => string) | null;
  caption: string;
  /** Sorting, kept by the parent so the download asks the server for the same order. */
  sort: AreasSort;
  onSortChange: (sort: AreasSort) => void;
}

/** How many rows show before "show all" (a province has 3,442 desa; a cheap phone is slow). */
const pageSize = 50;
const collator = new Intl.Collator('id');

const columns: { sort: AreasSort | null; key: MessageKey; numeric?: boolean }[] = [
  { sort: 'name', key: 'dashboard.colArea' },
  { sort: 'value', key: 'dashboard.colValue', numeric: true },
  { sort: null, key: 'dashboard.colInterval', numeric: true },
  { sort: 'count', key: 'dashboard.colCount', numeric: true },
  { sort: null, key: 'dashboard.colDenominator', numeric: true },
];

/**
 * The sortable table of areas: the figure, its interval, the children with the condition and
 * the children counted, worst first by default. Suppressed figures sort after shown ones and
 * read "data terlalu sedikit", never 0.
 */
export function AreasTable({
  rows,
  direction,
  hiddenMeansSmall,
  hrefOf,
  caption,
  sort,
  onSortChange,
}: AreasTableProps) {
  const t = useT();
  const lang = useLang();
  const [showAll, setShowAll] = useState(false);
  const worstFirst = direction === 'lower_is_better' ? -1 : 1;

  const sorted = [...rows].sort((a, b) => {
    if (sort === 'name') return collator.compare(a.name, b.name);
    const x = sort === 'value' ? a.figure.value : a.count;
    const y = sort === 'value' ? b.figure.value : b.count;
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1;
      return collator.compare(a.name, b.name);
    }
    // Counts: most children first; values: worst first.
    const order = sort === 'count' ? -1 : worstFirst;
    return x === y ? collator.compare(a.name, b.name) : (x - y) * order;
  });
  const visible = showAll ? sorted : sorted.slice(0, pageSize);

  return (
    <>
      <div className="table-wrap" tabIndex={0} role="region" aria-label={caption}>
        <table className="areas-table">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('dashboard.colRank')}
              </th>
              {columns.map((column) => (
                <th
                  key={column.key}
                  scope="col"
                  className={column.numeric ? 'num' : undefined}
                  aria-sort={
                    column.sort && column.sort === sort
                      ? column.sort === 'name'
                        ? 'ascending'
                        : 'descending'
                      : undefined
                  }
                >
                  {column.sort ? (
                    <button
                      type="button"
                      className="sort-button"
                      onClick={() => onSortChange(column.sort!)}
                    >
                      {t(column.key)}
                      <span aria-hidden="true" className="sort-mark">
                        {column.sort === sort ? '▼' : '↕'}
                      </span>
                    </button>
                  ) : (
                    t(column.key)
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {visible.map((row) => {
              const state = figureState(row.figure);
              return (
                <tr key={row.code}>
                  <td className="num muted">{row.rank ?? ''}</td>
                  <th scope="row" className="areas-name">
                    {hrefOf ? <Link to={hrefOf(row.code)}>{row.name}</Link> : row.name}
                  </th>
                  <td className={state === 'value' ? 'num strong' : 'num muted'}>
                    {formatFigure(row.figure, lang, t)}
                  </td>
                  <td className="num">{formatInterval(row.figure, lang) ?? '—'}</td>
                  <td className="num">
                    {formatCount(row.count, lang, hiddenMeansSmall && row.figure.suppressed)}
                  </td>
                  <td className="num">
                    {formatCount(
                      row.figure.denominator,
                      lang,
                      hiddenMeansSmall && row.figure.suppressed,
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {sorted.length > pageSize && (
        <button type="button" className="button" onClick={() => setShowAll(!showAll)}>
          {showAll
            ? t('dashboard.showFewer', { count: formatNumber(pageSize, lang) })
            : t('dashboard.showAll', { count: formatNumber(sorted.length, lang) })}
        </button>
      )}
    </>
  );
}
