import { useT } from '../i18n/language.ts';
import { dismissToast, useToast } from '../toast.ts';
import { StatusIcon } from './StatusIcon.tsx';

/**
 * The live region of the toasts. It is always in the page (empty when idle) so that screen
 * readers announce a message the moment it appears.
 */
export function ToastRegion() {
  const t = useT();
  const toast = useToast();
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {toast && (
        <div key={toast.id} className={`toast toast-${toast.tone}`}>
          <StatusIcon kind={toast.tone === 'success' ? 'ok' : 'warning'} />
          <p>{toast.message}</p>
          <button
            type="button"
            className="toast-close"
            onClick={dismissToast}
            aria-label={t('common.close')}
          >
            ×
          </button>
        </div>
      )}
    </div>
  );
}
