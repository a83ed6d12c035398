import type { Language, LengthPreset, LengthTarget } from './types';

/**
 * Turns constraints into instructions and token budgets. Lengths are counted in English-word equivalents so one
 * target means about the same content in English and Chinese.
 */

/** Chinese characters per English word of the same content (translations run about 1.5–2 characters a word). */
export const ZH_CHARS_PER_WORD = 1.8;
/** Generous tokens per word-equivalent: English ≈1.3–1.4 tokens a word; Chinese ≈1–1.5 tokens a character. */
const TOKENS_PER_WORD: Record<Language, number> = { en: 1.5, zh: ZH_CHARS_PER_WORD * 1.4 };
/** Models overshoot a requested length; the token limit leaves room so the answer ends on its own. */
const TOKEN_HEADROOM = 1.6;
export const MIN_MAX_TOKENS = 64;
export const MAX_MAX_TOKENS = 2_048;
/** Word targets outside this range are clamped: they are mistakes, not requests. */
export const MIN_WORDS = 5;
export const MAX_WORDS = 2_000;

const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', zh: 'Simplified Chinese (简体中文)' };

/** The name of a language as the prompt spells it. */
export function languageName(language: Language): string {
  const name = LANGUAGE_NAMES[language];
  if (!name) throw new RangeError(`Unsupported language "${String(language)}"; expected "en" or "zh".`);
  return name;
}

/** The target length in word-equivalents: a preset looked up in the template's table, or a clamped number. */
export function targetWords(
  length: LengthTarget | undefined,
  table: Record<LengthPreset, number>,
  fallback: LengthPreset,
) {
  if (typeof length === 'number') {
    if (!Number.isFinite(length)) throw new RangeError('The length target must be a finite number of words.');
    return Math.min(MAX_WORDS, Math.max(MIN_WORDS, Math.round(length)));
  }
  return table[length ?? fallback];
}

/** "about 120 words" or "about 216 Chinese characters (约216字)". */
export function lengthInstruction(words: number, language: Language): string {
  if (language === 'zh') {
    const chars = Math.round(words * ZH_CHARS_PER_WORD);
    return `about ${chars} Chinese characters (约${chars}字)`;
  }
  return `about ${words} words`;
}

/** A token limit that fits the target with headroom, clamped to what small local models can produce. */
export function maxTokensFor(words: number, language: Language, extra = 0): number {
  const tokens = Math.ceil(words * TOKENS_PER_WORD[language] * TOKEN_HEADROOM) + extra;
  return Math.min(MAX_MAX_TOKENS, Math.max(MIN_MAX_TOKENS, tokens));
}
