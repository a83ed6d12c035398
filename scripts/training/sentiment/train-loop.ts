/**
 * Mini-batch training with Adam, length-bucketed batches (the padding rule of shared/common/ml/sentiment/vocab.ts,
 * so training sees exactly the shapes inference will), dev accuracy a few times per epoch, best-on-dev weights kept.
 */
import * as tf from '@tensorflow/tfjs';
import { padBatch, paddedLength } from '../../../shared/common/ml/sentiment/vocab';
import type { TrainableModel } from './models';
import { createRng, shuffleInPlace } from '../../../shared/common/random';

export interface EncodedExample {
  ids: number[];
  label: number;
}

export interface TrainOptions {
  epochs: number;
  batchSize: number;
  learningRate: number;
  /** Multiplies the learning rate after every epoch. */
  learningRateDecay: number;
  seed: number;
  /** Dev evaluations per epoch (the best one is kept). */
  checksPerEpoch: number;
  /** Stop when dev accuracy has not improved for this many evaluations. */
  patience: number;
  /** Wall-clock budget: stop (keeping the best weights) when exceeded. */
  maxSeconds: number;
  log: (line: string) => void;
}

export interface TrainResult {
  bestDevAccuracy: number;
  bestAt: string;
  seconds: number;
  history: { at: string; loss: number; devAccuracy: number }[];
}

function bucketByLength(examples: readonly EncodedExample[]): Map<number, number[]> {
  const buckets = new Map<number, number[]>();
  examples.forEach((example, i) => {
    const length = paddedLength(example.ids.length);
    const bucket = buckets.get(length) ?? [];
    bucket.push(i);
    buckets.set(length, bucket);
  });
  return buckets;
}

function batchTensors(examples: readonly EncodedExample[], indices: number[], length: number) {
  const ids = tf.tensor2d(
    padBatch(
      indices.map((i) => examples[i]!.ids),
      length,
    ),
    [indices.length, length],
    'int32',
  );
  const labels = tf.tensor1d(indices.map((i) => examples[i]!.label));
  return { ids, labels };
}

/** Logits for every example (no dropout), in input order. */
export function predictLogits(
  model: TrainableModel,
  examples: readonly EncodedExample[],
  batchSize = 512,
): Float32Array {
  const out = new Float32Array(examples.length);
  for (const [length, indices] of bucketByLength(examples)) {
    for (let from = 0; from < indices.length; from += batchSize) {
      const chunk = indices.slice(from, from + batchSize);
      const values = tf.tidy(() => model.logits(batchTensors(examples, chunk, length).ids).dataSync());
      chunk.forEach((index, j) => (out[index] = values[j]!));
    }
  }
  return out;
}

export function accuracyOf(logits: ArrayLike<number>, examples: readonly EncodedExample[]): number {
  let correct = 0;
  examples.forEach((example, i) => (correct += Number(logits[i]! >= 0) === example.label ? 1 : 0));
  return examples.length ? correct / examples.length : 0;
}

export function train(
  model: TrainableModel,
  trainSet: readonly EncodedExample[],
  devSet: readonly EncodedExample[],
  options: TrainOptions,
): TrainResult {
  const rng = createRng(options.seed, 'mulberry32');
  const optimizer = tf.train.adam(options.learningRate);
  const buckets = bucketByLength(trainSet);
  const started = performance.now();
  const history: TrainResult['history'] = [];
  let best = { accuracy: -1, at: '', values: [] as tf.Tensor[] };
  let sinceBest = 0;
  let stop = false;

  for (let epoch = 1; epoch <= options.epochs && !stop; epoch++) {
    const batches: { length: number; indices: number[] }[] = [];
    for (const [length, indices] of buckets) {
      const shuffled = shuffleInPlace([...indices], rng);
      for (let from = 0; from < shuffled.length; from += options.batchSize) {
        batches.push({ length, indices: shuffled.slice(from, from + options.batchSize) });
      }
    }
    shuffleInPlace(batches, rng);
    const checkpoints = new Set(
      Array.from({ length: options.checksPerEpoch }, (_, i) =>
        Math.round(((i + 1) * batches.length) / options.checksPerEpoch),
      ),
    );
    let lossSum = 0;
    let lossCount = 0;
    for (let b = 0; b < batches.length; b++) {
      const { length, indices } = batches[b]!;
      const dropoutSeed = Math.floor(rng() * 2 ** 31);
      const loss = optimizer.minimize(
        () => {
          const { ids, labels } = batchTensors(trainSet, indices, length);
          return tf.losses.sigmoidCrossEntropy(labels, model.logits(ids, dropoutSeed)) as tf.Scalar;
        },
        true,
        model.variables,
      );
      lossSum += loss!.dataSync()[0]!;
      lossCount++;
      loss!.dispose();
      if (!checkpoints.has(b + 1)) continue;

      const at = `epoch ${(epoch - 1 + (b + 1) / batches.length).toFixed(2)}`;
      const devAccuracy = accuracyOf(predictLogits(model, devSet), devSet);
      history.push({ at, loss: lossSum / lossCount, devAccuracy });
      const seconds = (performance.now() - started) / 1000;
      options.log(
        `${at}: loss ${(lossSum / lossCount).toFixed(4)} dev ${(devAccuracy * 100).toFixed(2)}% (${seconds.toFixed(0)} s)`,
      );
      lossSum = 0;
      lossCount = 0;
      if (devAccuracy > best.accuracy) {
        tf.dispose(best.values);
        best = { accuracy: devAccuracy, at, values: model.variables.map((v) => v.clone()) };
        sinceBest = 0;
      } else if (++sinceBest >= options.patience) {
        stop = true;
        break;
      }
      if (seconds > options.maxSeconds) {
        options.log(`time budget of ${options.maxSeconds} s reached`);
        stop = true;
        break;
      }
    }
    // Adam reads its (protected) learningRate on every step: decaying it in place keeps the moment estimates.
    (optimizer as unknown as { learningRate: number }).learningRate *= options.learningRateDecay;
  }
  model.variables.forEach((v, i) => v.assign(best.values[i]!));
  tf.dispose(best.values);
  optimizer.dispose();
  return { bestDevAccuracy: best.accuracy, bestAt: best.at, seconds: (performance.now() - started) / 1000, history };
}
