import { z } from 'zod';
import type { MethodMap } from '../../shared/common/protocol/define';
import {
  CampaignSchema,
  DIMENSIONS,
  LocalizedLabelSchema,
  OutcomeTypeSchema,
  SentimentLabelSchema,
  VariantPriorSchema,
  VariantSchema,
} from '../../shared/common/campaigns';

/**
 * Request/response methods of the campaign area, merged into the catalogue in `methods.ts`. One file per area keeps
 * each feature's protocol in one place.
 */

const Id = z.string().min(1).max(200);
/** Epoch ms. */
const Ms = z.number().int().nonnegative();

/** A campaign with its variants, as the side panel edits it. */
export const CampaignDefinitionSchema = z.object({
  campaign: CampaignSchema,
  variants: z.array(VariantSchema).min(1).max(50),
});
export type CampaignDefinition = z.infer<typeof CampaignDefinitionSchema>;

const RateStatsSchema = z.object({ rate: z.number().nullable(), low: z.number(), high: z.number() });
const GroupStatsSchema = z.object({
  key: z.partialRecord(z.enum(DIMENSIONS as unknown as ['campaign', 'variant', 'segment', 'rep']), z.string()),
  sends: z.number().int(),
  messages: z.number().int(),
  replies: z.number().int(),
  positiveReplies: z.number().int(),
  meetings: z.number().int(),
  notInterested: z.number().int(),
  unsubscribes: z.number().int(),
  bounces: z.number().int(),
  outOfOffice: z.number().int(),
  replyRate: RateStatsSchema,
  positiveRate: RateStatsSchema,
  sentiment: z.object({
    positive: z.number().int(),
    neutral: z.number().int(),
    negative: z.number().int(),
    unlabelled: z.number().int(),
  }),
  medianTimeToReplyMs: z.number().nullable(),
});
export const AggregationSchema = z.object({
  range: z.object({ from: z.number().nullable(), to: z.number().nullable() }),
  level: z.number(),
  method: z.enum(['wilson', 'beta']),
  events: z.number().int(),
  orphanOutcomes: z.number().int(),
  total: GroupStatsSchema,
  breakdowns: z.array(
    z.object({
      groupBy: z.array(z.enum(DIMENSIONS as unknown as ['campaign', 'variant', 'segment', 'rep'])),
      rows: z.array(GroupStatsSchema),
    }),
  ),
});

/** Human ratings of drafts per prompt version, beside the outcomes of the sends that carried those drafts. */
export const PromptRatingSchema = z.object({
  promptVersion: z.string(),
  drafts: z.number().int(),
  thumbsUp: z.number().int(),
  thumbsDown: z.number().int(),
  meanStars: z.number().nullable(),
  sends: z.number().int(),
  positiveReplies: z.number().int(),
  positiveRate: RateStatsSchema,
});

const WinnerSchema = z.object({ winner: z.string().nullable(), reason: z.string(), text: LocalizedLabelSchema });

/** One reply message on a tagged thread, already classified in the panel (labels only, never its text). */
export const ObservedOutcomeSchema = z.object({
  messageId: z.string().min(1).max(256),
  /** The sender's address: only the tagged contact's own address changes the contact's outcome. */
  fromEmail: z.string().max(320),
  /** When the message was sent (epoch ms). */
  at: Ms,
  outcomes: z
    .array(OutcomeTypeSchema.exclude(['sent']))
    .min(1)
    .max(4),
  sentiment: SentimentLabelSchema.optional(),
  intent: z.string().max(64).optional(),
});
export type ObservedOutcome = z.infer<typeof ObservedOutcomeSchema>;

