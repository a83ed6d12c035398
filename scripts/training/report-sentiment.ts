/**
 * npm run -s report:sentiment [-- --lang zh|en] [--seed N]
 * Trains throw-away linear models (seconds each) to measure what the shipped ones cannot show about themselves, and
 * prints one JSON line per measurement, then a summary line; exits 1 below target. Needs ../shared/data.
 *   zh: leave-one-category-out. For each of the 9 shopping categories: train on waimai + the other 8 categories
 *       (their dev parts choose the epoch and calibrate), test on every review of the left-out one.
 *       Target: mean >= 0.85, worst >= 0.80.
 *   en: cross-source. Train on the airline tweets only, test on SST-2 test (movie-review sentences: the only review
 *       source, never seen); and the reverse, SST-2 only -> airline test (polar tweets). Target: the airline-only
 *       model >= AFINN + 8 points on SST-2 test.
 */
import { parseArgs } from 'node:util';
import { readShopping, SHOPPING_CATEGORIES, type ShoppingCategory } from './sentiment/data';
import { figuresOn, LINEAR_SETUPS, trainLinearModel } from './sentiment/linear-experiment';
import { airlineSource, shoppingSource, sst2Source, waimaiSource } from './sentiment/sources';

export const LOCO_TARGET = { mean: 0.85, worst: 0.8 };
export const CROSS_SOURCE_MARGIN = 0.08;

const { values } = parseArgs({
  options: {
    lang: { type: 'string', multiple: true },
    seed: { type: 'string', default: '42' },
    // Leave out only these categories (English names): for quick looks; the summary then covers only them.
    category: { type: 'string', multiple: true },
  },
});
const languages = values.lang ?? ['zh', 'en'];
const seed = Number(values.seed);
const log = (line: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
const r4 = (x: number) => Number(x.toFixed(4));
let failed = false;

if (languages.includes('zh')) {
  const waimai = waimaiSource();
  const shopping = shoppingSource();
  const all = readShopping();
  const inOthers = (category: ShoppingCategory) => (r: (typeof shopping.train)[number]) => r.category !== category;
  const accuracies: number[] = [];
  for (const [category, english] of Object.entries(SHOPPING_CATEGORIES) as [ShoppingCategory, string][]) {
    if (values.category && !values.category.includes(english)) continue;
    const others = {
      name: 'shopping-other-8',
      train: shopping.train.filter(inOthers(category)),
      dev: shopping.dev.filter(inOthers(category)),
    };
    const trained = await trainLinearModel(
      LINEAR_SETUPS.zh,
      [{ name: 'waimai', train: waimai.train, dev: waimai.dev }, others],
      `leave-one-out: waimai + shopping without ${english}`,
      seed,
      log,
    );
    const leftOut = all.filter((r) => r.category === category);
    const { leftOut: figures } = await figuresOn('zh', trained.artifacts, { leftOut });
    accuracies.push(figures!.accuracy);
    console.log(
      JSON.stringify({
        report: 'zh-leave-one-category-out',
        category: english,
        category_zh: category,
        n: figures!.n,
        accuracy: figures!.accuracy,
        majority_class: r4(
          Math.max(...[0, 1].map((l) => leftOut.filter((r) => r.label === l).length)) / leftOut.length,
        ),
        train_lines: trained.rows.train,
      }),
    );
  }
  const mean = accuracies.reduce((a, b) => a + b, 0) / accuracies.length;
  const worst = Math.min(...accuracies);
  const ok = mean >= LOCO_TARGET.mean && worst >= LOCO_TARGET.worst;
  failed ||= !ok;
  console.log(
    JSON.stringify({
      report: 'zh-leave-one-category-out-summary',
      mean_accuracy: r4(mean),
      worst_accuracy: r4(worst),
      target: LOCO_TARGET,
      ok,
    }),
  );
}

if (languages.includes('en')) {
  const sst2 = sst2Source();
  const airline = airlineSource();
  const airlineOnly = await trainLinearModel(LINEAR_SETUPS.en, [airline], 'airline tweets only', seed, log);
  const { sst2: onReviews } = await figuresOn('en', airlineOnly.artifacts, { sst2: sst2.test });
  const margin = onReviews!.accuracy - onReviews!.baseline_accuracy;
  const ok = margin >= CROSS_SOURCE_MARGIN;
  failed ||= !ok;
  console.log(
    JSON.stringify({
      report: 'en-cross-source',
      trained_on: 'airline',
      tested_on: 'sst2-test',
      ...onReviews,
      margin_over_baseline: r4(margin),
      target_margin: CROSS_SOURCE_MARGIN,
      ok,
    }),
  );
  const sst2Only = await trainLinearModel(LINEAR_SETUPS.en, [sst2], 'SST-2 only', seed, log);
  const { airline: onTweets } = await figuresOn('en', sst2Only.artifacts, { airline: airline.test });
  console.log(
    JSON.stringify({ report: 'en-cross-source', trained_on: 'sst2', tested_on: 'airline-test', ...onTweets }),
  );
}

if (failed) process.exitCode = 1;
