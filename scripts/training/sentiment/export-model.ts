/** Writes a trained model as shipped files: model.json, weights.bin (uint8 affine per tensor) and vocab.json. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { SentimentModelArtifacts } from '../../../shared/common/ml/sentiment/artifacts';

export const WEIGHTS_FILE = 'weights.bin';

/**
 * Affine uint8 per tensor (value = min + q * scale): a quarter of the float32 size; the accuracy cost is measured on
 * the shipped files (see the model cards).
 */
export function quantizeUint8(values: Float32Array): { bytes: Uint8Array; min: number; scale: number } {
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
