import type { ScoringContext } from '../context';
import { criterion, round } from '../criterion';
import { hanUnits, syllables, words } from '../text';
import type { Criterion } from '../types';

/** Lines like "Hi Sarah," or "Best," are salutations, not sentences; they would flatter the averages. */
function isSalutation(sentence: string, language: 'en' | 'zh'): boolean {
  if (/[,，:：]$/.test(sentence)) return true;
  return language === 'en' ? words(sentence).length <= 2 && !/[.!?]$/.test(sentence) : hanUnits(sentence) <= 4;
}

/**
 * English: Flesch reading ease (206.835 − 1.015·words/sentence − 84.6·syllables/word), target ≥ 60 (plain English).
 * Chinese: average sentence length in characters, target ≤ 25.
 */
export function readabilityCriterion(ctx: ScoringContext): Criterion {
  const sentences = ctx.sentences.filter((s) => !isSalutation(s, ctx.language));
  if (ctx.language === 'zh') {
    const lengths = sentences.map(hanUnits).filter((n) => n > 0);
    const avg = lengths.length ? round(lengths.reduce((a, b) => a + b, 0) / lengths.length) : 0;
    const target = { max: 25 };
    return criterion('readability', avg, target, 25, {
      en:
        avg <= target.max
          ? `Sentences average ${avg} characters: easy to read.`
          : `Sentences average ${avg} characters: split long sentences (target ≤ ${target.max}).`,
      zh:
        avg <= target.max
          ? `平均句长 ${avg} 字，易读。`
          : `平均句长 ${avg} 字，偏长，建议拆分长句（目标 ≤ ${target.max}）。`,
    });
  }
  const sentenceWords = sentences.map(words).filter((w) => w.length > 0);
  const wordCount = sentenceWords.reduce((a, w) => a + w.length, 0);
  const syllableCount = sentenceWords.reduce((a, w) => a + w.reduce((b, x) => b + syllables(x), 0), 0);
  const target = { min: 60 };
  if (wordCount === 0) {
    return criterion('readability', 0, {}, 1, {
      en: 'No sentences to measure.',
      zh: '没有可评估的句子。',
    });
  }
  const ease = round(206.835 - 1.015 * (wordCount / sentenceWords.length) - 84.6 * (syllableCount / wordCount));
  return criterion('readability', ease, target, 40, {
    en:
      ease >= target.min
        ? `Flesch reading ease ${ease}: plain and easy to read.`
        : `Flesch reading ease ${ease}: use shorter sentences and simpler words (target ≥ ${target.min}).`,
    zh:
      ease >= target.min
        ? `Flesch 易读度 ${ease}：通俗易读。`
        : `Flesch 易读度 ${ease}：请使用更短的句子和更简单的词（目标 ≥ ${target.min}）。`,
  });
}
