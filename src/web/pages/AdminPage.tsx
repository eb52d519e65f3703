import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { roleAllows, roles, type Role } from '../../core/access/roles.ts';
import { canManageUser, isScopeValidForRole } from '../../core/access/scope.ts';
import {
  api,
  isApiError,
  type AuditEntry,
  type CreateUserResponse,
  type Me,
  type User,
} from '../api-client.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { FieldError } from '../components/FieldError.tsx';
import { Loading } from '../components/Loading.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { RegionPicker } from '../components/RegionPicker.tsx';
import { useApi, type ApiState } from '../hooks/use-api.ts';
import { formatDateTime } from '../i18n/format.ts';
import { roleLabel, roleLevelsLabel } from '../i18n/labels.ts';
import { useLang, useT } from '../i18n/language.ts';
import { registryApi, registryWrites } from '../registry/api.ts';
import { useSession } from '../session.ts';
import { showToast } from '../toast.ts';

const auditLimit = 50;

/** UUIDs are long on a phone: the first 8 characters identify an entry; the title has it whole. */
const shortId = (id: string) => (id.length > 12 ? `${id.slice(0, 8)}…` : id);

/** The office role of the admin's own level (a province admin adds province staff first), so the form starts valid. */
const staffRoles: readonly Role[] = ['province', 'district', 'puskesmas', 'village'];
function defaultRole(regionCode: string): Role {
  return staffRoles.find((r) => isScopeValidForRole(r, regionCode)) ?? 'kader';
}

/** Users of the admin's scope, adding a user (one-time password shown once), and the audit log. */
export default function AdminPage() {
  const t = useT();
  const { user } = useSession();
  const users = useApi('users', (_key, signal) => api.users(signal));
  const audit = useApi('audit', (_key, signal) => api.audit(auditLimit, signal));
  const health = useApi('health', (_key, signal) => api.health(signal));
  if (!user) return null;

  function handleCreated() {
    users.reload();
    audit.reload();
  }

  return (
    <>
      <PageHeading>{t('admin.title')}</PageHeading>
      {health.data && (
        <p className="hint">
          {t('admin.system', { version: health.data.version, database: health.data.database })}
        </p>
      )}
      <UsersTable state={users} />
      <AddUser admin={user} onCreated={handleCreated} />
      {roleAllows(user.role, 'reference:write') && <AddPosyandu admin={user} />}
      <AuditLog state={audit} />
    </>
  );
}

type UsersState = ApiState<{ items: User[] }>;
type AuditState = ApiState<{ items: AuditEntry[] }>;

