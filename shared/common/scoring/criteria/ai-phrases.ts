import type { ScoringContext } from '../context';
import { criterion, distinct } from '../criterion';
import { AI_PHRASES_EN, AI_PHRASES_ZH } from '../lexicon/ai-phrases';
import { findPhrases, phraseRegex } from '../phrases';
import type { Criterion } from '../types';

const AI_RE = phraseRegex([...AI_PHRASES_EN, ...AI_PHRASES_ZH]);

/** Filler phrases that make a draft sound machine-written ("I hope this email finds you well", "delve", "赋能"). */
export function aiPhrasesCriterion(ctx: ScoringContext): Criterion {
  const hits = findPhrases(ctx.lowerBody, AI_RE);
  const list = distinct(hits);
  return criterion(
    'ai_phrases',
    hits.length,
    { max: 0 },
    3,
    hits.length === 0
      ? { en: 'No stock AI-sounding phrases.', zh: '没有套话或 AI 腔表达。' }
      : {
          en: `Sounds templated: ${list
            .slice(0, 3)
            .map((p) => `“${p}”`)
            .join(', ')}; say it plainly.`,
          zh: `有套话：${list
            .slice(0, 3)
            .map((p) => `“${p}”`)
            .join('、')}，请直接表达。`,
        },
    list,
  );
}
