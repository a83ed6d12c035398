import { useEffect, useId, useState } from 'react';
import { i18n } from '#i18n';
import { aggregationToCsv, type GroupStats } from '../../../shared/common/campaigns';
import type { ResultOf } from '../../../shared/common/protocol/define';
import { request } from '../../messaging/client';
import type { Methods } from '../../messaging/methods';
import { pct, pick } from '../../ui/localized';
import { toRange } from './date-range';
import { RateChart, SentimentBar } from './RateChart';
import { RefitPanel } from './RefitPanel';
import './dashboard.css';

type Data = ResultOf<Methods, 'campaign.dashboard'>;
const BREAKDOWN_KEYS = ['campaign', 'campaign_variant', 'segment', 'rep'] as const;

/**
 * Campaign results from this device's IndexedDB: per campaign, variant, segment and rep, with 90% intervals always
 * shown, reply sentiment, time to reply, draft ratings per prompt version, CSV export and a date range (of sends).
 */
export default function DashboardTab() {
  const id = useId();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [data, setData] = useState<Data | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    let live = true;
    setLoading(true);
    request('campaign.dashboard', toRange(from, to), { timeoutMs: 30_000 }).then(
      (d) => {
        if (!live) return;
        setData(d);
        setError(null);
        setLoading(false);
      },
      (err: unknown) => {
        if (!live) return;
        setError(err instanceof Error ? err.message : String(err));
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [from, to]);

  const name = (s: GroupStats): string => {
    const k = s.key;
    const parts: string[] = [];
    if (k.campaign !== undefined) parts.push(data?.names[k.campaign] ?? k.campaign);
    if (k.variant !== undefined) parts.push(data?.names[`${k.campaign ?? ''}\u0000${k.variant}`] ?? k.variant);
    if (k.segment !== undefined) parts.push(k.segment);
    if (k.rep !== undefined) parts.push(k.rep);
    return parts.join(' · ');
  };

  const exportCsv = () => {
    if (!data) return;
    const blob = new Blob([aggregationToCsv(data.aggregation)], { type: 'text/csv;charset=utf-8' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `closer-campaigns${from ? `-${from}` : ''}${to ? `-${to}` : ''}.csv`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  };

  const level = data?.aggregation.level ?? 0.9;
  const interval = (r: GroupStats['replyRate']) =>
    r.rate === null
      ? i18n.t('dashboard.none')
      : i18n.t('dashboard.interval', [
          String(Math.round(r.rate * 1000) / 10),
          String(Math.round(r.low * 100)),
          String(Math.round(r.high * 100)),
        ]);
  const variantRows = data?.aggregation.breakdowns[1]?.rows ?? [];

  return (
    <section aria-labelledby={`${id}-h`} data-testid="dashboard" data-state={loading ? 'loading' : 'ready'}>
      <h2 id={`${id}-h`}>{i18n.t('dashboard.title')}</h2>
      <div className="row wrap">
        <label htmlFor={`${id}-from`}>{i18n.t('dashboard.from')}</label>
        <input
          id={`${id}-from`}
          type="date"
          value={from}
          onChange={(e) => setFrom(e.target.value)}
          data-testid="dashboard-from"
        />
        <label htmlFor={`${id}-to`}>{i18n.t('dashboard.to')}</label>
        <input
          id={`${id}-to`}
          type="date"
          value={to}
          onChange={(e) => setTo(e.target.value)}
          data-testid="dashboard-to"
        />
        <button type="button" onClick={exportCsv} disabled={!data} data-testid="dashboard-export">
          {i18n.t('dashboard.export')}
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {i18n.t('dashboard.error', [error])}
        </p>
      )}
      {loading && !data && (
        <p className="muted" role="status">
          {i18n.t('dashboard.loading')}
        </p>
      )}
      {data && data.aggregation.total.sends === 0 && <p className="muted">{i18n.t('dashboard.empty')}</p>}
      {data && data.aggregation.total.sends > 0 && (
        <>
          <p className="muted" data-testid="dashboard-computed">
            {i18n.t('dashboard.computed', [String(Math.round(data.ms)), String(data.aggregation.events)])}
          </p>
          <RateChart
            title={i18n.t('dashboard.chart', [String(Math.round(level * 100))])}
            level={level}
            rows={variantRows.map((r) => ({
              key: `${r.key.campaign}\u0000${r.key.variant}`,
              label: name(r),
              rate: r.positiveRate.rate,
              low: r.positiveRate.low,
              high: r.positiveRate.high,
              sends: r.sends,
            }))}
          />
          <ul className="muted" data-testid="dashboard-winners">
            {data.winners.map((w) => (
              <li key={w.campaignId} data-winner={w.decision.winner ?? ''}>
                {data.names[w.campaignId] ?? w.campaignId}: {pick(w.decision.text)}
              </li>
            ))}
          </ul>
          {data.aggregation.breakdowns.map((b, bi) => (
            <div key={b.groupBy.join('+')} className="table-wrap">
              <table className="stats" data-testid={`breakdown-${BREAKDOWN_KEYS[bi] ?? bi}`}>
                <caption>{i18n.t(`dashboard.breakdown.${BREAKDOWN_KEYS[bi] ?? 'campaign'}`)}</caption>
                <thead>
                  <tr>
                    <th scope="col">{i18n.t('dashboard.col.group')}</th>
                    <th scope="col">{i18n.t('dashboard.col.sends')}</th>
                    <th scope="col">{i18n.t('dashboard.col.replyRate')}</th>
                    <th scope="col">{i18n.t('dashboard.col.positiveRate')}</th>
                    <th scope="col">{i18n.t('dashboard.col.meetings')}</th>
                    <th scope="col">{i18n.t('dashboard.col.bounces')}</th>
                    <th scope="col">{i18n.t('dashboard.col.outOfOffice')}</th>
                    <th scope="col">{i18n.t('dashboard.col.sentiment')}</th>
                    <th scope="col">{i18n.t('dashboard.col.timeToReply')}</th>
                  </tr>
                </thead>
                <tbody>
                  {b.rows.map((r) => (
                    <tr
                      key={Object.values(r.key).join('\u0000')}
                      data-testid="stats-row"
                      data-key={Object.values(r.key).join('/')}
                      data-sends={r.sends}
                      data-replies={r.replies}
                      data-positive={r.positiveReplies}
                      data-meetings={r.meetings}
                      data-bounces={r.bounces}
                      data-ooo={r.outOfOffice}
                      data-not-interested={r.notInterested}
                      data-unsubscribes={r.unsubscribes}
                    >
                      <th scope="row">{name(r)}</th>
                      <td>{r.sends}</td>
                      <td>
                        {r.replies} · {interval(r.replyRate)}
                      </td>
                      <td>
                        {r.positiveReplies} · {interval(r.positiveRate)}
                      </td>
                      <td>{r.meetings}</td>
                      <td>{r.bounces}</td>
                      <td>{r.outOfOffice}</td>
                      <td>
                        <SentimentBar counts={r.sentiment} />
                      </td>
                      <td>
                        {r.medianTimeToReplyMs === null
                          ? i18n.t('dashboard.none')
                          : i18n.t('dashboard.hours', [String(Math.round(r.medianTimeToReplyMs / 360_000) / 10)])}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
        </>
      )}
      {data && data.ratings.length > 0 && (
        <div className="table-wrap">
          <table className="stats" data-testid="ratings">
            <caption>{i18n.t('dashboard.ratings.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{i18n.t('dashboard.ratings.prompt')}</th>
                <th scope="col">{i18n.t('dashboard.ratings.drafts')}</th>
                <th scope="col">{i18n.t('dashboard.ratings.thumbs')}</th>
                <th scope="col">{i18n.t('dashboard.ratings.stars')}</th>
                <th scope="col">{i18n.t('dashboard.ratings.sends')}</th>
                <th scope="col">{i18n.t('dashboard.ratings.positive')}</th>
              </tr>
            </thead>
            <tbody>
              {data.ratings.map((r) => (
                <tr key={r.promptVersion} data-testid="rating-row">
                  <th scope="row">{r.promptVersion}</th>
                  <td>{r.drafts}</td>
                  <td>
                    {r.thumbsUp} / {r.thumbsDown}
                  </td>
                  <td>{r.meanStars === null ? i18n.t('dashboard.none') : r.meanStars.toFixed(1)}</td>
                  <td>{r.sends}</td>
                  <td>
                    {pct(r.positiveRate.rate)}{' '}
                    {r.positiveRate.rate === null
                      ? ''
                      : `(${Math.round(r.positiveRate.low * 100)}–${Math.round(r.positiveRate.high * 100)}%)`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <RefitPanel />
    </section>
  );
}
