/**
 * Read side of campaign results: the team's priors for the extension's bandit, the team view and one contact's
 * results for the card. Counting follows shared/common/campaigns (README "Semantics"): a send is one contact's
 * thread for one campaign variant; each outcome kind counts once per thread, so re-synced duplicates inflate nothing.
 */
import { rateInterval, type RateInterval } from '../../../shared/common/campaigns/intervals';
import { DEFAULT_MIN_SENDS, declareWinner } from '../../../shared/common/campaigns/winner';
import type { VariantPrior } from '../../../shared/common/campaigns/synced';
import type { LocalizedLabel } from '../../../shared/common/campaigns/schema';
import type { Queryable } from '../db/database';

/** Outcomes that are a reply, and the positive ones (out of office and bounces are not replies). */
const REPLY = `('replied', 'positive_reply', 'not_interested', 'meeting')`;
const POSITIVE = `('positive_reply', 'meeting')`;

/**
 * One row per thread (campaign, variant, contact). A result of any kind implies the send happened, even when the
 * `sent` result itself has not arrived yet, so sends ≥ replies always holds. A thread's segment is the one its
 * results carry (the largest, should they disagree).
 */
const THREADS = `
  SELECT campaign_id, variant_id, email, max(segment) AS segment,
         (array_agg(campaign_name ORDER BY occurred_at DESC))[1] AS campaign_name,
         (array_agg(variant_name ORDER BY occurred_at DESC))[1] AS variant_name,
         bool_or(outcome IN ${REPLY}) AS replied,
         bool_or(outcome IN ${POSITIVE}) AS positive,
         bool_or(outcome = 'meeting') AS meeting
    FROM campaign_results
   WHERE portal_id = $1 AND ($2::text IS NULL OR campaign_id = $2)
   GROUP BY campaign_id, variant_id, email`;

/** Per campaign, variant and segment, over every rep of the portal. */
export async function variantPriors(db: Queryable, portalId: number, campaignId?: string): Promise<VariantPrior[]> {
  const { rows } = await db.query<{
    campaign_id: string;
    variant_id: string;
    segment: string | null;
    sends: number;
    replies: number;
    positives: number;
    meetings: number;
  }>(
    `WITH threads AS (${THREADS})
     SELECT campaign_id, variant_id, segment, count(*)::int AS sends,
            count(*) FILTER (WHERE replied)::int AS replies, count(*) FILTER (WHERE positive)::int AS positives,
            count(*) FILTER (WHERE meeting)::int AS meetings
       FROM threads GROUP BY campaign_id, variant_id, segment
      ORDER BY campaign_id, variant_id, segment NULLS FIRST LIMIT 5000`,
    [portalId, campaignId ?? null],
  );
  return rows.map((r) => ({
    campaignId: r.campaign_id,
    variantId: r.variant_id,
    segment: r.segment,
    sends: r.sends,
    replies: r.replies,
    positiveReplies: r.positives,
    meetings: r.meetings,
  }));
}

export interface VariantResult {
  variantId: string;
  variantName: string;
  sends: number;
  replies: number;
  positiveReplies: number;
  meetings: number;
  /** null without sends. */
  replyRate: number | null;
  positiveRate: number | null;
  replyInterval: RateInterval;
  positiveInterval: RateInterval;
}

export interface CampaignTeamResult {
  campaignId: string;
  campaignName: string;
  variants: VariantResult[];
  /** The variant whose positive-reply interval lies above every other's, with enough sends; else null. */
  winner: string | null;
  verdict: { reason: string; text: LocalizedLabel };
}

export interface TeamResults {
  minSends: number;
  level: number;
  campaigns: CampaignTeamResult[];
}

/** The card's team view: per campaign and variant, rates with 90% Wilson intervals and a winner only when earned. */
export async function teamResults(db: Queryable, portalId: number): Promise<TeamResults> {
  const { rows } = await db.query<{
    campaign_id: string;
    campaign_name: string;
    variant_id: string;
    variant_name: string;
    sends: number;
    replies: number;
    positives: number;
    meetings: number;
  }>(
    `WITH threads AS (${THREADS})
     SELECT campaign_id, max(campaign_name) AS campaign_name, variant_id, max(variant_name) AS variant_name,
            count(*)::int AS sends, count(*) FILTER (WHERE replied)::int AS replies,
            count(*) FILTER (WHERE positive)::int AS positives, count(*) FILTER (WHERE meeting)::int AS meetings
       FROM threads GROUP BY campaign_id, variant_id ORDER BY campaign_id, variant_id LIMIT 2000`,
    [portalId, null],
  );
  const byCampaign = new Map<string, { name: string; variants: VariantResult[] }>();
  for (const r of rows) {
    const campaign = byCampaign.get(r.campaign_id) ?? { name: r.campaign_name, variants: [] };
    campaign.variants.push({
      variantId: r.variant_id,
      variantName: r.variant_name,
      sends: r.sends,
      replies: r.replies,
      positiveReplies: r.positives,
      meetings: r.meetings,
      replyRate: r.sends === 0 ? null : r.replies / r.sends,
      positiveRate: r.sends === 0 ? null : r.positives / r.sends,
      replyInterval: rateInterval(r.replies, r.sends),
      positiveInterval: rateInterval(r.positives, r.sends),
    });
    byCampaign.set(r.campaign_id, campaign);
  }
  const campaigns = [...byCampaign].map(([campaignId, c]): CampaignTeamResult => {
    const decision = declareWinner(
      c.variants.map((v) => ({ arm: v.variantId, sends: v.sends, positives: v.positiveReplies })),
      { labels: Object.fromEntries(c.variants.map((v) => [v.variantId, v.variantName])) },
    );
    return {
      campaignId,
      campaignName: c.name,
      variants: c.variants,
      winner: decision.winner,
      verdict: { reason: decision.reason, text: decision.text },
    };
  });
  return { minSends: DEFAULT_MIN_SENDS, level: 0.9, campaigns };
}

