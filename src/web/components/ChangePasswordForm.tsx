import { useId, useState, type FormEvent } from 'react';
import { useT, type MessageKey } from '../i18n/language.ts';
import { requestFocus } from '../router.ts';
import { changePassword, useSession } from '../session.ts';
import { ErrorMessage } from './ErrorMessage.tsx';

/** Same bound as `passwordSchema` in src/contract/auth.ts; checked here only to answer faster. */
const minLength = 10;

interface ChangePasswordFormProps {
  /** First login with a one-time password: the current password is called "temporary". */
  temporary?: boolean;
  onDone?: () => void;
}

export function ChangePasswordForm({ temporary = false, onDone }: ChangePasswordFormProps) {
  const t = useT();
  const ids = useId();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const { user } = useSession();

  function check(): MessageKey | null {
    if (next.length < minLength) return 'password.tooShort';
    if (next !== confirm) return 'password.mismatch';
    if (next === current) return 'password.sameAsCurrent';
    return null;
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = check();
    setProblem(found);
    setError(null);
    setDone(false);
    if (found) return;
    setBusy(true);
    // After a forced change the app shows the page behind it: its heading takes the focus.
    if (temporary) requestFocus();
    changePassword(current, next).then(
      () => {
        setBusy(false);
        setDone(true);
        setCurrent('');
        setNext('');
        setConfirm('');
        onDone?.();
      },
      (e: unknown) => {
        setBusy(false);
        setError(e);
      },
    );
  }

  return (
    <form className="form" onSubmit={handleSubmit} noValidate>
      {problem && (
        <div role="alert" className="notice notice-error">
          <p>{t(problem)}</p>
        </div>
      )}
      <ErrorMessage error={error} />
      {done && (
        <p role="status" className="notice notice-success">
          {t('password.changed')}
        </p>
      )}
      {/* Lets password managers store the new password under the right account. */}
      <input
        type="email"
        name="username"
        autoComplete="username"
        value={user?.email ?? ''}
        readOnly
        hidden
      />
      <div className="field">
        <label htmlFor={`${ids}-current`}>
          {t(temporary ? 'password.currentTemporary' : 'password.current')}
        </label>
        <input
          id={`${ids}-current`}
          type="password"
          autoComplete="current-password"
          required
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${ids}-new`}>{t('password.new')}</label>
        <input
          id={`${ids}-new`}
          type="password"
          autoComplete="new-password"
          required
          minLength={minLength}
          aria-describedby={`${ids}-new-hint`}
          aria-invalid={problem === 'password.tooShort' || undefined}
          value={next}
          onChange={(e) => setNext(e.target.value)}
        />
        <p id={`${ids}-new-hint`} className="hint">
          {t('password.newHint')}
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${ids}-confirm`}>{t('password.confirm')}</label>
        <input
          id={`${ids}-confirm`}
          type="password"
          autoComplete="new-password"
          required
          aria-invalid={problem === 'password.mismatch' || undefined}
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
        />
      </div>
      <button type="submit" className="button button-primary" disabled={busy}>
        {busy ? t('common.saving') : t('password.submit')}
      </button>
    </form>
  );
}
