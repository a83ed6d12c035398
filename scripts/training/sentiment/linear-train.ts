/**
 * Training of the hashed n-gram linear model (shared/common/ml/sentiment/linear.ts): softmax (or one sigmoid)
 * regression on the mean of the features' rows, AdaGrad, a few epochs, the epoch with the best dev score kept.
 * Plain JS on Float32Arrays: a pass over 60,000 reviews takes a few seconds on one core.
 */
import { LinearNetwork, type LinearSpec } from '../../../shared/common/ml/sentiment/linear';
import { createRng, shuffleInPlace } from '../../../shared/common/random';

export interface LinearExample {
  ids: number[];
  /** Class index: 0/1 for one logit; 0 negative, 1 neutral, 2 positive for three. */
  target: number;
  /** Loss weight (balances sources or classes); default 1. */
  weight?: number;
}

export interface LinearTrainOptions {
  epochs: number;
  learningRate: number;
  /** L2 penalty per step on the rows a step touches (lazy, as in sparse SGD). */
  l2: number;
  seed: number;
  /** Higher is better; called after every epoch. */
  devScore: (network: LinearNetwork) => number;
  log?: (line: string) => void;
}

export interface LinearTrainResult {
  network: LinearNetwork;
  bestEpoch: number;
  bestDevScore: number;
  seconds: number;
}

export function trainLinear(
  spec: LinearSpec,
  featureCount: number,
  examples: readonly LinearExample[],
  options: LinearTrainOptions,
): LinearTrainResult {
  const k = spec.classes;
  const weights = new Float32Array(featureCount * k);
  const bias = new Float32Array(k);
  const g2 = new Float32Array(featureCount * k).fill(1e-6);
  const biasG2 = new Float32Array(k).fill(1e-6);
  const network = new LinearNetwork(spec, weights, bias);
  const rng = createRng(options.seed, 'mulberry32');
  const order = examples.map((_, i) => i);
  const started = performance.now();
  let best = { score: -Infinity, epoch: 0, weights: weights.slice(), bias: bias.slice() };
  const z = new Float64Array(k);
  const dz = new Float64Array(k);
  const counts = new Map<number, number>();

  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    shuffleInPlace(order, rng);
    for (const index of order) {
      const { ids, target, weight = 1 } = examples[index]!;
      if (ids.length === 0) continue;
      counts.clear();
      for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
      const n = ids.length;
      for (let c = 0; c < k; c++) z[c] = bias[c]!;
      for (const [id, count] of counts) for (let c = 0; c < k; c++) z[c]! += (weights[id * k + c]! * count) / n;
      if (k === 1) dz[0] = weight * (1 / (1 + Math.exp(-z[0]!)) - target);
      else {
        let max = -Infinity;
        for (let c = 0; c < k; c++) max = Math.max(max, z[c]!);
        let sum = 0;
        for (let c = 0; c < k; c++) sum += dz[c] = Math.exp(z[c]! - max);
        for (let c = 0; c < k; c++) dz[c] = weight * (dz[c]! / sum - (c === target ? 1 : 0));
      }
      for (let c = 0; c < k; c++) {
        biasG2[c]! += dz[c]! * dz[c]!;
        bias[c]! -= (options.learningRate * dz[c]!) / Math.sqrt(biasG2[c]!);
      }
      for (const [id, count] of counts) {
        for (let c = 0; c < k; c++) {
          const at = id * k + c;
          const g = (dz[c]! * count) / n + options.l2 * weights[at]!;
          g2[at]! += g * g;
          weights[at]! -= (options.learningRate * g) / Math.sqrt(g2[at]!);
        }
      }
    }
    const score = options.devScore(network);
    options.log?.(
      `epoch ${epoch}: dev ${(score * 100).toFixed(2)} (${((performance.now() - started) / 1000).toFixed(1)} s)`,
    );
    if (score > best.score) best = { score, epoch, weights: weights.slice(), bias: bias.slice() };
  }
  weights.set(best.weights);
  bias.set(best.bias);
  return {
    network,
    bestEpoch: best.epoch,
    bestDevScore: best.score,
    seconds: (performance.now() - started) / 1000,
  };
}
