import type { TokenizerOptions } from '../../text/index';
import { NaiveBayes } from './model';

/** The sales-reply intents the shipped intent model predicts (see shared/datasets/sales-intents/README.md). */
export const SALES_INTENTS = [
  'interested',
  'meeting_request',
  'question',
  'objection_price',
  'objection_timing',
  'not_interested',
  'unsubscribe',
  'out_of_office',
  'referral',
  'bounce',
] as const;

/** One of {@link SALES_INTENTS}. */
export type SalesIntent = (typeof SALES_INTENTS)[number];

/** Narrows a string to a {@link SalesIntent}. */
export function isSalesIntent(value: unknown): value is SalesIntent {
  return typeof value === 'string' && (SALES_INTENTS as readonly string[]).includes(value);
}

/**
 * Replies quote our own outreach ("would you be open to a call?"), which would drown the prospect's words, so the
 * quote is dropped; word bigrams catch "not interested", "too expensive", "next quarter"; `?` marks questions.
 * Each of the three added about one point of cross-validated accuracy (see the dataset README).
 */
export const INTENT_TOKENIZER_OPTIONS: Readonly<TokenizerOptions> = Object.freeze({
  wordBigrams: true,
  cjkBigrams: true,
  punctuation: true,
  stripQuotedReply: true,
});

/**
 * Spam: unigrams only. Word bigrams gained 0.2 points of held-out accuracy but made the shipped model five times
 * larger (about 860 KB instead of about 135 KB), too much for an extension. No quote stripping: spam is rarely a reply.
 */
export const SPAM_TOKENIZER_OPTIONS: Readonly<TokenizerOptions> = Object.freeze({
  wordBigrams: false,
  cjkBigrams: true,
  stripQuotedReply: false,
});

/** Smoothing chosen by 5-fold cross-validation on the sales-intents set (scripts/training/report-intent.ts). */
export const INTENT_ALPHA = 0.2;
/** Plain Laplace smoothing: not tuned, so the held-out spam figure is not optimistic. */
export const SPAM_ALPHA = 1;

/** An empty intent model with the shipped configuration and all intents declared. */
export function createIntentModel(meta: Record<string, string> = {}): NaiveBayes {
  return new NaiveBayes({ alpha: INTENT_ALPHA, tokenizer: INTENT_TOKENIZER_OPTIONS, labels: SALES_INTENTS, meta });
}

/** An empty spam model with the shipped configuration (labels `ham`, `spam`). */
export function createSpamModel(meta: Record<string, string> = {}): NaiveBayes {
  return new NaiveBayes({ alpha: SPAM_ALPHA, tokenizer: SPAM_TOKENIZER_OPTIONS, labels: ['ham', 'spam'], meta });
}
