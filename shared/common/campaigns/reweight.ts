import { logLoss, rocAuc } from './fit-metrics';
import { fitLogistic, sigmoid } from './logistic';

/** The content scorer's weights object (`ScoreWeights` in shared/common/scoring), kept structural here. */
export interface ContentWeights {
  version: string | number;
  weights: Record<string, number>;
}

/** One sent draft: its criterion scores (0..1 per criterion id, 1 = best) and whether it got a positive reply. */
export interface WeightSample {
  criteria: Readonly<Record<string, number>>;
  positive: boolean | 0 | 1;
}

/** Options of {@link refitWeights}. */
export interface RefitOptions {
  /** The weights in use now: the starting point, the comparison, and the total the new weights keep. */
  current: ContentWeights;
  /** L2 penalty on standardised coefficients. Default 0.01. */
  l2?: number;
  /** Gradient-descent iterations (stops earlier once converged). Default 3,000. */
  iterations?: number;
  /**
   * Criteria whose weight may become negative. Default none: every scorer criterion is "higher is better", and a
   * negative weight would reward a worse draft because of noise (the scorer also rejects negative weights).
   */
  allowNegative?: readonly string[];
  /** Version of the new weights. Default `${current.version}+refit.${samples}`. */
  version?: string | number;
  /** Fewest samples to fit on. Default 50. */
  minSamples?: number;
  /** Fewest positives and fewest negatives to fit on. Default 5. */
  minPerClass?: number;
}

/** How well a weighting separates positive from other outcomes, on the data it was fitted to. */
export interface FitQuality {
  /** Mean log-loss of the calibrated model (lower is better). */
  logLoss: number;
  /** ROC AUC of the weighted score (0.5 = chance); null with one class only. */
  auc: number | null;
}

/** New weights in the scorer's shape, plus how they were obtained. */
export interface RefitResult extends ContentWeights {
  /** `refitted`, or why the current weights were returned unchanged. */
  status: 'refitted' | 'insufficient_data' | 'no_signal';
  report: {
    samples: number;
    positives: number;
    previous: ContentWeights;
    /** Per criterion, old and new weight, sorted by id. */
    changes: Array<{ id: string; old: number; new: number }>;
    /** Criteria whose values never varied (or never appeared); their old weight is kept. */
    uninformative: string[];
    /** Raw logistic coefficients (log-odds per unit of criterion score) and intercept. */
    coefficients: Record<string, number>;
    intercept: number;
    iterations: number;
    /** `before`: the old weights' direction with the best scale and intercept; `after`: the fitted model. */
    fit: { before: FitQuality; after: FitQuality };
  };
}

const round4 = (x: number): number => Math.round(x * 1e4) / 1e4;

/** Mean value of each criterion over the samples that have it, for imputing the ones that do not. */
function criterionMeans(samples: readonly WeightSample[], ids: readonly string[]): Map<string, number | undefined> {
  const means = new Map<string, number | undefined>();
  for (const id of ids) {
    let sum = 0;
    let seen = 0;
    for (const s of samples) {
      if (!Object.hasOwn(s.criteria, id)) continue;
      const v = s.criteria[id];
      if (typeof v !== 'number' || !(v >= 0 && v <= 1))
        throw new RangeError(`criterion "${id}" must be a number in [0, 1]`);
      sum += v;
      seen++;
    }
    means.set(id, seen === 0 ? undefined : sum / seen);
  }
  return means;
}

/**
 * Re-fits content-score weights to observed outcomes with L2-regularised logistic regression (deterministic
 * projected gradient descent). A criterion missing from a draft (the scorer skipped it) is imputed with its mean, so
 * it neither helps nor hurts that draft. The new weights are the coefficients rescaled to the old weights' total, so
 * the score stays a weighted mean on the same scale (total of absolute weights preserved); criteria the data cannot
 * inform keep their old weight.
 */
