import { BANDIT_FORMAT, BANDIT_STATE_VERSION, migrateBanditState, type BanditState } from './bandit-state';
import { sampleBeta } from './distributions';
import { DEFAULT_PRIOR_CAP, assertPriorDiscount, resolvePriors } from './priors';
import {
  DAY_MS,
  DEFAULT_HALF_LIFE_DAYS,
  DEFAULT_REPLY_DELAY,
  assertReplyDelay,
  replyArrivedShare,
  replyDelayQuantile,
  type ReplyDelayModel,
} from './reply-delay';
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

/** Width of the time buckets timed sends are counted in: ages are known to within 6 hours. */
export const BUCKET_MS = 6 * 3_600_000;

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
  /** How long replies take, for sends recorded with a time. Default {@link DEFAULT_REPLY_DELAY}. */
  replyDelay?: ReplyDelayModel;
  /**
   * Half-life of a timed send's weight, in days; `null` keeps every send at full weight. Default
   * {@link DEFAULT_HALF_LIFE_DAYS}. Untimed evidence (`update`) is never discounted.
   */
  halfLifeDays?: number | null;
  /**
   * Fit the delay model's median to the delays of replies seen (default true), with `replyDelay` as its prior. Each
   * delay is taken given that it arrived by now (a truncated likelihood), so the replies still to come do not pull
   * the fit towards short delays. A campaign whose replies come within minutes then stops counting fresh unanswered
   * sends as pending within a few replies.
   */
  learnReplyDelay?: boolean;
  /**
   * Log-likelihood ratio above which an arm's timed evidence is split at its most likely change point, and only the
   * evidence after it is kept (see {@link detectChange}); `null` never splits. Default
   * {@link DEFAULT_CHANGE_THRESHOLD}. Not persisted: a restored bandit uses the default.
   */
  changeThreshold?: number | null;
}

/**
 * Default log-likelihood ratio for a change point. Chosen on `bench:bandit` seeds 1000–1019, not the seeds it
 * reports: realistic-world regret ratio 0.387 without detection, 0.362 / 0.348 / 0.348 / 0.357 / 0.367 at thresholds
 * 4 / 6 / 8 / 12 / 20; the instant world stayed at or under 0.215 at each. A low threshold raises false alarms
 * (an arm forgets evidence that was still true), which costs little: the arm keeps its recent evidence.
 */
export const DEFAULT_CHANGE_THRESHOLD = 6;
/** Fewest expected replies (at the pooled rate) on each side of a change point: fewer could not tell rates apart. */
const MIN_CHANGE_EXPOSURE = 3;

/** What a segment knows about one arm at a given time: counts, and how much of them is still unknown. */
export interface ArmEvidence extends ArmCounts {
  /**
   * Unanswered sends still inside their reply window (younger than the delay model's 90th percentile): neither
   * successes nor failures yet.
   */
  awaiting: number;
  /**
   * Sends that count as answered or not: positives plus each unanswered send weighted by the share of replies that
   * would have arrived by its age, rounded. Intervals and winner calls use this, so pending sends are not failures.
   */
  settledSends: number;
  /**
   * If a change of the arm's reply rate was detected, the start (ms) of the sends the bandit now learns from. The
   * change happened around then, or earlier when those are the oldest sends still kept by bucket (older ones are
   * folded into sums once all their replies are due, so a change is dated no further back than that).
   */
  changedAt?: number;
}

