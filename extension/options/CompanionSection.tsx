import { useCallback, useEffect, useState } from 'react';
import { i18n } from '#i18n';
import { request } from '../messaging/client';
import type { ResultOf } from '../../shared/common/protocol/define';
import type { Methods } from '../messaging/methods';

type Status = ResultOf<Methods, 'companion.status'>;
const POLL_MS = 1_000;

/**
 * The options page's connection to the companion backend: status (portal and user), Connect (device sign-in: the
 * backend's approval page opens in a new tab, the code to compare is shown here) and Disconnect.
 */
export function CompanionSection({ savedUrl }: { savedUrl: string }) {
  const [status, setStatus] = useState<Status | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      setStatus(await request('companion.signInStatus', {}));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }, []);

  // Re-read when the saved URL changes: a token belongs to the backend that issued it.
  useEffect(() => void refresh(), [refresh, savedUrl]);
  // While a sign-in waits for approval, follow it.
  useEffect(() => {
    if (status?.state !== 'pending') return;
    const timer = setInterval(() => void refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [status?.state, refresh]);

  const act = async (method: 'companion.signIn' | 'companion.disconnect') => {
    setBusy(true);
    setError(null);
    try {
      setStatus(await request(method, {}));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  const problem = error ?? status?.lastError ?? null;
  return (
    <section aria-labelledby="companion-h" data-testid="companion" data-state={status?.state ?? 'checking'}>
      <h2 id="companion-h">{i18n.t('companion.title')}</h2>
      <p role="status" data-testid="companion-status">
        {status === null
          ? i18n.t('companion.status.checking')
          : status.state === 'connected'
            ? i18n.t('companion.status.connected', [String(status.portalId), status.userId ?? ''])
            : status.state === 'pending' && status.pending
              ? i18n.t('companion.status.pending', [status.pending.userCode])
              : i18n.t('companion.status.notConnected')}
      </p>
      {status?.state === 'pending' && status.pending && (
        <p>
          {i18n.t('companion.openedPage')}{' '}
          <a href={status.pending.verificationUri} target="_blank" rel="noreferrer" data-testid="companion-page">
            {status.pending.verificationUri}
          </a>{' '}
          <strong data-testid="companion-code">{status.pending.userCode}</strong>
        </p>
      )}
      {problem && (
        <p className="error" role="alert" data-testid="companion-error">
          {i18n.t('companion.status.error', [problem])}
        </p>
      )}
      <div className="row">
        {status?.state === 'connected' ? (
          <>
            <button type="button" disabled={busy} onClick={() => void act('companion.disconnect')}>
              {i18n.t('companion.disconnect')}
            </button>
            <span className="muted">{i18n.t('companion.disconnectNote')}</span>
          </>
        ) : (
          <button
            type="button"
            data-testid="companion-connect"
            disabled={busy || status?.state === 'pending'}
            onClick={() => void act('companion.signIn')}
          >
            {busy || status?.state === 'pending' ? i18n.t('companion.connecting') : i18n.t('companion.connect')}
          </button>
        )}
      </div>
    </section>
  );
}