export function refitWeights(samples: readonly WeightSample[], options: RefitOptions): RefitResult {
  const { current } = options;
  const l2 = options.l2 ?? 0.01;
  const iterations = options.iterations ?? 3_000;
  const minSamples = options.minSamples ?? 50;
  const minPerClass = options.minPerClass ?? 5;
  if (!(l2 >= 0) || !Number.isFinite(l2)) throw new RangeError('l2 must be a finite number ≥ 0');
  if (!Number.isInteger(iterations) || iterations < 1) throw new RangeError('iterations must be a whole number ≥ 1');
  for (const [id, w] of Object.entries(current.weights))
    if (!Number.isFinite(w)) throw new RangeError(`current weight for "${id}" must be finite`);

  const idSet = new Set(Object.keys(current.weights));
  for (const s of samples) for (const id of Object.keys(s.criteria)) idSet.add(id);
  const means = criterionMeans(samples, [...idSet]);
  const ids = [...idSet].sort();
  const k = ids.length;
  const n = samples.length;
  const x = new Float64Array(n * k);
  const y = new Float64Array(n);
  samples.forEach((s, i) => {
    y[i] = s.positive === true || s.positive === 1 ? 1 : 0;
    ids.forEach((id, j) => {
      x[i * k + j] = Object.hasOwn(s.criteria, id) ? (s.criteria[id] ?? 0) : (means.get(id) ?? 0);
    });
  });
  const positives = y.reduce((a, v) => a + v, 0);
  const old = ids.map((id) => (Object.hasOwn(current.weights, id) ? (current.weights[id] ?? 0) : 0));
  const before = scoreQuality(x, y, k, old, l2, iterations);

  const previous: ContentWeights = { version: current.version, weights: { ...current.weights } };
  const unchanged = (status: RefitResult['status'], after: FitQuality, extra: Partial<RefitResult['report']> = {}) => ({
    version: current.version,
    weights: { ...current.weights },
    status,
    report: {
      samples: n,
      positives,
      previous,
      changes: ids.map((id, j) => ({ id, old: old[j] ?? 0, new: old[j] ?? 0 })),
      uninformative: [],
      coefficients: {},
      intercept: 0,
      iterations: 0,
      fit: { before, after },
      ...extra,
    },
  });
  if (n < minSamples || positives < minPerClass || n - positives < minPerClass)
    return unchanged('insufficient_data', before);

  const allowNegative = new Set(options.allowNegative ?? []);
  const fit = fitLogistic(x, y, k, { l2, iterations, allowNegative: ids.map((id) => allowNegative.has(id)) });
  const scores = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let t = fit.intercept;
    for (let j = 0; j < k; j++) t += (fit.coefficients[j] ?? 0) * (x[i * k + j] ?? 0);
    scores[i] = t;
  }
  const after: FitQuality = { logLoss: logLoss(scores.map(sigmoid), y), auc: rocAuc(scores, y) };
  const coefficients = Object.fromEntries(ids.map((id, j) => [id, fit.coefficients[j] ?? 0]));

  // A criterion with no spread (or never observed) says nothing; it keeps its old weight and its share of the total.
  const informative = ids.map((id, j) => means.get(id) !== undefined && hasSpread(x, n, k, j));
  const uninformative = ids.filter((_, j) => !informative[j]);
  // Magnitudes, not sums: with a criterion allowed below zero, signed sums could cancel out and flip the scale.
  const oldMass = ids.reduce((a, _, j) => a + (informative[j] ? Math.abs(old[j] ?? 0) : 0), 0);
  const coefMass = ids.reduce((a, _, j) => a + (informative[j] ? Math.abs(fit.coefficients[j] ?? 0) : 0), 0);
  if (!(coefMass > 1e-9))
    return unchanged('no_signal', after, { coefficients, intercept: fit.intercept, iterations: fit.iterations });
  // Without old weight on the informative criteria (a fresh scorer) the total is one weight unit per criterion.
  const scale = (oldMass > 0 ? oldMass : informative.filter(Boolean).length) / coefMass;
  const weights: Record<string, number> = {};
  ids.forEach((id, j) => {
    weights[id] = informative[j] ? round4((fit.coefficients[j] ?? 0) * scale) : (old[j] ?? 0);
  });
  return {
    version: options.version ?? `${String(current.version)}+refit.${n}`,
    weights,
    status: 'refitted',
    report: {
      samples: n,
      positives,
      previous,
      changes: ids.map((id, j) => ({ id, old: old[j] ?? 0, new: weights[id] ?? 0 })),
      uninformative,
      coefficients,
      intercept: fit.intercept,
      iterations: fit.iterations,
      fit: { before, after },
    },
  };
}

function hasSpread(x: Float64Array, n: number, k: number, j: number): boolean {
  const first = x[j] ?? 0;
  for (let i = 1; i < n; i++) if (Math.abs((x[i * k + j] ?? 0) - first) > 1e-12) return true;
  return false;
}

/**
 * Quality of a fixed weighting: AUC of Σ w·x directly (it is scale-free), log-loss after fitting only a scale ≥ 0
 * and an intercept on it — the old weights were never meant as log-odds, so that is the fairest calibration.
 */
function scoreQuality(
  x: Float64Array,
  y: Float64Array,
  k: number,
  w: readonly number[],
  l2: number,
  iterations: number,
): FitQuality {
  const n = y.length;
  const s = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let t = 0;
    for (let j = 0; j < k; j++) t += (w[j] ?? 0) * (x[i * k + j] ?? 0);
    s[i] = t;
  }
  if (n === 0) return { logLoss: NaN, auc: null };
  const calibration = fitLogistic(s, y, 1, { l2, iterations, allowNegative: [false] });
  const p = s.map((v) => sigmoid(calibration.intercept + (calibration.coefficients[0] ?? 0) * v));
  return { logLoss: logLoss(p, y), auc: rocAuc(s, y) };
}
