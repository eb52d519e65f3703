import { useId, useState } from 'react';
import { useT } from '../../i18n/language.ts';
import type { Direction } from './classes.ts';

/** One area of a ranking: its figure as a number (bar length) and as text (what is read). */
export interface RankedBar {
  code: string;
  name: string;
  value: number | null;
  /** The formatted figure, or the words for no data / too few children. */
  label: string;
  color: string;
  /** A short tag after the name, e.g. "tanpa peta". */
  tag?: string | undefined;
}

export interface RankedBarsProps {
  /** What is ranked, e.g. "Prevalensi stunting per kecamatan" (the table's caption). */
  caption: string;
  bars: readonly RankedBar[];
  direction: Direction;
  /** Opens an area (drill-down); without it the names are plain text. */
  onSelect?: ((code: string) => void) | undefined;
  /** The pointer or the focus is on an area (null: left), so a map can emphasise it. */
  onHover?: ((code: string | null) => void) | undefined;
  /** Scrolls past this height (px); default no limit. */
  maxHeight?: number | undefined;
}

const collator = new Intl.Collator('id');

/**
 * A ranked bar chart drawn as an HTML table: worst first, one row per area with its name, a bar
 * and the figure in words. It is the choropleth's accessible alternative (every number readable
 * without the map, every area reachable by Tab and Enter) and the fallback where no boundaries
 * exist. Areas without a figure go last, with the reason instead of a bar.
 */
export function RankedBars({
  caption,
  bars,
  direction,
  onSelect,
  onHover,
  maxHeight,
}: RankedBarsProps) {
  const t = useT();
  const ids = useId();
  const [order, setOrder] = useState<'value' | 'name'>('value');
  const worstFirst = direction === 'lower_is_better' ? -1 : 1;
  const sorted = [...bars].sort((a, b) => {
    if (order === 'value') {
      if (a.value === null || b.value === null) {
        if (a.value !== b.value) return a.value === null ? 1 : -1;
      } else if (a.value !== b.value) return (a.value - b.value) * worstFirst;
    }
    return collator.compare(a.name, b.name);
  });
  const largest = Math.max(0, ...bars.map((b) => b.value ?? 0));

  return (
    <div className="ranked-bars">
      <div className="ranked-bars-tools" role="group" aria-label={t('dashboard.rankingSort')}>
        <span className="ranked-bars-sort-label" aria-hidden="true">
          {t('dashboard.rankingSort')}:
        </span>
        <div className="segmented segmented-small">
          <button type="button" aria-pressed={order === 'value'} onClick={() => setOrder('value')}>
            {t('dashboard.rankingSortValue')}
          </button>
          <button type="button" aria-pressed={order === 'name'} onClick={() => setOrder('name')}>
            {t('dashboard.rankingSortName')}
          </button>
        </div>
      </div>
      <div
        className="ranked-bars-scroll"
        tabIndex={0}
        role="region"
        aria-labelledby={`${ids}-caption`}
        style={maxHeight ? { maxHeight } : undefined}
        onMouseLeave={() => onHover?.(null)}
      >
        <table className="ranked-bars-table">
          <caption id={`${ids}-caption`} className="visually-hidden">
            {caption}
          </caption>
          <thead className="visually-hidden">
            <tr>
              <th scope="col">{t('dashboard.colRank')}</th>
              <th scope="col">{t('dashboard.colArea')}</th>
              <th scope="col">{t('dashboard.colValue')}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((bar, index) => (
              <tr
                key={bar.code}
                onMouseEnter={() => onHover?.(bar.code)}
                onFocus={() => onHover?.(bar.code)}
                onBlur={() => onHover?.(null)}
              >
                <td className="ranked-bars-rank">
                  {order === 'value' && bar.value !== null ? index + 1 : ''}
                </td>
                <th scope="row" className="ranked-bars-name">
                  {onSelect ? (
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => onSelect(bar.code)}
                    >
                      {bar.name}
                    </button>
                  ) : (
                    bar.name
                  )}
                  {bar.tag && <span className="ranked-bars-tag"> {bar.tag}</span>}
                </th>
                <td>
                  <div className="ranked-bars-value">
                    <span className="ranked-bars-track" aria-hidden="true">
                      {bar.value !== null && largest > 0 && (
                        <span
                          className="ranked-bars-bar"
                          style={{
                            width: `${Math.max(1.5, (bar.value / largest) * 100)}%`,
                            background: bar.color,
                          }}
                        />
                      )}
                    </span>
                    <span
                      className={
                        bar.value === null ? 'ranked-bars-label muted' : 'ranked-bars-label'
                      }
                    >
                      {bar.label}
                    </span>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
