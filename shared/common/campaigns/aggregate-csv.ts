import type { AggregationResult, Dimension, GroupStats } from './aggregate';
import { toCsv, type CsvCell, type CsvOptions } from './csv';

/** Column names of {@link aggregationToCsv}, in order. */
export const AGGREGATION_CSV_COLUMNS = [
  'group_by',
  'campaign',
  'variant',
  'segment',
  'rep',
  'sends',
  'messages',
  'replies',
  'reply_rate',
  'reply_rate_low',
  'reply_rate_high',
  'positive_replies',
  'positive_rate',
  'positive_rate_low',
  'positive_rate_high',
  'meetings',
  'not_interested',
  'unsubscribes',
  'bounces',
  'out_of_office',
  'sentiment_positive',
  'sentiment_neutral',
  'sentiment_negative',
  'sentiment_unlabelled',
  'median_hours_to_reply',
] as const;

const round = (x: number | null, digits: number): number | null => (x === null ? null : Number(x.toFixed(digits)));

function row(groupBy: string, key: Partial<Record<Dimension, string>>, s: GroupStats): CsvCell[] {
  return [
    groupBy,
    key.campaign,
    key.variant,
    key.segment,
    key.rep,
    s.sends,
    s.messages,
    s.replies,
    round(s.replyRate.rate, 4),
    round(s.replyRate.low, 4),
    round(s.replyRate.high, 4),
    s.positiveReplies,
    round(s.positiveRate.rate, 4),
    round(s.positiveRate.low, 4),
    round(s.positiveRate.high, 4),
    s.meetings,
    s.notInterested,
    s.unsubscribes,
    s.bounces,
    s.outOfOffice,
    s.sentiment.positive,
    s.sentiment.neutral,
    s.sentiment.negative,
    s.sentiment.unlabelled,
    s.medianTimeToReplyMs === null ? null : round(s.medianTimeToReplyMs / 3_600_000, 2),
  ];
}

/**
 * The dashboard as one CSV: a `total` row, then every breakdown's rows (`group_by` names its dimensions, e.g.
 * `variant+segment`). Rates are fractions rounded to 4 places; ids are escaped against formula injection.
 */
export function aggregationToCsv(result: AggregationResult, options: CsvOptions = {}): string {
  const rows: CsvCell[][] = [[...AGGREGATION_CSV_COLUMNS], row('total', {}, result.total)];
  for (const b of result.breakdowns) for (const s of b.rows) rows.push(row(b.groupBy.join('+'), s.key, s));
  return toCsv(rows, options);
}
