import { createRequire } from 'node:module';
import Sentiment from 'sentiment';

const afinn = new Sentiment();

/** The lexicon baseline every report compares against: AFINN-165 via `sentiment`, the sum of its word valences. */
export function afinnScore(text: string): number {
  return afinn.analyze(text).score;
}

/** The baseline's binary call: score >= 0 counted positive. */
export function afinnIsPositive(text: string): boolean {
  return afinnScore(text) >= 0;
}

/**
 * The `sentiment` package's lexicon (AFINN-165 words and its emoji ranking), valence in [-5, 5], mapped onto our
 * tokenizer: entries that are one token after tokenizeEnglish (multi-word entries and "can't"-style ones are skipped).
 */
export function afinnLexicon(tokenize: (text: string) => string[]): Map<string, number> {
  const require = createRequire(import.meta.url);
  const words = require('sentiment/languages/en/labels.json') as Record<string, number>;
  const emoji = require('sentiment/build/emoji.json') as Record<string, number>;
  const lexicon = new Map<string, number>();
  for (const [entry, valence] of [...Object.entries(words), ...Object.entries(emoji)]) {
    const tokens = tokenize(entry);
    if (tokens.length === 1 && !lexicon.has(tokens[0]!)) lexicon.set(tokens[0]!, valence);
  }
  return lexicon;
}
