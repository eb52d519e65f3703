import { isApiError } from '../api-client.ts';
import { useT } from '../i18n/language.ts';

/**
 * Shows an error to the user by its message. Server messages are already in the user's language;
 * for server failures the request id helps the administrator find the matching log line.
 */
export function ErrorMessage({ error }: { error: unknown }) {
  const t = useT();
  if (error === undefined || error === null) return null;
  const message = isApiError(error) ? error.message : t('error.unexpected');
  const requestId = isApiError(error) && error.status >= 500 ? error.requestId : null;
  return (
    <div role="alert" className="notice notice-error">
      <p>{message}</p>
      {requestId && <p className="notice-meta">{t('common.requestId', { requestId })}</p>}
    </div>
  );
}