function UsersTable({ state }: { state: UsersState }) {
  const t = useT();
  const lang = useLang();
  const items = state.data?.items;
  return (
    <section aria-labelledby="users-title">
      <div className="section-head">
        <h2 id="users-title">{t('admin.usersTitle')}</h2>
        <button type="button" className="button" onClick={state.reload} disabled={state.loading}>
          {t('common.reload')}
        </button>
      </div>
      <ErrorMessage error={state.error} />
      {!items && state.loading && <Loading />}
      {items && items.length === 0 && <p>{t('admin.usersEmpty')}</p>}
      {items && items.length > 0 && (
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="users-title">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('admin.colName')}</th>
                <th scope="col">{t('admin.colEmail')}</th>
                <th scope="col">{t('admin.colRole')}</th>
                <th scope="col">{t('admin.colRegion')}</th>
                <th scope="col">{t('admin.colStatus')}</th>
                <th scope="col">{t('admin.colLastLogin')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((u) => (
                <tr key={u.id}>
                  <td>{u.name}</td>
                  <td>{u.email}</td>
                  <td>{roleLabel(u.role, lang)}</td>
                  <td>
                    {u.regionName} <span className="code">({u.regionCode})</span>
                    {u.posyanduName && <span className="cell-sub">{u.posyanduName}</span>}
                  </td>
                  <td>
                    <span className={u.disabled ? 'badge badge-muted' : 'badge badge-ok'}>
                      {u.disabled ? t('admin.statusDisabled') : t('admin.statusActive')}
                    </span>
                  </td>
                  <td>{u.lastLoginAt ? formatDateTime(u.lastLoginAt, lang) : t('admin.never')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function AddUser({ admin, onCreated }: { admin: Me; onCreated: () => void }) {
  const t = useT();
  const lang = useLang();
  const ids = useId();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>(() => defaultRole(admin.regionCode));
  const [regionCode, setRegionCode] = useState(admin.regionCode);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<CreateUserResponse | null>(null);

  const [posyanduId, setPosyanduId] = useState('');

  const actor = { id: admin.id, role: admin.role, regionCode: admin.regionCode };
  const scopeOk = isScopeValidForRole(role, regionCode);
  const allowed = canManageUser(actor, { role, regionCode });
  // A kader works at one posyandu of their desa: offer the desa's posyandu once the desa is chosen.
  const needsPosyandu = role === 'kader' && scopeOk;
  const posyanduList = useApi(needsPosyandu ? regionCode : null, (code, signal) =>
    registryApi.posyandu(code, signal),
  );
  const posyanduOptions = needsPosyandu ? (posyanduList.data?.items ?? []) : [];
  const chosenPosyandu = posyanduOptions.some((p) => p.id === posyanduId)
    ? posyanduId
    : posyanduOptions.length === 1
      ? posyanduOptions[0]!.id
      : '';
  const posyanduOk = !needsPosyandu || chosenPosyandu !== '';

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!scopeOk || !allowed || !posyanduOk) return;
    setError(null);
    setBusy(true);
    api
      .createUser({
        email,
        name,
        role,
        regionCode,
        ...(needsPosyandu ? { posyanduId: chosenPosyandu } : {}),
      })
      .then(
        (response) => {
          setBusy(false);
          setCreated(response);
          setEmail('');
          setName('');
          onCreated();
        },
        (e: unknown) => {
          setBusy(false);
          setError(e);
        },
      );
  }

  return (
    <section aria-labelledby="add-user-title">
      <h2 id="add-user-title">{t('admin.addTitle')}</h2>
      {created && (
        <OneTimePassword
          key={created.user.id}
          email={created.user.email}
          password={created.oneTimePassword}
          onDone={() => setCreated(null)}
        />
      )}
      <p>{t('admin.addIntro')}</p>
      <form className="form" onSubmit={handleSubmit}>
        <ErrorMessage error={error} />
        <div className="field">
          <label htmlFor={`${ids}-email`}>{t('admin.email')}</label>
          <input
            id={`${ids}-email`}
            type="email"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            required
            maxLength={254}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${ids}-name`}>{t('admin.name')}</label>
          <input
            id={`${ids}-name`}
            type="text"
            autoComplete="off"
            required
            maxLength={120}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${ids}-role`}>{t('admin.role')}</label>
          <select
            id={`${ids}-role`}
            value={role}
            aria-describedby={`${ids}-role-hint`}
            onChange={(e) => setRole(e.target.value as Role)}
          >
            {roles.map((r) => (
              <option key={r} value={r}>
                {roleLabel(r, lang)}
              </option>
            ))}
          </select>
          <p id={`${ids}-role-hint`} className="hint">
            {t('admin.roleLevels', { levels: roleLevelsLabel(role, lang) })}
          </p>
        </div>
        <RegionPicker
          label={t('admin.region')}
          value={regionCode}
          within={admin.regionCode}
          onChange={setRegionCode}
        />
        {needsPosyandu && (
          <div className="field">
            <label htmlFor={`${ids}-posyandu`}>{t('admin.posyandu')}</label>
            <select
              id={`${ids}-posyandu`}
              required
              value={chosenPosyandu}
              onChange={(e) => setPosyanduId(e.target.value)}
            >
              <option value="">{t('admin.posyanduChoose')}</option>
              {posyanduOptions.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
            {posyanduList.data && posyanduOptions.length === 0 && (
              <p className="hint">{t('admin.posyanduNone')}</p>
            )}
            <ErrorMessage error={posyanduList.error} />
          </div>
        )}
        {!scopeOk ? (
          <p className="notice notice-warning" role="status">
            {t('admin.scopeInvalid', {
              role: roleLabel(role, lang),
              levels: roleLevelsLabel(role, lang),
            })}
          </p>
        ) : (
          !allowed && (
            <p className="notice notice-warning" role="status">
              {t('admin.scopeForbidden')}
            </p>
          )
        )}
        <button
          type="submit"
          className="button button-primary"
          disabled={busy || !scopeOk || !allowed || !posyanduOk}
        >
          {busy ? t('common.saving') : t('admin.submit')}
        </button>
      </form>
    </section>
  );
}

type PosyanduField = 'name' | 'regionCode';
const isDesaCode = (code: string) => code.length === 10;

/**
 * Adds a posyandu to a desa of the admin's scope and lists the desa's posyandu. The server's
 * answer is shown under the field it is about (details.field), anything else above the form.
 */
function AddPosyandu({ admin }: { admin: Me }) {
  const t = useT();
  const ids = useId();
  const [regionCode, setRegionCode] = useState(admin.regionCode);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<PosyanduField, string>>>({});
  const [error, setError] = useState<unknown>(null);
  const isDesa = isDesaCode(regionCode);
  const list = useApi(isDesa ? regionCode : null, (code, signal) =>
    registryApi.posyandu(code, signal),
  );

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems: Partial<Record<PosyanduField, string>> = {};
    if (!isDesa) problems.regionCode = t('admin.posyanduNeedDesa');
    if (name.trim() === '') problems.name = t('child.problemRequired');
    setFieldErrors(problems);
    setError(null);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    registryWrites.createPosyandu({ name: name.trim(), regionCode }).then(
      (created) => {
        setBusy(false);
        setName('');
        showToast(t('admin.posyanduAdded', { name: created.name }));
        list.reload();
      },
      (e: unknown) => {
        setBusy(false);
        const field = isApiError(e) ? e.details.field : undefined;
        if (isApiError(e) && (field === 'name' || field === 'regionCode')) {
          setFieldErrors({ [field]: e.message });
        } else {
          setError(e);
        }
      },
    );
  }

  const items = list.data?.items;
  return (
    <section aria-labelledby="add-posyandu-title">
      <h2 id="add-posyandu-title">{t('admin.posyanduTitle')}</h2>
      <form className="form" onSubmit={handleSubmit} noValidate>
        <ErrorMessage error={error} />
        <RegionPicker
          label={t('admin.posyanduDesa')}
          value={regionCode}
          within={admin.regionCode}
          onChange={(code) => {
            setRegionCode(code);
            setFieldErrors((f) => ({ ...f, regionCode: undefined }));
          }}
        />
        <FieldError id={`${ids}-region-error`} text={fieldErrors.regionCode} />
        {isDesa && (
          <div className="posyandu-existing">
            {list.loading && <Loading />}
            <ErrorMessage error={list.error} />
            {items && (
              <p className="hint">
                {items.length === 0
                  ? t('admin.posyanduNone')
                  : t('admin.posyanduExisting', { names: items.map((p) => p.name).join(', ') })}
              </p>
            )}
          </div>
        )}
        <div className="field">
          <label htmlFor={`${ids}-name`}>{t('admin.posyanduName')}</label>
          <input
            id={`${ids}-name`}
            type="text"
            autoComplete="off"
            maxLength={200}
            value={name}
            aria-invalid={fieldErrors.name ? true : undefined}
            aria-describedby={`${ids}-name-error`}
            onChange={(e) => setName(e.target.value)}
          />
          <FieldError id={`${ids}-name-error`} text={fieldErrors.name} />
        </div>
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('common.saving') : t('admin.posyanduSubmit')}
        </button>
      </form>
    </section>
  );
}

interface OneTimePasswordProps {
  email: string;
  password: string;
  onDone: () => void;
}

/** The one moment the one-time password is visible: copy it, then it is gone from the screen. */
function OneTimePassword({ email, password, onDone }: OneTimePasswordProps) {
  const t = useT();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  function handleCopy() {
    if (!navigator.clipboard) {
      setCopy('failed');
      return;
    }
    navigator.clipboard.writeText(password).then(
      () => setCopy('copied'),
      () => setCopy('failed'),
    );
  }

  return (
    <div className="otp" role="region" aria-labelledby="otp-title">
      <h3 id="otp-title" ref={headingRef} tabIndex={-1}>
        {t('admin.otpTitle', { email })}
      </h3>
      <p className="otp-warning">{t('admin.otpWarning')}</p>
      <p className="otp-row">
        <code className="otp-value">{password}</code>
        <button type="button" className="button" onClick={handleCopy}>
          {copy === 'copied' ? `✓ ${t('admin.copied')}` : t('admin.copy')}
        </button>
      </p>
      <p role="status" className="hint">
        {copy === 'failed' ? t('admin.copyFailed') : ''}
      </p>
      <button type="button" className="button button-primary" onClick={onDone}>
        {t('admin.otpDone')}
      </button>
    </div>
  );
}

function AuditLog({ state }: { state: AuditState }) {
  const t = useT();
  const lang = useLang();
  const items = state.data?.items;
  return (
    <section aria-labelledby="audit-title">
      <div className="section-head">
        <h2 id="audit-title">{t('admin.auditTitle')}</h2>
        <button type="button" className="button" onClick={state.reload} disabled={state.loading}>
          {t('common.reload')}
        </button>
      </div>
      <ErrorMessage error={state.error} />
      {!items && state.loading && <Loading />}
      {items && items.length === 0 && <p>{t('admin.auditEmpty')}</p>}
      {items && items.length > 0 && (
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="audit-title">
          <table className="table-nowrap">
            <thead>
              <tr>
                <th scope="col">{t('admin.colTime')}</th>
                <th scope="col">{t('admin.colActor')}</th>
                <th scope="col">{t('admin.colAction')}</th>
                <th scope="col">{t('admin.colEntity')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((entry) => (
                <tr key={entry.id}>
                  <td className="nowrap">{formatDateTime(entry.at, lang)}</td>
                  <td>{entry.actorEmail ?? t('admin.system.actor')}</td>
                  <td className="code">{entry.action}</td>
                  <td>
                    {entry.entity}
                    {entry.entityId && (
                      <span className="code" title={entry.entityId}>
                        {' '}
                        {shortId(entry.entityId)}
                      </span>
                    )}
                    {entry.regionCode && <span className="code"> · {entry.regionCode}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
