/**
 * Calibration: the network outputs a logit z; score = sigmoid(z / T) with one temperature T per model, fitted on a
 * held-out dev split (scripts/training/train-sentiment.ts). T > 0 rescales confidence without moving the 0.5 decision point,
 * so calibrating never changes accuracy.
 */

export type SentimentLabel = 'negative' | 'neutral' | 'positive';

/**
 * Scores within this distance of 0.5 are "neutral": the model is less than 65% sure either way. SST-2 and waimai have
 * no neutral class, so this band is a product choice on the calibrated scale, not a learnt class. Sentences with no
 * known word get exactly 0.5.
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
  let lo = Math.log(0.05);
  let hi = Math.log(20);
  const phi = (Math.sqrt(5) - 1) / 2;
  const loss = (logT: number) => binaryNll(logits, labels, Math.exp(logT));
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
