/** One language's classifier: tokenizer + vocabulary + tfjs layers model + calibration temperature. */
import * as tf from '@tensorflow/tfjs';
import { readMetadata, type SentimentModelArtifacts, type SentimentModelMetadata } from './artifacts';
import { calibratedScore } from './calibration';
import { FastForward } from './fast-forward';
import { TOKENIZER_VERSION } from './tokenize';
import { padBatch, paddedLength, Vocabulary, UNK_ID, PAD_ID } from './vocab';

/** Rows per predict call: bounds the memory of one call whatever the input. */
const MAX_BATCH_ROWS = 256;

export interface EncodedSentence {
  ids: number[];
  /** In-vocabulary tokens that hold a letter or digit: 0 means the model has nothing to go on. */
  knownWords: number;
}

export class SentimentModel {
  private constructor(
    readonly metadata: SentimentModelMetadata,
    readonly vocabulary: Vocabulary,
    private readonly network: tf.LayersModel,
    private readonly fast: FastForward | null,
  ) {}

  static async load(artifacts: SentimentModelArtifacts): Promise<SentimentModel> {
    const metadata = readMetadata(artifacts, TOKENIZER_VERSION);
    const { modelJson } = artifacts;
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

  encode(text: string): EncodedSentence {
    const tokens = this.vocabulary.tokenize(text);
    const ids = this.vocabulary.idsOf(tokens);
    let knownWords = 0;
    ids.forEach((id, i) => {
      if (id !== UNK_ID && id !== PAD_ID && /[\p{L}\p{N}]/u.test(tokens[i]!)) knownWords++;
    });
    return { ids, knownWords };
  }

  /**
   * Raw logits, one per row. Rows are grouped by padded length, so each row's logit is independent of the others
   * in the call (same result as scoring it alone). `usePredict` runs tfjs's own layers instead of FastForward.
   */
  async logits(rows: readonly (readonly number[])[], options: { usePredict?: boolean } = {}): Promise<Float32Array> {
    if (this.fast && !options.usePredict) return this.fast.logits(rows);
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
          () => this.network.predict(tf.tensor2d(padded, [chunk.length, length], 'int32')) as tf.Tensor,
        );
        const values = await prediction.data();
        prediction.dispose();
        chunk.forEach((rowIndex, j) => (out[rowIndex] = values[j]!));
      }
    }
    return out;
  }

  /** Calibrated probability of positive for each text, with no sentence splitting. */
  async scoreTexts(texts: readonly string[]): Promise<number[]> {
    const encoded = texts.map((text) => this.encode(text));
    const logits = await this.logits(encoded.map((e) => e.ids));
    return encoded.map((e, i) => (e.knownWords === 0 ? 0.5 : calibratedScore(logits[i]!, this.metadata.temperature)));
  }

  dispose(): void {
    this.fast?.dispose();
    this.network.dispose();
  }
}
