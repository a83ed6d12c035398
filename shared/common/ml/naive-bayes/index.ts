/**
 * Multinomial naive Bayes text classification that runs in every runtime (service worker, offscreen host, Node):
 * the sales-reply intent model and the spam model, their persisted schema, and evaluation helpers.
 */
export { NaiveBayes } from './model';
export type { FeatureContribution, NaiveBayesOptions, PredictOptions, Prediction, RankedLabel } from './model';
export {
  NB_FORMAT,
  NB_SCHEMA_VERSION,
  NaiveBayesFormatError,
  migrateNaiveBayesJson,
  type NaiveBayesJsonV1,
  type NaiveBayesJsonV2,
} from './schema';
export { spamProbability } from './spam';
export {
  INTENT_ALPHA,
  INTENT_TOKENIZER_OPTIONS,
  SALES_INTENTS,
  SPAM_ALPHA,
  SPAM_TOKENIZER_OPTIONS,
  createIntentModel,
  createSpamModel,
  isSalesIntent,
  type SalesIntent,
} from './presets';
export {
  classificationReport,
  stratifiedKFold,
  stratifiedSplit,
  type ClassificationReport,
  type LabelMetrics,
} from './evaluation';
