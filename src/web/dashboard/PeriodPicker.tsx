import { useId } from 'react';
import { parsePeriod, periodLabel, type PeriodKind } from '../../core/indicators/period.ts';
import { useLang, useT, type MessageKey } from '../i18n/language.ts';
import type { DashboardMeta } from './api.ts';
import { periodChoices } from './period-choices.ts';

const kindKeys: Record<PeriodKind, MessageKey> = {
  month: 'dashboard.kindMonth',
  quarter: 'dashboard.kindQuarter',
  year: 'dashboard.kindYear',
  weighing_month: 'dashboard.kindWeighingMonth',
};
const kinds = Object.keys(kindKeys) as PeriodKind[];

export interface PeriodPickerProps {
  meta: DashboardMeta;
  /** The period shown (a code). */
  value: string;
  onChange: (code: string) => void;
}

/**
 * Kind of period (month, triwulan, year, bulan timbang) and which one. Changing the kind jumps
 * to its latest complete period; periods still being entered are marked as such.
 */
export function PeriodPicker({ meta, value, onChange }: PeriodPickerProps) {
  const t = useT();
  const lang = useLang();
  const ids = useId();
  const kind = parsePeriod(value)?.kind ?? 'month';
  const { firstMonth, lastMonth, latestComplete } = meta.periods;
  const choices = periodChoices(kind, firstMonth, lastMonth, latestComplete[kind]);
  // A shared link may name a period outside the data: keep it selectable.
  if (!choices.some((c) => c.code === value)) choices.unshift({ code: value, complete: true });
  const label = (code: string) => {
    const period = parsePeriod(code);
    return period ? periodLabel(period, lang) : code;
  };

  return (
    <fieldset className="dash-control period-picker">
      <legend>{t('dashboard.period')}</legend>
      <div
        className="segmented segmented-kinds"
        role="radiogroup"
        aria-label={t('dashboard.periodKind')}
      >
        {kinds.map((k) => (
          <label key={k} className="segment">
            <input
              type="radio"
              name={`${ids}-kind`}
              checked={k === kind}
              onChange={() => onChange(latestComplete[k])}
            />
            {t(kindKeys[k])}
          </label>
        ))}
      </div>
      <div className="field">
        <label htmlFor={`${ids}-period`} className="visually-hidden">
          {t('dashboard.periodWhich', { kind: t(kindKeys[kind]) })}
        </label>
        <select id={`${ids}-period`} value={value} onChange={(e) => onChange(e.target.value)}>
          {choices.map((c) => (
            <option key={c.code} value={c.code}>
              {label(c.code)}
              {c.complete ? '' : ` (${t('dashboard.periodRunning')})`}
            </option>
          ))}
        </select>
      </div>
    </fieldset>
  );
}
