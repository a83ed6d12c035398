import { BANDIT_FORMAT, BANDIT_STATE_VERSION, migrateBanditState, type BanditState } from './bandit-state';
import { sampleBeta } from './distributions';
import { DEFAULT_PRIOR_CAP, assertPriorDiscount, resolvePriors } from './priors';
import type { Rng } from '../random';
import { TeamPriorSchema, type TeamPrior } from './schema';

/** Local outcome counts of one arm in one segment: the data the bandit has seen itself. */
export interface ArmCounts {
  arm: string;
  sends: number;
  positives: number;
}

/** One arm's Beta posterior in one segment, with where its pseudo-counts came from. */
export interface ArmPosterior extends ArmCounts {
  /** Pseudo-sends and pseudo-positives from the (discounted) team prior. */
  priorSends: number;
  priorPositives: number;
  alpha: number;
  beta: number;
  /** Posterior mean, alpha / (alpha + beta). */
  mean: number;
}

/**
 * How `choose` scores arms.
 * - `thompson`: plain Thompson sampling, one posterior draw per arm per choice.
 * - `thompson-greedy` (default): each arm is scored by a posterior draw with probability 1/K and by its posterior
 *   mean otherwise, the greedy step of ExpTS+ (Jin, Xu, Xiao & Anandkumar, NeurIPS 2022). Plain Thompson sampling
 *   over-explores many similar low-rate arms over a campaign-sized horizon — each send is a real prospect, so that
 *   costs leads. In `npm run bench:bandit` (20 arms at 1–12%, 10,000 sends) plain sampling keeps 38% of a uniform
 *   split's regret, the greedy step 23%; in the other worlds we simulated (2–7 arms, 0.5–40% rates) its mean regret
 *   was lower too, at the price of more spread between runs.
 */
export type BanditPolicy = 'thompson' | 'thompson-greedy';

/** Options of {@link createBandit}. */
export interface BanditOptions {
  /** Arm ids (variant ids, tones or channels); order breaks exact ties in `choose`. */
  arms: readonly string[];
  /** Team aggregates `{ arm, sends, positives, segment? }` from the companion app. */
  priors?: readonly TeamPrior[];
  /** Most pseudo-sends a team prior may be worth per arm. Default {@link DEFAULT_PRIOR_CAP}. */
  priorCap?: number;
  /** Factor on team sends before the cap. Default 1. */
  priorDiscount?: number;
  /** Beta prior every arm starts from before team and local data. Default Beta(1, 1), i.e. uniform. */
  basePrior?: { alpha: number; beta: number };
  /** Default `thompson-greedy`. */
  policy?: BanditPolicy;
}

/** Options of {@link Bandit.choose}. */
export interface ChooseOptions {
  /** Only these arms may be chosen (e.g. no phone number → no `phone` channel). */
  eligible?: readonly string[];
}

/**
 * A Thompson-sampling bandit over positive-reply rates, one independent Beta-Bernoulli model per arm and segment:
 * what works for technical buyers need not work for finance, so segments do not share local evidence.
 */
export interface Bandit {
  readonly arms: readonly string[];
  readonly policy: BanditPolicy;
  /**
   * Scores every (eligible) arm — a posterior draw, or under `thompson-greedy` sometimes the posterior mean — and
   * returns the highest. Pass a seeded rng for replayable choices.
   */
  choose(segment: string, rng: Rng, options?: ChooseOptions): string;
  /** Records one send of `arm` to `segment` and whether it succeeded (positive reply). */
  update(segment: string, arm: string, success: boolean): void;
  /** Posterior of every arm for a segment (team prior only, for a segment not seen yet). */
  posterior(segment: string): ArmPosterior[];
  /** Local counts of every arm for a segment, team priors excluded: the evidence a winner may be declared on. */
  counts(segment: string): ArmCounts[];
  /** Segments with local data. */
  segments(): string[];
  /** Serialisable state; {@link banditFromJSON} restores it. */
  toJSON(): BanditState;
}

