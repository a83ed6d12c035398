/**
 * Calibration: the network outputs a logit z; score = sigmoid(z / T) with one temperature T per model, fitted on a
 * held-out dev split (scripts/training/train-sentiment.ts). T > 0 rescales confidence without moving the 0.5 decision point,
 * so calibrating never changes accuracy.
 */

export type SentimentLabel = 'negative' | 'neutral' | 'positive';

/**
 * Scores within this distance of 0.5 are "neutral": the model is less than 65% sure either way. The default for a
 * model trained without a neutral class (a product choice on the calibrated scale); a model whose data had one
 * carries its own band, fitted on it (SentimentModelMetadata.neutralHalfWidth, see fitNeutralHalfWidth). Sentences
 * with no known word get exactly 0.5.
 */
export const NEUTRAL_HALF_WIDTH = 0.15;

export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

export function calibratedScore(logit: number, temperature: number): number {
  return sigmoid(logit / temperature);
}

export function labelFromScore(score: number, halfWidth = NEUTRAL_HALF_WIDTH): SentimentLabel {
  if (!Number.isFinite(score)) return 'neutral';
  if (score >= 0.5 + halfWidth) return 'positive';
  if (score <= 0.5 - halfWidth) return 'negative';
  return 'neutral';
}

/** Mean negative log-likelihood of binary labels under sigmoid(logit / temperature). */
export function binaryNll(logits: ArrayLike<number>, labels: ArrayLike<number>, temperature: number): number {
  let sum = 0;
  for (let i = 0; i < logits.length; i++) {
    const z = logits[i]! / temperature;
    // log(1 + e^z) - y z, computed without overflow.
    sum += Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - labels[i]! * z;
  }
  return logits.length === 0 ? 0 : sum / logits.length;
}

/** Temperature minimising dev NLL: golden-section search on log T in [0.05, 20] (NLL is unimodal in log T). */
export function fitTemperature(logits: ArrayLike<number>, labels: ArrayLike<number>): number {
  return fitTemperatureBy((t) => binaryNll(logits, labels, t));
}

/** The temperature in [0.05, 20] minimising `nll(T)`, any NLL unimodal in log T (binary or softmax). */
export function fitTemperatureBy(nll: (temperature: number) => number): number {
  let lo = Math.log(0.05);
  let hi = Math.log(20);
  const phi = (Math.sqrt(5) - 1) / 2;
  const loss = (logT: number) => nll(Math.exp(logT));
  let a = hi - phi * (hi - lo);
  let b = lo + phi * (hi - lo);
  let fa = loss(a);
  let fb = loss(b);
  for (let i = 0; i < 60; i++) {
    if (fa < fb) {
      hi = b;
      b = a;
      fb = fa;
      a = hi - phi * (hi - lo);
      fa = loss(a);
    } else {
      lo = a;
      a = b;
      fa = fb;
      b = lo + phi * (hi - lo);
      fb = loss(b);
    }
  }
  return Math.exp((lo + hi) / 2);
}

/** Expected calibration error over `bins` equal-width bins of the positive-class probability. */
export function expectedCalibrationError(scores: ArrayLike<number>, labels: ArrayLike<number>, bins = 10): number {
  const count = new Array<number>(bins).fill(0);
  const conf = new Array<number>(bins).fill(0);
  const pos = new Array<number>(bins).fill(0);
  for (let i = 0; i < scores.length; i++) {
    const bin = Math.min(bins - 1, Math.floor(scores[i]! * bins));
    count[bin]!++;
    conf[bin]! += scores[i]!;
    pos[bin]! += labels[i]!;
  }
  let ece = 0;
  for (let b = 0; b < bins; b++) if (count[b]) ece += Math.abs(pos[b]! - conf[b]!) / scores.length;
  return ece;
}

/** Labels 1 positive, 0 negative, 0.5 neutral -> the label a band of `halfWidth` should give. */
function expectedLabel(label: number): SentimentLabel {
  return label === 1 ? 'positive' : label === 0 ? 'negative' : 'neutral';
}

/** Macro-F1 over negative / neutral / positive of the band `halfWidth` on scores with 3-way labels (0, 0.5, 1). */
export function bandMacroF1(scores: ArrayLike<number>, labels: ArrayLike<number>, halfWidth: number): number {
  const classes: SentimentLabel[] = ['negative', 'neutral', 'positive'];
  const tp = new Map<SentimentLabel, number>();
  const predicted = new Map<SentimentLabel, number>();
  const actual = new Map<SentimentLabel, number>();
  for (let i = 0; i < scores.length; i++) {
    const p = labelFromScore(scores[i]!, halfWidth);
    const a = expectedLabel(labels[i]!);
    predicted.set(p, (predicted.get(p) ?? 0) + 1);
    actual.set(a, (actual.get(a) ?? 0) + 1);
    if (p === a) tp.set(p, (tp.get(p) ?? 0) + 1);
  }
  let sum = 0;
  for (const c of classes) {
    const t = tp.get(c) ?? 0;
    const denominator = (predicted.get(c) ?? 0) + (actual.get(c) ?? 0);
    sum += denominator ? (2 * t) / denominator : 0;
  }
  return sum / classes.length;
}

/**
 * The neutral band fitted on data with a neutral class: the half-width (0.01 steps up to 0.45) with the best
 * macro-F1 over the three labels. Macro, so the band is not tuned to whichever class is most common.
 */
export function fitNeutralHalfWidth(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  let best = { width: NEUTRAL_HALF_WIDTH, f1: -1 };
  for (let step = 1; step <= 45; step++) {
    const width = step / 100;
    const f1 = bandMacroF1(scores, labels, width);
    if (f1 > best.f1) best = { width, f1 };
  }
  return best.width;
}
