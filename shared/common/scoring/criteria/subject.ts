import { criterion } from '../criterion';
import { SPAM_PHRASES_EN, SPAM_PHRASES_ZH } from '../lexicon/spam';
import { findPhrases, phraseRegex } from '../phrases';
import { codePointLength, normalizeForPhrases } from '../text';
import type { Criterion, Language } from '../types';

/** Subject lines that get opened: 10–60 characters in English, 4–30 in Chinese (mobile inboxes cut the rest). */
const LENGTH_TARGET = { en: { min: 10, max: 60 }, zh: { min: 4, max: 30 } };
const SPAM_RE = phraseRegex([...SPAM_PHRASES_EN, ...SPAM_PHRASES_ZH]);
const EMOJI = /\p{Extended_Pictographic}/gu;

/** Subject length, including the empty subject. */
export function subjectLengthCriterion(subject: string, language: Language): Criterion {
  const target = LENGTH_TARGET[language];
  const n = codePointLength(subject.trim());
  return criterion(
    'subject_length',
    n,
    target,
    40,
    n === 0
      ? { en: 'The subject is empty.', zh: '主题为空。' }
      : n < target.min
        ? {
            en: `Subject has ${n} characters: too short to say what it is about.`,
            zh: `主题仅 ${n} 个字符，说不清内容。`,
          }
        : n > target.max
          ? {
              en: `Subject has ${n} characters: inboxes cut it after about ${target.max}.`,
              zh: `主题有 ${n} 个字符，收件箱约在 ${target.max} 处截断。`,
            }
          : { en: `Subject length ${n}: fits in the inbox.`, zh: `主题长度 ${n}，在收件箱中能完整显示。` },
  );
}

/** Subject habits that look like spam: shouting in capitals, "!!!" or "$$$", piles of emoji, spam words. */
export function subjectStyleCriterion(subject: string): Criterion {
  const s = subject.trim();
  const issues: Array<{ en: string; zh: string }> = [];
  const letters = s.match(/[A-Za-z]/g) ?? [];
  const upper = letters.filter((c) => c <= 'Z').length;
  const shoutWords = s.match(/\b[A-Z]{4,}\b/g)?.length ?? 0;
  if ((letters.length >= 6 && upper / letters.length >= 0.6) || shoutWords >= 2)
    issues.push({ en: 'all caps', zh: '全部大写' });
  if (/[!！]{2,}|[?？]{2,}|[!！][?？]|[?？][!！]|\${2,}|(?:[!！][^!！]*){3,}/.test(s))
    issues.push({ en: 'spammy punctuation', zh: '标点过多' });
  if ((s.match(EMOJI)?.length ?? 0) > 1) issues.push({ en: 'several emoji', zh: '表情符号过多' });
  const spam = [...new Set(findPhrases(normalizeForPhrases(s), SPAM_RE))];
  if (spam.length > 0) issues.push({ en: `spam words: ${spam.join(', ')}`, zh: `垃圾邮件词：${spam.join('、')}` });
  return criterion(
    'subject_style',
    issues.length,
    { max: 0 },
    2,
    issues.length === 0
      ? {
          en: s ? 'Subject style is clean.' : 'No subject to check for style.',
          zh: s ? '主题格式规范。' : '没有主题可检查。',
        }
      : {
          en: `Subject: ${issues.map((i) => i.en).join('; ')}.`,
          zh: `主题问题：${issues.map((i) => i.zh).join('；')}。`,
        },
    issues.map((i) => i.en),
  );
}
