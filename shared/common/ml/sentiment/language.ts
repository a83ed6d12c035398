/** Which model reads a message: Chinese when Han characters carry a good share of it, English otherwise. */
export type SentimentLanguage = 'en' | 'zh';

const HAN_GLOBAL = /\p{Script=Han}/gu;
const LATIN_WORD_GLOBAL = /\p{Script=Latin}+/gu;
/** Only the start of a long text is looked at: enough to decide, and bounded cost. */
const SAMPLE_CHARS = 4000;

export interface LanguageGuess {
  language: SentimentLanguage;
  /** Han characters / (Han characters + Latin words), 0 when the text has neither. */
  hanShare: number;
  /** Han characters + Latin words: 0 means the guess is only the English default. */
  evidence: number;
}

/**
 * One Han character is roughly one word, so Han characters are weighed against Latin *words*, not letters. A Chinese
 * message that names an English product ("这个 demo 很好") stays Chinese; an English email signed "谢谢" stays English.
 * Text with no letters at all (emoji, numbers, empty) is treated as English.
 */
export function detectLanguage(text: string, minHanShare = 0.5): LanguageGuess {
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  const han = sample.match(HAN_GLOBAL)?.length ?? 0;
  const latinWords = sample.match(LATIN_WORD_GLOBAL)?.length ?? 0;
  const hanShare = han + latinWords === 0 ? 0 : han / (han + latinWords);
  return { language: han > 0 && hanShare >= minHanShare ? 'zh' : 'en', hanShare, evidence: han + latinWords };
}
