import { useState } from 'react';
import { i18n } from '#i18n';
import type { ResultOf } from '../../../shared/common/protocol/define';
import { request } from '../../messaging/client';
import type { Methods } from '../../messaging/methods';

type Refit = ResultOf<Methods, 'campaign.refitWeights'>;
const f3 = (x: number | null) => (x === null ? '—' : x.toFixed(3));

/** Content-score weights re-fitted from tagged sends' outcomes, old beside new, with the fit before and after. */
export function RefitPanel() {
  const [result, setResult] = useState<Refit | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setRunning(true);
    try {
      setResult(await request('campaign.refitWeights', {}, { timeoutMs: 60_000 }));
      setError(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setRunning(false);
    }
  };
  return (
    <section aria-labelledby="refit-h" data-testid="refit">
      <h3 id="refit-h">{i18n.t('dashboard.refit.title')}</h3>
      <button type="button" onClick={() => void run()} disabled={running} data-testid="refit-run">
        {running ? i18n.t('dashboard.refit.running') : i18n.t('dashboard.refit.run')}
      </button>
      {error && (
        <p className="error" role="alert">
          {i18n.t('dashboard.error', [error])}
        </p>
      )}
      {result && (
        <>
          <p role="status" data-testid="refit-status" data-status={result.status}>
            {i18n.t(`dashboard.refit.status.${result.status}`, [String(result.samples), String(result.positives)])}
          </p>
          {result.fit && (
            <p className="muted">
              {i18n.t('dashboard.refit.fit', [
                f3(result.fit.before.logLoss),
                f3(result.fit.after.logLoss),
                f3(result.fit.before.auc),
                f3(result.fit.after.auc),
              ])}
            </p>
          )}
          {result.changes.length > 0 && (
            <div className="table-wrap">
              <table className="stats">
                <thead>
                  <tr>
                    <th scope="col">{i18n.t('dashboard.refit.criterion')}</th>
                    <th scope="col">{i18n.t('dashboard.refit.old')}</th>
                    <th scope="col">{i18n.t('dashboard.refit.new')}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.changes.map((c) => (
                    <tr key={c.id}>
                      <th scope="row">{c.id}</th>
                      <td>{c.old.toFixed(2)}</td>
                      <td>{c.new.toFixed(2)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
