import { useId, useState, type FormEvent } from 'react';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { FieldError } from '../components/FieldError.tsx';
import { formatNumber } from '../i18n/format.ts';
import { useLang, useT } from '../i18n/language.ts';
import { showToast } from '../toast.ts';
import { dashboardApi, type IndicatorMeta, type Series } from './api.ts';
import { formatProportion } from './figures.ts';
import { parsePercentInput } from './target-input.ts';

export interface TargetFormProps {
  region: string;
  regionName: string;
  indicator: IndicatorMeta;
  series: Series;
  /** Asks for the series again after a save, so the chart shows the new target at once. */
  onSaved: () => void;
}

/**
 * Sets the region's own target for a year (indicator store, source `target`), for staff whose
 * role may write aggregates in this region; the server checks the scope again and audits it.
 * The region's current targets are listed, and a later save for the same year replaces one.
 */
export function TargetForm({ region, regionName, indicator, series, onSaved }: TargetFormProps) {
  const t = useT();
  const lang = useLang();
  const ids = useId();
  const thisYear = new Date().getFullYear();
  const own = series.targets.filter((x) => x.regionCode === region);
  const [year, setYear] = useState(String(thisYear));
  const [value, setValue] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [error, setError] = useState<unknown>(undefined);
  const [saving, setSaving] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const proportion = parsePercentInput(value);
    if (proportion === null) {
      setFieldError(t('dashboard.targetInvalid'));
      return;
    }
    setFieldError(undefined);
    setError(undefined);
    setSaving(true);
    try {
      await dashboardApi.saveIndicatorValues([
        {
          indicator: indicator.id,
          regionCode: region,
          period: year,
          source: 'target',
          value: proportion,
        },
      ]);
      showToast(
        t('dashboard.targetSaved', {
          year,
          value: formatProportion(proportion, lang),
          name: regionName,
        }),
      );
      setValue('');
      onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  }

  const years = Array.from({ length: 9 }, (_, i) => thisYear - 3 + i);
  return (
    <details className="target-form">
      <summary>{t('dashboard.targetTitle', { name: regionName })}</summary>
      <p className="hint">
        {own.length > 0
          ? t('dashboard.targetOwn', {
              targets: own.map((x) => `${x.year}: ${formatProportion(x.value, lang)}`).join(', '),
            })
          : t('dashboard.targetNoneOwn')}
      </p>
      <form className="form target-form-fields" onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <label htmlFor={`${ids}-year`}>{t('dashboard.targetYear')}</label>
          <select id={`${ids}-year`} value={year} onChange={(e) => setYear(e.target.value)}>
            {years.map((y) => (
              <option key={y} value={String(y)}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${ids}-value`}>
            {t('dashboard.targetValue', { indicator: indicator.label[lang] })}
          </label>
          <div className="unit-input">
            <input
              id={`${ids}-value`}
              type="text"
              inputMode="decimal"
              autoComplete="off"
              placeholder={formatNumber(14, lang)}
              value={value}
              aria-invalid={fieldError ? true : undefined}
              aria-describedby={`${ids}-value-error`}
              onChange={(e) => setValue(e.target.value)}
            />
            <span className="unit">%</span>
          </div>
          <FieldError id={`${ids}-value-error`} text={fieldError} />
        </div>
        <ErrorMessage error={error} />
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? t('common.saving') : t('dashboard.targetSave')}
        </button>
      </form>
    </details>
  );
}
