import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ageDaysBetween, HEIGHT_FROM_AGE_DAYS } from '../../core/growth/index.ts';
import {
  measurementLimits,
  measurementProblems,
  type FieldProblem,
} from '../../core/registry/rules.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { FieldError } from '../components/FieldError.tsx';
import { Link } from '../components/Link.tsx';
import { StatusIcon } from '../components/StatusIcon.tsx';
import { formatNumber } from '../i18n/format.ts';
import { useLang, useT, type Lang, type Translate } from '../i18n/language.ts';
import { childPath } from '../router.ts';
import type { ChildView, MeasurementView, RecordMeasurementResponse } from './api.ts';
import { useDebouncedValue } from '../hooks/use-debounced-value.ts';
import { liveStatus } from './live-status.ts';
import { statusSummaryText } from './status.ts';
import { StatusPanel } from './StatusView.tsx';
import { moveFocusOnEnter } from './form-keys.ts';
import { newId, submitCorrection, submitMeasurement, type SubmitOutcome } from './submit.ts';
import { parseDecimalInput, todayIso } from './values.ts';

type NumberField = 'weightKg' | 'heightCm' | 'headCm' | 'muacCm';
type Field = NumberField | 'measuredOn' | 'measure';

interface Draft {
  measuredOn: string;
  weightKg: string;
  heightCm: string;
  /** null: follow the age (lying under 24 months, standing from 24 months). */
  measure: 'l' | 'h' | null;
  headCm: string;
  muacCm: string;
  oedema: boolean;
}

export interface MeasurementFormProps {
  child: ChildView;
  /** The child's current measurements (corrected ones left out), for the weight gain N/T. */
  history: readonly MeasurementView[];
  /** A correction of this measurement: prefilled, sent as POST …/correction with a new id. */
  correcting?: MeasurementView | undefined;
  /** `queued`: kept on the phone, to be sent when the network allows. */
  onSaved: (result: RecordMeasurementResponse, queued: boolean) => void;
  onCancel: () => void;
}

const numberText = (value: number | null, lang: Lang) =>
  value === null ? '' : formatNumber(value, lang, undefined).replace(/\s/g, '');

function initialDraft(correcting: MeasurementView | undefined, lang: Lang): Draft {
  if (!correcting) {
    return {
      measuredOn: todayIso(),
      weightKg: '',
      heightCm: '',
      measure: null,
      headCm: '',
      muacCm: '',
      oedema: false,
    };
  }
  return {
    measuredOn: correcting.measuredOn,
    weightKg: numberText(correcting.weightKg, lang),
    heightCm: numberText(correcting.heightCm, lang),
    measure: correcting.measure,
    headCm: numberText(correcting.headCm, lang),
    muacCm: numberText(correcting.muacCm, lang),
    oedema: correcting.oedema,
  };
}

const units: Record<NumberField, string> = {
  weightKg: 'kg',
  heightCm: 'cm',
  headCm: 'cm',
  muacCm: 'cm',
};

/** The message for one problem of the measurement, in the kader's words. */
function problemText(p: FieldProblem, t: Translate, lang: Lang): string {
  switch (p.problem) {
    case 'out_of_range': {
      const field = p.field as NumberField;
      const limits = measurementLimits[field];
      if (!limits) return t('measure.problemRange', { allowed: p.allowed });
      return t('measure.problemRange', {
        allowed: `${formatNumber(limits.min, lang)}–${formatNumber(limits.max, lang)} ${units[field]}`,
      });
    }
    case 'required':
      return p.field === 'measure' ? t('measure.problemMeasure') : t('measure.problemRequired');
    case 'in_future':
      return t('measure.problemFuture');
    case 'before_birth':
      return t('measure.problemBeforeBirth');
    case 'age_over_60_months':
      return t('measure.problemOver60');
    case 'invalid_date':
      return t('measure.problemDate');
    default:
      return p.allowed;
  }
}

/**
 * One weighing/measuring of one child. The status (stunted? wasted? weight up?) appears while
 * the kader types, computed on the phone by the same growth engine as the server. An implausible
 * value is questioned before saving; the kader confirms or checks again. The submission id is
 * made once per form, so pressing Save twice, or again after a lost answer, stores one row.
 */
