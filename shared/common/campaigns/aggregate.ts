import { DEFAULT_LEVEL, rateInterval, type IntervalMethod } from './intervals';
import type { OutcomeEvent, SentimentLabel } from './schema';

/** What dashboard rows can be grouped by. */
export type Dimension = 'campaign' | 'variant' | 'segment' | 'rep';
export const DIMENSIONS: readonly Dimension[] = ['campaign', 'variant', 'segment', 'rep'];

/** Options of {@link aggregateOutcomes}. */
export interface AggregateOptions {
  /**
   * Send-time cohort, epoch ms, `from` inclusive and `to` exclusive. The range selects sends, and each send keeps all
   * its outcomes even when they came later: filtering outcomes by their own date would count a send made on the
   * 30th whose reply came on the 2nd as unanswered, and make recent periods look worse than they are.
   */
  from?: number;
  to?: number;
  /**
   * Breakdowns to compute, each a list of dimensions. Default: one each by campaign, variant, segment and rep.
   * Variant ids are used as given; add 'campaign' when different campaigns reuse variant ids.
   */
  groupBy?: ReadonlyArray<readonly Dimension[]>;
  /** Interval level, default 0.9. */
  level?: number;
  /** Interval method, default Wilson (closed form, cheap for many rows). */
  method?: IntervalMethod;
}

/** A rate with its interval; `rate` is null without sends, and the interval is then [0, 1]. */
export interface RateStats {
  rate: number | null;
  low: number;
  high: number;
}

/** Replies by sentiment label; `unlabelled` when the classifier gave none. */
export type SentimentCounts = Record<SentimentLabel | 'unlabelled', number>;

/** Dashboard figures for one group. Rates are per contact sent to (`sends`), the unit a reply is measured on. */
export interface GroupStats {
  key: Partial<Record<Dimension, string>>;
  /** Contacts sent to at least once (campaign × variant × contact threads): the denominator of every rate. */
  sends: number;
  /** `sent` events, counting follow-ups in the same thread. */
  messages: number;
  /** Threads with a human reply (replied, positive_reply, not_interested or meeting; not out-of-office). */
  replies: number;
  /** Threads with a positive reply or a meeting. */
  positiveReplies: number;
  meetings: number;
  notInterested: number;
  unsubscribes: number;
  bounces: number;
  outOfOffice: number;
  replyRate: RateStats;
  positiveRate: RateStats;
  sentiment: SentimentCounts;
  /** Median of first reply − first send over replied threads, ms; null when none replied. */
  medianTimeToReplyMs: number | null;
}

/** One breakdown: the dimensions grouped by and its rows, most sends first. */
export interface Breakdown {
  groupBy: Dimension[];
  rows: GroupStats[];
}

/** Everything a dashboard shows for a set of events. */
export interface AggregationResult {
  range: { from: number | null; to: number | null };
  level: number;
  method: IntervalMethod;
  /** Events read. */
  events: number;
  /** Outcome events whose thread has no `sent` event at all (e.g. an export cut before the send); not counted. */
  orphanOutcomes: number;
  total: GroupStats;
  breakdowns: Breakdown[];
}

// Thread flags, one bit per outcome kind, so a duplicated event (a retried sync) cannot count twice.
const REPLIED = 1;
const POSITIVE = 2;
const MEETING = 4;
const NOT_INTERESTED = 8;
const UNSUBSCRIBE = 16;
const BOUNCE = 32;
const OUT_OF_OFFICE = 64;

const FLAGS: Record<OutcomeEvent['type'], number> = {
  sent: 0,
  replied: REPLIED,
  positive_reply: REPLIED | POSITIVE,
  meeting: REPLIED | POSITIVE | MEETING,
  not_interested: REPLIED | NOT_INTERESTED,
  unsubscribe: UNSUBSCRIBE,
  bounce: BOUNCE,
  out_of_office: OUT_OF_OFFICE,
};

/** One contact's thread for one campaign variant. */
interface Thread {
  campaign: string;
  variant: string;
  segment: string;
  rep: string;
  sentAt: number;
  messages: number;
  flags: number;
  outcomes: number;
  firstReplyAt: number;
  sentiment: SentimentLabel | undefined;
  sentimentAt: number;
}

interface Accumulator {
  key: Partial<Record<Dimension, string>>;
  sends: number;
  messages: number;
  replies: number;
  positives: number;
  meetings: number;
  notInterested: number;
  unsubscribes: number;
  bounces: number;
  outOfOffice: number;
  sentiment: SentimentCounts;
  delays: number[];
}

function newAccumulator(key: Partial<Record<Dimension, string>>): Accumulator {
  return {
    key,
    sends: 0,
    messages: 0,
    replies: 0,
    positives: 0,
    meetings: 0,
    notInterested: 0,
    unsubscribes: 0,
    bounces: 0,
    outOfOffice: 0,
    sentiment: { positive: 0, neutral: 0, negative: 0, unlabelled: 0 },
    delays: [],
  };
}