/** Options of {@link Bandit.choose}. */
export interface ChooseOptions {
  /** Only these arms may be chosen (e.g. no phone number → no `phone` channel). */
  eligible?: readonly string[];
  /** The time of the choice (ms since the epoch), which ages timed sends. Default `Date.now()`. */
  now?: number;
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
  /** Records one send of `arm` to `segment` whose outcome is already known (positive reply or not). */
  update(segment: string, arm: string, success: boolean): void;
  /**
   * Records a send made at `at` (ms) whose answer may still come. Until then it counts as pending: as a failure
   * only in the share of replies that would have arrived by its age under the delay model.
   */
  recordSend(segment: string, arm: string, at: number): void;
  /**
   * Records the positive reply to a send recorded with `recordSend` at `sentAt`; with `repliedAt`, its delay also
   * teaches the bandit how long replies take (see {@link BanditOptions.learnReplyDelay}).
   */
  recordReply(segment: string, arm: string, sentAt: number, repliedAt?: number): void;
  /** Posterior of every arm for a segment at `now` (team prior only, for a segment not seen yet). */
  posterior(segment: string, now?: number): ArmPosterior[];
  /** Counts of every arm with what is still awaiting an answer at `now`. */
  evidence(segment: string, now?: number): ArmEvidence[];
  /** Local counts of every arm for a segment, team priors excluded: the evidence a winner may be declared on. */
  counts(segment: string): ArmCounts[];
  /** Segments with local data. */
  segments(): string[];
  /** Serialisable state; {@link banditFromJSON} restores it. */
  toJSON(): BanditState;
}

/** Timed sends of one arm: recent ones by 6-hour bucket, older ones (all answered or not) folded into sums. */
interface TimedArm {
  /** Bucket index (floor(at / BUCKET_MS)) → sends and positive replies of sends made in it. */
  buckets: Map<number, { sends: number; replies: number }>;
  /** Folded evidence, discounted to bucket `asOf`. */
  oldSuccesses: number;
  oldFailures: number;
  asOf: number;
  /** Unanswered sends folded in, undiscounted: they count as settled failures. */
  foldedUnanswered: number;
  sends: number;
  replies: number;
  /** Posterior increments at bucket `at`; dropped whenever this arm's evidence changes. */
  cache: {
    at: number;
    generation: number;
    alpha: number;
    beta: number;
    awaiting: number;
    settled: number;
    /** Bucket of the detected change point, or null. */
    changedAt: number | null;
  } | null;
}

interface SegmentState {
  successes: number[];
  trials: number[];
  /** Pseudo-counts from the base and team priors, per arm. */
  priorAlpha: number[];
  priorBeta: number[];
  timed: TimedArm[];
}

const newTimedArm = (): TimedArm => ({
  buckets: new Map(),
  oldSuccesses: 0,
  oldFailures: 0,
  asOf: -Infinity,
  foldedUnanswered: 0,
  sends: 0,
  replies: 0,
  cache: null,
});

const BUCKET_DAYS = BUCKET_MS / DAY_MS;
/** Reply delays kept for fitting the delay model. */
const MAX_DELAYS = 500;
/** Candidate medians for the fit: 1 minute to 8 days, 32 steps. */
const MEDIAN_GRID = Array.from({ length: 32 }, (_, k) => (1 / 1_440) * Math.pow(8 * 1_440, k / 31));
/** Spread of the prior on the log median: a factor e^1.5 ≈ 4.5 either way is one standard deviation. */
const MEDIAN_PRIOR_SIGMA = 1.5;

/**
 * The maximum a posteriori median of a log-normal delay (σ fixed) given reply delays, each conditioned on having
 * arrived by `now`: Σ log f(d) − log F(age), with a log-normal prior around `prior.medianDays`. Delays are clamped
 * to one minute: a log-normal has no mass at zero.
 */
function fitDelayMedian(delays: ReadonlyArray<readonly [number, number]>, now: number, prior: ReplyDelayModel): number {
  let best = prior.medianDays;
  let bestScore = -Infinity;
  const s2 = 2 * prior.sigma * prior.sigma;
  for (const m of MEDIAN_GRID) {
    const lm = Math.log(m);
    const z = (lm - Math.log(prior.medianDays)) / MEDIAN_PRIOR_SIGMA;
    let score = -0.5 * z * z;
    for (const [sentAt, d] of delays) {
      const ld = Math.log(Math.max(d, 1 / 1_440));
      const age = Math.max((now - sentAt) / DAY_MS, 1 / 1_440);
      score +=
        -((ld - lm) * (ld - lm)) / s2 -
        Math.log(Math.max(replyArrivedShare(age, { medianDays: m, sigma: prior.sigma }), 1e-300));
    }
    if (score > bestScore) {
      bestScore = score;
      best = m;
    }
  }
  return best;
}

