/**
 * The death notification form, phone first (a bidan at night, one thumb): who died in three big
 * choices, then only the questions that kind of death needs. The kind of a baby's death
 * (neonatal, post-neonatal, balita) follows from the two dates and is shown, not asked. The
 * same rules as the server (core/deaths/case.ts) run while typing, and the 24-hour rule says at
 * once when a notification will be late. Also the correction form of a notified case.
 */
import { useId, useState, type FormEvent } from 'react';
import { causeGroupsFor, maternalConditionGroups } from '../../core/deaths/cause-groups.ts';
import {
  deathCaseProblems,
  facilityTypes,
  liveBornKindAt,
  type DeathCaseFields,
  type DeathKind,
  type FacilityType,
  type FieldProblem,
  type MaternalTiming,
  type PlaceOfDeath,
  type StillbirthTiming,
} from '../../core/deaths/case.ts';
import { daysBetween } from '../../core/deaths/dates.ts';
import { localDateAt, notificationDelay, utcOffsetOfRegion } from '../../core/deaths/time-zone.ts';
import { isApiError } from '../api-client.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { FieldError } from '../components/FieldError.tsx';
import { formFields } from '../components/form-fields.tsx';
import { Link } from '../components/Link.tsx';
import { RegionPicker } from '../components/RegionPicker.tsx';
import { formatNumber, formatShortDate } from '../i18n/format.ts';
import { useLang, useT, type MessageKey, type Translate } from '../i18n/language.ts';
import { moveFocusOnEnter } from '../registry/form-keys.ts';
import { deathCasePath } from '../router.ts';
import type { CaseView, NotifyBody } from './api.ts';
import { facilityKeys, formatDelay, kindKeys, placeKeys } from './words.ts';

/** Who died, as the form asks it: a baby born alive is one choice, its kind follows from its age. */
type Who = 'maternal' | 'stillbirth' | 'baby';

/** Every field as typed (strings), so a half-filled form survives re-renders. */
export interface NotifyFormValues {
  who: Who | null;
  name: string;
  nik: string;
  regionCode: string | null;
  deathDate: string;
  deathTime: string;
  placeOfDeath: PlaceOfDeath | null;
  facilityType: FacilityType | '';
  facilityName: string;
  elsewhere: boolean;
  deathRegionCode: string | null;
  birthDate: string;
  sex: '' | '1' | '2';
  motherName: string;
  motherNik: string;
  address: string;
  motherAgeYears: string;
  maternalTiming: MaternalTiming | null;
  gestationalWeeks: string;
  deliveryDate: string;
  birthWeightGrams: string;
  stillbirthTiming: StillbirthTiming | null;
  causeGroup: string;
  maternalCondition: string;
  delayDeciding: '' | 'yes' | 'no';
  delayReaching: '' | 'yes' | 'no';
  delayReceiving: '' | 'yes' | 'no';
  chronology: string;
  lateReason: string;
}

export function emptyValues(
  regionCode: string | null,
  deathRegionCode: string | null,
): NotifyFormValues {
  return {
    who: null,
    name: '',
    nik: '',
    regionCode,
    deathDate: '',
    deathTime: '',
    placeOfDeath: null,
    facilityType: '',
    facilityName: '',
    elsewhere: deathRegionCode !== null,
    deathRegionCode,
    birthDate: '',
    sex: '',
    motherName: '',
    motherNik: '',
    address: '',
    motherAgeYears: '',
    maternalTiming: null,
    gestationalWeeks: '',
    deliveryDate: '',
    birthWeightGrams: '',
    stillbirthTiming: null,
    causeGroup: '',
    maternalCondition: '',
    delayDeciding: '',
    delayReaching: '',
    delayReceiving: '',
    chronology: '',
    lateReason: '',
  };
}

const yesNo = (v: boolean | null): '' | 'yes' | 'no' => (v === null ? '' : v ? 'yes' : 'no');
const str = (v: string | number | null) => (v === null ? '' : String(v));

