import { useT } from '../i18n/language.ts';

/** A quiet "Memuat…" announced to screen readers. */
export function Loading() {
  const t = useT();
  return (
    <p role="status" className="loading">
      {t('common.loading')}
    </p>
  );
}
