import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { causeGroupsFor, maternalConditionGroups } from '../../core/deaths/cause-groups.ts';
import {
  mainPath,
  voidReasons,
  type Avoidability,
  type VoidReason,
} from '../../core/deaths/workflow.ts';
import { isApiError } from '../api-client.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { Link } from '../components/Link.tsx';
import { Loading } from '../components/Loading.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { deathsApi, type CaseView } from '../deaths/api.ts';
import '../deaths/deaths.css';
import { NotifyForm, valuesOfCase } from '../deaths/NotifyForm.tsx';
import {
  actionKeys,
  causeLabel,
  dueStepKeys,
  facilityKeys,
  formatDelay,
  kindKeys,
  maternalConditionLabel,
  maternalTimingKeys,
  placeKeys,
  statusKeys,
  stillbirthTimingKeys,
  voidReasonKeys,
} from '../deaths/words.ts';
import { useApi } from '../hooks/use-api.ts';
import { formatDate, formatDateTime, formatNumber } from '../i18n/format.ts';
import { useLang, useT, type MessageKey } from '../i18n/language.ts';
import { paths } from '../router.ts';
import { showToast } from '../toast.ts';

/**
 * One death case (`/kematian/kasus/<id>`): what was notified, where the review stands (a stepper
 * with the date and the person of each step), what is due and whether it is overdue, the
 * actions the signed-in user may take now (verify, review with the coded cause and the three
 * delays, recommendations with who and by when, follow-up done, void), and every change.
 */
export default function DeathCasePage({ id }: { id: string }) {
  const t = useT();
  const [version, setVersion] = useState(0);
  const detail = useApi(`${id}|${version}`, (_k, signal) => deathsApi.case(id, signal));
  const reload = () => setVersion((v) => v + 1);
  if (detail.error)
    return (
      <>
        <PageHeading>{t('deaths.caseTitle')}</PageHeading>
        <ErrorMessage error={detail.error} />
        <Link to={paths.deathCases}>{t('deaths.backToCases')}</Link>
      </>
    );
  if (!detail.data) return <Loading />;
  return <CaseScreen c={detail.data} onChanged={reload} />;
}

function CaseScreen({ c, onChanged }: { c: CaseView; onChanged: () => void }) {
  const t = useT();
  const lang = useLang();
  const [editing, setEditing] = useState(false);
  return (
    <>
      <p className="death-back">
        <Link to={paths.deathCases}>← {t('deaths.backToCases')}</Link>
      </p>
      <PageHeading title={`${t(kindKeys[c.kind])} · ${c.name}`}>
        <span className="heading-kicker">{t(kindKeys[c.kind])}</span>
        {c.name}
      </PageHeading>
      <p className="death-case-head">
        <span className={`death-status death-status-${c.status}`}>{t(statusKeys[c.status])}</span>
        {c.notifiedLate && (
          <span className="death-case-late">
            {t('deaths.lateBadge', { delay: formatDelay(c.notificationDelayMinutes, t) })}
          </span>
        )}
      </p>
      {c.due && (
        <p
          className={c.due.overdue ? 'notice notice-error death-due' : 'notice death-due'}
          role="status"
        >
          {t(dueStepKeys[c.due.step])}: {formatDate(c.due.dueDate, lang)}
          {c.due.overdue && (
            <strong>
              {' '}
              · {t('deaths.daysOverdue', { days: formatNumber(c.due.daysOverdue, lang) })}
            </strong>
          )}
        </p>
      )}
      <Stepper c={c} />

      {editing ? (
        <section className="card">
          <h2>{t('deaths.correctTitle')}</h2>
          <NotifyForm
            initial={valuesOfCase(c)}
            fixedDeathRegion={c.notifierRole === 'hospital' ? c.deathRegionCode : null}
            submitLabel={t('common.save')}
            checkLate={false}
            onSubmit={async (body) => {
              const { id: _id, confirmNotDuplicate: _confirm, ...fields } = body;
              await deathsApi.correct(c.id, { ...fields, version: c.version });
              showToast(t('deaths.corrected'));
              setEditing(false);
              onChanged();
            }}
          />
          <button type="button" className="button" onClick={() => setEditing(false)}>
            {t('deaths.cancel')}
          </button>
        </section>
      ) : (
        <Facts c={c} onEdit={c.can.edit ? () => setEditing(true) : undefined} />
      )}

      <Actions c={c} onChanged={onChanged} />
      <Recommendations c={c} onChanged={onChanged} />
      <History id={c.id} version={c.version} />
    </>
  );
}

