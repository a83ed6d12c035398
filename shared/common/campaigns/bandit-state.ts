import { z } from 'zod';
import { DEFAULT_HALF_LIFE_DAYS, DEFAULT_REPLY_DELAY } from './reply-delay';
import { TeamPriorSchema } from './schema';

/**
 * The persisted form of a bandit (IndexedDB, or the companion backend). Versioned so a later change of layout can
 * migrate stored state instead of silently resetting what a rep has learned.
 *
 * - v1: arms, policy, prior settings, the raw team priors (so pseudo-counts are recomputed exactly on load) and
 *   local counts per segment, aligned with `arms`. Segments are an array, not an object keyed by segment id, so an id
 *   such as "__proto__" cannot reach an object prototype.
 * - v2 (current): adds the reply-delay model (and whether and on which reply delays it is fitted), the half-life of
 *   timed evidence, and per segment the timed sends of
 *   each arm (recent 6-hour buckets `[bucket, sends, replies]`, and the folded older sums). A v1 state migrates with
 *   no timed sends and the defaults of v2's new settings; its counts stay untimed (settled, never discounted), as
 *   they were.
 */

/** The `format` field of every persisted bandit. */
export const BANDIT_FORMAT = 'closer-bandit';
/** The version `toJSON()` writes. */
export const BANDIT_STATE_VERSION = 2;

const count = z.number().int().nonnegative();

/** What every version of the persisted state holds besides its segments. */
const commonFields = {
  arms: z.array(z.string().min(1).max(200)).min(1).max(1_000),
  basePrior: z.object({ alpha: z.number().positive().finite(), beta: z.number().positive().finite() }),
  policy: z.enum(['thompson', 'thompson-greedy']),
  priorCap: z.number().nonnegative().finite(),
  priorDiscount: z.number().min(0).max(1),
  priors: z.array(TeamPriorSchema).max(100_000),
};

/** Arms and segments are keys: a repeated one would make counts ambiguous in every version. */
function checkUnique(state: { arms: string[]; segments: { segment: string }[] }, ctx: z.RefinementCtx): void {
  if (new Set(state.arms).size !== state.arms.length) ctx.addIssue({ code: 'custom', message: 'arms must be unique' });
  const seen = new Set<string>();
  state.segments.forEach((s, i) => {
    if (seen.has(s.segment)) ctx.addIssue({ code: 'custom', path: ['segments', i], message: 'duplicate segment' });
    seen.add(s.segment);
  });
}

export const BanditStateV1Schema = z
  .object({
    format: z.literal(BANDIT_FORMAT),
    version: z.literal(1),
    ...commonFields,
    segments: z
      .array(z.object({ segment: z.string().min(1).max(200), successes: z.array(count), trials: z.array(count) }))
      .max(10_000),
  })
  .superRefine((state, ctx) => {
    checkUnique(state, ctx);
    state.segments.forEach((s, i) => {
      if (s.successes.length !== state.arms.length || s.trials.length !== state.arms.length)
        ctx.addIssue({ code: 'custom', path: ['segments', i], message: 'counts must align with arms' });
      else if (s.successes.some((x, j) => x > (s.trials[j] ?? 0)))
        ctx.addIssue({ code: 'custom', path: ['segments', i], message: 'successes cannot exceed trials' });
    });
  });
/** v1: counts without time. */
export type BanditStateV1 = z.infer<typeof BanditStateV1Schema>;

const weight = z.number().nonnegative().finite();
const TimedArmSchema = z.object({
  buckets: z
    .array(z.tuple([z.number().int(), count, count]))
    .max(100_000)
    .refine((bs) => bs.every(([, sends, replies]) => replies <= sends), 'replies cannot exceed sends'),
  /** [successes, failures, asOf bucket or null, unanswered sends folded]. */
  old: z.tuple([weight, weight, z.number().int().nullable(), count]),
  sends: count,
  replies: count,
});

export const BanditStateV2Schema = z
  .object({
    format: z.literal(BANDIT_FORMAT),
    version: z.literal(2),
    ...commonFields,
    replyDelay: z.object({ medianDays: z.number().positive().finite(), sigma: z.number().positive().finite() }),
    halfLifeDays: z.number().positive().finite().nullable(),
    learnReplyDelay: z.boolean(),
    /** Recent reply delays the delay model is fitted to: [sentAt ms, delay in days]. */
    replyDelays: z.array(z.tuple([z.number().finite(), z.number().nonnegative().finite()])).max(500),
    segments: z
      .array(
        z.object({
          segment: z.string().min(1).max(200),
          successes: z.array(count),
          trials: z.array(count),
          timed: z.array(TimedArmSchema),
        }),
      )
      .max(10_000),
  })
  .superRefine((state, ctx) => {
    checkUnique(state, ctx);
    state.segments.forEach((s, i) => {
      const n = state.arms.length;
      if (s.successes.length !== n || s.trials.length !== n || s.timed.length !== n)
        ctx.addIssue({ code: 'custom', path: ['segments', i], message: 'counts must align with arms' });
      else if (s.successes.some((x, j) => x > (s.trials[j] ?? 0)) || s.timed.some((t) => t.replies > t.sends))
        ctx.addIssue({ code: 'custom', path: ['segments', i], message: 'successes cannot exceed trials' });
    });
  });
/** v2: the current persisted form, produced by `Bandit.toJSON()`. */
export type BanditStateV2 = z.infer<typeof BanditStateV2Schema>;
/** Whatever `toJSON()` currently writes. */
export type BanditState = BanditStateV2;

/** v1 → v2: the counts stay untimed; no timed sends. */
export function migrateBanditStateV1(state: BanditStateV1): BanditStateV2 {
  return {
    ...state,
    version: 2,
    replyDelay: { ...DEFAULT_REPLY_DELAY },
    halfLifeDays: DEFAULT_HALF_LIFE_DAYS,
    learnReplyDelay: true,
    replyDelays: [],
    segments: state.segments.map((s) => ({
      ...s,
      timed: s.successes.map(() => ({ buckets: [], old: [0, 0, null, 0], sends: 0, replies: 0 })),
    })),
  };
}

/** Thrown when persisted bandit state cannot be read. */
export class BanditStateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BanditStateError';
  }
}

/** Validates persisted state of any known version and returns it in the current layout. */
export function migrateBanditState(input: unknown): BanditState {
  const version = typeof input === 'object' && input !== null ? (input as { version?: unknown }).version : undefined;
  if (version === 1) {
    const parsed = BanditStateV1Schema.safeParse(input);
    if (!parsed.success) throw new BanditStateError(`invalid bandit state: ${parsed.error.issues[0]?.message ?? ''}`);
    return migrateBanditStateV1(parsed.data);
  }
  if (version !== BANDIT_STATE_VERSION)
    throw new BanditStateError(`unsupported bandit state version: ${JSON.stringify(version) ?? 'none'}`);
  const parsed = BanditStateV2Schema.safeParse(input);
  if (!parsed.success) throw new BanditStateError(`invalid bandit state: ${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data;
}
