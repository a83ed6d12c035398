import type { SentimentLanguage } from '../../../shared/common/ml/sentiment/language';
import { TOKENIZER_VERSION } from '../../../shared/common/ml/sentiment/tokenize';
import type { VocabFile } from '../../../shared/common/ml/sentiment/vocab';

/**
 * Tokens seen at least `minCount` times in training, most frequent first (ties by code point, so reproducible),
 * then `extraTokens` not already in (sorted), e.g. lexicon words training never showed.
 */
export function buildVocab(
  language: SentimentLanguage,
  tokenLists: readonly string[][],
  minCount: number,
  maxSize: number,
  extraTokens: readonly string[] = [],
): VocabFile {
  const counts = new Map<string, number>();
  for (const tokens of tokenLists) for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
  const tokens = [...counts.entries()]
    .filter(([, count]) => count >= minCount)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, maxSize)
    .map(([token]) => token);
  const known = new Set(tokens);
  const extras = [...new Set(extraTokens)].filter((t) => !known.has(t)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  tokens.push(...extras);
  return { language, tokenizerVersion: TOKENIZER_VERSION, tokens };
}
