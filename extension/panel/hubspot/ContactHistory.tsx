import { useEffect, useState } from 'react';
import { i18n } from '#i18n';
import { request } from '../../messaging/client';
import type { ResultOf } from '../../../shared/common/protocol/define';
import type { Methods } from '../../messaging/methods';

type History = ResultOf<Methods, 'persona.history'>;
const VALUE = { negative: 0, neutral: 0.5, positive: 1 } as const;
const TREND_LENGTH = 10;

/** The sentiment of their latest replies (from this device's analysis) and their campaign events. */
export function ContactHistory({ email }: { email: string | null }) {
  const [history, setHistory] = useState<History | null>(null);
  useEffect(() => {
    if (!email) return;
    let live = true;
    void request('persona.history', { email }).then(
      (h) => live && setHistory(h),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [email]);
  if (!email || !history) return null;

  const rated = history.messages.filter((m) => m.sentiment).slice(-TREND_LENGTH);
  const count = (label: 'positive' | 'neutral' | 'negative') =>
    rated.filter((m) => m.sentiment?.label === label).length;
  const latest = rated.at(-1)?.sentiment?.label;
  const points = rated
    .map((m, i) => `${(i / Math.max(1, rated.length - 1)) * 100},${30 - VALUE[m.sentiment!.label] * 28 - 1}`)
    .join(' ');
  const byType = new Map<string, number>();
  for (const e of history.events) byType.set(e.type, (byType.get(e.type) ?? 0) + 1);

  return (
    <section aria-labelledby="history-h" data-testid="contact-history">
      <h3 id="history-h">{i18n.t('hubspot.history')}</h3>
      {rated.length === 0 ? (
        <p className="muted">{i18n.t('hubspot.noHistory')}</p>
      ) : (
        <p data-testid="sentiment-trend">
          <svg viewBox="0 0 100 30" width="120" height="30" aria-hidden="true">
            <polyline points={points} fill="none" stroke="currentColor" strokeWidth="2" />
          </svg>{' '}
          {i18n.t('hubspot.trend', [
            String(rated.length),
            String(count('positive')),
            String(count('neutral')),
            String(count('negative')),
            i18n.t(`hubspot.sentiment.${latest ?? 'neutral'}`),
          ])}
        </p>
      )}
      <h3>{i18n.t('hubspot.campaigns')}</h3>
      {byType.size === 0 ? (
        <p className="muted">{i18n.t('hubspot.noCampaigns')}</p>
      ) : (
        <ul data-testid="campaign-results">
          {[...byType].map(([type, n]) => (
            <li key={type}>
              {type}: {n}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
