/**
 * npx tsx scripts/training/sentiment/rewrite-model-card.ts REPORT.json [MODELS_DIR]
 * Rewrites MODEL_CARD.md from the JSON line a training run printed (after editing the card template), without
 * retraining. File sizes are read from the shipped files.
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { REPO_ROOT } from './data';
import { writeModelCard, type TrainingReport } from './model-card';

const [reportFile, modelsDir = resolve(REPO_ROOT, 'public/models')] = process.argv.slice(2);
if (!reportFile) throw new Error('usage: rewrite-model-card.ts REPORT.json [MODELS_DIR]');
const report = JSON.parse(readFileSync(reportFile, 'utf8').trim().split('\n').at(-1)!) as TrainingReport;
const dir = resolve(modelsDir, `sentiment-${report.language}`);
const sizes = Object.fromEntries(
  ['model.json', 'weights.bin', 'vocab.json'].map((name) => [name, statSync(resolve(dir, name)).size]),
);
writeModelCard(dir, report, sizes);
console.log(`wrote ${resolve(dir, 'MODEL_CARD.md')}`);
