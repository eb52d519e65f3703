import { roleAllows } from '../../core/access/roles.ts';
import { Link } from '../components/Link.tsx';
import { formatNumber } from '../i18n/format.ts';
import { useLang, useT } from '../i18n/language.ts';
import { paths, useRoute } from '../router.ts';
import { useSession } from '../session.ts';
import { useOfflineState } from './offline-store.ts';

/**
 * The header's word on the phone's queue, always in view for a kader: "3 menunggu dikirim",
 * "1 perlu keputusan", "Luring" without a network, or "Semua terkirim". A link to the Kiriman
 * page with the details and the "Kirim sekarang" button. Words and an icon, not only colour.
 */
export function SyncIndicator() {
  const t = useT();
  const lang = useLang();
  const { user } = useSession();
  const { route } = useRoute();
  const s = useOfflineState();
  if (!user || !s.ready) return null;
  const { pending, conflicts, rejected } = s.counts;
  const decide = conflicts + rejected;
  if (!roleAllows(user.role, 'records:write') && pending + decide === 0) return null;
  const tone = decide > 0 ? 'danger' : pending > 0 || !s.online ? 'warning' : 'ok';
  const text =
    decide > 0
      ? t('offline.indicatorDecide', { count: formatNumber(decide, lang) })
      : pending > 0
        ? t('offline.indicatorPending', { count: formatNumber(pending, lang) })
        : s.online
          ? t('offline.indicatorAllSent')
          : t('offline.indicatorOffline');
  return (
    <Link
      to={paths.outbox}
      className={`sync-indicator sync-${tone}`}
      aria-current={route.name === 'outbox' ? 'page' : undefined}
      aria-label={t('offline.indicatorLabel', { state: text })}
    >
      <span className="sync-dot" aria-hidden="true">
        {tone === 'ok' ? '✓' : s.syncing ? '↻' : decide > 0 ? '!' : '↑'}
      </span>
      <span className="sync-text">{text}</span>
      {!s.online && pending + decide > 0 && (
        <span className="sync-offline"> · {t('offline.indicatorOffline')}</span>
      )}
    </Link>
  );
}
