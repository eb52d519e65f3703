import { useEffect, useRef } from 'react';
import { useT } from '../i18n/language.ts';
import { useHref } from '../router.ts';
import { dismissToast, useToast } from '../toast.ts';
import { StatusIcon } from './StatusIcon.tsx';

/**
 * The live region of the toasts. It is always in the page (empty when idle) so that screen
 * readers announce a message the moment it appears. A toast belongs to the page it appeared on:
 * moving on to the next child or form removes it, so it never covers new work.
 */
export function ToastRegion() {
  const t = useT();
  const toast = useToast();
  const href = useHref();
  const shownOn = useRef<{ id: number; href: string } | null>(null);

  useEffect(() => {
    if (!toast) return;
    if (shownOn.current?.id !== toast.id) shownOn.current = { id: toast.id, href };
    else if (shownOn.current.href !== href) dismissToast();
  }, [toast, href]);

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
