import type { TeamPrior } from './schema';

/** Pseudo-counts a prior contributes to an arm's Beta posterior. */
export interface PseudoCounts {
  successes: number;
  trials: number;
}

/** How much team evidence may weigh locally. */
export interface PriorDiscount {
  /** Most pseudo-sends one arm's team prior may be worth. Default {@link DEFAULT_PRIOR_CAP}. */
  cap?: number;
  /** Factor applied to team sends before the cap (team reps sell to other accounts). Default 1. */
  discount?: number;
}

/**
 * Default cap: team evidence counts as at most 20 local sends. Large enough that a new rep starts from what works
 * for the team, small enough that a few dozen of the rep's own outcomes outweigh it — the team aggregate describes
 * other reps and other accounts, so it must never lock a rep into an arm that does not work for them.
 */
export const DEFAULT_PRIOR_CAP = 20;

/** Throws unless the discount settings are usable numbers. */
export function assertPriorDiscount(options: PriorDiscount): void {
  const { cap = DEFAULT_PRIOR_CAP, discount = 1 } = options;
  if (!(cap >= 0) || !Number.isFinite(cap)) throw new RangeError('prior cap must be a finite number ≥ 0');
  if (!(discount >= 0 && discount <= 1)) throw new RangeError('prior discount must be in [0, 1]');
}

/**
 * Shrinks a team aggregate to pseudo-counts: the observed rate is kept, the weight becomes
 * min(sends × discount, cap) pseudo-sends.
 */
export function discountPrior(prior: { sends: number; positives: number }, options: PriorDiscount = {}): PseudoCounts {
  const { cap = DEFAULT_PRIOR_CAP, discount = 1 } = options;
  const trials = Math.min(prior.sends * discount, cap);
  if (prior.sends <= 0 || trials <= 0) return { successes: 0, trials: 0 };
  return { successes: (prior.positives / prior.sends) * trials, trials };
}

/**
 * Per-arm pseudo-counts for one segment. A segment-specific team aggregate replaces the all-segment one for that arm
 * (it describes these buyers better); several rows for the same arm and scope are summed before discounting, so
 * splitting an aggregate into pieces cannot multiply its weight past the cap.
 */
export function resolvePriors(
  priors: readonly TeamPrior[],
  segment: string,
  options: PriorDiscount = {},
): Map<string, PseudoCounts> {
  const specific = new Map<string, { sends: number; positives: number }>();
  const general = new Map<string, { sends: number; positives: number }>();
  for (const p of priors) {
    if (p.segment !== undefined && p.segment !== segment) continue;
    const table = p.segment === undefined ? general : specific;
    const sum = table.get(p.arm) ?? { sends: 0, positives: 0 };
    sum.sends += p.sends;
    sum.positives += p.positives;
    table.set(p.arm, sum);
  }
  const out = new Map<string, PseudoCounts>();
  for (const [arm, sum] of general) out.set(arm, discountPrior(sum, options));
  for (const [arm, sum] of specific) out.set(arm, discountPrior(sum, options));
  return out;
}
