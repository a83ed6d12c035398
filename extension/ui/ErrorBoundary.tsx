import { Component, type ReactNode } from 'react';
import { i18n } from '#i18n';

/** Keeps a rendering bug from blanking the panel: it shows what failed and offers a reload. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="panel" role="alert" data-testid="panel-crash">
        <p className="error">{i18n.t('panel.error.generic', [this.state.error.message])}</p>
        <button type="button" onClick={() => location.reload()}>
          {i18n.t('panel.error.retry')}
        </button>
      </div>
    );
  }
}
