import type { ReactNode } from 'react';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { Loading } from '../components/Loading.tsx';
import type { ApiState } from '../hooks/use-api.ts';
import { useT } from '../i18n/language.ts';

export interface SectionProps {
  id: string;
  title: string;
  /** A line under the heading: what, where, when. */
  subtitle?: string | undefined;
  /** Buttons or links at the heading's right (downloads). */
  actions?: ReactNode;
  children: ReactNode;
}

/** One block of the dashboard: a card with an h2 that names it for screen readers. */
export function Section({ id, title, subtitle, actions, children }: SectionProps) {
  return (
    <section className="dash-section" aria-labelledby={`${id}-title`} id={id}>
      <div className="dash-section-head">
        <div>
          <h2 id={`${id}-title`}>{title}</h2>
          {subtitle && <p className="dash-section-sub">{subtitle}</p>}
        </div>
        {actions && <div className="dash-section-actions">{actions}</div>}
      </div>
      {children}
    </section>
  );
}

/**
 * The loading and error states of one request, then its content. While a new answer is on its
 * way the old content stays (dimmed), so the page does not jump on every change of period.
 */
export function Pending<T>({
  state,
  children,
}: {
  state: ApiState<T>;
  children: (data: T) => ReactNode;
}) {
  const t = useT();
  if (state.error) {
    return (
      <>
        <ErrorMessage error={state.error} />
        <button type="button" className="button button-small" onClick={state.reload}>
          {t('layout.retry')}
        </button>
      </>
    );
  }
  if (state.data === undefined) return <Loading />;
  return (
    <div className={state.loading ? 'dash-stale' : undefined} aria-busy={state.loading}>
      {children(state.data)}
    </div>
  );
}

/** The space a chart takes while its code arrives (no jump when it does). */
export function ChartLoading({ height }: { height: number }) {
  const t = useT();
  return (
    <div className="dash-chart-loading" style={{ height }}>
      <p className="loading">{t('dashboard.chartLoading')}</p>
    </div>
  );
}
