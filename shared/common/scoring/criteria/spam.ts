import type { ScoringContext } from '../context';
import { criterion, distinct, round } from '../criterion';
import { SPAM_PHRASES_EN, SPAM_PHRASES_ZH } from '../lexicon/spam';
import { findPhrases, phraseRegex } from '../phrases';
import { normalizeForPhrases } from '../text';
import type { Criterion, LocalizedText } from '../types';

const SPAM_RE = phraseRegex([...SPAM_PHRASES_EN, ...SPAM_PHRASES_ZH]);
const SPAM_WORDS_TARGET = { max: 1 };
const SPAM_PROBABILITY_TARGET = { max: 0.5 };

/** Spam-trigger phrases in subject and body. */
export function spamWordsCriterion(ctx: ScoringContext): Criterion {
  const hits = [...findPhrases(normalizeForPhrases(ctx.subject), SPAM_RE), ...findPhrases(ctx.lowerBody, SPAM_RE)];
  const n = hits.length;
  const list = distinct(hits);
  return criterion(
    'spam_words',
    n,
    SPAM_WORDS_TARGET,
    4,
    n <= SPAM_WORDS_TARGET.max
      ? {
          en: n === 0 ? 'No spam-trigger words.' : `One spam-trigger word (${list[0]}): fine on its own.`,
          zh: n === 0 ? '没有垃圾邮件触发词。' : `一个垃圾邮件触发词（${list[0]}），单独出现问题不大。`,
        }
      : {
          en: `${n} spam-trigger words (${list.slice(0, 3).join(', ')}): filters may junk this email.`,
          zh: `${n} 个垃圾邮件触发词（${list.slice(0, 3).join('、')}）：可能被过滤为垃圾邮件。`,
        },
    list,
  );
}

/**
 * Probability from the injected spam model, if any. Returns the criterion, or the reason it had to be skipped
 * (no model, model threw, or returned something that is not a probability).
 */
export function spamProbabilityCriterion(
  text: string,
  model: ((text: string) => number) | undefined,
): Criterion | { skipped: LocalizedText } {
  if (!model) return { skipped: { en: 'No spam model supplied.', zh: '未提供垃圾邮件模型。' } };
  let p: number;
  try {
    p = model(text);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return {
      skipped: { en: `Spam model failed: ${message.slice(0, 120)}`, zh: `垃圾邮件模型出错：${message.slice(0, 120)}` },
    };
  }
  if (typeof p !== 'number' || !Number.isFinite(p) || p < 0 || p > 1) {
    return { skipped: { en: 'Spam model returned a value outside 0–1.', zh: '垃圾邮件模型返回了 0–1 之外的值。' } };
  }
  const value = round(p, 2);
  return criterion(
    'spam_probability',
    value,
    SPAM_PROBABILITY_TARGET,
    0.5,
    value <= SPAM_PROBABILITY_TARGET.max
      ? {
          en: `Spam model: ${Math.round(value * 100)}% spam-like.`,
          zh: `垃圾邮件模型：${Math.round(value * 100)}% 像垃圾邮件。`,
        }
      : {
          en: `Spam model: ${Math.round(value * 100)}% spam-like; rephrase promotional wording.`,
          zh: `垃圾邮件模型：${Math.round(value * 100)}% 像垃圾邮件，请改写推销性措辞。`,
        },
  );
}
