import { useId, useState, type FormEvent } from 'react';
import { ApiError, isApiError } from '../api-client.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { Link } from '../components/Link.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { formatDateTime } from '../i18n/format.ts';
import { roleLabel } from '../i18n/labels.ts';
import { useLang, useT, type Lang, type Translate } from '../i18n/language.ts';
import { navigate, paths, safeNextPath, useRoute } from '../router.ts';
import { login, useSession } from '../session.ts';

/**
 * The lock's end arrives as an ISO instant in `details.until`; only the browser knows the user's
 * time zone, so the time is written here (`24 Nov 2026, 14.29`) rather than by the server.
 */
function presentLoginError(error: unknown, t: Translate, lang: Lang): unknown {
  if (!isApiError(error) || error.code !== 'account_locked') return error;
  const until = error.details.until;
  if (typeof until !== 'string' || Number.isNaN(Date.parse(until))) return error;
  const message = t('login.locked', { time: formatDateTime(until, lang) });
  return new ApiError(error.status, error.code, message, error.details, error.requestId);
}

/**
 * Email + password. Server errors are shown as sent (in the user's language): wrong credentials,
 * a temporary lock after repeated failures with the time it ends, or too many attempts.
 */
export default function LoginPage() {
  const t = useT();
  const lang = useLang();
  const ids = useId();
  const session = useSession();
  const { query } = useRoute();
  const next = safeNextPath(query.get('next'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setBusy(true);
    login(email, password).then(
      (user) => {
        setBusy(false);
        // A kader comes to record the posyandu's weighing: straight to Input Data.
        navigate(next ?? (user?.role === 'kader' ? paths.input : paths.dashboard), {
          replace: true,
        });
      },
      (e: unknown) => {
        setBusy(false);
        setPassword('');
        setError(e);
      },
    );
  }

  if (session.user) {
    return (
      <>
        <PageHeading>{t('login.title')}</PageHeading>
        <p>
          {t('login.alreadyIn', {
            name: session.user.name,
            role: roleLabel(session.user.role, lang),
          })}
        </p>
        <Link className="button button-primary" to={paths.dashboard}>
          {t('login.toDashboard')}
        </Link>
      </>
    );
  }

  return (
    <div className="narrow">
      <PageHeading>{t('login.title')}</PageHeading>
      <p>{t('login.intro')}</p>
      <form className="form" onSubmit={handleSubmit}>
        <ErrorMessage error={presentLoginError(error, t, lang)} />
        <div className="field">
          <label htmlFor={`${ids}-email`}>{t('login.email')}</label>
          <input
            id={`${ids}-email`}
            type="email"
            inputMode="email"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${ids}-password`}>{t('login.password')}</label>
          <input
            id={`${ids}-password`}
            type={showPassword ? 'text' : 'password'}
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        <div className="field-check">
          <input
            id={`${ids}-show`}
            type="checkbox"
            checked={showPassword}
            onChange={(e) => setShowPassword(e.target.checked)}
          />
          <label htmlFor={`${ids}-show`}>{t('login.showPassword')}</label>
        </div>
        <button type="submit" className="button button-primary button-wide" disabled={busy}>
          {busy ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
      <p className="hint">{t('login.forgot')}</p>
    </div>
  );
}
