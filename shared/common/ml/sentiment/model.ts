/**
 * One language's classifier: tokenizer + vocabulary + network + calibration temperature. The network is either a
 * hashed n-gram linear model (linear.ts, plain JS) or a tfjs layers model (the CNN, scored by FastForward).
 */
import * as tf from '@tensorflow/tfjs';
import {
  isLinearModelJson,
  readMetadata,
  SentimentArtifactError,
  type LinearModelJson,
  type SentimentModelArtifacts,
  type SentimentModelMetadata,
} from './artifacts';
import { calibratedScore, NEUTRAL_HALF_WIDTH } from './calibration';
import { FastForward } from './fast-forward';
import { LinearNetwork, linearFeatureCount, linearFeatures, scoreFromLogits } from './linear';
import { TOKENIZER_VERSION } from './tokenize';
import { padBatch, paddedLength, Vocabulary, UNK_ID, PAD_ID } from './vocab';

/** Rows per predict call: bounds the memory of one call whatever the input. */
const MAX_BATCH_ROWS = 256;

export interface EncodedSentence {
  ids: number[];
  /** In-vocabulary tokens that hold a letter or digit: 0 means the model has nothing to go on. */
  knownWords: number;
}

/** Dequantises a linear model's two tensors (uint8 affine, or plain float32) from the weights buffer. */
function loadLinearNetwork(modelJson: LinearModelJson, weights: ArrayBuffer, vocabularySize: number): LinearNetwork {
  const spec = modelJson.userDefinedMetadata.closerLinear;
  const tensors = new Map<string, Float32Array>();
  let offset = 0;
  for (const w of modelJson.weightsManifest.flatMap((group) => group.weights)) {
    const size = w.shape.reduce((a, b) => a * b, 1);
    const q = w.quantization;
    const bytes = q ? size : size * 4;
    if (offset + bytes > weights.byteLength) throw new SentimentArtifactError(`weights file too short for ${w.name}`);
    let values: Float32Array;
    if (q?.dtype === 'uint8') {
      const raw = new Uint8Array(weights, offset, size);
      values = new Float32Array(size);
      for (let i = 0; i < size; i++) values[i] = q.min! + raw[i]! * q.scale!;
    } else if (!q) values = new Float32Array(weights.slice(offset, offset + bytes));
    else throw new SentimentArtifactError(`unsupported quantisation ${q.dtype} for ${w.name}`);
    tensors.set(w.name, values);
    offset += bytes;
  }
  const features = tensors.get('features');
  const bias = tensors.get('bias');
  if (!features || !bias) throw new SentimentArtifactError('linear model needs the tensors "features" and "bias"');
  const rows = linearFeatureCount(vocabularySize, spec);
  if (features.length !== rows * spec.classes) {
    throw new SentimentArtifactError(
      `linear model has ${features.length / spec.classes} feature rows, expected ${rows}`,
    );
  }
  return new LinearNetwork(spec, features, bias);
}

export class SentimentModel {
  private constructor(
    readonly metadata: SentimentModelMetadata,
    readonly vocabulary: Vocabulary,
    private readonly network: tf.LayersModel | null,
    private readonly fast: FastForward | null,
    private readonly linear: LinearNetwork | null = null,
  ) {}

  static async load(artifacts: SentimentModelArtifacts): Promise<SentimentModel> {
    const metadata = readMetadata(artifacts, TOKENIZER_VERSION);
    const { modelJson } = artifacts;
    if (isLinearModelJson(modelJson)) {
      const vocabulary = new Vocabulary(artifacts.vocab);
      const linear = loadLinearNetwork(modelJson, artifacts.weights, vocabulary.size);
      return new SentimentModel(metadata, vocabulary, null, null, linear);
    }
    const network = await tf.loadLayersModel(
      tf.io.fromMemory({
        modelTopology: modelJson.modelTopology,
        weightSpecs: modelJson.weightsManifest.flatMap((group) => group.weights) as tf.io.WeightsManifestEntry[],
        weightData: artifacts.weights,
      }),
    );
    return new SentimentModel(metadata, new Vocabulary(artifacts.vocab), network, FastForward.fromLayersModel(network));
  }

  get language() {
    return this.metadata.language;
  }

  /** Half-width of the neutral band this model's scores are read with. */
  get neutralHalfWidth(): number {
    return this.metadata.neutralHalfWidth ?? NEUTRAL_HALF_WIDTH;
  }

  /** Logits per row: 1 (negative / positive) or 3 (negative, neutral, positive). */
  get classes(): number {
    return this.linear?.spec.classes ?? 1;
  }

  encode(text: string): EncodedSentence {
    const tokens = this.vocabulary.tokenize(text);
    if (this.linear) return linearFeatures(tokens, this.vocabulary, this.linear.spec);
    const ids = this.vocabulary.idsOf(tokens);
    let knownWords = 0;
    ids.forEach((id, i) => {
      if (id !== UNK_ID && id !== PAD_ID && /[\p{L}\p{N}]/u.test(tokens[i]!)) knownWords++;
    });
    return { ids, knownWords };
  }

  /**
   * Raw logits, `classes` per row (row-major). Each row's logits are independent of the others in the call (same
   * result as scoring it alone). `usePredict` runs tfjs's own layers instead of FastForward (CNN only).
   */
  async logits(rows: readonly (readonly number[])[], options: { usePredict?: boolean } = {}): Promise<Float32Array> {
    if (this.linear) return this.linear.logits(rows);
    if (this.fast && !options.usePredict) return this.fast.logits(rows);
    if (!this.network) throw new Error('SentimentModel has no network');
    const network = this.network;
    const out = new Float32Array(rows.length);
    const byLength = new Map<number, number[]>();
    rows.forEach((row, i) => {
      const length = paddedLength(row.length);
      const group = byLength.get(length) ?? [];
      group.push(i);
      byLength.set(length, group);
    });
    for (const [length, indices] of byLength) {
      for (let from = 0; from < indices.length; from += MAX_BATCH_ROWS) {
        const chunk = indices.slice(from, from + MAX_BATCH_ROWS);
        const padded = padBatch(
          chunk.map((i) => rows[i]!),
          length,
        );
        const prediction = tf.tidy(
          () => network.predict(tf.tensor2d(padded, [chunk.length, length], 'int32')) as tf.Tensor,
        );
        const values = await prediction.data();
        prediction.dispose();
        chunk.forEach((rowIndex, j) => (out[rowIndex] = values[j]!));
      }
    }
    return out;
  }

  /**
   * Calibrated score of each text, with no sentence splitting: P(positive), or for a three-class model the expected
   * valence (see scoreFromLogits). Exactly 0.5 when the text has no known word.
   */
  async scoreTexts(texts: readonly string[]): Promise<number[]> {
    const encoded = texts.map((text) => this.encode(text));
    const logits = await this.logits(encoded.map((e) => e.ids));
    const k = this.classes;
    const t = this.metadata.temperature;
    return encoded.map((e, i) => {
      if (e.knownWords === 0) return 0.5;
      return k === 1 ? calibratedScore(logits[i]!, t) : scoreFromLogits(logits.subarray(i * k, (i + 1) * k), t);
    });
  }

  dispose(): void {
    this.fast?.dispose();
    this.network?.dispose();
  }
}