function Stepper({ c }: { c: CaseView }) {
  const t = useT();
  const lang = useLang();
  const steps: { status: (typeof mainPath)[number]; step: CaseView['verified'] }[] = [
    { status: 'notified', step: { at: c.notifiedAt, by: c.notifiedBy } },
    { status: 'verified', step: c.verified },
    { status: 'reviewed', step: c.reviewed },
    { status: 'recommended', step: c.recommended },
    { status: 'closed', step: c.closed },
  ];
  if (c.status === 'void')
    return (
      <p className="notice notice-warning">
        {t('deaths.voidedOn', {
          date: formatDateTime(c.voided!.at, lang),
          who: c.voided!.by?.name ?? '—',
        })}{' '}
        · {c.voidReason && t(voidReasonKeys[c.voidReason])}
        {c.voidNote && ` · ${c.voidNote}`}
      </p>
    );
  return (
    <ol className="death-stepper" aria-label={t('deaths.workflow')}>
      {steps.map(({ status, step }) => (
        <li
          key={status}
          className={
            step
              ? 'death-step death-step-done'
              : status === nextOf(c)
                ? 'death-step death-step-next'
                : 'death-step'
          }
        >
          <span className="death-step-name">{t(statusKeys[status])}</span>
          {step ? (
            <span className="death-step-when">
              {formatDateTime(step.at, lang)} · {step.by?.name ?? t('deaths.system')}
            </span>
          ) : (
            <span className="death-step-when">{t('deaths.notYet')}</span>
          )}
        </li>
      ))}
    </ol>
  );
}

function nextOf(c: CaseView): string | null {
  const i = mainPath.indexOf(c.status);
  return i >= 0 ? (mainPath[i + 1] ?? null) : null;
}