function add(acc: Accumulator, t: Thread): void {
  acc.sends++;
  acc.messages += t.messages;
  if (t.flags & REPLIED) {
    acc.replies++;
    acc.sentiment[t.sentiment ?? 'unlabelled']++;
    // A reply stamped before the send is clock skew or bad data: counted as a reply, left out of the timing.
    if (t.firstReplyAt >= t.sentAt) acc.delays.push(t.firstReplyAt - t.sentAt);
  }
  if (t.flags & POSITIVE) acc.positives++;
  if (t.flags & MEETING) acc.meetings++;
  if (t.flags & NOT_INTERESTED) acc.notInterested++;
  if (t.flags & UNSUBSCRIBE) acc.unsubscribes++;
  if (t.flags & BOUNCE) acc.bounces++;
  if (t.flags & OUT_OF_OFFICE) acc.outOfOffice++;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function finish(acc: Accumulator, method: IntervalMethod, level: number): GroupStats {
  const rate = (successes: number): RateStats => {
    const i = rateInterval(successes, acc.sends, method, level);
    return { rate: acc.sends === 0 ? null : successes / acc.sends, low: i.low, high: i.high };
  };
  return {
    key: acc.key,
    sends: acc.sends,
    messages: acc.messages,
    replies: acc.replies,
    positiveReplies: acc.positives,
    meetings: acc.meetings,
    notInterested: acc.notInterested,
    unsubscribes: acc.unsubscribes,
    bounces: acc.bounces,
    outOfOffice: acc.outOfOffice,
    replyRate: rate(acc.replies),
    positiveRate: rate(acc.positives),
    sentiment: acc.sentiment,
    medianTimeToReplyMs: median(acc.delays),
  };
}

function dimensionValue(t: Thread, d: Dimension): string {
  return d === 'campaign' ? t.campaign : d === 'variant' ? t.variant : d === 'segment' ? t.segment : t.rep;
}

function assertBound(name: string, value: number | undefined): void {
  if (value !== undefined && !Number.isFinite(value)) throw new RangeError(`${name} must be a finite epoch-ms number`);
}

/**
 * Dashboard aggregation. One pass over the events builds one record per contact thread (campaign × variant ×
 * contact); a second pass over the threads — fewer than the events — fills every breakdown. Events may come in any
 * order: the earliest send opens the thread and gives it its segment and rep, the earliest reply times it, and each
 * outcome kind counts once per thread. Validate untrusted events with `parseOutcomeEvents` first.
 */
export function aggregateOutcomes(events: readonly OutcomeEvent[], options: AggregateOptions = {}): AggregationResult {
  assertBound('from', options.from);
  assertBound('to', options.to);
  const from = options.from ?? -Infinity;
  const to = options.to ?? Infinity;
  const level = options.level ?? DEFAULT_LEVEL;
  const method = options.method ?? 'wilson';
  const groupBy = (options.groupBy ?? DIMENSIONS.map((d) => [d])).map((dims) => [...dims]);
  for (const dims of groupBy)
    if (dims.length === 0 || dims.some((d) => !DIMENSIONS.includes(d)))
      throw new RangeError(`groupBy entries must be non-empty lists of ${DIMENSIONS.join(', ')}`);

  const threads = new Map<string, Thread>();
  for (const e of events) {
    // The schema forbids control characters in ids, so NUL-joined keys cannot collide.
    const id = e.campaignId + '\u0000' + e.variantId + '\u0000' + e.contactId;
    let t = threads.get(id);
    if (t === undefined) {
      t = {
        campaign: e.campaignId,
        variant: e.variantId,
        segment: e.segment,
        rep: e.rep,
        sentAt: Infinity,
        messages: 0,
        flags: 0,
        outcomes: 0,
        firstReplyAt: Infinity,
        sentiment: undefined,
        sentimentAt: Infinity,
      };
      threads.set(id, t);
    }
    if (e.type === 'sent') {
      t.messages++;
      if (e.at < t.sentAt) {
        t.sentAt = e.at;
        t.segment = e.segment;
        t.rep = e.rep;
      }
      continue;
    }
    const flags = FLAGS[e.type] ?? 0;
    t.outcomes++;
    t.flags |= flags;
    if (flags & REPLIED) {
      if (e.at < t.firstReplyAt) t.firstReplyAt = e.at;
      if (e.sentiment !== undefined && e.at < t.sentimentAt) {
        t.sentiment = e.sentiment;
        t.sentimentAt = e.at;
      }
    }
  }

  const total = newAccumulator({});
  const groups = groupBy.map(() => new Map<string, Accumulator>());
  let orphanOutcomes = 0;
  for (const t of threads.values()) {
    if (t.sentAt === Infinity) {
      orphanOutcomes += t.outcomes;
      continue;
    }
    if (t.sentAt < from || t.sentAt >= to) continue;
    add(total, t);
    groupBy.forEach((dims, g) => {
      let key = '';
      for (const d of dims) key += dimensionValue(t, d) + '\u0000';
      const table = groups[g];
      if (table === undefined) return;
      let acc = table.get(key);
      if (acc === undefined) {
        acc = newAccumulator(Object.fromEntries(dims.map((d) => [d, dimensionValue(t, d)])));
        table.set(key, acc);
      }
      add(acc, t);
    });
  }

  return {
    range: { from: options.from ?? null, to: options.to ?? null },
    level,
    method,
    events: events.length,
    orphanOutcomes,
    total: finish(total, method, level),
    breakdowns: groupBy.map((dims, g) => ({
      groupBy: dims,
      rows: [...(groups[g] ?? new Map<string, Accumulator>()).entries()]
        .sort(([ka, a], [kb, b]) => b.sends - a.sends || (ka < kb ? -1 : ka > kb ? 1 : 0))
        .map(([, acc]) => finish(acc, method, level)),
    })),
  };
}