/** The form values of a stored case (correction). */
export function valuesOfCase(c: CaseView): NotifyFormValues {
  return {
    who: c.kind === 'maternal' || c.kind === 'stillbirth' ? c.kind : 'baby',
    name: c.name,
    nik: str(c.nik),
    regionCode: c.regionCode,
    deathDate: c.deathDate,
    deathTime: str(c.deathTime),
    placeOfDeath: c.placeOfDeath,
    facilityType: c.facilityType ?? '',
    facilityName: str(c.facilityName),
    elsewhere: c.deathRegionCode !== c.regionCode,
    deathRegionCode: c.deathRegionCode,
    birthDate: str(c.birthDate),
    sex: c.sex === 1 ? '1' : c.sex === 2 ? '2' : '',
    motherName: str(c.motherName),
    motherNik: str(c.motherNik),
    address: str(c.address),
    motherAgeYears: str(c.motherAgeYears),
    maternalTiming: c.maternalTiming,
    gestationalWeeks: str(c.gestationalWeeks),
    deliveryDate: str(c.deliveryDate),
    birthWeightGrams: str(c.birthWeightGrams),
    stillbirthTiming: c.stillbirthTiming,
    causeGroup: str(c.causeGroup),
    maternalCondition: str(c.maternalCondition),
    delayDeciding: yesNo(c.delayDeciding),
    delayReaching: yesNo(c.delayReaching),
    delayReceiving: yesNo(c.delayReceiving),
    chronology: str(c.chronology),
    lateReason: str(c.lateReason),
  };
}

const number = (s: string): number | null => {
  const v = s.trim().replace(',', '.');
  return v === '' ? null : Number(v);
};
const orNull = (s: string) => (s.trim() === '' ? null : s.trim());
const bool = (v: '' | 'yes' | 'no') => (v === '' ? null : v === 'yes');

/** The kind of death the values describe (a baby's from its dates; neonatal while unknown). */
export function kindOf(values: NotifyFormValues): DeathKind | null {
  if (values.who === 'maternal' || values.who === 'stillbirth') return values.who;
  if (values.who !== 'baby') return null;
  if (values.birthDate && values.deathDate && values.deathDate >= values.birthDate)
    return liveBornKindAt(values.birthDate, values.deathDate) ?? 'child';
  return 'neonatal';
}

/** The values as the API body (and the core rules' fields). */
export function bodyOf(values: NotifyFormValues): NotifyBody & DeathCaseFields {
  const kind = kindOf(values) ?? 'maternal';
  const regionCode = values.regionCode ?? '';
  return {
    kind,
    regionCode,
    deathDate: values.deathDate,
    deathTime: orNull(values.deathTime),
    placeOfDeath: values.placeOfDeath ?? 'home',
    facilityType: values.placeOfDeath === 'facility' ? values.facilityType || null : null,
    facilityName: values.placeOfDeath === 'facility' ? orNull(values.facilityName) : null,
    deathRegionCode: values.elsewhere ? values.deathRegionCode : regionCode,
    name: values.name.trim(),
    nik: orNull(values.nik),
    birthDate: kind === 'stillbirth' ? null : orNull(values.birthDate),
    motherAgeYears: kind === 'maternal' ? number(values.motherAgeYears) : null,
    sex: kind === 'maternal' ? 2 : values.sex === '' ? null : (Number(values.sex) as 1 | 2),
    motherName: kind === 'maternal' ? null : orNull(values.motherName),
    motherNik: kind === 'maternal' ? null : orNull(values.motherNik),
    address: orNull(values.address),
    gestationalWeeks:
      kind === 'maternal' && values.maternalTiming !== 'pregnancy'
        ? null
        : number(values.gestationalWeeks),
    birthWeightGrams: kind === 'maternal' ? null : number(values.birthWeightGrams),
    maternalTiming: kind === 'maternal' ? values.maternalTiming : null,
    deliveryDate:
      kind === 'maternal' && values.maternalTiming !== 'pregnancy'
        ? orNull(values.deliveryDate)
        : null,
    stillbirthTiming: kind === 'stillbirth' ? values.stillbirthTiming : null,
    causeGroup: orNull(values.causeGroup),
    maternalCondition:
      kind === 'stillbirth' || kind === 'neonatal' ? orNull(values.maternalCondition) : null,
    delayDeciding: bool(values.delayDeciding),
    delayReaching: bool(values.delayReaching),
    delayReceiving: bool(values.delayReceiving),
    chronology: orNull(values.chronology),
    lateReason: orNull(values.lateReason),
  };
}