function Facts({ c, onEdit }: { c: CaseView; onEdit: (() => void) | undefined }) {
  const t = useT();
  const lang = useLang();
  const rows: [MessageKey, ReactNode][] = [
    [
      'deaths.deathDate',
      `${formatDate(c.deathDate, lang)}${c.deathTime ? ` · ${c.deathTime}` : ''}`,
    ],
    ['deaths.residence', `${c.regionName ?? ''} (${c.regionCode})`],
    [
      'deaths.placeOfDeath',
      `${t(placeKeys[c.placeOfDeath])}${c.facilityType ? ` · ${t(facilityKeys[c.facilityType])}` : ''}${c.facilityName ? ` · ${c.facilityName}` : ''}`,
    ],
  ];
  if (c.deathRegionCode !== c.regionCode)
    rows.push(['deaths.deathRegion', `${c.deathRegionName ?? ''} (${c.deathRegionCode})`]);
  if (c.nik) rows.push(['deaths.nik', c.nik]);
  if (c.kind === 'maternal') {
    if (c.motherAgeYears !== null)
      rows.push(['deaths.motherAge', formatNumber(c.motherAgeYears, lang)]);
    if (c.maternalTiming)
      rows.push(['deaths.maternalTiming', t(maternalTimingKeys[c.maternalTiming])]);
    if (c.daysAfterDelivery !== null)
      rows.push([
        'deaths.deliveryDate',
        `${formatDate(c.deliveryDate!, lang)} · ${t('deaths.daysAfterDelivery', { days: c.daysAfterDelivery })}`,
      ]);
  } else {
    if (c.birthDate) rows.push(['deaths.birthDate', formatDate(c.birthDate, lang)]);
    if (c.ageDays !== null)
      rows.push(['deaths.age', t('deaths.ageDays', { days: formatNumber(c.ageDays, lang) })]);
    if (c.motherName) rows.push(['deaths.motherName', c.motherName]);
    if (c.stillbirthTiming)
      rows.push(['deaths.stillbirthTiming', t(stillbirthTimingKeys[c.stillbirthTiming])]);
    if (c.birthWeightGrams !== null)
      rows.push(['deaths.birthWeight', formatNumber(c.birthWeightGrams, lang)]);
  }
  if (c.gestationalWeeks !== null)
    rows.push(['deaths.gestationalWeeks', formatNumber(c.gestationalWeeks, lang)]);
  rows.push([
    c.reviewed ? 'deaths.causeReviewed' : 'deaths.causeGroup',
    causeLabel(c.causeGroup, lang, t),
  ]);
  const condition = maternalConditionLabel(c.maternalCondition, lang);
  if (condition) rows.push(['deaths.maternalCondition', condition]);
  const delay = (v: boolean | null) =>
    v === null ? t('deaths.unknown') : v ? t('common.yes') : t('common.no');
  rows.push(
    ['deaths.delayDeciding', delay(c.delayDeciding)],
    ['deaths.delayReaching', delay(c.delayReaching)],
    ['deaths.delayReceiving', delay(c.delayReceiving)],
  );
  if (c.chronology) rows.push(['deaths.chronology', c.chronology]);
  if (c.lateReason) rows.push(['deaths.lateReason', c.lateReason]);
  if (c.verificationNote) rows.push(['deaths.verificationNote', c.verificationNote]);
  if (c.reviewSummary) rows.push(['deaths.reviewSummary', c.reviewSummary]);
  if (c.avoidable)
    rows.push([
      'deaths.avoidable',
      t(
        c.avoidable === 'yes'
          ? 'common.yes'
          : c.avoidable === 'no'
            ? 'common.no'
            : 'deaths.unknown',
      ),
    ]);
  if (c.closingNote) rows.push(['deaths.closingNote', c.closingNote]);
  rows.push([
    'deaths.notifiedBy',
    `${c.notifiedBy?.name ?? t('deaths.system')} · ${formatDateTime(c.notifiedAt, lang)}`,
  ]);
  return (
    <section className="card death-facts" aria-labelledby="death-facts-title">
      <div className="section-head">
        <h2 id="death-facts-title">{t('deaths.factsTitle')}</h2>
        {onEdit && (
          <button type="button" className="button button-small" onClick={onEdit}>
            {t('deaths.correct')}
          </button>
        )}
      </div>
      <dl className="death-dl">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{t(label)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {c.source === 'demo' && <p className="hint">{t('deaths.demoCase')}</p>}
    </section>
  );
}

/** The workflow buttons the user may press now, each with the little it asks. */
function Actions({ c, onChanged }: { c: CaseView; onChanged: () => void }) {
  const t = useT();
  const lang = useLang();
  const ids = useId();
  const [note, setNote] = useState('');
  const [review, setReview] = useState({
    causeGroup: c.causeGroup ?? '',
    maternalCondition: c.maternalCondition ?? '',
    avoidable: '' as Avoidability | '',
    summary: '',
    delayDeciding: c.delayDeciding,
    delayReaching: c.delayReaching,
    delayReceiving: c.delayReceiving,
  });
  const [voidReason, setVoidReason] = useState<VoidReason>('entered_in_error');
  const [duplicateOf, setDuplicateOf] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  if (c.can.actions.length === 0) return null;

  async function run(event: FormEvent, body: Parameters<typeof deathsApi.act>[1]) {
    event.preventDefault();
    setError(null);
    setBusy(true);
    try {
      await deathsApi.act(c.id, body);
      showToast(t('deaths.stepDone', { step: t(actionKeys[body.action]) }));
      setNote('');
      onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  const noteField = (
    <div className="field">
      <label htmlFor={`${ids}-note`}>{t('deaths.note')}</label>
      <textarea
        id={`${ids}-note`}
        rows={2}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
    </div>
  );
  const delay = (key: 'delayDeciding' | 'delayReaching' | 'delayReceiving', label: MessageKey) => (
    <div className="field field-inline death-delay">
      <label htmlFor={`${ids}-${key}`}>{t(label)}</label>
      <select
        id={`${ids}-${key}`}
        value={review[key] === null ? '' : review[key] ? 'yes' : 'no'}
        onChange={(e) =>
          setReview({ ...review, [key]: e.target.value === '' ? null : e.target.value === 'yes' })
        }
      >
        <option value="">{t('deaths.unknown')}</option>
        <option value="yes">{t('common.yes')}</option>
        <option value="no">{t('common.no')}</option>
      </select>
    </div>
  );

  return (
    <section className="card death-actions" aria-labelledby="death-actions-title">
      <h2 id="death-actions-title">{t('deaths.nextStep')}</h2>
      <StepError error={error} />
      {c.can.actions.includes('verify') && (
        <form
          onSubmit={(e) =>
            void run(e, { action: 'verify', version: c.version, note: note || null })
          }
        >
          <p>{t('deaths.verifyHint')}</p>
          {noteField}
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('deaths.actionVerify')}
          </button>
        </form>
      )}
      {c.can.actions.includes('review') && (
        <form
          onSubmit={(e) =>
            void run(e, {
              action: 'review',
              version: c.version,
              review: {
                causeGroup: review.causeGroup,
                maternalCondition: review.maternalCondition || null,
                avoidable: review.avoidable || 'unknown',
                summary: review.summary,
                delayDeciding: review.delayDeciding,
                delayReaching: review.delayReaching,
                delayReceiving: review.delayReceiving,
              },
            })
          }
        >
          <p>{t('deaths.reviewHint')}</p>
          <div className="field">
            <label htmlFor={`${ids}-cause`}>{t('deaths.causeGroupFinal')}</label>
            <select
              id={`${ids}-cause`}
              required
              value={review.causeGroup}
              onChange={(e) => setReview({ ...review, causeGroup: e.target.value })}
            >
              <option value="">{t('deaths.choose')}</option>
              {causeGroupsFor(c.kind, c.stillbirthTiming).map((g) => (
                <option
                  key={g.code}
                  value={g.code}
                >{`${g.code.toUpperCase()} · ${g.label[lang]}`}</option>
              ))}
            </select>
          </div>
          {(c.kind === 'stillbirth' || c.kind === 'neonatal') && (
            <div className="field">
              <label htmlFor={`${ids}-condition`}>{t('deaths.maternalCondition')}</label>
              <select
                id={`${ids}-condition`}
                value={review.maternalCondition}
                onChange={(e) => setReview({ ...review, maternalCondition: e.target.value })}
              >
                <option value="">{t('deaths.unknown')}</option>
                {maternalConditionGroups.map((g) => (
                  <option
                    key={g.code}
                    value={g.code}
                  >{`${g.code.toUpperCase()} · ${g.label[lang]}`}</option>
                ))}
              </select>
            </div>
          )}
          <fieldset className="field death-delays">
            <legend>{t('deaths.threeDelays')}</legend>
            {delay('delayDeciding', 'deaths.delayDeciding')}
            {delay('delayReaching', 'deaths.delayReaching')}
            {delay('delayReceiving', 'deaths.delayReceiving')}
          </fieldset>
          <div className="field">
            <label htmlFor={`${ids}-avoidable`}>{t('deaths.avoidable')}</label>
            <select
              id={`${ids}-avoidable`}
              value={review.avoidable}
              onChange={(e) => setReview({ ...review, avoidable: e.target.value as Avoidability })}
            >
              <option value="">{t('deaths.choose')}</option>
              <option value="yes">{t('common.yes')}</option>
              <option value="no">{t('common.no')}</option>
              <option value="unknown">{t('deaths.unknown')}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${ids}-summary`}>{t('deaths.reviewSummary')}</label>
            <p className="hint">{t('deaths.reviewSummaryHint')}</p>
            <textarea
              id={`${ids}-summary`}
              rows={4}
              required
              value={review.summary}
              onChange={(e) => setReview({ ...review, summary: e.target.value })}
            />
          </div>
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('deaths.actionReview')}
          </button>
        </form>
      )}
      {c.can.actions.includes('recommend') && (
        <form onSubmit={(e) => void run(e, { action: 'recommend', version: c.version })}>
          <p>
            {c.recommendations.length === 0
              ? t('deaths.recommendFirst')
              : t('deaths.recommendHint', { count: c.recommendations.length })}
          </p>
          <button
            type="submit"
            className="button button-primary"
            disabled={busy || c.recommendations.length === 0}
          >
            {t('deaths.actionRecommend')}
          </button>
        </form>
      )}
      {c.can.actions.includes('close') && (
        <form
          onSubmit={(e) => void run(e, { action: 'close', version: c.version, note: note || null })}
        >
          <p>
            {c.recommendations.some((r) => !r.doneAt)
              ? t('deaths.closeOpen')
              : t('deaths.closeHint')}
          </p>
          {noteField}
          <button
            type="submit"
            className="button button-primary"
            disabled={busy || c.recommendations.some((r) => !r.doneAt)}
          >
            {t('deaths.actionClose')}
          </button>
        </form>
      )}
      {c.can.actions.includes('void') && (
        <details className="death-void">
          <summary>{t('deaths.actionVoid')}</summary>
          <form
            onSubmit={(e) =>
              void run(e, {
                action: 'void',
                version: c.version,
                note: note || null,
                voidReason,
                duplicateOf: voidReason === 'duplicate' ? duplicateOf || null : null,
              })
            }
          >
            <div className="field">
              <label htmlFor={`${ids}-reason`}>{t('deaths.voidReason')}</label>
              <select
                id={`${ids}-reason`}
                value={voidReason}
                onChange={(e) => setVoidReason(e.target.value as VoidReason)}
              >
                {voidReasons.map((r) => (
                  <option key={r} value={r}>
                    {t(voidReasonKeys[r])}
                  </option>
                ))}
              </select>
            </div>
            {voidReason === 'duplicate' && (
              <div className="field">
                <label htmlFor={`${ids}-duplicate`}>{t('deaths.duplicateOf')}</label>
                <input
                  id={`${ids}-duplicate`}
                  value={duplicateOf}
                  onChange={(e) => setDuplicateOf(e.target.value.trim())}
                />
              </div>
            )}
            {noteField}
            <button type="submit" className="button" disabled={busy}>
              {t('deaths.actionVoid')}
            </button>
          </form>
        </details>
      )}
    </section>
  );
}

const refusalKeys: Record<string, MessageKey> = {
  wrong_status: 'deaths.refusedWrongStatus',
  no_recommendations: 'deaths.refusedNoRecommendations',
  open_recommendations: 'deaths.refusedOpenRecommendations',
};

/** A refused step in the user's words (the API's codes, mapped); other errors as they come. */
function StepError({ error }: { error: unknown }) {
  const t = useT();
  if (isApiError(error) && error.code === 'death_case_state') {
    const key = refusalKeys[String(error.details.reason)];
    const status = String(error.details.status) as CaseView['status'];
    if (key)
      return (
        <div role="alert" className="notice notice-error">
          <p>{t(key, { status: statusKeys[status] ? t(statusKeys[status]) : status })}</p>
        </div>
      );
  }
  if (isApiError(error) && error.code === 'death_case_version_conflict')
    return (
      <div role="alert" className="notice notice-error">
        <p>{t('deaths.versionConflict')}</p>
      </div>
    );
  return <ErrorMessage error={error} />;
}

function Recommendations({ c, onChanged }: { c: CaseView; onChanged: () => void }) {
  const t = useT();
  const lang = useLang();
  const ids = useId();
  const [form, setForm] = useState({ text: '', responsible: '', level: 'facility', dueDate: '' });
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  if (c.recommendations.length === 0 && !c.can.addRecommendation) return null;

  async function add(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await deathsApi.addRecommendation(c.id, {
        text: form.text,
        responsible: form.responsible || null,
        level: form.level as 'facility',
        dueDate: form.dueDate || null,
      });
      setForm({ text: '', responsible: '', level: form.level, dueDate: '' });
      onChanged();
    } catch (e) {
      setError(e);
    }
  }
  async function done(id: string) {
    setError(null);
    try {
      await deathsApi.completeRecommendation(c.id, id, notes[id] || null);
      showToast(t('deaths.recommendationDone'));
      onChanged();
    } catch (e) {
      setError(e);
    }
  }
  return (
    <section className="card" aria-labelledby="death-recs-title">
      <h2 id="death-recs-title">{t('deaths.recommendationsTitle')}</h2>
      <p className="hint">{t('deaths.recommendationsIntro')}</p>
      <ErrorMessage error={error} />
      <ol className="death-recs">
        {c.recommendations.map((r) => (
          <li
            key={r.id}
            className={
              r.doneAt
                ? 'death-rec death-rec-done'
                : r.overdue
                  ? 'death-rec death-rec-overdue'
                  : 'death-rec'
            }
          >
            <p className="death-rec-text">{r.text}</p>
            <p className="death-rec-meta">
              {r.responsible && `${r.responsible} · `}
              {t(`deaths.level_${r.level}` as MessageKey)} ·{' '}
              {t('deaths.dueBy', { date: formatDate(r.dueDate, lang) })}
              {r.overdue && <strong> · {t('deaths.recommendationOverdue')}</strong>}
            </p>
            {r.doneAt ? (
              <p className="death-rec-meta">
                ✓{' '}
                {t('deaths.doneOn', {
                  date: formatDateTime(r.doneAt, lang),
                  who: r.doneBy?.name ?? '—',
                })}
                {r.doneNote && ` · ${r.doneNote}`}
              </p>
            ) : (
              c.can.completeRecommendation && (
                <div className="death-rec-done-form">
                  <label className="visually-hidden" htmlFor={`${ids}-${r.id}`}>
                    {t('deaths.whatWasDone')}
                  </label>
                  <input
                    id={`${ids}-${r.id}`}
                    placeholder={t('deaths.whatWasDone')}
                    value={notes[r.id] ?? ''}
                    onChange={(e) => setNotes({ ...notes, [r.id]: e.target.value })}
                  />
                  <button
                    type="button"
                    className="button button-small"
                    onClick={() => void done(r.id)}
                  >
                    {t('deaths.markDone')}
                  </button>
                </div>
              )
            )}
          </li>
        ))}
      </ol>
      {c.can.addRecommendation && (
        <form className="death-rec-form" onSubmit={(e) => void add(e)}>
          <h3>{t('deaths.addRecommendation')}</h3>
          <div className="field">
            <label htmlFor={`${ids}-text`}>{t('deaths.recommendationText')}</label>
            <textarea
              id={`${ids}-text`}
              rows={2}
              required
              value={form.text}
              onChange={(e) => setForm({ ...form, text: e.target.value })}
            />
          </div>
          <div className="field-pair">
            <div className="field">
              <label htmlFor={`${ids}-responsible`}>{t('deaths.responsible')}</label>
              <input
                id={`${ids}-responsible`}
                value={form.responsible}
                onChange={(e) => setForm({ ...form, responsible: e.target.value })}
              />
            </div>
            <div className="field">
              <label htmlFor={`${ids}-level`}>{t('deaths.level')}</label>
              <select
                id={`${ids}-level`}
                value={form.level}
                onChange={(e) => setForm({ ...form, level: e.target.value })}
              >
                {(['community', 'facility', 'district', 'province'] as const).map((l) => (
                  <option key={l} value={l}>
                    {t(`deaths.level_${l}` as MessageKey)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="field">
            <label htmlFor={`${ids}-due`}>{t('deaths.dueDate')}</label>
            <p className="hint">{t('deaths.dueDateHint')}</p>
            <input
              id={`${ids}-due`}
              type="date"
              value={form.dueDate}
              onChange={(e) => setForm({ ...form, dueDate: e.target.value })}
            />
          </div>
          <button type="submit" className="button">
            {t('deaths.addRecommendation')}
          </button>
        </form>
      )}
    </section>
  );
}

const historyKeys: Record<string, MessageKey> = {
  'death_case.notified': 'deaths.historyNotified',
  'death_case.corrected': 'deaths.historyCorrected',
  'death_case.verified': 'deaths.historyVerified',
  'death_case.reviewed': 'deaths.historyReviewed',
  'death_case.recommended': 'deaths.historyRecommended',
  'death_case.closed': 'deaths.historyClosed',
  'death_case.void': 'deaths.historyVoid',
  'death_case.recommendation_added': 'deaths.historyRecommendationAdded',
  'death_case.recommendation_done': 'deaths.historyRecommendationDone',
};

function History({ id, version }: { id: string; version: number }) {
  const t = useT();
  const lang = useLang();
  const history = useApi(`${id}|${version}`, (_k, signal) => deathsApi.history(id, signal));
  return (
    <section className="card" aria-labelledby="death-history-title">
      <h2 id="death-history-title">{t('deaths.historyTitle')}</h2>
      <ErrorMessage error={history.error} />
      <ol className="death-history">
        {(history.data?.items ?? []).map((h) => (
          <li key={h.id}>
            <span className="death-history-when">{formatDateTime(h.at, lang)}</span>{' '}
            <span>{historyKeys[h.action] ? t(historyKeys[h.action]!) : h.action}</span>{' '}
            <span className="death-history-who">· {h.actorName ?? t('deaths.system')}</span>
            {h.action === 'death_case.corrected' &&
              h.after !== null &&
              typeof h.after === 'object' && (
                <span className="death-history-fields"> ({Object.keys(h.after).join(', ')})</span>
              )}
          </li>
        ))}
      </ol>
    </section>
  );
}
