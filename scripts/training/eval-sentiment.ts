/**
 * npm run -s eval:sentiment -- FILE.tsv [--models DIR]
 * FILE has a header `sentence<TAB>label` (0/1). Each line goes through the shipped pipeline (language picked per
 * line); a line counts as positive when its score is >= 0.5. The baseline is AFINN (`sentiment`) on the same lines,
 * score >= 0 (neutral) counted as positive. Prints one JSON line: n, accuracy, baseline_accuracy, ms_per_sentence.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadSentimentAnalyzer } from '../../shared/node/sentiment-loader';
import { afinnIsPositive } from './sentiment/afinn';
import { readLabelledTsv } from './sentiment/data';

const { values, positionals } = parseArgs({ options: { models: { type: 'string' } }, allowPositionals: true });
if (positionals.length !== 1) {
  console.error('usage: npm run -s eval:sentiment -- FILE.tsv [--models DIR]');
  process.exit(2);
}
// npm runs scripts from the package root; resolve the file against where the user typed the command.
const file = resolve(process.env.INIT_CWD ?? process.cwd(), positionals[0]!);
const rows = readLabelledTsv(file);
const analyzer = await loadSentimentAnalyzer({ modelsDir: values.models });

// Lines per call: well under the analyzer's per-call sentence cap.
const CHUNK = 200;
let correct = 0;
let elapsed = 0;
for (let from = 0; from < rows.length; from += CHUNK) {
  const chunk = rows.slice(from, from + CHUNK);
  const started = performance.now();
  const results = await analyzer.analyzeMany(chunk.map((row) => row.text));
  elapsed += performance.now() - started;
  results.forEach((result, i) => (correct += Number(result.score >= 0.5) === chunk[i]!.label ? 1 : 0));
}
const baselineCorrect = rows.filter((row) => Number(afinnIsPositive(row.text)) === row.label).length;
analyzer.dispose();

const n = rows.length;
console.log(
  JSON.stringify({
    n,
    accuracy: n ? Number((correct / n).toFixed(4)) : 0,
    baseline_accuracy: n ? Number((baselineCorrect / n).toFixed(4)) : 0,
    ms_per_sentence: n ? Number((elapsed / n).toFixed(3)) : 0,
  }),
);