export function MeasurementForm({
  child,
  history,
  correcting,
  onSaved,
  onCancel,
}: MeasurementFormProps) {
  const t = useT();
  const lang = useLang();
  const ids = useId();
  const [draft, setDraft] = useState<Draft>(() => initialDraft(correcting, lang));
  const [submissionId] = useState(newId);
  const [touched, setTouched] = useState<ReadonlySet<Field>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [showMore, setShowMore] = useState(
    () => correcting !== undefined && (correcting.headCm !== null || correcting.muacCm !== null),
  );
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<SubmitOutcome<RecordMeasurementResponse> | null>(null);
  const confirmRef = useRef<HTMLDivElement>(null);
  const today = todayIso();

  const ageDays = ageDaysBetween(child.birthDate, draft.measuredOn);
  const autoMeasure: 'l' | 'h' =
    Number.isFinite(ageDays) && ageDays >= HEIGHT_FROM_AGE_DAYS ? 'h' : 'l';
  const measure = draft.measure ?? autoMeasure;

  const parsed: Record<NumberField, number | null | undefined> = {
    weightKg: parseDecimalInput(draft.weightKg),
    heightCm: parseDecimalInput(draft.heightCm),
    headCm: parseDecimalInput(draft.headCm),
    muacCm: parseDecimalInput(draft.muacCm),
  };
  const values = {
    measuredOn: draft.measuredOn,
    weightKg: parsed.weightKg ?? null,
    heightCm: parsed.heightCm ?? null,
    measure: parsed.heightCm != null ? measure : null,
    headCm: parsed.headCm ?? null,
    muacCm: parsed.muacCm ?? null,
  };

  // Problems: text that is not a number first, then the registry's own rules.
  const problems = new Map<Field, string>();
  for (const field of ['weightKg', 'heightCm', 'headCm', 'muacCm'] as const) {
    if (parsed[field] === null) problems.set(field, t('measure.problemNumber'));
  }
  for (const p of measurementProblems(values, child.birthDate, today)) {
    const field = p.field as Field;
    if (!problems.has(field)) problems.set(field, problemText(p, t, lang));
  }
  const shownProblem = (field: Field) =>
    submitted || touched.has(field) ? problems.get(field) : undefined;

  const others = history.filter((m) => m.id !== correcting?.id);
  const sameDay = correcting
    ? undefined
    : others.find((m) => m.measuredOn === draft.measuredOn && m.supersededAt === null);
  const canAssess =
    !problems.has('measuredOn') &&
    ((values.weightKg !== null && !problems.has('weightKg')) ||
      (values.heightCm !== null && !problems.has('heightCm')));
  const status = canAssess
    ? liveStatus(
        child,
        { ...values, oedema: draft.oedema },
        others.filter((m) => m.supersededAt === null),
      )
    : null;

  const announcement = useDebouncedValue(
    status
      ? [
          statusSummaryText(status, lang),
          status.implausible ? t('status.implausibleNote') : '',
          status.twoT ? t('status.twoTNote') : '',
        ]
          .filter(Boolean)
          .join('. ')
      : '',
    800,
  );

  function set<K extends keyof Draft>(key: K, value: Draft[K]) {
    setDraft((d) => ({ ...d, [key]: value }));
    setOutcome(null);
    setConfirming(false);
  }
  const touch = (field: Field) => setTouched((s) => new Set(s).add(field));

  function focusField(field: Field) {
    if (field === 'headCm' || field === 'muacCm') setShowMore(true);
    window.setTimeout(() => document.getElementById(`${ids}-${field}`)?.focus(), 0);
  }

  async function send(confirmImplausible: boolean) {
    setBusy(true);
    setOutcome(null);
    const body = {
      id: submissionId,
      measuredOn: values.measuredOn,
      weightKg: values.weightKg,
      heightCm: values.heightCm,
      measure: values.measure,
      headCm: values.headCm,
      muacCm: values.muacCm,
      oedema: draft.oedema,
      confirmImplausible,
    };
    const result = correcting
      ? await submitCorrection(child, others, correcting.id, body)
      : await submitMeasurement(child, others, { ...body, childId: child.id });
    setBusy(false);
    if (result.kind === 'saved' || result.kind === 'queued') {
      onSaved(result.value, result.kind === 'queued');
      return;
    }
    if (result.kind === 'implausible') {
      openConfirm();
      return;
    }
    setOutcome(result);
    if (result.kind === 'invalid' && result.field) focusField(result.field as Field);
  }

  function openConfirm() {
    setConfirming(true);
    window.setTimeout(() => confirmRef.current?.focus(), 0);
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    const first = (
      ['measuredOn', 'weightKg', 'heightCm', 'measure', 'headCm', 'muacCm'] as const
    ).find((f) => problems.has(f));
    if (first) {
      focusField(first);
      return;
    }
    if (status?.implausible) {
      openConfirm();
      return;
    }
    void send(false);
  }

  function checkAgain() {
    setConfirming(false);
    const field = status?.implausibleFields[0];
    focusField(field === 'heightCm' ? 'heightCm' : 'weightKg');
  }

  const heightLabel = measure === 'l' ? t('measure.length') : t('measure.height');

  return (
    <form
      className="form measure-form"
      onSubmit={handleSubmit}
      onKeyDown={moveFocusOnEnter}
      noValidate
    >
      <div className="field">
        <label htmlFor={`${ids}-measuredOn`}>{t('measure.date')}</label>
        <input
          id={`${ids}-measuredOn`}
          type="date"
          className="input-date"
          max={today}
          min={child.birthDate}
          required
          value={draft.measuredOn}
          aria-invalid={shownProblem('measuredOn') ? true : undefined}
          aria-describedby={`${ids}-measuredOn-error`}
          onChange={(e) => set('measuredOn', e.target.value)}
          onBlur={() => touch('measuredOn')}
        />
        <FieldError id={`${ids}-measuredOn-error`} text={shownProblem('measuredOn')} />
        {sameDay && (
          <p className="notice notice-warning">
            <StatusIcon kind="warning" /> {t('measure.sameDay')}{' '}
            <Link to={childPath(child.id)}>{t('measure.openHistory')}</Link>
          </p>
        )}
      </div>

      <NumberInput
        id={`${ids}-weightKg`}
        label={t('measure.weight')}
        unit="kg"
        value={draft.weightKg}
        error={shownProblem('weightKg')}
        onChange={(v) => set('weightKg', v)}
        onBlur={() => touch('weightKg')}
        big
      />

      <fieldset className="field segmented-field">
        <legend>{t('measure.position')}</legend>
        <div className="segmented segmented-big">
          {(['l', 'h'] as const).map((m) => (
            <label key={m} className="segment">
              <input
                type="radio"
                name={`${ids}-measure`}
                value={m}
                checked={measure === m}
                onChange={() => set('measure', m)}
              />
              <span>{m === 'l' ? t('measure.lying') : t('measure.standing')}</span>
            </label>
          ))}
        </div>
        <p className="hint">
          {draft.measure === null
            ? autoMeasure === 'l'
              ? t('measure.autoLying')
              : t('measure.autoStanding')
            : draft.measure !== autoMeasure
              ? t('measure.positionUnusual')
              : ''}
        </p>
      </fieldset>

      <NumberInput
        id={`${ids}-heightCm`}
        label={heightLabel}
        unit="cm"
        value={draft.heightCm}
        error={shownProblem('heightCm')}
        onChange={(v) => set('heightCm', v)}
        onBlur={() => touch('heightCm')}
        big
      />

      <div className="field-check">
        <input
          id={`${ids}-oedema`}
          type="checkbox"
          checked={draft.oedema}
          onChange={(e) => set('oedema', e.target.checked)}
        />
        <label htmlFor={`${ids}-oedema`}>{t('measure.oedema')}</label>
      </div>

      {showMore ? (
        <div className="more-fields">
          <NumberInput
            id={`${ids}-headCm`}
            label={t('measure.head')}
            unit="cm"
            value={draft.headCm}
            error={shownProblem('headCm')}
            onChange={(v) => set('headCm', v)}
            onBlur={() => touch('headCm')}
          />
          <NumberInput
            id={`${ids}-muacCm`}
            label={t('measure.muac')}
            unit="cm"
            value={draft.muacCm}
            error={shownProblem('muacCm')}
            onChange={(v) => set('muacCm', v)}
            onBlur={() => touch('muacCm')}
          />
        </div>
      ) : (
        <button type="button" className="button button-quiet" onClick={() => setShowMore(true)}>
          {t('measure.showMore')}
        </button>
      )}

      <section className="live-status" aria-labelledby={`${ids}-status-title`}>
        <h2 id={`${ids}-status-title`} className="live-status-title">
          {t('measure.statusTitle')}
        </h2>
        {status ? (
          <StatusPanel status={status} ageDays={ageDays} />
        ) : (
          <p className="hint">{t('measure.statusEmpty')}</p>
        )}
        {/* Screen readers hear the status once typing pauses, not at every key. */}
        <p className="visually-hidden" aria-live="polite">
          {announcement}
        </p>
      </section>

      {confirming && (
        <div
          ref={confirmRef}
          tabIndex={-1}
          role="alertdialog"
          aria-labelledby={`${ids}-confirm-title`}
          className="confirm-box"
        >
          <p id={`${ids}-confirm-title`} className="confirm-title">
            <StatusIcon kind="warning" /> {t('measure.implausibleConfirm')}
          </p>
          <p>{t('measure.implausibleHelp')}</p>
          <div className="button-row">
            <button type="button" className="button button-big" onClick={checkAgain}>
              {t('measure.checkAgain')}
            </button>
            <button
              type="button"
              className="button button-primary button-big"
              disabled={busy}
              onClick={() => void send(true)}
            >
              {t('measure.saveAnyway')}
            </button>
          </div>
        </div>
      )}

      <OutcomeMessage outcome={outcome} childId={child.id} />

      {!confirming && (
        <div className="form-actions">
          <button type="button" className="button button-big" onClick={onCancel}>
            {t('measure.cancel')}
          </button>
          <button type="submit" className="button button-primary button-big" disabled={busy}>
            {busy
              ? t('common.saving')
              : correcting
                ? t('measure.saveCorrection')
                : t('common.save')}
          </button>
        </div>
      )}
    </form>
  );
}

