import type { NaiveBayes } from './model';

/**
 * Probability (0..1) that `text` is spam under a spam/ham naive Bayes model such as the shipped
 * `public/models/spam-nb/model.json`. Text with no token the model knows (empty, emoji only) gets the model's
 * prior spam rate. Throws a RangeError if the model has no `spamLabel` label.
 */
export function spamProbability(model: NaiveBayes, text: unknown, spamLabel = 'spam'): number {
  if (!model.labels.includes(spamLabel)) throw new RangeError(`model has no "${spamLabel}" label`);
  const entry = model.predict(text, { topFeatures: 0 }).ranking.find((r) => r.label === spamLabel);
  return entry?.probability ?? 0;
}
