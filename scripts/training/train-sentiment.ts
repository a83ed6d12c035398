/**
 * npm run train:sentiment -- [--lang en|zh] [--arch avg|cnn] [--seed N] [--out DIR] [--dry-run]
 *
 * Trains both architectures per language from ../shared/data, ships the one with the better dev accuracy to
 * public/models/sentiment-{en,zh}/ (model.json, weights.bin, vocab.json, MODEL_CARD.md) and prints the comparison.
 * Seeded: the same seed on the same backend gives the same files.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { useFastestSentimentBackend } from '../../shared/node/sentiment-runtime';
import type { SentimentLanguage } from '../../shared/common/ml/sentiment/language';
import { REPO_ROOT } from './sentiment/data';
import { runExperiment, SETUPS } from './sentiment/experiment';
import { writeArtifacts } from './sentiment/export-model';
import { writeModelCard } from './sentiment/model-card';
import type { Architecture } from './sentiment/models';
import { registerWasmUnsortedSegmentSum } from './sentiment/wasm-training-kernels';

const { values } = parseArgs({
  options: {
    lang: { type: 'string', multiple: true },
    arch: { type: 'string', multiple: true },
    seed: { type: 'string', default: '42' },
    out: { type: 'string', default: resolve(REPO_ROOT, 'public/models') },
    'dry-run': { type: 'boolean', default: false },
  },
});
const languages = (values.lang ?? ['en', 'zh']) as SentimentLanguage[];
const architectures = (values.arch ?? ['avg', 'cnn']) as Architecture[];
const seed = Number(values.seed);

registerWasmUnsortedSegmentSum();
const backend = await useFastestSentimentBackend();
if (backend !== 'wasm') console.error('warning: WASM backend unavailable, training on the (much slower) CPU backend');
const log = (line: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

for (const language of languages) {
  const setup = SETUPS[language];
  if (!setup) throw new Error(`unknown language ${language}`);
  const result = await runExperiment(setup, architectures, seed, log);
  const { setup: _setup, artifacts: _artifacts, ...measured } = result;
  const report = { language, ...measured };
  const summary: Record<string, unknown> = { ...report, backend };
  if (!values['dry-run']) {
    const dir = resolve(values.out, `sentiment-${language}`);
    const sizes = writeArtifacts(dir, result.artifacts);
    writeModelCard(dir, report, sizes);
    Object.assign(summary, { files: sizes, dir });
  }
  console.log(JSON.stringify(summary));
}
