/**
 * Benchmarks the dashboard aggregation on 10,000 seeded outcome events (several campaigns, variants, segments and
 * reps; sends with replies, positive replies, meetings, bounces, out-of-office and unsubscribes, some with sentiment)
 * and prints one JSON line {"events":10000,"ms","csv_ms"}: the median of timed runs after a warm-up, for
 * `aggregateOutcomes` with its default breakdowns plus a variant × segment one, and for the CSV export of that result.
 * Exits 1 when the aggregation median is above the 200 ms budget.
 */
import {
  SENTIMENT_LABELS,
  aggregateOutcomes,
  aggregationToCsv,
  createRng,
  type OutcomeEvent,
  type OutcomeType,
} from '../../shared/common/campaigns';
import { runBench } from './runner';

const EVENTS = 10_000;
const BUDGET_MS = 200;
const WARMUP = 5;
const RUNS = 21;
const HOUR = 3_600_000;
const START = Date.UTC(2026, 0, 5);

const rng = createRng('bench-dashboard-agg');
const pick = <T>(items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T;
const campaigns = ['q1-logistics', 'q1-fintech', 'renewals'];
const segments = ['technical_buyer', 'economic_buyer', 'champion', 'procurement'];
const reps = ['rep-ana', 'rep-ben', 'rep-chen', 'rep-dara', 'rep-eli'];
const variants = ['a', 'b', 'c', 'd', 'e', 'f'];

const events: OutcomeEvent[] = [];
for (let contact = 0; events.length < EVENTS; contact++) {
  const campaignId = pick(campaigns);
  const base = {
    campaignId,
    variantId: `${campaignId}/${pick(variants)}`,
    contactId: `contact-${contact}`,
    segment: pick(segments),
    rep: pick(reps),
  };
  const sentAt = START + Math.floor(rng() * 60 * 24 * HOUR);
  const push = (type: OutcomeType, at: number, withSentiment = false): void => {
    events.push({ ...base, type, at, ...(withSentiment && rng() < 0.8 ? { sentiment: pick(SENTIMENT_LABELS) } : {}) });
  };
  push('sent', sentAt);
  if (rng() < 0.3) push('sent', sentAt + 72 * HOUR); // a follow-up in the same thread
  const r = rng();
  const replyAt = sentAt + Math.floor(rng() * 96 * HOUR);
  if (r < 0.03) push('bounce', sentAt + 60_000);
  else if (r < 0.08) push('out_of_office', sentAt + 600_000);
  else if (r < 0.2) push('replied', replyAt, true);
  else if (r < 0.27) {
    push('replied', replyAt, true);
    push('positive_reply', replyAt, true);
    if (rng() < 0.4) push('meeting', replyAt + 24 * HOUR);
  } else if (r < 0.31) push('not_interested', replyAt, true);
  else if (r < 0.32) push('unsubscribe', replyAt);
}
events.length = EVENTS;
events.sort((a, b) => a.at - b.at);

const options = { groupBy: [['campaign'], ['variant'], ['segment'], ['rep'], ['variant', 'segment']] } as const;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? NaN;
const time = (fn: () => unknown): number[] => {
  for (let i = 0; i < WARMUP; i++) fn();
  const out: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    fn();
    out.push(performance.now() - t0);
  }
  return out;
};

runBench('dashboard-agg', () => {
  const aggMs = median(time(() => aggregateOutcomes(events, options)));
  const result = aggregateOutcomes(events, options);
  const csvMs = median(time(() => aggregationToCsv(result)));
  return {
    figures: { events: events.length, ms: Number(aggMs.toFixed(2)), csv_ms: Number(csvMs.toFixed(2)) },
    targets: { [`aggregation median ${aggMs.toFixed(2)} ms <= ${BUDGET_MS} ms`]: aggMs <= BUDGET_MS },
  };
});
