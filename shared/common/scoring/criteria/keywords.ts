import type { ScoringContext } from '../context';
import { criterion, round } from '../criterion';
import { normalizeForPhrases, words } from '../text';
import type { Criterion } from '../types';

const DENSITY_TARGET = { min: 0.5, max: 3 };

function countOccurrences(haystack: string, needle: string, latin: boolean): number {
  if (!needle) return 0;
  if (!latin) {
    let n = 0;
    for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + needle.length)) n++;
    return n;
  }
  const escaped = needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
  return haystack.match(new RegExp(`(?<![a-z0-9])${escaped}(?![a-z0-9])`, 'g'))?.length ?? 0;
}

/**
 * Share of the body taken by the chosen keywords, in percent: occurrences × keyword length (words in English,
 * characters in Chinese) over body length. 0.5–3 % reads natural; more is stuffing. Missing keywords are listed.
 */
export function keywordDensityCriterion(ctx: ScoringContext): Criterion {
  const keywords = [...new Set(ctx.keywords.map((k) => normalizeForPhrases(k).trim()).filter(Boolean))].slice(0, 50);
  if (keywords.length === 0) {
    return criterion('keyword_density', 0, {}, 1, { en: 'No keywords chosen.', zh: '未设置关键词。' });
  }
  const zh = ctx.language === 'zh';
  const total = zh ? [...ctx.body.replace(/\s+/g, '')].length : ctx.words.length;
  let covered = 0;
  const missing: string[] = [];
  const used: string[] = [];
  for (const k of keywords) {
    const latin = !/\p{Script=Han}/u.test(k);
    const n = countOccurrences(ctx.lowerBody, k, latin);
    if (n === 0) missing.push(k);
    else used.push(`${k} ×${n}`);
    covered += n * (zh || !latin ? [...k.replace(/\s+/g, '')].length : Math.max(1, words(k).length));
  }
  const density = total === 0 ? 0 : round((covered / total) * 100, 2);
  const c = criterion(
    'keyword_density',
    density,
    DENSITY_TARGET,
    3,
    {
      en:
        missing.length > 0
          ? `Keyword density ${density}%; missing: ${missing.slice(0, 3).join(', ')}.`
          : density > DENSITY_TARGET.max
            ? `Keyword density ${density}%: reads as stuffed; use each keyword once or twice.`
            : density < DENSITY_TARGET.min
              ? `Keyword density ${density}%: keywords barely register.`
              : `Keyword density ${density}%: natural.`,
      zh:
        missing.length > 0
          ? `关键词密度 ${density}%；缺少：${missing.slice(0, 3).join('、')}。`
          : density > DENSITY_TARGET.max
            ? `关键词密度 ${density}%：堆砌感明显，每个关键词用一两次即可。`
            : density < DENSITY_TARGET.min
              ? `关键词密度 ${density}%：关键词几乎不可见。`
              : `关键词密度 ${density}%：自然。`,
    },
    [...used, ...missing.map((m) => `missing: ${m}`)],
  );
  // A missing keyword is a warning even when the overall density is in range.
  if (missing.length > 0 && c.status === 'pass') return { ...c, status: 'warn', score: Math.min(c.score, 0.5) };
  return c;
}
