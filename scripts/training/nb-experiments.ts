/**
 * The evaluations behind every naive Bayes figure we publish (dataset README, model cards, tests), in one place so
 * the scripts and the tests measure exactly the same thing.
 */
import {
  NaiveBayes,
  SALES_INTENTS,
  SPAM_ALPHA,
  SPAM_TOKENIZER_OPTIONS,
  classificationReport,
  createIntentModel,
  createSpamModel,
  stratifiedKFold,
  stratifiedSplit,
} from '../../shared/common/ml/naive-bayes/index';
import type { ClassificationReport } from '../../shared/common/ml/naive-bayes/index';
import {
  INTENTS_TSV,
  PARAKWEET_TEST,
  PARAKWEET_TRAIN,
  dedupeByText,
  detectLanguage,
  loadParakweet,
  loadSmsSpam,
  readLabelledTsv,
} from './nb-data';
import type { Example } from './nb-data';

/** Seed for every split we report: the model-card date, so it is easy to find. */
export const NB_SEED = 20261128;

/** Learns every example into `model` and returns it. */
export function trainModel(model: NaiveBayes, examples: readonly Example[]): NaiveBayes {
  for (const e of examples) model.learn(e.text, e.label);
  return model;
}

/** Predicts every example; an empty model or text predicts the empty string (counted as wrong). */
export function predictAll(model: NaiveBayes, examples: readonly Example[]): string[] {
  return examples.map((e) => model.predict(e.text, { topFeatures: 0 }).label ?? '');
}

/** The project's own labelled sales-reply set. */
export function loadIntents(): Example[] {
  return readLabelledTsv(INTENTS_TSV, SALES_INTENTS);
}

/** Short figures for JSON output. */
export function round(x: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** The headline of a report: n, accuracy, macro-F1, rounded. */
export function summary(r: ClassificationReport): { n: number; accuracy: number; macro_f1: number } {
  return { n: r.n, accuracy: round(r.accuracy), macro_f1: round(r.macroF1) };
}

/** Out-of-fold results of stratified k-fold cross-validation, overall and per language. */
export interface CrossValidation {
  overall: ClassificationReport;
  byLanguage: Record<'en' | 'zh', ClassificationReport>;
}

/** Stratified, seeded k-fold on labelled examples; every example is predicted once by a model that never saw it. */
export function crossValidate(
  examples: readonly Example[],
  makeModel: () => NaiveBayes = () => createIntentModel(),
  k = 5,
  seed = NB_SEED,
  labels: readonly string[] = SALES_INTENTS,
): CrossValidation {
  const predicted: string[] = new Array<string>(examples.length).fill('');
  for (const testIdx of stratifiedKFold(
    examples.map((e) => e.label),
    k,
    seed,
  )) {
    const inTest = new Set(testIdx);
    const model = trainModel(
      makeModel(),
      examples.filter((_, i) => !inTest.has(i)),
    );
    for (const i of testIdx) predicted[i] = model.predict(examples[i]?.text, { topFeatures: 0 }).label ?? '';
  }
  const langOf = examples.map((e) => detectLanguage(e.text));
  const subset = (lang: 'en' | 'zh'): ClassificationReport => {
    const idx = examples.map((_, i) => i).filter((i) => langOf[i] === lang);
    return classificationReport(
      idx.map((i) => examples[i]?.label ?? ''),
      idx.map((i) => predicted[i] ?? ''),
      labels,
    );
  };
  return {
    overall: classificationReport(
      examples.map((e) => e.label),
      predicted,
      labels,
    ),
    byLanguage: { en: subset('en'), zh: subset('zh') },
  };
}

/** SMS spam, de-duplicated (5,573 rows hold 5,170 distinct texts), split 80/20 stratified with a fixed seed. */
export function spamSplit(seed = NB_SEED): { train: Example[]; test: Example[] } {
  const all = dedupeByText(loadSmsSpam());
  const { train, test } = stratifiedSplit(
    all.map((e) => e.label),
    0.2,
    seed,
  );
  return { train: train.map((i) => all[i] as Example), test: test.map((i) => all[i] as Example) };
}

/** Trains the shipped spam configuration on the seeded training part and reports on the held-out part. */
export function evaluateSpam(makeModel: () => NaiveBayes = () => createSpamModel(), seed = NB_SEED) {
  const { train, test } = spamSplit(seed);
  const model = trainModel(makeModel(), train);
  const report = classificationReport(
    test.map((e) => e.label),
    predictAll(model, test),
    ['ham', 'spam'],
  );
  return { train: train.length, report };
}

/**
 * Parakweet "does this sentence ask for something" (yes/no), trained on its train file and tested on its test file,
 * with the spam configuration's tokenizer (sentences, not replies: nothing to strip).
 */
export function evaluateParakweet(
  makeModel: () => NaiveBayes = () => new NaiveBayes({ alpha: SPAM_ALPHA, tokenizer: SPAM_TOKENIZER_OPTIONS }),
) {
  const train = loadParakweet(PARAKWEET_TRAIN);
  const test = loadParakweet(PARAKWEET_TEST);
  const model = makeModel();
  trainModel(model, train);
  const report = classificationReport(
    test.map((e) => e.label),
    predictAll(model, test),
    ['no', 'yes'],
  );
  const majority = Math.max(...['no', 'yes'].map((l) => test.filter((e) => e.label === l).length)) / test.length;
  return { train: train.length, report, majorityBaseline: majority };
}
