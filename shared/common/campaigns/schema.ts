import { z } from 'zod';

/**
 * Campaign domain data: what a campaign aims at, the variants it tries, and the outcome events that come back. Plain
 * zod schemas, because events arrive from IndexedDB, from the companion backend and from CSV imports, and each of
 * those is a boundary where data must be checked before statistics are computed on it.
 */

// Ids are printable: no control characters, so aggregation can join them with NUL into unambiguous keys.
// eslint-disable-next-line no-control-regex
const PRINTABLE = /^[^\u0000-\u001f\u007f]+$/;
const id = z.string().min(1).max(200).regex(PRINTABLE, 'ids may not contain control characters');
/** Milliseconds since the Unix epoch, as stored elsewhere in the extension (`EventRecord.at`). */
const timestamp = z.number().int().nonnegative();

/** Outreach channels a variant (or the channel bandit) can choose between. */
export const CHANNELS = ['email', 'linkedin', 'phone'] as const;
export const ChannelSchema = z.enum(CHANNELS);
export type Channel = z.infer<typeof ChannelSchema>;

/** The metric a campaign optimises; the bandit's "success" is this outcome. */
export const CAMPAIGN_GOALS = ['reply', 'positive_reply', 'meeting'] as const;
export const CampaignGoalSchema = z.enum(CAMPAIGN_GOALS);
export type CampaignGoal = z.infer<typeof CampaignGoalSchema>;

/** A label in both UI languages. */
export const LocalizedLabelSchema = z.object({ en: z.string().min(1).max(200), zh: z.string().min(1).max(200) });
export type LocalizedLabel = z.infer<typeof LocalizedLabelSchema>;

/** A target segment, e.g. `{ id: 'technical_buyer', label: { en: 'technical buyers', zh: '技术型买家' } }`. */
export const SegmentSchema = z.object({ id, label: LocalizedLabelSchema.optional() });
export type Segment = z.infer<typeof SegmentSchema>;

/** A campaign: a goal and the segments it targets. */
export const CampaignSchema = z.object({
  id,
  name: z.string().min(1).max(200),
  goal: CampaignGoalSchema,
  description: z.string().max(2_000).optional(),
  targetSegments: z.array(SegmentSchema).min(1).max(200),
  createdAt: timestamp.optional(),
});
export type Campaign = z.infer<typeof CampaignSchema>;

/** What a variant varies: a fixed template version or a prompt version the model drafts from. */
export const VARIANT_KINDS = ['template', 'prompt'] as const;

/** One arm of a campaign: a template or prompt version, sent in a tone over a channel. */
export const VariantSchema = z.object({
  id,
  campaignId: id,
  name: z.string().min(1).max(200),
  kind: z.enum(VARIANT_KINDS),
  /** The template id or prompt id this variant uses. */
  ref: id,
  version: z.union([z.string().min(1).max(100), z.number().int().nonnegative()]),
  /** Free text, as the prompt builder takes it (e.g. "warm but brief"). */
  tone: z.string().min(1).max(100),
  channel: ChannelSchema,
});
export type Variant = z.infer<typeof VariantSchema>;

/**
 * Outcome event types. `sent` opens a contact's thread for a variant; the rest are what came back. `out_of_office`
 * and `bounce` are recorded but are not replies.
 */
export const OUTCOME_TYPES = [
  'sent',
  'replied',
  'positive_reply',
  'meeting',
  'not_interested',
  'unsubscribe',
  'bounce',
  'out_of_office',
] as const;
export const OutcomeTypeSchema = z.enum(OUTCOME_TYPES);
export type OutcomeType = z.infer<typeof OutcomeTypeSchema>;

/** Sentiment labels, as the on-device sentiment model produces them. */
export const SENTIMENT_LABELS = ['negative', 'neutral', 'positive'] as const;
export const SentimentLabelSchema = z.enum(SENTIMENT_LABELS);
export type SentimentLabel = z.infer<typeof SentimentLabelSchema>;

/** One outcome event for one contact, attributed to the campaign, variant, segment and rep of the send. */
export const OutcomeEventSchema = z.object({
  id: id.optional(),
  type: OutcomeTypeSchema,
  at: timestamp,
  campaignId: id,
  variantId: id,
  contactId: id,
  segment: id,
  rep: id,
  channel: ChannelSchema.optional(),
  /** Sentiment of a reply, when the classifier labelled it. */
  sentiment: SentimentLabelSchema.optional(),
});
export type OutcomeEvent = z.infer<typeof OutcomeEventSchema>;

/**
 * A team aggregate shared through the companion app: how an arm did for the rest of the team. Used only as a
 * discounted prior (see `createBandit`). Without `segment` it applies to every segment.
 */
export const TeamPriorSchema = z
  .object({
    arm: id,
    sends: z.number().int().nonnegative(),
    positives: z.number().int().nonnegative(),
    segment: id.optional(),
  })
  .refine((p) => p.positives <= p.sends, { message: 'positives cannot exceed sends', path: ['positives'] });
export type TeamPrior = z.infer<typeof TeamPriorSchema>;

/** Result of {@link parseOutcomeEvents}: the valid events, and where and why the others were rejected. */
export interface ParsedOutcomeEvents {
  events: OutcomeEvent[];
  rejected: Array<{ index: number; message: string }>;
}

/**
 * Validates raw events one by one, keeping the good ones: one malformed row in an import must not hide a campaign's
 * results, but it must not be counted either, so it is reported.
 */
export function parseOutcomeEvents(input: readonly unknown[]): ParsedOutcomeEvents {
  const events: OutcomeEvent[] = [];
  const rejected: ParsedOutcomeEvents['rejected'] = [];
  input.forEach((raw, index) => {
    const parsed = OutcomeEventSchema.safeParse(raw);
    if (parsed.success) events.push(parsed.data);
    else
      rejected.push({ index, message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
  });
  return { events, rejected };
}