interface SegmentState {
  successes: number[];
  trials: number[];
  /** Pseudo-counts from the base and team priors, per arm. */
  priorAlpha: number[];
  priorBeta: number[];
}

function assertArms(arms: readonly string[]): void {
  if (arms.length === 0) throw new RangeError('a bandit needs at least one arm');
  if (arms.some((a) => typeof a !== 'string' || a.length === 0)) throw new RangeError('arm ids must be non-empty');
  if (new Set(arms).size !== arms.length) throw new RangeError('arm ids must be unique');
}

/**
 * Creates a Thompson-sampling bandit. Each arm's posterior in a segment is
 * Beta(base α + prior positives + local positives, base β + prior failures + local failures), where the team prior is
 * discounted to at most `priorCap` pseudo-sends so local outcomes can overturn it.
 */
export function createBandit(options: BanditOptions): Bandit {
  return makeBandit(options, []);
}

/** Local counts to start from, per segment and arm (restored state). */
type InitialCounts = Array<{ segment: string; arms: Map<string, { successes: number; trials: number }> }>;

function makeBandit(options: BanditOptions, initial: InitialCounts): Bandit {
  const arms = [...options.arms];
  assertArms(arms);
  const priors = (options.priors ?? []).map((p) => TeamPriorSchema.parse(p));
  const priorCap = options.priorCap ?? DEFAULT_PRIOR_CAP;
  const priorDiscount = options.priorDiscount ?? 1;
  assertPriorDiscount({ cap: priorCap, discount: priorDiscount });
  const basePrior = { alpha: options.basePrior?.alpha ?? 1, beta: options.basePrior?.beta ?? 1 };
  if (!(basePrior.alpha > 0 && basePrior.beta > 0 && Number.isFinite(basePrior.alpha + basePrior.beta)))
    throw new RangeError('basePrior alpha and beta must be finite and > 0');

  const policy = options.policy ?? 'thompson-greedy';
  if (policy !== 'thompson' && policy !== 'thompson-greedy') throw new RangeError(`unknown policy: ${String(policy)}`);

  const armIndex = new Map(arms.map((a, i) => [a, i]));
  const states = new Map<string, SegmentState>();

  const newState = (segment: string): SegmentState => {
    const pseudo = resolvePriors(priors, segment, { cap: priorCap, discount: priorDiscount });
    const state: SegmentState = { successes: [], trials: [], priorAlpha: [], priorBeta: [] };
    for (const arm of arms) {
      const p = pseudo.get(arm) ?? { successes: 0, trials: 0 };
      state.successes.push(0);
      state.trials.push(0);
      state.priorAlpha.push(basePrior.alpha + p.successes);
      state.priorBeta.push(basePrior.beta + p.trials - p.successes);
    }
    return state;
  };
  // Reading a segment must not create it (segments() lists only segments with data), so reads use a throwaway.
  const peek = (segment: string): SegmentState => states.get(segment) ?? newState(segment);
  const touch = (segment: string): SegmentState => {
    let state = states.get(segment);
    if (state === undefined) {
      state = newState(segment);
      states.set(segment, state);
    }
    return state;
  };
  const indexOf = (arm: string): number => {
    const i = armIndex.get(arm);
    if (i === undefined) throw new RangeError(`unknown arm: ${arm}`);
    return i;
  };
  const assertSegment = (segment: string): void => {
    if (typeof segment !== 'string' || segment.length === 0) throw new RangeError('segment must be a non-empty string');
  };

  const bandit: Bandit = {
    arms,
    policy,
    choose(segment, rng, chooseOptions = {}) {
      assertSegment(segment);
      const state = peek(segment);
      const allowed = chooseOptions.eligible === undefined ? undefined : new Set(chooseOptions.eligible.map(indexOf));
      // ExpTS+ explores each arm with probability 1/K, K the arms in play.
      const explore = policy === 'thompson' ? 1 : 1 / (allowed?.size ?? arms.length);
      let best = -1;
      let bestDraw = -Infinity;
      for (let i = 0; i < arms.length; i++) {
        if (allowed !== undefined && !allowed.has(i)) continue;
        const s = state.successes[i] ?? 0;
        const n = state.trials[i] ?? 0;
        const alpha = (state.priorAlpha[i] ?? 1) + s;
        const beta = (state.priorBeta[i] ?? 1) + n - s;
        const draw = explore >= 1 || rng() < explore ? sampleBeta(alpha, beta, rng) : alpha / (alpha + beta);
        if (draw > bestDraw) {
          bestDraw = draw;
          best = i;
        }
      }
      const chosen = arms[best];
      if (chosen === undefined) throw new RangeError('no eligible arm to choose from');
      return chosen;
    },
    update(segment, arm, success) {
      assertSegment(segment);
      const i = indexOf(arm);
      if (typeof success !== 'boolean') throw new TypeError('success must be a boolean');
      const state = touch(segment);
      state.trials[i] = (state.trials[i] ?? 0) + 1;
      if (success) state.successes[i] = (state.successes[i] ?? 0) + 1;
    },
    posterior(segment) {
      const state = peek(segment);
      return arms.map((arm, i) => {
        const positives = state.successes[i] ?? 0;
        const sends = state.trials[i] ?? 0;
        const priorPositives = (state.priorAlpha[i] ?? 1) - basePrior.alpha;
        const priorSends = priorPositives + (state.priorBeta[i] ?? 1) - basePrior.beta;
        const alpha = (state.priorAlpha[i] ?? 1) + positives;
        const beta = (state.priorBeta[i] ?? 1) + sends - positives;
        return { arm, sends, positives, priorSends, priorPositives, alpha, beta, mean: alpha / (alpha + beta) };
      });
    },
    counts(segment) {
      const state = peek(segment);
      return arms.map((arm, i) => ({ arm, sends: state.trials[i] ?? 0, positives: state.successes[i] ?? 0 }));
    },
    segments() {
      return [...states.keys()];
    },
    toJSON() {
      return {
        format: BANDIT_FORMAT,
        version: BANDIT_STATE_VERSION,
        arms: [...arms],
        basePrior: { ...basePrior },
        policy,
        priorCap,
        priorDiscount,
        priors: priors.map((p) => ({ ...p })),
        segments: [...states].map(([segment, s]) => ({
          segment,
          successes: [...s.successes],
          trials: [...s.trials],
        })),
      };
    },
  };

  for (const { segment, arms: counts } of initial) {
    assertSegment(segment);
    const state = touch(segment);
    for (const [arm, c] of counts) {
      const i = armIndex.get(arm);
      if (i === undefined) continue;
      state.successes[i] = c.successes;
      state.trials[i] = c.trials;
    }
  }
  return bandit;
}

/** Options of {@link banditFromJSON}. */
export interface BanditRestoreOptions {
  /**
   * The arms to use now, when the campaign's variants changed since the state was saved: counts of arms still
   * present are kept, new arms start from their priors, removed arms are dropped.
   */
  arms?: readonly string[];
}

/**
 * Restores a bandit from `toJSON()` output (any supported version). Throws `BanditStateError` on malformed state
 * rather than starting over silently, which would throw away a rep's evidence without anyone noticing.
 */
export function banditFromJSON(json: unknown, options: BanditRestoreOptions = {}): Bandit {
  const state = migrateBanditState(json);
  const initial: InitialCounts = state.segments.map((s) => ({
    segment: s.segment,
    arms: new Map(state.arms.map((arm, i) => [arm, { successes: s.successes[i] ?? 0, trials: s.trials[i] ?? 0 }])),
  }));
  return makeBandit(
    {
      arms: options.arms ?? state.arms,
      priors: state.priors,
      priorCap: state.priorCap,
      priorDiscount: state.priorDiscount,
      basePrior: state.basePrior,
      policy: state.policy,
    },
    initial,
  );
}
