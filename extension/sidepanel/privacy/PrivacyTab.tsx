import { useCallback, useEffect, useState } from 'react';
import { i18n } from '#i18n';
import { request } from '../../messaging/client';
import type { ResultOf } from '../../../shared/common/protocol/define';
import type { Methods } from '../../messaging/methods';

type Ledger = ResultOf<Methods, 'ledger.list'>;

/** Human-readable byte counts (1 decimal above a kilobyte). */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(1)} GB`;
}

/** The privacy ledger: every request that left the extension, newest first, with the totals. */
export default function PrivacyTab() {
  const [data, setData] = useState<Ledger | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setData(await request('ledger.list', { limit: 500 }));
      setError(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }, []);
  useEffect(() => void load(), [load]);

  return (
    <div data-testid="ledger">
      <h2>{i18n.t('ledger.title')}</h2>
      <p className="privacy">{i18n.t('ledger.intro')}</p>
      {error && (
        <p className="error" role="alert">
          {i18n.t('ledger.error', [error])}
        </p>
      )}
      <div className="row">
        {data && (
          <span data-testid="ledger-total">
            {i18n.t('ledger.total', [
              String(data.count),
              formatBytes(data.totalBytesOut),
              formatBytes(data.totalBytesIn),
            ])}
          </span>
        )}
        <button type="button" onClick={() => void load()}>
          {i18n.t('ledger.refresh')}
        </button>
      </div>
      {data && data.entries.length === 0 && <p className="muted">{i18n.t('ledger.empty')}</p>}
      {data && data.entries.length > 0 && (
        <table className="models">
          <thead>
            <tr>
              <th scope="col">{i18n.t('ledger.col.when')}</th>
              <th scope="col">{i18n.t('ledger.col.where')}</th>
              <th scope="col">{i18n.t('ledger.col.purpose')}</th>
              <th scope="col">{i18n.t('ledger.col.fields')}</th>
              <th scope="col">{i18n.t('ledger.col.bytes')}</th>
              <th scope="col">{i18n.t('ledger.col.status')}</th>
            </tr>
          </thead>
          <tbody>
            {data.entries.map((e) => (
              <tr key={e.id} data-testid="ledger-entry">
                <td>{new Date(e.at).toLocaleString()}</td>
                <td>
                  {e.method} {e.url}
                </td>
                <td>{e.purpose}</td>
                <td>{e.fields.join(', ')}</td>
                <td>
                  {formatBytes(e.bytesOut)} / {e.bytesIn === undefined ? '—' : formatBytes(e.bytesIn)}
                </td>
                <td>{e.error ?? e.status ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
