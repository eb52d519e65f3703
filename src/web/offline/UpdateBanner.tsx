import { useT } from '../i18n/language.ts';
import { applyUpdate, useAppUpdate } from './app-update.ts';
import { useOfflineState } from './offline-store.ts';

/**
 * "Versi baru siap": a new app version has installed and waits for the user's reload (never
 * swapped in the middle of a form). Also asks for a reload when another tab runs a newer version.
 */
export function UpdateBanner() {
  const t = useT();
  const { updateReady } = useAppUpdate();
  const { reloadNeeded } = useOfflineState();
  if (!updateReady && !reloadNeeded) return null;
  return (
    <div className="banner banner-update" role="status">
      <div className="container banner-inner">
        <p>{reloadNeeded ? t('offline.reloadNeeded') : t('offline.updateReady')}</p>
        <button
          type="button"
          className="button button-primary"
          onClick={() => (reloadNeeded ? window.location.reload() : applyUpdate())}
        >
          {t('offline.updateReload')}
        </button>
      </div>
    </div>
  );
}
