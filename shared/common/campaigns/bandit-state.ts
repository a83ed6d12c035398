import { z } from 'zod';
import { TeamPriorSchema } from './schema';

/**
 * The persisted form of a bandit (IndexedDB, or the companion backend). Versioned so a later change of layout can
 * migrate stored state instead of silently resetting what a rep has learned.
 *
 * - v1 (current): arms, policy, prior settings, the raw team priors (so pseudo-counts are recomputed exactly on load) and
 *   local counts per segment, aligned with `arms`. Segments are an array, not an object keyed by segment id, so an id
 *   such as "__proto__" cannot reach an object prototype.
 */

/** The `format` field of every persisted bandit. */
export const BANDIT_FORMAT = 'closer-bandit';
/** The version `toJSON()` writes. */
export const BANDIT_STATE_VERSION = 1;

const count = z.number().int().nonnegative();

export const BanditStateV1Schema = z
  .object({
    format: z.literal(BANDIT_FORMAT),
    version: z.literal(1),
    arms: z.array(z.string().min(1).max(200)).min(1).max(1_000),
    basePrior: z.object({ alpha: z.number().positive().finite(), beta: z.number().positive().finite() }),
    policy: z.enum(['thompson', 'thompson-greedy']),
    priorCap: z.number().nonnegative().finite(),
    priorDiscount: z.number().min(0).max(1),
    priors: z.array(TeamPriorSchema).max(100_000),
    segments: z
      .array(z.object({ segment: z.string().min(1).max(200), successes: z.array(count), trials: z.array(count) }))
      .max(10_000),
  })
  .superRefine((state, ctx) => {
    if (new Set(state.arms).size !== state.arms.length)
      ctx.addIssue({ code: 'custom', message: 'arms must be unique' });
    const seen = new Set<string>();
    state.segments.forEach((s, i) => {
      if (seen.has(s.segment)) ctx.addIssue({ code: 'custom', path: ['segments', i], message: 'duplicate segment' });
      seen.add(s.segment);
      if (s.successes.length !== state.arms.length || s.trials.length !== state.arms.length)
        ctx.addIssue({ code: 'custom', path: ['segments', i], message: 'counts must align with arms' });
      else if (s.successes.some((x, j) => x > (s.trials[j] ?? 0)))
        ctx.addIssue({ code: 'custom', path: ['segments', i], message: 'successes cannot exceed trials' });
    });
  });
/** v1: the current persisted form, produced by `Bandit.toJSON()`. */
export type BanditStateV1 = z.infer<typeof BanditStateV1Schema>;
/** Whatever `toJSON()` currently writes. */
export type BanditState = BanditStateV1;

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
  if (version !== BANDIT_STATE_VERSION)
    throw new BanditStateError(`unsupported bandit state version: ${JSON.stringify(version) ?? 'none'}`);
  const parsed = BanditStateV1Schema.safeParse(input);
  if (!parsed.success) throw new BanditStateError(`invalid bandit state: ${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data;
}
