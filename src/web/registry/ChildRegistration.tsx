import { useId, useRef, useState, type FormEvent } from 'react';
import { completedMonthsBetween } from '../../core/growth/age.ts';
import { childProblems, isNik, type FieldProblem } from '../../core/registry/rules.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { FieldError } from '../components/FieldError.tsx';
import { Link } from '../components/Link.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { StatusIcon } from '../components/StatusIcon.tsx';
import { formatDate, formatNumber, monthNames } from '../i18n/format.ts';
import { useLang, useT, type Lang, type Translate } from '../i18n/language.ts';
import { childPath, navigate } from '../router.ts';
import { showToast } from '../toast.ts';
import type { ChildView } from './api.ts';
import { rosterHref } from './links.ts';
import { moveFocusOnEnter } from './form-keys.ts';
import { newId, submitChild, submitChildUpdate, type SubmitOutcome } from './submit.ts';
import { ageText } from './status.ts';
import { digitsOnly, isoFromParts, parseDecimalInput, todayIso } from './values.ts';

type Field =
  | 'name'
  | 'sex'
  | 'birthDate'
  | 'nik'
  | 'motherName'
  | 'motherNik'
  | 'birthWeightKg'
  | 'birthLengthCm'
  | 'address';

const order: readonly Field[] = [
  'name',
  'sex',
  'birthDate',
  'nik',
  'motherName',
  'motherNik',
  'birthWeightKg',
  'birthLengthCm',
  'address',
];

function problemText(p: FieldProblem, t: Translate): string {
  switch (p.problem) {
    case 'required':
      return t('child.problemRequired');
    case 'invalid_date':
      return t('child.problemDate');
    case 'in_future':
      return t('child.problemFuture');
    case 'age_over_60_months':
      return t('child.problemOver60');
    case 'invalid_nik':
      return t('child.problemNik');
    case 'same_as_child':
      return t('child.problemSameNik');
    case 'out_of_range':
      return t('child.problemRange', { allowed: p.allowed.replace('.', ',') });
    default:
      return p.allowed;
  }
}

/** What the NIK field says while it is typed: how many digits so far, then whether it is valid. */
function nikHint(value: string, t: Translate): { text: string; ok: boolean } | null {
  if (!value) return null;
  if (value.length < 16) return { text: t('child.nikCount', { count: value.length }), ok: false };
  return isNik(value) ? { text: t('child.nikOk'), ok: true } : null;
}

export interface ChildRegistrationProps {
  posyanduId: string;
  /** Correcting this child's record (PATCH with its version) instead of registering a new one. */
  editing?: ChildView | undefined;
  /** After a correction is saved (edit mode). */
  onSaved?: ((child: ChildView) => void) | undefined;
  /** Cancel of a correction (edit mode); a registration goes back to the roster. */
  onCancel?: (() => void) | undefined;
}

const partsOf = (iso: string | undefined) => {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  return m ? { day: String(Number(m[3])), month: String(Number(m[2])), year: m[1]! } : null;
};

const decimalText = (value: number | null | undefined, lang: Lang) =>
  value === null || value === undefined ? '' : formatNumber(value, lang);

/**
 * Registering a child and its mother, meant to take under a minute at the posyandu table:
 * only name, sex and birth date are required. The birth date is typed as day, month, year
 * (copied from the Buku KIA), not picked on a small calendar. When the server finds a likely
 * duplicate the candidates are shown: open one, or confirm that this is a different child.
 * With `editing` the same form corrects a registered child (a wrong birth date changes every
 * z-score, so it must be correctable where the kader works).
 */
