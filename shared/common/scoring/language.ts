import type { Language } from './types';

const HAN = /\p{Script=Han}/gu;
const LATIN_WORD = /[A-Za-z]+/g;

/**
 * Tiny language guess for scoring: Chinese when Han characters at least match Latin words (a Han character carries
 * about as much as a short word), English otherwise — including text with neither (emoji, digits).
 */
export function detectLanguage(text: string): Language {
  const sample = text.length > 5_000 ? text.slice(0, 5_000) : text;
  const han = sample.match(HAN)?.length ?? 0;
  const words = sample.match(LATIN_WORD)?.length ?? 0;
  return han > 0 && han >= words ? 'zh' : 'en';
}