/** One stretch of an arm's timed evidence: replies seen and the replies expected per unit of rate (delay-corrected). */
interface Stretch {
  replies: number;
  exposure: number;
}

const poissonTerm = (r: number, e: number): number => (r > 0 ? r * Math.log(r / e) : 0);

/**
 * The most likely change point of an arm's reply rate, or -1 when none is convincing.
 *
 * Stretches are in time order (the folded old sums first). A stretch's replies are Poisson with mean p·E, E its
 * exposure: for a send of age a, the share F(a) of replies that would have arrived by now (so a pending send weighs
 * only what could already be known of it). For each split, the log-likelihood ratio of two rates against one is
 * R₁ log(R₁/E₁·E/R) + R₂ log(R₂/E₂·E/R), the windowed test of change-point detection (Basseville & Nikiforov,
 * "Detection of Abrupt Changes", 1993, §2.2). The largest over splits must pass `threshold`, with enough exposure on
 * both sides to tell two rates apart. Returns the index of the first stretch after the change.
 */
export function detectChange(stretches: readonly Stretch[], threshold: number): number {
  let totalR = 0;
  let totalE = 0;
  for (const s of stretches) {
    totalR += s.replies;
    totalE += s.exposure;
  }
  if (!(totalE > 0) || totalR === 0) return -1;
  const pooled = totalR / totalE;
  const whole = poissonTerm(totalR, totalE);
  let r1 = 0;
  let e1 = 0;
  let best = -1;
  let bestScore = threshold;
  for (let j = 1; j < stretches.length; j++) {
    r1 += stretches[j - 1]!.replies;
    e1 += stretches[j - 1]!.exposure;
    const r2 = totalR - r1;
    const e2 = totalE - e1;
    if (pooled * e1 < MIN_CHANGE_EXPOSURE || pooled * e2 < MIN_CHANGE_EXPOSURE) continue;
    const score = poissonTerm(r1, e1) + poissonTerm(r2, e2) - whole;
    if (score > bestScore) {
      bestScore = score;
      best = j;
    }
  }
  return best;
}

/**
 * Weights of timed evidence by age, in buckets: how much of an unanswered send counts as a failure (the share of
 * replies that would have arrived by its age) and how much any send still weighs (the half-life discount).
 *
 * An unanswered send of age a has likelihood 1 − p·F(a) for reply rate p and delay CDF F; for reply rates of a few
 * percent that is (1 − p)^F(a) to within a few per cent of log-likelihood, so the send adds F(a) to the Beta's
 * failures and the posterior stays a Beta.
 */
