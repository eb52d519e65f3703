import { useLang, useT } from '../i18n/language.ts';
import type { Figure } from './api.ts';
import { formatFigure, formatFraction, formatInterval } from './figures.ts';

export interface FigureTableProps {
  /** Heading of the first column ("Periode", "Kelompok"). */
  heading: string;
  rows: readonly { key: string; label: string; figure: Figure }[];
}

/**
 * The figures behind a chart as a table, folded under it: the chart's text alternative, and
 * where a reader copies a number from. Value, 95 % interval and "k dari n anak" per row.
 */
export function FigureTable({ heading, rows }: FigureTableProps) {
  const t = useT();
  const lang = useLang();
  return (
    <details className="data-table">
      <summary>{t('dashboard.showTable')}</summary>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{heading}</th>
              <th scope="col" className="num">
                {t('dashboard.colValue')}
              </th>
              <th scope="col" className="num">
                {t('dashboard.colInterval')}
              </th>
              <th scope="col">{t('dashboard.colFraction')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                <td className="num">{formatFigure(row.figure, lang, t)}</td>
                <td className="num">{formatInterval(row.figure, lang) ?? '—'}</td>
                <td>{formatFraction(row.figure, lang, t) ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
