/**
 * npm run -s eval:sentiment -- FILE.tsv [--models DIR]
 * npm run -s eval:sentiment -- --split NAME [--models DIR]
 * FILE has a header `sentence<TAB>label`, label 0, 1 or `neutral`. --split names a held-out part of the corpora in
 * ../shared/data (sst2-test, airline-test, waimai-test, shopping-test, shopping-test-books, ...; run without
 * arguments for the list). Each line goes through the shipped pipeline (language picked per line); a line counts as
 * positive when its score is >= 0.5. The baseline is AFINN (`sentiment`) on the same lines, score >= 0 counted as
 * positive. Prints one JSON line: n, accuracy, baseline_accuracy, ms_per_line, and three-way figures when some lines
 * are neutral.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadSentimentAnalyzer } from '../../shared/node/sentiment-loader';
import { readLabelledTsv } from './sentiment/data';
import { sentimentFigures } from './sentiment/evaluate';
import { HELD_OUT_SPLITS } from './sentiment/sources';

const { values, positionals } = parseArgs({
  options: { models: { type: 'string' }, split: { type: 'string' } },
  allowPositionals: true,
});
const split = values.split === undefined ? undefined : HELD_OUT_SPLITS[values.split];
if ((positionals.length === 1) === (values.split !== undefined) || (values.split !== undefined && !split)) {
  console.error('usage: npm run -s eval:sentiment -- FILE.tsv | --split NAME [--models DIR]');
  console.error(`splits (need ../shared/data): ${Object.keys(HELD_OUT_SPLITS).join(', ')}`);
  process.exit(2);
}
// npm runs scripts from the package root; resolve the file against where the user typed the command.
const rows = split ? split() : readLabelledTsv(resolve(process.env.INIT_CWD ?? process.cwd(), positionals[0]!));
const analyzer = await loadSentimentAnalyzer({ modelsDir: values.models });
const figures = await sentimentFigures(analyzer, rows);
analyzer.dispose();
console.log(JSON.stringify({ ...(values.split ? { split: values.split } : {}), ...figures }));