function makeTiming(delay: ReplyDelayModel, halfLifeDays: number | null, changeThreshold: number | null) {
  // Past the 99.9th percentile of the delay a send is settled: it is folded into plain sums.
  const horizon = Math.ceil(replyDelayQuantile(0.999, delay) / BUCKET_DAYS);
  // Younger than the 90th percentile, an unanswered send is reported as awaiting its answer.
  const awaitingBuckets = replyDelayQuantile(0.9, delay) / BUCKET_DAYS;
  const decay = (k: number): number =>
    halfLifeDays === null || k <= 0 ? 1 : Math.pow(2, -(k * BUCKET_DAYS) / halfLifeDays);
  const decays = Array.from({ length: horizon + 1 }, (_, k) => decay(k));
  // A send in bucket k is on average half a bucket older than the bucket's start.
  const arrived = Array.from({ length: horizon + 1 }, (_, k) => replyArrivedShare((k + 0.5) * BUCKET_DAYS, delay));

  const fold = (timed: TimedArm, now: number): void => {
    if (timed.asOf === -Infinity) timed.asOf = now;
    else if (now > timed.asOf) {
      const w = decay(now - timed.asOf);
      timed.oldSuccesses *= w;
      timed.oldFailures *= w;
      timed.asOf = now;
    }
    for (const [b, c] of timed.buckets) {
      if (now - b <= horizon) continue;
      const w = decay(timed.asOf - b);
      timed.oldSuccesses += w * c.replies;
      timed.oldFailures += w * (c.sends - c.replies);
      timed.foldedUnanswered += c.sends - c.replies;
      timed.buckets.delete(b);
    }
  };

  return {
    model: delay,
    decay,
    /** Posterior increments of one arm's timed sends at bucket `now`, cached until the arm changes. */
    evaluate(timed: TimedArm, now: number, generation: number) {
      if (timed.cache?.at === now && timed.cache.generation === generation) return timed.cache;
      fold(timed, now);
      let awaiting = 0;
      let settled = timed.replies + timed.foldedUnanswered;
      // A send after `now` (a choice replayed at an earlier time) is not evidence yet.
      const live = [...timed.buckets].filter(([b]) => now - b >= 0).sort(([a], [b]) => a - b);
      const stretches: Stretch[] = [{ replies: timed.oldSuccesses, exposure: timed.oldSuccesses + timed.oldFailures }];
      for (const [b, c] of live) {
        const share = arrived[now - b] ?? 1;
        stretches.push({ replies: c.replies, exposure: share * c.sends });
        const unanswered = c.sends - c.replies;
        settled += share * unanswered;
        if (now - b < awaitingBuckets) awaiting += unanswered;
      }
      // After a detected change, only the evidence since it describes the arm.
      const cut = changeThreshold === null ? -1 : detectChange(stretches, changeThreshold);
      let alpha = cut > 0 ? 0 : timed.oldSuccesses;
      let beta = cut > 0 ? 0 : timed.oldFailures;
      for (let j = Math.max(cut - 1, 0); j < live.length; j++) {
        const [b, c] = live[j]!;
        const k = now - b;
        const w = decays[k] ?? decay(k);
        alpha += w * c.replies;
        beta += w * (arrived[k] ?? 1) * (c.sends - c.replies);
      }
      const changedAt = cut > 0 ? live[cut - 1]![0] : null;
      timed.cache = { at: now, generation, alpha, beta, awaiting, settled, changedAt };
      return timed.cache;
    },
  };
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

/** Persisted timed sends of one arm (see `BanditStateV2`). */
type TimedArmState = BanditState['segments'][number]['timed'][number];

/** Local counts to start from, per segment and arm (restored state). */
type InitialCounts = Array<{
  segment: string;
  arms: Map<string, { successes: number; trials: number; timed?: TimedArmState }>;
}>;

function makeBandit(
  options: BanditOptions,
  initial: InitialCounts,
  initialDelays: ReadonlyArray<readonly [number, number]> = [],
): Bandit {
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
  const replyDelay = { ...(options.replyDelay ?? DEFAULT_REPLY_DELAY) };
  assertReplyDelay(replyDelay);
  const halfLifeDays = options.halfLifeDays === undefined ? DEFAULT_HALF_LIFE_DAYS : options.halfLifeDays;
  if (halfLifeDays !== null && !(halfLifeDays > 0 && Number.isFinite(halfLifeDays)))
    throw new RangeError('halfLifeDays must be a finite number > 0, or null');
  const learnReplyDelay = options.learnReplyDelay ?? true;
  const changeThreshold = options.changeThreshold === undefined ? DEFAULT_CHANGE_THRESHOLD : options.changeThreshold;
  if (changeThreshold !== null && !(changeThreshold > 0 && Number.isFinite(changeThreshold)))
    throw new RangeError('changeThreshold must be a finite number > 0, or null');
  let timing = makeTiming(replyDelay, halfLifeDays, changeThreshold);
  /** Recent reply delays [sentAt ms, delay days], oldest first. */
  const delays: Array<[number, number]> = initialDelays.map(([at, d]) => [at, d]);
  let fittedAt = -Infinity;
  let fittedWith = 0;
  let generation = 0;
  const refit = (now: number): void => {
    if (!learnReplyDelay || delays.length === fittedWith || now <= fittedAt) return;
    fittedAt = now;
    fittedWith = delays.length;
    const medianDays = fitDelayMedian(delays, (now + 1) * BUCKET_MS, replyDelay);
    if (Math.abs(Math.log(medianDays / timing.model.medianDays)) < 0.05) return;
    timing = makeTiming({ medianDays, sigma: replyDelay.sigma }, halfLifeDays, changeThreshold);
    generation++;
  };

  const armIndex = new Map(arms.map((a, i) => [a, i]));
  const states = new Map<string, SegmentState>();

  const newState = (segment: string): SegmentState => {
    const pseudo = resolvePriors(priors, segment, { cap: priorCap, discount: priorDiscount });
    const state: SegmentState = { successes: [], trials: [], priorAlpha: [], priorBeta: [], timed: [] };
    for (const arm of arms) {
      state.timed.push(newTimedArm());
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
  const bucketOf = (at: number): number => {
    if (typeof at !== 'number' || !Number.isFinite(at)) throw new RangeError('times must be finite ms since the epoch');
    return Math.floor(at / BUCKET_MS);
  };
  /** Beta parameters of arm i at bucket `now`: priors, untimed counts and the timed sends' weighted evidence. */
  const params = (state: SegmentState, i: number, now: number) => {
    const s = state.successes[i] ?? 0;
    const n = state.trials[i] ?? 0;
    const timed = state.timed[i];
    const t = timed === undefined || timed.sends === 0 ? null : timing.evaluate(timed, now, generation);
    return {
      alpha: (state.priorAlpha[i] ?? 1) + s + (t?.alpha ?? 0),
      beta: (state.priorBeta[i] ?? 1) + n - s + (t?.beta ?? 0),
      awaiting: t?.awaiting ?? 0,
      settled: t?.settled ?? 0,
      changedAt: t?.changedAt ?? null,
    };
  };

  const bandit: Bandit = {
    arms,
    policy,
    choose(segment, rng, chooseOptions = {}) {
      assertSegment(segment);
      const state = peek(segment);
      const now = bucketOf(chooseOptions.now ?? Date.now());
      refit(now);
      const allowed = chooseOptions.eligible === undefined ? undefined : new Set(chooseOptions.eligible.map(indexOf));
      // ExpTS+ explores each arm with probability 1/K, K the arms in play.
      const explore = policy === 'thompson' ? 1 : 1 / (allowed?.size ?? arms.length);
      let best = -1;
      let bestDraw = -Infinity;
      for (let i = 0; i < arms.length; i++) {
        if (allowed !== undefined && !allowed.has(i)) continue;
        const { alpha, beta } = params(state, i, now);
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
    recordSend(segment, arm, at) {
      assertSegment(segment);
      const i = indexOf(arm);
      const b = bucketOf(at);
      const timed = touch(segment).timed[i];
      if (timed === undefined) return;
      const bucket = timed.buckets.get(b);
      if (bucket === undefined) timed.buckets.set(b, { sends: 1, replies: 0 });
      else bucket.sends++;
      timed.sends++;
      timed.cache = null;
    },
    recordReply(segment, arm, sentAt, repliedAt) {
      assertSegment(segment);
      const i = indexOf(arm);
      const b = bucketOf(sentAt);
      const timed = states.get(segment)?.timed[i];
      const bucket = timed?.buckets.get(b);
      if (
        timed === undefined ||
        timed.replies >= timed.sends ||
        (bucket !== undefined && bucket.replies >= bucket.sends)
      )
        throw new RangeError(`a reply needs an unanswered send of ${arm} at that time`);
      if (bucket !== undefined) bucket.replies++;
      else {
        // A very late reply to a send already folded as a failure: move it from failures to successes.
        if (timed.foldedUnanswered < 1) throw new RangeError(`a reply needs an unanswered send of ${arm} at that time`);
        const w = timing.decay(timed.asOf - b);
        timed.oldSuccesses += w;
        timed.oldFailures = Math.max(0, timed.oldFailures - w);
        timed.foldedUnanswered--;
      }
      timed.replies++;
      timed.cache = null;
      if (repliedAt !== undefined) {
        if (!Number.isFinite(repliedAt) || repliedAt < sentAt) throw new RangeError('a reply cannot precede its send');
        delays.push([sentAt, (repliedAt - sentAt) / DAY_MS]);
        if (delays.length > MAX_DELAYS) delays.splice(0, delays.length - MAX_DELAYS);
        fittedWith = -1;
      }
    },
    posterior(segment, now = Date.now()) {
      const state = peek(segment);
      const at = bucketOf(now);
      refit(at);
      return arms.map((arm, i) => {
        const sends = (state.trials[i] ?? 0) + (state.timed[i]?.sends ?? 0);
        const positives = (state.successes[i] ?? 0) + (state.timed[i]?.replies ?? 0);
        const priorPositives = (state.priorAlpha[i] ?? 1) - basePrior.alpha;
        const priorSends = priorPositives + (state.priorBeta[i] ?? 1) - basePrior.beta;
        const { alpha, beta } = params(state, i, at);
        return { arm, sends, positives, priorSends, priorPositives, alpha, beta, mean: alpha / (alpha + beta) };
      });
    },
    evidence(segment, now = Date.now()) {
      const state = peek(segment);
      const at = bucketOf(now);
      refit(at);
      return arms.map((arm, i) => {
        const { awaiting, settled, changedAt } = params(state, i, at);
        const positives = (state.successes[i] ?? 0) + (state.timed[i]?.replies ?? 0);
        const untimed = state.trials[i] ?? 0;
        return {
          arm,
          sends: untimed + (state.timed[i]?.sends ?? 0),
          positives,
          awaiting,
          settledSends: Math.max(positives, untimed + Math.round(settled)),
          ...(changedAt === null ? {} : { changedAt: changedAt * BUCKET_MS }),
        };
      });
    },
    counts(segment) {
      const state = peek(segment);
      return arms.map((arm, i) => ({
        arm,
        sends: (state.trials[i] ?? 0) + (state.timed[i]?.sends ?? 0),
        positives: (state.successes[i] ?? 0) + (state.timed[i]?.replies ?? 0),
      }));
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
        replyDelay: { ...replyDelay },
        halfLifeDays,
        learnReplyDelay,
        replyDelays: delays.map(([at, d]): [number, number] => [at, d]),
        segments: [...states].map(([segment, s]) => ({
          segment,
          successes: [...s.successes],
          trials: [...s.trials],
          timed: s.timed.map((t) => ({
            buckets: [...t.buckets].map(([b, c]): [number, number, number] => [b, c.sends, c.replies]),
            old: [t.oldSuccesses, t.oldFailures, t.asOf === -Infinity ? null : t.asOf, t.foldedUnanswered] as [
              number,
              number,
              number | null,
              number,
            ],
            sends: t.sends,
            replies: t.replies,
          })),
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
      if (c.timed !== undefined) {
        const [oldSuccesses, oldFailures, asOf, foldedUnanswered] = c.timed.old;
        state.timed[i] = {
          buckets: new Map(c.timed.buckets.map(([b, sends, replies]) => [b, { sends, replies }])),
          oldSuccesses,
          oldFailures,
          asOf: asOf ?? -Infinity,
          foldedUnanswered,
          sends: c.timed.sends,
          replies: c.timed.replies,
          cache: null,
        };
      }
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
    arms: new Map(
      state.arms.map((arm, i) => {
        const timed = s.timed[i];
        return [arm, { successes: s.successes[i] ?? 0, trials: s.trials[i] ?? 0, ...(timed ? { timed } : {}) }];
      }),
    ),
  }));
  return makeBandit(
    {
      arms: options.arms ?? state.arms,
      priors: state.priors,
      priorCap: state.priorCap,
      priorDiscount: state.priorDiscount,
      basePrior: state.basePrior,
      policy: state.policy,
      replyDelay: state.replyDelay,
      halfLifeDays: state.halfLifeDays,
      learnReplyDelay: state.learnReplyDelay,
    },
    initial,
    state.replyDelays,
  );
}
