/**
 * What a runtime hands the core: the parsed model.json, the weights file and the parsed vocab.json. Each runtime
 * fetches them its own way (extension: fetch(runtime.getURL(...)); Node: shared/node/sentiment-loader.ts).
 */
import type { SentimentLanguage } from './language';
import type { LINEAR_FORMAT, LinearSpec } from './linear';
import type { VocabFile } from './vocab';

/** The model.json of a tfjs layers model, as written by scripts/training/sentiment/export-model.ts. */
export interface LayersModelJson {
  format?: string;
  generatedBy?: string;
  convertedBy?: string | null;
  modelTopology: object;
  weightsManifest: { paths: string[]; weights: WeightSpec[] }[];
  userDefinedMetadata?: { closerSentiment?: SentimentModelMetadata };
}

/** model.json of a hashed n-gram linear model (linear.ts): weights `features` [rows, classes] and `bias` [classes]. */
export interface LinearModelJson {
  format: typeof LINEAR_FORMAT;
  convertedBy?: string;
  weightsManifest: { paths: string[]; weights: WeightSpec[] }[];
  userDefinedMetadata: { closerSentiment: SentimentModelMetadata; closerLinear: LinearSpec };
}

export type SentimentModelJson = LayersModelJson | LinearModelJson;

export function isLinearModelJson(json: SentimentModelJson): json is LinearModelJson {
  return json.format === 'closer-hashed-linear';
}

export interface WeightSpec {
  name: string;
  shape: number[];
  dtype: 'float32' | 'int32';
  quantization?: { dtype: 'uint8' | 'uint16' | 'float16'; min?: number; scale?: number };
}

/** Kept in model.json's userDefinedMetadata.closerSentiment. */
export interface SentimentModelMetadata {
  language: SentimentLanguage;
  tokenizerVersion: number;
  /** Calibration temperature: score = sigmoid(logit / temperature). */
  temperature: number;
  architecture: string;
  trainedOn: string;
  /**
   * Half-width of this model's neutral band around 0.5, fitted where the training data has a neutral class; absent:
   * NEUTRAL_HALF_WIDTH.
   */
  neutralHalfWidth?: number;
}

export interface SentimentModelArtifacts {
  modelJson: SentimentModelJson;
  /** The concatenated weight files listed in modelJson.weightsManifest (a model has exactly one here). */
  weights: ArrayBuffer;
  vocab: VocabFile;
}

export class SentimentArtifactError extends Error {
  override readonly name = 'SentimentArtifactError';
}

/** Checks the pieces belong together before any tensor is made. */
export function readMetadata(
  artifacts: SentimentModelArtifacts,
  expectedTokenizerVersion: number,
): SentimentModelMetadata {
  const meta = artifacts.modelJson.userDefinedMetadata?.closerSentiment;
  if (!meta) throw new SentimentArtifactError('model.json has no userDefinedMetadata.closerSentiment');
  if (meta.language !== artifacts.vocab.language) {
    throw new SentimentArtifactError(`model is ${meta.language} but vocabulary is ${artifacts.vocab.language}`);
  }
  for (const version of [meta.tokenizerVersion, artifacts.vocab.tokenizerVersion]) {
    if (version !== expectedTokenizerVersion) {
      throw new SentimentArtifactError(
        `trained with tokenizer v${version}, this code has v${expectedTokenizerVersion}`,
      );
    }
  }
  if (!(meta.temperature > 0)) throw new SentimentArtifactError('calibration temperature must be > 0');
  if (meta.neutralHalfWidth !== undefined && !(meta.neutralHalfWidth >= 0 && meta.neutralHalfWidth < 0.5)) {
    throw new SentimentArtifactError(`neutral band half-width ${meta.neutralHalfWidth} is outside [0, 0.5)`);
  }
  return meta;
}
