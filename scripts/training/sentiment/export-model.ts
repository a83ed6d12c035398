/**
 * Writes a trained network as shipped files: model.json (tfjs layers format, weights quantised to uint8, calibration
 * in userDefinedMetadata), weights.bin and vocab.json. Saved through tf.io.withSaveHandler: tfjs-node cannot install.
 */
import * as tf from '@tensorflow/tfjs';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type {
  LayersModelJson,
  SentimentModelArtifacts,
  SentimentModelMetadata,
  WeightSpec,
} from '../../../shared/common/ml/sentiment/artifacts';
import type { VocabFile } from '../../../shared/common/ml/sentiment/vocab';

export const WEIGHTS_FILE = 'weights.bin';

async function saveToMemory(model: tf.LayersModel): Promise<tf.io.ModelArtifacts> {
  let saved: tf.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      saved = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(0), modelTopologyType: 'JSON' } };
    }),
  );
  if (!saved?.weightSpecs || !saved.weightData || !saved.modelTopology) throw new Error('save produced no weights');
  return saved;
}

/**
 * Affine uint8 per tensor (value = min + q * scale), which tfjs's loader dequantises itself. Cuts the embedding to a
 * quarter of its float32 size; the accuracy cost is measured on the shipped files (see the model card).
 */
function quantizeUint8(values: Float32Array): { bytes: Uint8Array; min: number; scale: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const scale = max > min ? (max - min) / 255 : 1;
  const bytes = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) bytes[i] = Math.round((values[i]! - min) / scale);
  return { bytes, min, scale };
}

export async function toShippedArtifacts(
  model: tf.LayersModel,
  vocab: VocabFile,
  metadata: SentimentModelMetadata,
): Promise<SentimentModelArtifacts> {
  const saved = await saveToMemory(model);
  const weightData = tf.io.CompositeArrayBuffer.join(saved.weightData!);
  const specs: WeightSpec[] = [];
  const chunks: Uint8Array[] = [];
  let offset = 0;
  for (const spec of saved.weightSpecs!) {
    const size = spec.shape.reduce((a, b) => a * b, 1);
    if (spec.dtype !== 'float32') throw new Error(`unexpected ${spec.dtype} weight ${spec.name}`);
    const values = new Float32Array(weightData.slice(offset, offset + size * 4));
    offset += size * 4;
    const { bytes, min, scale } = quantizeUint8(values);
    chunks.push(bytes);
    specs.push({ name: spec.name, shape: spec.shape, dtype: 'float32', quantization: { dtype: 'uint8', min, scale } });
  }
  const weights = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    weights.set(chunk, at);
    at += chunk.length;
  }
  const modelJson: LayersModelJson = {
    format: 'layers-model',
    generatedBy: saved.generatedBy,
    convertedBy: 'closer scripts/training/train-sentiment.ts (uint8 affine quantisation)',
    modelTopology: saved.modelTopology as object,
    weightsManifest: [{ paths: [WEIGHTS_FILE], weights: specs }],
    userDefinedMetadata: { closerSentiment: metadata },
  };
  return { modelJson, weights: weights.buffer, vocab };
}

/** Writes model.json, weights.bin and vocab.json into `dir`; returns their sizes in bytes. */
export function writeArtifacts(dir: string, artifacts: SentimentModelArtifacts): Record<string, number> {
  mkdirSync(dir, { recursive: true });
  const files: Record<string, string | Uint8Array> = {
    'model.json': JSON.stringify(artifacts.modelJson),
    [WEIGHTS_FILE]: new Uint8Array(artifacts.weights),
    'vocab.json': JSON.stringify(artifacts.vocab),
  };
  const sizes: Record<string, number> = {};
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(resolve(dir, name), content);
    sizes[name] = typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength;
  }
  return sizes;
}
