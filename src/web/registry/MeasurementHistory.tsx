import { Fragment } from 'react';
import { DAYS_PER_MONTH } from '../../core/growth/age.ts';
import { formatNumber, formatShortDate } from '../i18n/format.ts';
import { useLang, useT } from '../i18n/language.ts';
import type { MeasurementView } from './api.ts';
import { CategoryChip, GainChip } from './StatusView.tsx';

/**
 * Rows in reading order: newest visit first; within a visit the corrected versions first (struck
 * through, "dikoreksi"), then the version in force below them.
 */
export function historyRows(
  measurements: readonly MeasurementView[],
): { measurement: MeasurementView; superseded: boolean }[] {
  const byId = new Map(measurements.map((m) => [m.id, m]));
  const current = measurements
    .filter((m) => m.supersededAt === null)
    .sort((a, b) => (a.measuredOn < b.measuredOn ? 1 : a.measuredOn > b.measuredOn ? -1 : 0));
  const placed = new Set<string>();
  const rows: { measurement: MeasurementView; superseded: boolean }[] = [];
  for (const m of current) {
    const chain: MeasurementView[] = [];
    let previous = m.supersedes ? byId.get(m.supersedes) : undefined;
    while (previous && !placed.has(previous.id)) {
      chain.unshift(previous);
      placed.add(previous.id);
      previous = previous.supersedes ? byId.get(previous.supersedes) : undefined;
    }
    for (const old of chain) rows.push({ measurement: old, superseded: true });
    rows.push({ measurement: m, superseded: false });
    placed.add(m.id);
  }
  // Anything left (a correction chain whose newest row is missing) still shows, as superseded.
  for (const m of measurements) {
    if (!placed.has(m.id)) rows.push({ measurement: m, superseded: m.supersededAt !== null });
  }
  return rows;
}

/**
 * Every measurement of a child: date, age, weight, length/height, the three indices with
 * z-score and category, and N/T. A correction never erases: the old row stays, struck through.
 */
export function MeasurementHistory({
  measurements,
  onCorrect,
}: {
  /** `queued`: kept on the phone, not yet sent (marked; corrected only once it is sent). */
  measurements: readonly (MeasurementView & { queued?: boolean })[];
  onCorrect?: ((m: MeasurementView) => void) | undefined;
}) {
  const t = useT();
  const lang = useLang();
  if (measurements.length === 0) return <p>{t('childPage.noMeasurements')}</p>;
  const rows = historyRows(measurements);
  const queuedIds = new Set(measurements.filter((m) => m.queued).map((m) => m.id));
  const num = (v: number | null, digits = 1) =>
    v === null ? t('common.none') : formatNumber(v, lang, digits);

  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="history-title">
      <table className="history-table">
        <thead>
          <tr>
            <th scope="col">{t('history.date')}</th>
            <th scope="col">{t('history.age')}</th>
            <th scope="col">{t('history.weight')}</th>
            <th scope="col">{t('history.height')}</th>
            <th scope="col">{t('history.heightForAge')}</th>
            <th scope="col">{t('history.weightForAge')}</th>
            <th scope="col">{t('history.weightForHeight')}</th>
            <th scope="col">{t('history.gain')}</th>
            {onCorrect && (
              <th scope="col">
                <span className="visually-hidden">{t('history.actions')}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ measurement: m, superseded }) => (
            <Fragment key={m.id}>
              <tr className={superseded ? 'row-superseded' : undefined}>
                <th scope="row" className="nowrap">
                  <span className="cell-value">{formatShortDate(m.measuredOn, lang)}</span>
                  {superseded && (
                    <span className="badge badge-muted badge-corrected">
                      {t('history.corrected')}
                    </span>
                  )}
                  {queuedIds.has(m.id) && (
                    <span className="badge badge-queued">{t('offline.queuedMark')}</span>
                  )}
                </th>
                <td className="nowrap">
                  {t('registry.ageMonths', {
                    months: formatNumber(Math.floor(m.ageDays / DAYS_PER_MONTH), lang),
                  })}
                </td>
                <td className="num">
                  <span className="cell-value">{num(m.weightKg, 2)}</span>
                </td>
                <td className="num">
                  <span className="cell-value">{num(m.heightCm)}</span>
                  {m.measure && (
                    <span className="cell-sub">
                      {m.measure === 'l' ? t('history.lying') : t('history.standing')}
                    </span>
                  )}
                </td>
                <td>
                  <CategoryChip index="heightForAge" value={m.status.heightForAge} withZ />
                </td>
                <td>
                  <CategoryChip index="weightForAge" value={m.status.weightForAge} withZ />
                </td>
                <td>
                  <CategoryChip index="weightForHeight" value={m.status.weightForHeight} withZ />
                </td>
                <td>
                  <GainChip gain={m.status.weightGain} twoT={m.status.twoT} short />
                </td>
                {onCorrect && (
                  <td>
                    {!superseded && !queuedIds.has(m.id) && (
                      <button
                        type="button"
                        className="button button-small"
                        onClick={() => onCorrect(m)}
                        aria-label={t('history.correctLabel', {
                          date: formatShortDate(m.measuredOn, lang),
                        })}
                      >
                        {t('history.correct')}
                      </button>
                    )}
                  </td>
                )}
              </tr>
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}
