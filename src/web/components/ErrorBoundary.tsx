import { Component, type ErrorInfo, type ReactNode } from 'react';
import { translate } from '../i18n/language.ts';

interface State {
  failed: boolean;
}

/**
 * Catches a page that fails to load or render (often a lazy chunk over a dropped connection) and
 * offers a reload instead of a blank screen. Keyed by path in App, so another page starts afresh.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(error, info.componentStack);
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div role="alert" className="notice notice-error">
        <p>{translate('error.pageLoad')}</p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          {translate('common.reload')}
        </button>
      </div>
    );
  }
}
