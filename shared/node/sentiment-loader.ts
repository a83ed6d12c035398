/**
 * Node loader for the shipped sentiment models: reads public/models/sentiment-{en,zh}/ from disk and hands the
 * artifacts to the runtime-neutral core (shared/common/ml/sentiment). The extension loads the same files by URL.
 */
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LayersModelJson, SentimentModelArtifacts } from '../common/ml/sentiment/artifacts';
import { SentimentAnalyzer } from '../common/ml/sentiment/analyzer';
import type { SentimentLanguage } from '../common/ml/sentiment/language';
import type { VocabFile } from '../common/ml/sentiment/vocab';
import { useFastestSentimentBackend } from './sentiment-runtime';

export const DEFAULT_SENTIMENT_MODELS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../public/models');

/** Reads one language's model.json, its weight files (concatenated in manifest order) and vocab.json. */
export async function readSentimentArtifacts(
  language: SentimentLanguage,
  modelsDir = DEFAULT_SENTIMENT_MODELS_DIR,
): Promise<SentimentModelArtifacts> {
  const dir = resolve(modelsDir, `sentiment-${language}`);
  const modelJson = JSON.parse(await readFile(resolve(dir, 'model.json'), 'utf8')) as LayersModelJson;
  const paths = modelJson.weightsManifest.flatMap((group) => group.paths);
  const parts = await Promise.all(paths.map((path) => readFile(resolve(dir, path))));
  const joined = new Uint8Array(parts.reduce((n, part) => n + part.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.byteLength;
  }
  const vocab = JSON.parse(await readFile(resolve(dir, 'vocab.json'), 'utf8')) as VocabFile;
  return { modelJson, weights: joined.buffer, vocab };
}

/** Both shipped models, on the fastest tfjs backend available in Node (WASM, else CPU). */
export async function loadSentimentAnalyzer(
  options: { modelsDir?: string; languages?: SentimentLanguage[] } = {},
): Promise<SentimentAnalyzer> {
  await useFastestSentimentBackend();
  const languages = options.languages ?? ['en', 'zh'];
  const artifacts: Partial<Record<SentimentLanguage, SentimentModelArtifacts>> = {};
  for (const language of languages) artifacts[language] = await readSentimentArtifacts(language, options.modelsDir);
  return SentimentAnalyzer.fromArtifacts(artifacts);
}
