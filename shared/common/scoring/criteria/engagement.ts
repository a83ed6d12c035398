import type { ScoringContext } from '../context';
import { criterion, describeTarget, distinct } from '../criterion';
import { CTA_PHRASES_EN, CTA_PHRASES_ZH } from '../lexicon/cta';
import { findPhrases, phraseRegex } from '../phrases';
import { normalizeForPhrases } from '../text';
import type { Criterion } from '../types';

const CTA_RE = phraseRegex([...CTA_PHRASES_EN, ...CTA_PHRASES_ZH]);
const QUESTIONS_TARGET = { min: 1, max: 3 };
const CTA_TARGET = { min: 1, max: 2 };

/** Questions invite a reply; more than three read like a questionnaire. */
export function questionsCriterion(ctx: ScoringContext): Criterion {
  const questions = ctx.sentences.filter((s) => /[?？]["'”’)]*$/.test(s));
  const n = questions.length;
  return criterion(
    'questions',
    n,
    QUESTIONS_TARGET,
    2,
    n === 0
      ? {
          en: 'No question: ask one so the reader has something to answer.',
          zh: '没有提问：提一个问题，让对方有话可回。',
        }
      : n > QUESTIONS_TARGET.max
        ? { en: `${n} questions: keep it to one or two.`, zh: `${n} 个问题：保留一到两个即可。` }
        : { en: `${n} question(s): invites a reply.`, zh: `${n} 个问题：便于对方回复。` },
    questions.slice(0, 5),
  );
}

/** A clear call to action (reply, meet, book); several competing asks dilute each other. */
export function callToActionCriterion(ctx: ScoringContext): Criterion {
  const asks = ctx.sentences.filter((s) => findPhrases(normalizeForPhrases(s), CTA_RE).length > 0);
  const n = asks.length;
  const found = distinct(findPhrases(ctx.lowerBody, CTA_RE));
  return criterion(
    'call_to_action',
    n,
    CTA_TARGET,
    2,
    n === 0
      ? {
          en: 'No call to action: end with one clear ask (a reply, a 15-minute call).',
          zh: '没有明确的行动号召：结尾提出一个明确请求（回复、15 分钟通话）。',
        }
      : n > CTA_TARGET.max
        ? {
            en: `${n} sentences ask for action: keep one clear ask (target ${describeTarget(CTA_TARGET)}).`,
            zh: `${n} 处行动号召：保留一个明确请求（目标 ${describeTarget(CTA_TARGET)}）。`,
          }
        : {
            en: `Clear call to action (${found.slice(0, 2).join(', ')}).`,
            zh: `有明确的行动号召（${found.slice(0, 2).join('，')}）。`,
          },
    found,
  );
}
