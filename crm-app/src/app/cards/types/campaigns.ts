import { z } from 'zod';

/**
 * Answers of the backend's campaign card endpoints (`crm-app/server/routes/campaign-routes.ts`). Validated here
 * because the card must show an error, not wrong numbers, when the backend and the card disagree.
 */
const SentimentSchema = z.enum(['negative', 'neutral', 'positive']);

export const ContactCampaignResultSchema = z.object({
  campaignId: z.string(),
  campaignName: z.string(),
  variantId: z.string(),
  variantName: z.string(),
  channel: z.string(),
  sentAt: z.iso.datetime({ offset: true }).nullable(),
  replied: z.boolean(),
  lastOutcome: z.string(),
  lastOutcomeAt: z.iso.datetime({ offset: true }),
  replySentiment: SentimentSchema.nullable(),
  replyIntent: z.string().nullable(),
});
export type ContactCampaignResult = z.infer<typeof ContactCampaignResultSchema>;

export const SentimentWeekSchema = z.object({
  week: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  negative: z.number().int().nonnegative(),
  neutral: z.number().int().nonnegative(),
  positive: z.number().int().nonnegative(),
});
export type SentimentWeek = z.infer<typeof SentimentWeekSchema>;

export const ContactCampaignsResponseSchema = z.object({
  contactId: z.string(),
  results: z.array(ContactCampaignResultSchema),
  sentimentTrend: z.array(SentimentWeekSchema),
});
export type ContactCampaignsResponse = z.infer<typeof ContactCampaignsResponseSchema>;

const IntervalSchema = z.object({ low: z.number().min(0).max(1), high: z.number().min(0).max(1), level: z.number() });

export const VariantResultSchema = z.object({
  variantId: z.string(),
  variantName: z.string(),
  sends: z.number().int().nonnegative(),
  replies: z.number().int().nonnegative(),
  positiveReplies: z.number().int().nonnegative(),
  meetings: z.number().int().nonnegative(),
  replyRate: z.number().nullable(),
  positiveRate: z.number().nullable(),
  replyInterval: IntervalSchema,
  positiveInterval: IntervalSchema,
});
export type VariantResult = z.infer<typeof VariantResultSchema>;

export const TeamResultsResponseSchema = z.object({
  minSends: z.number().int().nonnegative(),
  level: z.number(),
  campaigns: z.array(
    z.object({
      campaignId: z.string(),
      campaignName: z.string(),
      variants: z.array(VariantResultSchema),
      winner: z.string().nullable(),
      verdict: z.object({ reason: z.string(), text: z.object({ en: z.string(), zh: z.string() }) }),
    }),
  ),
});
export type TeamResultsResponse = z.infer<typeof TeamResultsResponseSchema>;
