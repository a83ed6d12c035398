/**
 * `npm run -s train:nb`: trains the shipped naive Bayes models and writes them with their model cards:
 * - public/models/intent-nb/model.json — sales-reply intents, on the project's own set (all of it);
 * - public/models/spam-nb/model.json — spam/ham, on the de-duplicated SMS Spam Collection (all of it).
 * The figures in the cards are held-out ones (k-fold for intents, the seeded 80/20 split for spam). Output is
 * deterministic: the same data gives byte-identical files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  INTENT_ALPHA,
  SALES_INTENTS,
  SPAM_ALPHA,
  SPAM_TOKENIZER_OPTIONS,
  createIntentModel,
  createSpamModel,
} from '../../shared/common/ml/naive-bayes/index';
import type { NaiveBayes } from '../../shared/common/ml/naive-bayes/index';
import { REPO_ROOT, dedupeByText, loadSmsSpam } from './nb-data';
import { NB_SEED, crossValidate, evaluateSpam, loadIntents, round, trainModel } from './nb-experiments';

/** The model-card date; fixed so that re-running the script changes nothing unless the data or code changed. */
const MODEL_DATE = '2026-11-28';
const INTENT_DIR = resolve(REPO_ROOT, 'public/models/intent-nb');
const SPAM_DIR = resolve(REPO_ROOT, 'public/models/spam-nb');

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

function save(dir: string, model: NaiveBayes): number {
  mkdirSync(dir, { recursive: true });
  const json = `${JSON.stringify(model.toJSON())}\n`;
  writeFileSync(resolve(dir, 'model.json'), json);
  return Buffer.byteLength(json);
}

function trainIntent() {
  const examples = loadIntents();
  const cv = crossValidate(examples, () => createIntentModel(), 5, NB_SEED);
  const model = trainModel(
    createIntentModel({
      name: 'closer-intent-nb',
      task: 'sales-reply intent',
      data: 'shared/datasets/sales-intents/intents.tsv',
      licence: 'project licence (Closer)',
      date: MODEL_DATE,
    }),
    examples,
  );
  const bytes = save(INTENT_DIR, model);
  const card = `# intent-nb — sales-reply intent (multinomial naive Bayes)

| field | value |
|---|---|
| task | classify a prospect's reply into one of: ${SALES_INTENTS.map((i) => `\`${i}\``).join(', ')} |
| model | multinomial naive Bayes, Lidstone α = ${INTENT_ALPHA}, log space (\`shared/common/ml/naive-bayes\`) |
| tokenizer | \`closer-text-1\`: quoted reply stripped, word unigrams + bigrams, Chinese character unigrams + bigrams, \`?\`/\`!\` tokens |
| training data | \`shared/datasets/sales-intents/intents.tsv\`: ${examples.length} replies written and labelled by the team (synthetic; about half English, half Simplified Chinese) |
| licence | model and data: the project's own licence |
| accuracy | stratified 5-fold CV (seed ${NB_SEED}): accuracy ${pct(cv.overall.accuracy)}, macro-F1 ${pct(cv.overall.macroF1)}; English ${pct(cv.byLanguage.en.accuracy)}, Chinese ${pct(cv.byLanguage.zh.accuracy)} |
| size | ${kb(bytes)} (\`model.json\`, ${model.vocabularySize} tokens) |
| date | ${MODEL_DATE} |

Limits: the training replies are synthetic and few (about 64 per intent), so expect lower accuracy on real mail,
especially between \`interested\` / \`question\` / \`not_interested\`. Use the ranking's probability and show the
top features to the rep; let the rep correct it (\`learn\`/\`unlearn\`). Regenerate with \`npm run -s train:nb\`.
`;
  writeFileSync(resolve(INTENT_DIR, 'MODEL_CARD.md'), card);
  return { bytes, vocabulary: model.vocabularySize, cv_accuracy: round(cv.overall.accuracy) };
}

function trainSpam() {
  const all = dedupeByText(loadSmsSpam());
  const held = evaluateSpam();
  const spamRow = held.report.perLabel.spam;
  const model = trainModel(
    createSpamModel({
      name: 'closer-spam-nb',
      task: 'spam vs ham',
      data: 'SMS Spam Collection (UCI; Kaggle CSV copy), de-duplicated',
      licence: 'data: UCI SMS Spam Collection terms (research use)',
      date: MODEL_DATE,
    }),
    all,
  );
  const bytes = save(SPAM_DIR, model);
  const spam = all.filter((e) => e.label === 'spam').length;
  const card = `# spam-nb — spam vs ham (multinomial naive Bayes)

| field | value |
|---|---|
| task | probability that a short text is spam (\`spamProbability(model, text)\`) |
| model | multinomial naive Bayes, Laplace α = ${SPAM_ALPHA}, log space (\`shared/common/ml/naive-bayes\`) |
| tokenizer | \`closer-text-1\`: word unigrams${SPAM_TOKENIZER_OPTIONS.wordBigrams ? ' + bigrams' : ''}, Chinese character unigrams + bigrams, URLs/emails/numbers/currency as placeholders |
| training data | SMS Spam Collection (Almeida & Gómez Hidalgo, 2011), Kaggle CSV copy in \`../shared/data/sms-spam\`; de-duplicated: ${all.length} messages (${spam} spam, ${all.length - spam} ham) |
| licence | data: UCI SMS Spam Collection terms, research use (see the data's PROVENANCE.md); the model is derived from it |
| accuracy | seeded (${NB_SEED}) stratified 80/20 split, trained on ${held.train}, tested on ${held.report.n}: accuracy ${pct(held.report.accuracy)}, spam precision ${pct(spamRow?.precision ?? 0)}, spam recall ${pct(spamRow?.recall ?? 0)} |
| size | ${kb(bytes)} (\`model.json\`, ${model.vocabularySize} tokens) |
| date | ${MODEL_DATE} |

Limits: English SMS from around 2010 (UK/Singapore), not email and not Chinese; on sales email treat the score as a
weak "sounds like spam" signal, not a deliverability verdict. Regenerate with \`npm run -s train:nb\`.
`;
  writeFileSync(resolve(SPAM_DIR, 'MODEL_CARD.md'), card);
  return {
    bytes,
    vocabulary: model.vocabularySize,
    heldout_accuracy: round(held.report.accuracy),
  };
}

console.log(JSON.stringify({ intent: trainIntent(), spam: trainSpam() }));
