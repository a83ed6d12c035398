/**
 * npm run -s tune:sentiment -- --lang zh|en '{"l2":0.0003}'
 * Scores one variant of a language's linear setup on a cross-domain proxy that no reported figure enters, and prints
 * one JSON line. Hyperparameters are chosen here, so that report:sentiment (leave-one-category-out, cross-source)
 * measures them without having been tuned on.
 *   zh: trained on the shopping reviews only, scored on waimai dev (food delivery: another domain).
 *   en: trained on the airline tweets only, scored on the SST-2 dev sentences (report:sentiment uses SST-2 test).
 * The JSON argument overrides fields of LINEAR_SETUPS[lang] (`spec` fields merge). Needs ../shared/data.
 */
import { parseArgs } from 'node:util';
import type { SentimentLanguage } from '../../shared/common/ml/sentiment/language';
import { figuresOn, LINEAR_SETUPS, trainLinearModel, type LinearSetup } from './sentiment/linear-experiment';
import { airlineSource, shoppingSource, sst2Source, waimaiSource } from './sentiment/sources';

const { values, positionals } = parseArgs({
  options: { lang: { type: 'string', default: 'zh' }, seed: { type: 'string', default: '42' } },
  allowPositionals: true,
});
const language = values.lang as SentimentLanguage;
const variant = JSON.parse(positionals[0] ?? '{}') as Partial<LinearSetup>;
const base = LINEAR_SETUPS[language];
const setup: LinearSetup = { ...base, ...variant, spec: { ...base.spec, ...(variant.spec ?? {}) } };
const [train, proxy] = language === 'zh' ? [shoppingSource(), waimaiSource().dev] : [airlineSource(), sst2Source().dev];
const trained = await trainLinearModel(setup, [train], `proxy: ${train.name} only`, Number(values.seed));
const { proxy: figures } = await figuresOn(language, trained.artifacts, { proxy });
console.log(
  JSON.stringify({
    language,
    variant,
    trained_on: train.name,
    in_domain_dev: Number(trained.devScore.toFixed(4)),
    best_epoch: trained.bestEpoch,
    proxy: language === 'zh' ? 'waimai-dev' : 'sst2-dev',
    ...figures,
  }),
);