const problemKeys: Record<string, MessageKey> = {
  required: 'deaths.problemRequired',
  invalid_date: 'deaths.problemDate',
  in_future: 'deaths.problemFuture',
  before_birth: 'deaths.problemBeforeBirth',
  age_over_one_year: 'deaths.problemOverOneYear',
  age_five_or_over: 'deaths.problemFiveOrOver',
  age_not_neonatal: 'deaths.problemKindAge',
  age_neonatal: 'deaths.problemKindAge',
  age_under_one_year: 'deaths.problemKindAge',
  out_of_range: 'deaths.problemRange',
  invalid_time: 'deaths.problemTime',
  over_42_days: 'deaths.problemOver42',
  after_death: 'deaths.problemAfterDeath',
  below_stillbirth_threshold: 'deaths.problemAbortion',
  cause_group_mismatch: 'deaths.problemCause',
  invalid_region_code: 'deaths.problemDesa',
  invalid_value: 'deaths.problemValue',
  not_applicable: 'deaths.problemValue',
};

function problemText(p: FieldProblem, t: Translate): string {
  const key = problemKeys[p.problem];
  return key ? t(key, { allowed: p.allowed }) : p.allowed;
}

export interface NotifyFormProps {
  initial: NotifyFormValues;
  /** Hospitals notify deaths where the hospital is: the place of death is fixed to their region. */
  fixedDeathRegion?: string | null;
  /** Scope for the desa of residence (null: anywhere, e.g. a hospital's patients). */
  residenceWithin?: string | null;
  submitLabel: string;
  /** Sends the body; a duplicate answer (409) is shown with its candidates. */
  onSubmit: (body: NotifyBody, confirmNotDuplicate: boolean) => Promise<void>;
  /** Whether the lateness warning applies (new notifications only). */
  checkLate: boolean;
}

