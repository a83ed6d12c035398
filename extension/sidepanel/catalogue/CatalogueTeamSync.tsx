import { useCallback, useEffect, useState } from 'react';
import { i18n } from '#i18n';
import type { ResultOf } from '../../../shared/common/protocol/define';
import { request } from '../../messaging/client';
import type { Methods } from '../../messaging/methods';
import { errorMessage } from './catalogue-client';

type Status = ResultOf<Methods, 'catalogue.syncStatus'>;

/** Why a sync failed, in words: "not connected" gets its own message pointing at the options page. */
export function syncErrorText(err: unknown): string {
  const message = errorMessage(err);
  if (message.includes('companion.not_connected') || message.includes('companion.unauthorized'))
    return i18n.t('catalogue.sync.notConnected');
  return i18n.t('catalogue.sync.failed', [message]);
}

/**
 * "Sync with team": shares the catalogue through the companion app (pull the team's changes, push this device's)
 * and says when that last happened. `onSynced` reloads the list.
 */
export function CatalogueTeamSync({ onSynced }: { onSynced: () => void }) {
  const [status, setStatus] = useState<Status | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(() => {
    request('catalogue.syncStatus', {}).then(setStatus, () => setStatus(null));
  }, []);
  useEffect(refresh, [refresh]);

  const sync = async () => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const r = await request('catalogue.sync', {}, { timeoutMs: 120_000 });
      setResult(i18n.t('catalogue.sync.done', [String(r.updatedLocally), String(r.pushed)]));
      onSynced();
    } catch (err) {
      setError(syncErrorText(err));
    } finally {
      setBusy(false);
      refresh();
    }
  };

  return (
    <div className="row" data-testid="catalogue-sync">
      <button type="button" onClick={() => void sync()} disabled={busy} data-testid="catalogue-sync-button">
        {busy ? i18n.t('catalogue.sync.running') : i18n.t('catalogue.sync.button')}
      </button>
      <span className="muted" role="status" data-testid="catalogue-sync-status">
        {status?.lastSyncAt
          ? i18n.t('catalogue.sync.last', [new Date(status.lastSyncAt).toLocaleString()])
          : i18n.t('catalogue.sync.never')}
        {status && status.pending > 0 ? ` · ${i18n.t('catalogue.sync.pending', [String(status.pending)])}` : ''}
      </span>
      {result && <span role="status">{result}</span>}
      {error && (
        <p className="error" role="alert" data-testid="catalogue-sync-error">
          {error}
        </p>
      )}
    </div>
  );
}
