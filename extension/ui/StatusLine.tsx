import { i18n } from '#i18n';
import type { HostState } from './use-host-status';

export function StatusLine({ state, onRetry }: { state: HostState; onRetry: () => void }) {
  if (state.kind === 'checking')
    return (
      <p className="status" role="status" data-testid="host-status" data-state="checking">
        <progress aria-label={i18n.t('panel.status.checking')} /> {i18n.t('panel.status.checking')}
      </p>
    );
  if (state.kind === 'unavailable')
    return (
      <p className="status error" role="alert" data-testid="host-status" data-state="unavailable">
        {i18n.t('panel.status.unavailable', [state.message])}{' '}
        <button type="button" onClick={onRetry}>
          {i18n.t('panel.error.retry')}
        </button>
      </p>
    );
  const loaded = state.status.loaded;
  return (
    <p className="status" role="status" data-testid="host-status" data-state="ready" data-host-id={state.status.hostId}>
      <span className="dot" aria-hidden="true" />
      {loaded ? i18n.t('panel.status.ready', [`${loaded.engine} · ${loaded.model}`]) : i18n.t('panel.status.notLoaded')}
    </p>
  );
}