export function ChildRegistration({
  posyanduId,
  editing,
  onSaved,
  onCancel,
}: ChildRegistrationProps) {
  const t = useT();
  const lang = useLang();
  const ids = useId();
  const [childId] = useState(() => editing?.id ?? newId());
  const born = partsOf(editing?.birthDate);
  const [name, setName] = useState(editing?.name ?? '');
  const [sex, setSex] = useState<1 | 2 | null>(editing?.sex ?? null);
  const [day, setDay] = useState(born?.day ?? '');
  const [month, setMonth] = useState(born?.month ?? '');
  const [year, setYear] = useState(born?.year ?? '');
  const [nik, setNik] = useState(editing?.nik ?? '');
  const [motherName, setMotherName] = useState(editing?.motherName ?? '');
  const [motherNik, setMotherNik] = useState(editing?.motherNik ?? '');
  const [birthWeight, setBirthWeight] = useState(() => decimalText(editing?.birthWeightKg, lang));
  const [birthLength, setBirthLength] = useState(() => decimalText(editing?.birthLengthCm, lang));
  const [address, setAddress] = useState(editing?.address ?? '');
  const [touched, setTouched] = useState<ReadonlySet<Field>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<SubmitOutcome<{ child: ChildView }> | null>(null);
  const duplicateRef = useRef<HTMLElement>(null);
  const today = todayIso();

  const birthDate = isoFromParts(day, month, year);
  const birthWeightKg = parseDecimalInput(birthWeight);
  const birthLengthCm = parseDecimalInput(birthLength);

  const problems = new Map<Field, string>();
  if (sex === null) problems.set('sex', t('child.problemSex'));
  if (!birthDate) problems.set('birthDate', t('child.problemDate'));
  if (birthWeightKg === null) problems.set('birthWeightKg', t('measure.problemNumber'));
  if (birthLengthCm === null) problems.set('birthLengthCm', t('measure.problemNumber'));
  if (nik && nik.length !== 16) problems.set('nik', t('child.problemNik'));
  if (motherNik && motherNik.length !== 16) problems.set('motherNik', t('child.problemNik'));
  for (const p of childProblems(
    {
      name,
      sex: sex ?? 1,
      birthDate: birthDate ?? '',
      nik: nik || null,
      motherNik: motherNik || null,
      birthWeightKg: birthWeightKg ?? null,
      birthLengthCm: birthLengthCm ?? null,
    },
    today,
  )) {
    const field = p.field as Field;
    if (!problems.has(field)) problems.set(field, problemText(p, t));
  }
  const shown = (field: Field) =>
    submitted || touched.has(field) ? problems.get(field) : undefined;
  const touch = (field: Field) => () => setTouched((s) => new Set(s).add(field));
  const changed = () => setOutcome(null);

  const ageMonths = birthDate ? completedMonthsBetween(birthDate, today) : NaN;

  async function send(confirmNotDuplicate: boolean) {
    if (sex === null || !birthDate) return;
    setBusy(true);
    setOutcome(null);
    const fields = {
      name: name.trim(),
      sex,
      birthDate,
      nik: nik || null,
      motherName: motherName.trim() || null,
      motherNik: motherNik || null,
      birthWeightKg: birthWeightKg ?? null,
      birthLengthCm: birthLengthCm ?? null,
      address: address.trim() || null,
    };
    const result = editing
      ? await submitChildUpdate(editing, { ...fields, version: editing.version })
      : await submitChild({ ...fields, id: childId, posyanduId, confirmNotDuplicate });
    setBusy(false);
    if (result.kind === 'saved' || result.kind === 'queued') {
      const name = result.value.child.name;
      if (result.kind === 'queued') showToast(t('offline.childSavedOnPhone', { name }), 'warning');
      else showToast(t(editing ? 'child.updated' : 'child.registered', { name }));
      if (editing) onSaved?.(result.value.child);
      else navigate(rosterHref(posyanduId), { replace: true });
      return;
    }
    setOutcome(result);
    if (result.kind === 'duplicate') window.setTimeout(() => duplicateRef.current?.focus(), 0);
    if (result.kind === 'invalid' && result.field) focus(result.field as Field);
  }

  function focus(field: Field) {
    const target = field === 'birthDate' ? 'day' : field === 'sex' ? 'sex-1' : field;
    window.setTimeout(() => document.getElementById(`${ids}-${target}`)?.focus(), 0);
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    const first = order.find((f) => problems.has(f));
    if (first) {
      focus(first);
      return;
    }
    void send(false);
  }

  const nikState = nikHint(nik, t);
  const motherNikState = nikHint(motherNik, t);
  const months = monthNames(lang);

  return (
    <>
      {!editing && (
        <>
          <p className="back-link">
            <Link to={rosterHref(posyanduId)}>← {t('registry.backToList')}</Link>
          </p>
          <PageHeading>{t('child.registerTitle')}</PageHeading>
        </>
      )}
      <p className="hint">{t('child.requiredNote')}</p>

      <form
        className="form child-form"
        onSubmit={handleSubmit}
        onKeyDown={moveFocusOnEnter}
        noValidate
      >
        <TextField
          id={`${ids}-name`}
          label={t('child.name')}
          value={name}
          error={shown('name')}
          autoCapitalize="words"
          onChange={(v) => {
            setName(v);
            changed();
          }}
          onBlur={touch('name')}
        />

        <fieldset className="field segmented-field" aria-describedby={`${ids}-sex-error`}>
          <legend>{t('child.sex')}</legend>
          <div className="segmented segmented-big">
            {([1, 2] as const).map((s) => (
              <label key={s} className="segment">
                <input
                  id={`${ids}-sex-${s}`}
                  type="radio"
                  name={`${ids}-sex`}
                  checked={sex === s}
                  onChange={() => {
                    setSex(s);
                    changed();
                  }}
                />
                <span>{s === 1 ? t('child.boy') : t('child.girl')}</span>
              </label>
            ))}
          </div>
          <FieldError id={`${ids}-sex-error`} text={shown('sex')} />
        </fieldset>

        <fieldset className="field date-parts" aria-describedby={`${ids}-birthDate-error`}>
          <legend>{t('child.birthDate')}</legend>
          <div className="date-parts-row">
            <div className="date-part date-part-day">
              <label htmlFor={`${ids}-day`}>{t('child.day')}</label>
              <input
                id={`${ids}-day`}
                type="text"
                inputMode="numeric"
                autoComplete="off"
                maxLength={2}
                value={day}
                aria-invalid={shown('birthDate') ? true : undefined}
                onChange={(e) => {
                  setDay(digitsOnly(e.target.value));
                  changed();
                }}
                onBlur={() => {
                  if (day && month && year) touch('birthDate')();
                }}
              />
            </div>
            <div className="date-part date-part-month">
              <label htmlFor={`${ids}-month`}>{t('child.month')}</label>
              <select
                id={`${ids}-month`}
                value={month}
                aria-invalid={shown('birthDate') ? true : undefined}
                onChange={(e) => {
                  setMonth(e.target.value);
                  changed();
                }}
              >
                <option value="">—</option>
                {months.map((label, i) => (
                  <option key={label} value={String(i + 1)}>
                    {label}
                  </option>
                ))}
              </select>
            </div>
            <div className="date-part date-part-year">
              <label htmlFor={`${ids}-year`}>{t('child.year')}</label>
              <input
                id={`${ids}-year`}
                type="text"
                inputMode="numeric"
                autoComplete="off"
                maxLength={4}
                value={year}
                aria-invalid={shown('birthDate') ? true : undefined}
                onChange={(e) => {
                  setYear(digitsOnly(e.target.value));
                  changed();
                }}
                onBlur={touch('birthDate')}
              />
            </div>
          </div>
          <FieldError id={`${ids}-birthDate-error`} text={shown('birthDate')} />
          {birthDate && !problems.has('birthDate') && (
            <p className="hint hint-ok">
              {formatDate(birthDate, lang)} · {t('child.ageNow', { age: ageText(ageMonths, t) })}
            </p>
          )}
        </fieldset>

        <NikField
          id={`${ids}-nik`}
          label={t('child.nik')}
          value={nik}
          error={shown('nik')}
          state={nikState}
          onChange={(v) => {
            setNik(v);
            changed();
          }}
          onBlur={touch('nik')}
        />

        <TextField
          id={`${ids}-motherName`}
          label={t('child.motherName')}
          value={motherName}
          error={shown('motherName')}
          autoCapitalize="words"
          onChange={(v) => {
            setMotherName(v);
            changed();
          }}
          onBlur={touch('motherName')}
        />

        <NikField
          id={`${ids}-motherNik`}
          label={t('child.motherNik')}
          value={motherNik}
          error={shown('motherNik')}
          state={motherNikState}
          onChange={(v) => {
            setMotherNik(v);
            changed();
          }}
          onBlur={touch('motherNik')}
        />

        <div className="field-pair">
          <TextField
            id={`${ids}-birthWeightKg`}
            label={t('child.birthWeight')}
            value={birthWeight}
            error={shown('birthWeightKg')}
            inputMode="decimal"
            onChange={(v) => {
              setBirthWeight(v);
              changed();
            }}
            onBlur={touch('birthWeightKg')}
          />
          <TextField
            id={`${ids}-birthLengthCm`}
            label={t('child.birthLength')}
            value={birthLength}
            error={shown('birthLengthCm')}
            inputMode="decimal"
            onChange={(v) => {
              setBirthLength(v);
              changed();
            }}
            onBlur={touch('birthLengthCm')}
          />
        </div>

        <TextField
          id={`${ids}-address`}
          label={t('child.address')}
          value={address}
          error={shown('address')}
          onChange={(v) => {
            setAddress(v);
            changed();
          }}
          onBlur={touch('address')}
        />

        {outcome?.kind === 'duplicate' && (
          <section
            ref={duplicateRef}
            tabIndex={-1}
            className="confirm-box"
            aria-labelledby={`${ids}-dup-title`}
          >
            <h2 id={`${ids}-dup-title`} className="confirm-title">
              <StatusIcon kind="warning" /> {t('child.duplicateTitle')}
            </h2>
            <p>{outcome.reason === 'NIK' ? t('child.duplicateNik') : t('child.duplicateHelp')}</p>
            {outcome.outsideScope > 0 && (
              <p className="hint">{t('child.duplicateOutside', { count: outcome.outsideScope })}</p>
            )}
            <ul className="pick-list">
              {outcome.candidates.map((c) => (
                <li key={c.id}>
                  <Link to={childPath(c.id)} className="pick-item">
                    <span className="pick-title">{c.name}</span>
                    <span className="pick-meta">
                      {t('child.bornOn', { date: formatDate(c.birthDate, lang) })}
                      {c.motherName && <> · {t('registry.motherShort', { name: c.motherName })}</>}
                    </span>
                    <span className="pick-action">{t('child.openCandidate')}</span>
                  </Link>
                </li>
              ))}
            </ul>
            {outcome.reason !== 'NIK' && (
              <button
                type="button"
                className="button button-big button-wide"
                disabled={busy}
                onClick={() => void send(true)}
              >
                {t('child.notDuplicate')}
              </button>
            )}
          </section>
        )}
        {outcome?.kind === 'invalid' && (
          <div role="alert" className="notice notice-error">
            <p>{outcome.message}</p>
          </div>
        )}
        {outcome?.kind === 'error' &&
          (outcome.error.code === 'conflict' ? (
            <div role="alert" className="notice notice-error">
              <p>{t('child.versionConflict')}</p>
            </div>
          ) : (
            <ErrorMessage error={outcome.error} />
          ))}

        <div className="form-actions">
          {editing ? (
            <button type="button" className="button button-big" onClick={onCancel}>
              {t('measure.cancel')}
            </button>
          ) : (
            <Link to={rosterHref(posyanduId)} className="button button-big">
              {t('measure.cancel')}
            </Link>
          )}
          <button type="submit" className="button button-primary button-big" disabled={busy}>
            {busy ? t('common.saving') : editing ? t('common.save') : t('child.submit')}
          </button>
        </div>
      </form>
    </>
  );
}

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
  onBlur: () => void;
  autoCapitalize?: string;
  inputMode?: 'decimal' | 'numeric' | 'text';
}

function TextField({
  id,
  label,
  value,
  error,
  onChange,
  onBlur,
  autoCapitalize,
  inputMode,
}: TextFieldProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        autoComplete="off"
        autoCapitalize={autoCapitalize}
        inputMode={inputMode}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-error`}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
      />
      <FieldError id={`${id}-error`} text={error} />
    </div>
  );
}

interface NikFieldProps {
  id: string;
  label: string;
  value: string;
  error: string | undefined;
  state: { text: string; ok: boolean } | null;
  onChange: (value: string) => void;
  onBlur: () => void;
}

/** 16 digits, checked while typed: a counter, then a tick or the problem. */
function NikField({ id, label, value, error, state, onChange, onBlur }: NikFieldProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        className="input-nik"
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-state ${id}-error`}
        onChange={(e) => onChange(digitsOnly(e.target.value).slice(0, 16))}
        onBlur={onBlur}
      />
      <p id={`${id}-state`} className={state?.ok ? 'hint hint-ok' : 'hint'}>
        {state && (
          <>
            {state.ok && <StatusIcon kind="ok" />} {state.text}
          </>
        )}
      </p>
      <FieldError id={`${id}-error`} text={error} />
    </div>
  );
}
