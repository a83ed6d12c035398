import { z } from 'zod';
import { ChannelSchema, OutcomeTypeSchema, SentimentLabelSchema } from './schema';

/**
 * What leaves the device about a campaign: one result per contact and outcome, never message text. The extension's
 * outbox sends these (`POST /v1/campaign-results`, items of up to 100) and the companion backend both stores them
 * (per-contact results on the card, aggregates for the team view and the team priors) and writes them to HubSpot.
 */
export const CampaignResultItemSchema = z.strictObject({
  idempotencyKey: z.string().min(1).max(200),
  campaignId: z.string().min(1).max(200),
  campaignName: z.string().min(1).max(200),
  variantId: z.string().min(1).max(200),
  variantName: z.string().min(1).max(200),
  channel: ChannelSchema,
  segment: z.string().min(1).max(200).optional(),
  /** The contact's address: the backend finds the HubSpot record by it. */
  email: z.email().max(254),
  outcome: OutcomeTypeSchema,
  /** For replies: the on-device classifiers' labels, never the reply itself. */
  sentiment: SentimentLabelSchema.optional(),
  intent: z.string().min(1).max(64).optional(),
  occurredAt: z.iso.datetime({ offset: true }),
});
export type CampaignResultItem = z.infer<typeof CampaignResultItemSchema>;

/** The team's results per variant and segment (`GET /v1/team/variant-priors`), used as the bandit's prior. */
export const VariantPriorSchema = z.strictObject({
  campaignId: z.string(),
  variantId: z.string(),
  segment: z.string().nullable(),
  sends: z.number().int().nonnegative(),
  replies: z.number().int().nonnegative(),
  positiveReplies: z.number().int().nonnegative(),
  meetings: z.number().int().nonnegative(),
});
export type VariantPrior = z.infer<typeof VariantPriorSchema>;