/** The form. */
export function NotifyForm({
  initial,
  fixedDeathRegion,
  residenceWithin,
  submitLabel,
  onSubmit,
  checkLate,
}: NotifyFormProps) {
  const t = useT();
  const lang = useLang();
  const ids = useId();
  const [values, setValues] = useState<NotifyFormValues>(initial);
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [duplicates, setDuplicates] = useState<
    { id: string; kind: string; deathDate: string; name: string }[] | null
  >(null);
  const set = <K extends keyof NotifyFormValues>(key: K, value: NotifyFormValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  const kind = kindOf(values);
  const body = bodyOf(values);
  if (fixedDeathRegion) body.deathRegionCode = fixedDeathRegion;
  const deathRegion = body.deathRegionCode || body.regionCode || fixedDeathRegion || '53';
  const today = localDateAt(new Date(), utcOffsetOfRegion(deathRegion));
  const problems = kind ? deathCaseProblems(body, today) : [];
  if (!values.regionCode)
    problems.unshift({ field: 'regionCode', problem: 'required', allowed: '' });
  if (!values.placeOfDeath)
    problems.push({ field: 'placeOfDeath', problem: 'required', allowed: '' });
  const serverField = isApiError(error) ? (error.details.field as string | undefined) : undefined;
  const messageOf = (field: string): string | undefined => {
    const p = problems.find((x) => x.field === field);
    if (p && (submitted || touched(field))) return problemText(p, t);
    if (serverField === field && isApiError(error)) return error.message;
    return undefined;
  };
  const touched = (field: string) => {
    const v = (values as unknown as Record<string, unknown>)[field];
    return typeof v === 'string' && v !== '';
  };
  const delay =
    checkLate && values.deathDate && /^\d{4}-\d{2}-\d{2}$/.test(values.deathDate)
      ? notificationDelay(
          { date: values.deathDate, time: orNull(values.deathTime), regionCode: deathRegion },
          new Date(),
        )
      : null;
  const age =
    kind &&
    kind !== 'maternal' &&
    kind !== 'stillbirth' &&
    values.birthDate &&
    values.deathDate &&
    values.deathDate >= values.birthDate
      ? daysBetween(values.birthDate, values.deathDate)
      : null;

  async function submit(event: FormEvent, confirm = false) {
    event.preventDefault();
    setSubmitted(true);
    setError(null);
    if (!kind || problems.length > 0) {
      const first = problems[0]?.field ?? 'who';
      document.getElementById(`${ids}-${first}`)?.focus();
      return;
    }
    setSaving(true);
    try {
      await onSubmit(body, confirm);
    } catch (e) {
      if (isApiError(e) && e.code === 'death_duplicate') {
        setDuplicates((e.details.candidates as typeof duplicates) ?? []);
      } else setError(e);
      if (isApiError(e) && typeof e.details.field === 'string')
        document.getElementById(`${ids}-${e.details.field}`)?.focus();
    } finally {
      setSaving(false);
    }
  }

  const { field } = formFields(ids, messageOf);
  const text = (name: keyof NotifyFormValues, extra: Record<string, unknown> = {}) => ({
    id: `${ids}-${name}`,
    value: values[name] as string,
    onChange: (e: { target: { value: string } }) => set(name, e.target.value as never),
    'aria-describedby': `${ids}-${name}-error`,
    'aria-invalid': messageOf(name) ? true : undefined,
    ...extra,
  });
  const radios = <V extends string>(
    name: keyof NotifyFormValues,
    legend: string,
    options: readonly { value: V; label: string }[],
    big = false,
  ) => (
    <fieldset className="field">
      <legend id={`${ids}-${name}`} tabIndex={-1}>
        {legend}
      </legend>
      <div
        className={
          big
            ? 'segmented segmented-big death-choices'
            : options.length === 4
              ? 'segmented death-choices death-choices-grid'
              : 'segmented death-choices'
        }
      >
        {options.map((o) => (
          <label key={o.value} className="segment">
            <input
              type="radio"
              name={`${ids}-${name}`}
              checked={values[name] === o.value}
              onChange={() => set(name, o.value as never)}
            />
            {o.label}
          </label>
        ))}
      </div>
      <FieldError id={`${ids}-${name}-error`} text={messageOf(name)} />
    </fieldset>
  );
  const delaySelect = (
    name: 'delayDeciding' | 'delayReaching' | 'delayReceiving',
    label: MessageKey,
  ) => (
    <div className="field field-inline death-delay">
      <label htmlFor={`${ids}-${name}`}>{t(label)}</label>
      <select {...text(name)}>
        <option value="">{t('deaths.unknown')}</option>
        <option value="yes">{t('common.yes')}</option>
        <option value="no">{t('common.no')}</option>
      </select>
    </div>
  );
  const causes = kind
    ? causeGroupsFor(kind, kind === 'stillbirth' ? values.stillbirthTiming : null)
    : [];

  return (
    <form
      className="death-form"
      onSubmit={(e) => void submit(e)}
      onKeyDown={moveFocusOnEnter}
      noValidate
    >
      {radios<Who>(
        'who',
        t('deaths.whoDied'),
        [
          { value: 'maternal', label: t('deaths.whoMother') },
          { value: 'stillbirth', label: t('deaths.whoStillbirth') },
          { value: 'baby', label: t('deaths.whoBaby') },
        ],
        true,
      )}

      {values.who && (
        <>
          <h2 className="death-form-step">{t('deaths.stepWhen')}</h2>
          {values.who === 'baby' &&
            field(
              'birthDate',
              t('deaths.birthDate'),
              <input type="date" max={today} {...text('birthDate')} />,
            )}
          <div className="field-pair">
            {field(
              'deathDate',
              values.who === 'stillbirth' ? t('deaths.stillbirthDate') : t('deaths.deathDate'),
              <input type="date" max={today} {...text('deathDate')} />,
            )}
            {field(
              'deathTime',
              t('deaths.deathTime'),
              <input type="time" {...text('deathTime')} />,
            )}
          </div>
          {kind && age !== null && (
            <p className="death-derived" role="status">
              {t(kindKeys[kind])} · {t('deaths.ageDays', { days: formatNumber(age, lang) })}
            </p>
          )}
          {delay?.late && (
            <div className="notice notice-warning" role="status">
              <p>{t('deaths.lateWarning', { delay: formatDelay(delay.minutes, t) })}</p>
              {field(
                'lateReason',
                t('deaths.lateReason'),
                <textarea rows={2} {...text('lateReason')} />,
              )}
            </div>
          )}

          <h2 className="death-form-step">{t('deaths.stepWho')}</h2>
          {field(
            'name',
            values.who === 'maternal' ? t('deaths.nameMother') : t('deaths.nameBaby'),
            <input autoComplete="off" enterKeyHint="next" {...text('name')} />,
            values.who === 'maternal' ? undefined : t('deaths.nameBabyHint'),
          )}
          {values.who === 'maternal' &&
            field(
              'nik',
              t('deaths.nik'),
              <input inputMode="numeric" maxLength={16} autoComplete="off" {...text('nik')} />,
              t('deaths.optional'),
            )}
          {values.who !== 'maternal' && (
            <>
              {field(
                'motherName',
                t('deaths.motherName'),
                <input autoComplete="off" {...text('motherName')} />,
              )}
              {field(
                'motherNik',
                t('deaths.motherNik'),
                <input
                  inputMode="numeric"
                  maxLength={16}
                  autoComplete="off"
                  {...text('motherNik')}
                />,
                t('deaths.optional'),
              )}
            </>
          )}
          <RegionPicker
            value={values.regionCode}
            within={residenceWithin ?? undefined}
            label={t('deaths.residence')}
            onChange={(code) => set('regionCode', code)}
          />
          <FieldError id={`${ids}-regionCode-error`} text={messageOf('regionCode')} />
          {field(
            'address',
            t('deaths.address'),
            <input autoComplete="off" {...text('address')} />,
            t('deaths.optional'),
          )}

          <h2 className="death-form-step">{t('deaths.stepWhere')}</h2>
          {radios<PlaceOfDeath>(
            'placeOfDeath',
            t('deaths.placeOfDeath'),
            (['facility', 'home', 'on_the_way', 'other'] as const).map((p) => ({
              value: p,
              label: t(placeKeys[p]),
            })),
          )}
          {values.placeOfDeath === 'facility' && (
            <div className="field-pair">
              {field(
                'facilityType',
                t('deaths.facilityType'),
                <select {...text('facilityType')}>
                  <option value="">{t('deaths.choose')}</option>
                  {facilityTypes.map((f) => (
                    <option key={f} value={f}>
                      {t(facilityKeys[f])}
                    </option>
                  ))}
                </select>,
              )}
              {field('facilityName', t('deaths.facilityName'), <input {...text('facilityName')} />)}
            </div>
          )}
          {fixedDeathRegion ? null : (
            <div className="field-check">
              <input
                id={`${ids}-elsewhere`}
                type="checkbox"
                checked={values.elsewhere}
                onChange={(e) => set('elsewhere', e.target.checked)}
              />
              <label htmlFor={`${ids}-elsewhere`}>{t('deaths.elsewhere')}</label>
            </div>
          )}
          {!fixedDeathRegion && values.elsewhere && (
            <RegionPicker
              value={values.deathRegionCode}
              label={t('deaths.deathRegion')}
              onChange={(code) => set('deathRegionCode', code)}
            />
          )}

          <h2 className="death-form-step">{t('deaths.stepFacts')}</h2>
          {values.who === 'maternal' && (
            <>
              {field(
                'motherAgeYears',
                t('deaths.motherAge'),
                <input inputMode="numeric" {...text('motherAgeYears')} />,
              )}
              {radios<MaternalTiming>('maternalTiming', t('deaths.maternalTiming'), [
                { value: 'pregnancy', label: t('deaths.timingPregnancy') },
                { value: 'delivery', label: t('deaths.timingDelivery') },
                { value: 'postpartum', label: t('deaths.timingPostpartum') },
              ])}
              {values.maternalTiming === 'pregnancy' &&
                field(
                  'gestationalWeeks',
                  t('deaths.gestationalWeeks'),
                  <input inputMode="numeric" {...text('gestationalWeeks')} />,
                  t('deaths.optional'),
                )}
              {values.maternalTiming &&
                values.maternalTiming !== 'pregnancy' &&
                field(
                  'deliveryDate',
                  t('deaths.deliveryDate'),
                  <input type="date" max={today} {...text('deliveryDate')} />,
                  values.deliveryDate && values.deathDate && values.deathDate >= values.deliveryDate
                    ? t('deaths.daysAfterDelivery', {
                        days: formatNumber(
                          daysBetween(values.deliveryDate, values.deathDate),
                          lang,
                        ),
                      })
                    : t('deaths.deliveryHint'),
                )}
            </>
          )}
          {values.who === 'stillbirth' &&
            radios<StillbirthTiming>('stillbirthTiming', t('deaths.stillbirthTiming'), [
              { value: 'antepartum', label: t('deaths.antepartum') },
              { value: 'intrapartum', label: t('deaths.intrapartum') },
              { value: 'unknown', label: t('deaths.unknown') },
            ])}
          {values.who !== 'maternal' && (
            <>
              <div className="field-pair">
                {field(
                  'gestationalWeeks',
                  t('deaths.gestationalWeeksBirth'),
                  <input inputMode="numeric" {...text('gestationalWeeks')} />,
                )}
                {field(
                  'birthWeightGrams',
                  t('deaths.birthWeight'),
                  <input inputMode="numeric" {...text('birthWeightGrams')} />,
                )}
              </div>
              {radios<'1' | '2'>('sex', t('deaths.sex'), [
                { value: '1', label: t('deaths.boy') },
                { value: '2', label: t('deaths.girl') },
              ])}
            </>
          )}

          <h2 className="death-form-step">{t('deaths.stepCause')}</h2>
          {field(
            'causeGroup',
            t('deaths.causeGroup'),
            <select {...text('causeGroup')}>
              <option value="">{t('deaths.causeUnknownYet')}</option>
              {causes.map((c) => (
                <option
                  key={c.code}
                  value={c.code}
                >{`${c.code.toUpperCase()} · ${c.label[lang]}`}</option>
              ))}
            </select>,
            t('deaths.causeHint'),
          )}
          {(kind === 'stillbirth' || kind === 'neonatal') &&
            field(
              'maternalCondition',
              t('deaths.maternalCondition'),
              <select {...text('maternalCondition')}>
                <option value="">{t('deaths.unknown')}</option>
                {maternalConditionGroups.map((c) => (
                  <option
                    key={c.code}
                    value={c.code}
                  >{`${c.code.toUpperCase()} · ${c.label[lang]}`}</option>
                ))}
              </select>,
            )}
          <fieldset className="field death-delays">
            <legend>{t('deaths.threeDelays')}</legend>
            {delaySelect('delayDeciding', 'deaths.delayDeciding')}
            {delaySelect('delayReaching', 'deaths.delayReaching')}
            {delaySelect('delayReceiving', 'deaths.delayReceiving')}
          </fieldset>
          {field(
            'chronology',
            t('deaths.chronology'),
            <textarea rows={3} {...text('chronology')} />,
            t('deaths.chronologyHint'),
          )}

          {duplicates && (
            <div className="notice notice-warning" role="alert">
              <p>{t('deaths.duplicateFound')}</p>
              <ul>
                {duplicates.map((d) => (
                  <li key={d.id}>
                    <Link to={deathCasePath(d.id)}>{d.name}</Link> ·{' '}
                    {formatShortDate(d.deathDate, lang)}
                  </li>
                ))}
              </ul>
              <button type="button" className="button" onClick={(e) => void submit(e, true)}>
                {t('deaths.duplicateConfirm')}
              </button>
            </div>
          )}
          {!serverField && <ErrorMessage error={error} />}
          {submitted && problems.length > 0 && (
            <p className="notice notice-error" role="alert">
              {t('deaths.fixProblems', { count: problems.length })}
            </p>
          )}
          <button
            type="submit"
            className="button button-primary button-big button-wide"
            disabled={saving}
          >
            {saving ? t('common.saving') : submitLabel}
          </button>
        </>
      )}
    </form>
  );
}