function OutcomeMessage({
  outcome,
  childId,
}: {
  outcome: SubmitOutcome<RecordMeasurementResponse> | null;
  childId: string;
}) {
  const t = useT();
  if (
    !outcome ||
    outcome.kind === 'saved' ||
    outcome.kind === 'queued' ||
    outcome.kind === 'implausible'
  )
    return null;
  if (outcome.kind === 'error') {
    return (
      <>
        <ErrorMessage error={outcome.error} />
        {outcome.retryable && <p className="hint">{t('measure.retryHint')}</p>}
      </>
    );
  }
  if (outcome.kind === 'duplicate') return null;
  return (
    <div role="alert" className="notice notice-error">
      <p>{outcome.message}</p>
      {outcome.kind === 'exists' && (
        <p>
          <Link to={childPath(childId)}>{t('measure.openHistory')}</Link>
        </p>
      )}
    </div>
  );
}

interface NumberInputProps {
  id: string;
  label: ReactNode;
  unit: string;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
  onBlur: () => void;
  big?: boolean;
}

/** A decimal field with its unit beside it; the phone shows its number keyboard. */
function NumberInput({ id, label, unit, value, error, onChange, onBlur, big }: NumberInputProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className={`unit-input${big ? ' unit-input-big' : ''}`}>
        <input
          id={id}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          enterKeyHint="next"
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-error`}
          onChange={(e) => onChange(e.target.value)}
          onBlur={onBlur}
        />
        <span className="unit" aria-hidden="true">
          {unit}
        </span>
      </div>
      <FieldError id={`${id}-error`} text={error} />
    </div>
  );
}
