import type { ScoringContext } from '../context';
import { criterion } from '../criterion';
import { INCLUSIVE_EN, INCLUSIVE_ZH } from '../lexicon/inclusive';
import { findPhrases, phraseRegex } from '../phrases';
import type { Criterion } from '../types';

const SUGGESTIONS: Record<string, string> = { ...INCLUSIVE_EN, ...INCLUSIVE_ZH };
const INCLUSIVE_RE = phraseRegex(Object.keys(SUGGESTIONS));

/** Exclusionary or loaded terms, each with a suggested replacement. */
export function inclusiveLanguageCriterion(ctx: ScoringContext): Criterion {
  const hits = findPhrases(ctx.lowerBody, INCLUSIVE_RE);
  const advice = [...new Set(hits)].map((h) => `${h} → ${SUGGESTIONS[h] ?? SUGGESTIONS[h.replace(/ /g, '-')] ?? '?'}`);
  return criterion(
    'inclusive_language',
    hits.length,
    { max: 0 },
    2,
    hits.length === 0
      ? { en: 'Language is inclusive.', zh: '用语包容。' }
      : { en: `Consider: ${advice.slice(0, 2).join('; ')}.`, zh: `建议替换：${advice.slice(0, 2).join('；')}。` },
    advice,
  );
}
