import { betaQuantile, normalQuantile } from './special';

/** The two interval methods: Wilson score (frequentist) and an equal-tailed Beta credible interval. */
export type IntervalMethod = 'wilson' | 'beta';

/** A two-sided interval for a rate, as fractions in [0, 1]. */
export interface RateInterval {
  low: number;
  high: number;
  /** e.g. 0.9 for a 90% interval. */
  level: number;
  method: IntervalMethod;
}

/** The level every dashboard and explanation uses unless told otherwise: 90%, as the product spec asks. */
export const DEFAULT_LEVEL = 0.9;

function assertCounts(successes: number, trials: number): void {
  if (!Number.isInteger(trials) || trials < 0) throw new RangeError('trials must be a whole number ≥ 0');
  if (!Number.isInteger(successes) || successes < 0 || successes > trials)
    throw new RangeError('successes must be a whole number between 0 and trials');
}

function assertLevel(level: number): void {
  if (!(level > 0 && level < 1)) throw new RangeError('level must be in (0, 1)');
}

/**
 * Wilson score interval for `successes` out of `trials`. Chosen over the textbook ±z·SE interval because that one
 * collapses to zero width at 0 or n successes and undercovers badly at the low rates sales outreach sees (1–15%).
 * With no trials the honest answer is "anything": [0, 1].
 */
export function wilsonInterval(successes: number, trials: number, level: number = DEFAULT_LEVEL): RateInterval {
  assertCounts(successes, trials);
  assertLevel(level);
  if (trials === 0) return { low: 0, high: 1, level, method: 'wilson' };
  const z = normalQuantile(1 - (1 - level) / 2);
  const z2 = z * z;
  const p = successes / trials;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / denominator;
  // Clamp only float noise; at 0 or n successes the bound is exactly 0 or 1.
  return {
    low: successes === 0 ? 0 : Math.max(0, centre - half),
    high: successes === trials ? 1 : Math.min(1, centre + half),
    level,
    method: 'wilson',
  };
}

/** Options of {@link betaCredibleInterval}. */
export interface BetaIntervalOptions {
  level?: number;
  /** Prior Beta(alpha, beta); default Jeffreys Beta(½, ½), which has good frequentist coverage too. */
  priorAlpha?: number;
  priorBeta?: number;
}

/**
 * Equal-tailed credible interval of the Beta posterior for a binomial rate. With the default Jeffreys prior it
 * applies Brown, Cai & DasGupta's boundary rule (lower bound 0 at 0 successes, upper bound 1 at n), without which
 * the interval would exclude a rate of 0 that the data cannot rule out.
 */
export function betaCredibleInterval(
  successes: number,
  trials: number,
  options: BetaIntervalOptions = {},
): RateInterval {
  assertCounts(successes, trials);
  const level = options.level ?? DEFAULT_LEVEL;
  assertLevel(level);
  const priorAlpha = options.priorAlpha ?? 0.5;
  const priorBeta = options.priorBeta ?? 0.5;
  const a = priorAlpha + successes;
  const b = priorBeta + trials - successes;
  const tail = (1 - level) / 2;
  const jeffreys = options.priorAlpha === undefined && options.priorBeta === undefined;
  return {
    low: jeffreys && successes === 0 ? 0 : betaQuantile(tail, a, b),
    high: jeffreys && successes === trials ? 1 : betaQuantile(1 - tail, a, b),
    level,
    method: 'beta',
  };
}

/** The interval of `method` for a rate; the one switch dashboards and explanations share. */
export function rateInterval(
  successes: number,
  trials: number,
  method: IntervalMethod = 'wilson',
  level: number = DEFAULT_LEVEL,
): RateInterval {
  return method === 'wilson'
    ? wilsonInterval(successes, trials, level)
    : betaCredibleInterval(successes, trials, { level });
}