export const campaignMethods = {
  'campaign.list': {
    params: z.object({}).strict(),
    result: z.object({
      campaigns: z.array(
        CampaignDefinitionSchema.extend({
          sends: z.number().int(),
          replies: z.number().int(),
          positiveReplies: z.number().int(),
          events: z.number().int(),
        }),
      ),
    }),
  },
  'campaign.save': {
    params: CampaignDefinitionSchema.strict(),
    result: z.object({ id: z.string() }),
  },
  'campaign.delete': {
    params: z.object({ id: Id }).strict(),
    result: z.object({ deleted: z.boolean(), events: z.number().int() }),
  },
  /** The contact's persona segment, or `default` when none is known. */
  'campaign.segmentFor': {
    params: z.object({ email: z.string().max(500) }).strict(),
    result: z.object({ segment: z.string(), known: z.boolean() }),
  },
  /**
   * Thompson choice of a variant for a segment, from local outcomes and the team's (discounted) priors, with an
   * honest explanation; the priors are passed in by the panel, which may be offline (then none).
   */
  'campaign.choose': {
    params: z
      .object({
        campaignId: Id,
        segment: Id,
        priors: z.array(VariantPriorSchema).max(1_000).default([]),
        seed: z.number().int().optional(),
      })
      .strict(),
    result: z.object({
      variantId: z.string(),
      explanation: LocalizedLabelSchema,
      enoughData: z.boolean(),
      /** The chosen variant's sends still awaiting their answer (neither successes nor failures yet). */
      awaiting: z.number().int().nonnegative(),
      winner: WinnerSchema,
      usedTeamPriors: z.boolean(),
    }),
  },
  /** Remembers which campaign variant a draft belongs to; the send of that draft inherits it. */
  'campaign.tagDraft': {
    params: z
      .object({
        draftId: z.string().min(1).max(128),
        threadId: z.string().max(256).optional(),
        campaignId: Id,
        variantId: Id,
        segment: Id,
        rep: z.string().max(500).optional(),
        chosenBy: z.enum(['rep', 'bandit']),
      })
      .strict(),
    result: z.object({ ok: z.literal(true) }),
  },
  /** Tagged sends in a thread and the messages whose outcomes are already recorded (so they are not re-sent). */
  'campaign.threadStatus': {
    params: z.object({ threadId: z.string().min(1).max(256) }).strict(),
    result: z.object({
      sends: z.array(z.object({ eventId: z.string(), campaignId: z.string(), variantId: z.string(), at: z.number() })),
      recordedMessageIds: z.array(z.string()),
    }),
  },
  'campaign.recordOutcomes': {
    params: z
      .object({ threadId: z.string().min(1).max(256), messages: z.array(ObservedOutcomeSchema).max(500) })
      .strict(),
    result: z.object({
      recorded: z.number().int(),
      enqueued: z.number().int(),
      skipped: z.number().int(),
      /** Unsubscribe and not-interested outcomes recorded here that wait for the rep's confirmation to sync. */
      awaitingConfirmation: z.number().int(),
    }),
  },
  /** Outcomes of a thread that wait for the rep's confirmation before they sync. */
  'campaign.pendingConfirmations': {
    params: z.object({ threadId: z.string().min(1).max(256) }).strict(),
    result: z.array(z.object({ eventId: z.string(), type: z.string(), contactId: z.string(), at: z.number() })),
  },
  /** The rep confirms (it syncs) or dismisses (it stays local, marked dismissed) an outcome that waits. */
  'campaign.confirmOutcome': {
    params: z.object({ eventId: z.string().min(1).max(600), confirm: z.boolean() }).strict(),
    result: z.object({ status: z.enum(['confirmed', 'dismissed']), enqueued: z.boolean() }),
  },
  'campaign.dashboard': {
    params: z.object({ from: Ms.optional(), to: Ms.optional() }).strict(),
    result: z.object({
      aggregation: AggregationSchema,
      /** Display names of campaigns and variants by id (ids of deleted campaigns are absent). */
      names: z.record(z.string(), z.string()),
      ratings: z.array(PromptRatingSchema),
      winners: z.array(z.object({ campaignId: z.string(), decision: WinnerSchema })),
      ms: z.number(),
    }),
  },
  /** Content-score weights re-fitted to the sends' outcomes: old vs new, and their fit. */
  'campaign.refitWeights': {
    params: z.object({}).strict(),
    result: z.object({
      status: z.enum(['refitted', 'insufficient_data', 'no_signal']),
      samples: z.number().int(),
      positives: z.number().int(),
      changes: z.array(z.object({ id: z.string(), old: z.number(), new: z.number() })),
      fit: z
        .object({
          before: z.object({ logLoss: z.number(), auc: z.number().nullable() }),
          after: z.object({ logLoss: z.number(), auc: z.number().nullable() }),
        })
        .nullable(),
    }),
  },
} satisfies MethodMap;