export interface ContactCampaignResult {
  campaignId: string;
  campaignName: string;
  variantId: string;
  variantName: string;
  channel: string;
  sentAt: string | null;
  replied: boolean;
  /** Latest outcome of the thread, e.g. `meeting`. */
  lastOutcome: string;
  lastOutcomeAt: string;
  /** Labels of the latest classified reply; never the reply itself. */
  replySentiment: string | null;
  replyIntent: string | null;
}

export interface SentimentWeek {
  /** Monday of the ISO week, `YYYY-MM-DD` (UTC). */
  week: string;
  negative: number;
  neutral: number;
  positive: number;
}

/** The emails Closer knows for a HubSpot contact (after a merge, several may point at one record). */
export async function emailsOfContact(db: Queryable, portalId: number, contactId: string): Promise<string[]> {
  const { rows } = await db.query<{ email: string }>(
    'SELECT email FROM contact_personas WHERE portal_id = $1 AND hubspot_id = $2 ORDER BY email LIMIT 20',
    [portalId, contactId],
  );
  return rows.map((r) => r.email);
}

export async function contactResults(
  db: Queryable,
  portalId: number,
  emails: string[],
): Promise<{ results: ContactCampaignResult[]; sentimentTrend: SentimentWeek[] }> {
  if (emails.length === 0) return { results: [], sentimentTrend: [] };
  const { rows } = await db.query<{
    campaign_id: string;
    campaign_name: string;
    variant_id: string;
    variant_name: string;
    channel: string;
    sent_at: Date | null;
    replied: boolean;
    last_outcome: string;
    last_at: Date;
    sentiment: string | null;
    intent: string | null;
  }>(
    `SELECT campaign_id, variant_id,
            (array_agg(campaign_name ORDER BY occurred_at DESC))[1] AS campaign_name,
            (array_agg(variant_name ORDER BY occurred_at DESC))[1] AS variant_name,
            (array_agg(channel ORDER BY occurred_at))[1] AS channel,
            min(occurred_at) FILTER (WHERE outcome = 'sent') AS sent_at,
            bool_or(outcome IN ${REPLY}) AS replied,
            (array_agg(outcome ORDER BY occurred_at DESC, id DESC))[1] AS last_outcome,
            max(occurred_at) AS last_at,
            (array_agg(sentiment ORDER BY occurred_at DESC) FILTER (WHERE outcome IN ${REPLY} AND sentiment IS NOT NULL))[1] AS sentiment,
            (array_agg(intent ORDER BY occurred_at DESC) FILTER (WHERE outcome IN ${REPLY} AND intent IS NOT NULL))[1] AS intent
       FROM campaign_results WHERE portal_id = $1 AND email = ANY($2::text[])
      GROUP BY campaign_id, variant_id ORDER BY max(occurred_at) DESC LIMIT 100`,
    [portalId, emails],
  );
  const { rows: weeks } = await db.query<{ week: string; sentiment: 'negative' | 'neutral' | 'positive'; n: number }>(
    `SELECT to_char(date_trunc('week', occurred_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS week, sentiment,
            count(*)::int AS n
       FROM campaign_results
      WHERE portal_id = $1 AND email = ANY($2::text[]) AND outcome IN ${REPLY} AND sentiment IS NOT NULL
        AND occurred_at > now() - interval '52 weeks'
      GROUP BY 1, 2 ORDER BY 1`,
    [portalId, emails],
  );
  const trend = new Map<string, SentimentWeek>();
  for (const w of weeks) {
    const entry = trend.get(w.week) ?? { week: w.week, negative: 0, neutral: 0, positive: 0 };
    entry[w.sentiment] += w.n;
    trend.set(w.week, entry);
  }
  return {
    results: rows.map((r) => ({
      campaignId: r.campaign_id,
      campaignName: r.campaign_name,
      variantId: r.variant_id,
      variantName: r.variant_name,
      channel: r.channel,
      sentAt: r.sent_at?.toISOString() ?? null,
      replied: r.replied,
      lastOutcome: r.last_outcome,
      lastOutcomeAt: r.last_at.toISOString(),
      replySentiment: r.sentiment,
      replyIntent: r.intent,
    })),
    sentimentTrend: [...trend.values()],
  };
}
