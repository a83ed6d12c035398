/**
 * npm run train:sentiment -- [--lang en|zh] [--seed N] [--out DIR] [--report FILE] [--dry-run]
 *
 * Trains the shipped hashed n-gram linear models from every source in ../shared/data (train parts; dev parts for the
 * epoch choice, the temperature and, in English, the neutral band), measures them on each source's held-out test
 * part, and writes public/models/sentiment-{en,zh}/ (model.json, weights.bin, vocab.json, MODEL_CARD.md). `--report`
 * names the output of report:sentiment (leave-one-category-out, cross-source), which the model cards quote.
 * Seeded: the same seed gives the same files.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { SentimentLanguage } from '../../shared/common/ml/sentiment/language';
import { REPO_ROOT, SHOPPING_CATEGORIES, type ShoppingCategory } from './sentiment/data';
import { writeArtifacts } from './sentiment/export-model';
import { figuresOn, LINEAR_SETUPS, trainLinearModel } from './sentiment/linear-experiment';
import { writeModelCard, type TrainingReport } from './sentiment/model-card';
import { airlineSource, shoppingSource, sst2Source, waimaiSource, type Source } from './sentiment/sources';

const { values } = parseArgs({
  options: {
    lang: { type: 'string', multiple: true },
    seed: { type: 'string', default: '42' },
    out: { type: 'string', default: resolve(REPO_ROOT, 'public/models') },
    report: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
  },
});
const languages = (values.lang ?? ['en', 'zh']) as SentimentLanguage[];
const seed = Number(values.seed);
const log = (line: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
const reportLines =
  values.report && existsSync(values.report)
    ? readFileSync(values.report, 'utf8')
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as Record<string, unknown>)
    : [];

const TRAINED_ON: Record<SentimentLanguage, string> = {
  en: 'SST-2 (movie-review sentences and phrases) + Twitter US Airline Sentiment (customer tweets, with neutral)',
  zh: 'waimai_10k (food delivery) + online_shopping_9_cats (9 product categories)',
};

for (const language of languages) {
  const shopping = language === 'zh' ? shoppingSource() : undefined;
  const sources: Source[] = shopping ? [waimaiSource(), shopping] : [sst2Source(), airlineSource()];
  const trained = await trainLinearModel(LINEAR_SETUPS[language], sources, TRAINED_ON[language], seed, log);
  const tests: Record<string, Source['test']> = Object.fromEntries(sources.map((s) => [`${s.name}-test`, s.test]));
  if (shopping) {
    for (const [zh, en] of Object.entries(SHOPPING_CATEGORIES) as [ShoppingCategory, string][]) {
      tests[`shopping-test-${en.replace(/\s+/g, '-')}`] = shopping.test.filter((r) => r.category === zh);
    }
  }
  const figures = await figuresOn(language, trained.artifacts, tests);
  const { artifacts, ...rest } = trained;
  const report: TrainingReport = {
    language,
    seed,
    ...rest,
    rows: { ...trained.rows, test: Object.fromEntries(sources.map((s) => [s.name, s.test.length])) },
    figures,
    reports: reportLines.filter((l) => String(l.report).startsWith(language)),
  };
  const summary: Record<string, unknown> = { ...report };
  if (!values['dry-run']) {
    const dir = resolve(values.out, `sentiment-${language}`);
    const sizes = writeArtifacts(dir, artifacts);
    writeModelCard(dir, report, sizes);
    Object.assign(summary, { files: sizes, dir });
  }
  console.log(JSON.stringify(summary));
}
