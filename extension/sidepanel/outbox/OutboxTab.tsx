import { useCallback, useEffect, useState } from 'react';
import { i18n } from '#i18n';
import { request } from '../../messaging/client';
import type { ResultOf } from '../../../shared/common/protocol/define';
import type { Methods } from '../../messaging/methods';

type Outbox = ResultOf<Methods, 'outbox.list'>;
const REFRESH_MS = 2_000;
const time = (at: number) => new Date(at).toLocaleString();

/** The sync outbox: each item's kind, status, attempts and reason, with Retry and Discard; refreshes itself. */
export default function OutboxTab() {
  const [data, setData] = useState<Outbox | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      setData(await request('outbox.list', { limit: 500 }));
      setError(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }, []);
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);

  const act = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await fn();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
      await load();
    }
  };

  const banner =
    data?.delivery === 'delivering'
      ? i18n.t('outbox.delivering')
      : data?.delivery === 'offline'
        ? i18n.t('outbox.offline')
        : data?.delivery === 'not_connected' && data.counts.pending > 0
          ? i18n.t('outbox.notConnected')
          : null;

  return (
    <div data-testid="outbox" data-delivery={data?.delivery ?? ''}>
      <h2>{i18n.t('outbox.title')}</h2>
      <p className="muted">{i18n.t('outbox.intro')}</p>
      {error && (
        <p className="error" role="alert">
          {i18n.t('outbox.error', [error])}
        </p>
      )}
      {banner && (
        <p role="status" className="status" data-testid="outbox-banner">
          {banner}
        </p>
      )}
      {data && (
        <div className="row">
          <span data-testid="outbox-counts">
            {i18n.t('outbox.counts', [
              String(data.counts.pending),
              String(data.counts.sent),
              String(data.counts.failed),
            ])}
          </span>
          <button
            type="button"
            disabled={busy || data.counts.pending === 0}
            onClick={() => void act(() => request('outbox.flush', {}))}
          >
            {i18n.t('outbox.flush')}
          </button>
        </div>
      )}
      {data && data.items.length === 0 && <p className="muted">{i18n.t('outbox.empty')}</p>}
      {data && data.items.length > 0 && (
        <table className="models">
          <thead>
            <tr>
              <th scope="col">{i18n.t('outbox.col.kind')}</th>
              <th scope="col">{i18n.t('outbox.col.item')}</th>
              <th scope="col">{i18n.t('outbox.col.created')}</th>
              <th scope="col">{i18n.t('outbox.col.status')}</th>
              <th scope="col">{i18n.t('outbox.col.attempts')}</th>
              <th scope="col">{i18n.t('outbox.col.reason')}</th>
              <th scope="col">{i18n.t('outbox.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((item) => (
              <tr key={item.id} data-testid="outbox-item" data-status={item.status}>
                <td>{item.kind}</td>
                <td>{item.summary}</td>
                <td>{time(item.createdAt)}</td>
                <td>
                  {i18n.t(`outbox.status.${item.status}`)}
                  {item.status === 'pending' && item.nextAttemptAt && item.nextAttemptAt > Date.now() && (
                    <span className="muted"> ({i18n.t('outbox.nextAttempt', [time(item.nextAttemptAt)])})</span>
                  )}
                </td>
                <td>{item.attempts}</td>
                <td>{item.lastError ?? ''}</td>
                <td>
                  {item.status !== 'sent' && (
                    <button
                      type="button"
                      disabled={busy}
                      aria-label={`${i18n.t('outbox.retry')}: ${item.summary}`}
                      onClick={() => void act(() => request('outbox.retry', { id: item.id }))}
                    >
                      {i18n.t('outbox.retry')}
                    </button>
                  )}{' '}
                  <button
                    type="button"
                    disabled={busy}
                    aria-label={`${i18n.t('outbox.discard')}: ${item.summary}`}
                    onClick={() => void act(() => request('outbox.discard', { id: item.id }))}
                  >
                    {i18n.t('outbox.discard')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
