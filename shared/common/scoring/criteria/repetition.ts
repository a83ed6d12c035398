import type { ScoringContext } from '../context';
import { criterion } from '../criterion';
import { STOPWORDS_EN, STOPWORDS_ZH } from '../lexicon/stopwords';
import { normalizeForPhrases } from '../text';
import type { Criterion } from '../types';

type Segmenter = { segment(text: string): Iterable<{ segment: string; isWordLike?: boolean }> };
let zhSegmenter: Segmenter | null | undefined;

/** Chinese word segmentation via Intl.Segmenter when the runtime has it; created once because construction is slow. */
function segmenter(): Segmenter | null {
  if (zhSegmenter === undefined) {
    const Ctor = (
      Intl as unknown as { Segmenter?: new (locale: string, options: { granularity: 'word' }) => Segmenter }
    ).Segmenter;
    zhSegmenter = Ctor ? new Ctor('zh', { granularity: 'word' }) : null;
  }
  return zhSegmenter;
}

function chineseWords(text: string): string[] {
  const seg = segmenter();
  if (seg) {
    const out: string[] = [];
    for (const s of seg.segment(text)) if (s.isWordLike && /\p{Script=Han}{2,}/u.test(s.segment)) out.push(s.segment);
    return out;
  }
  // No segmenter: character bigrams are a rough stand-in for words.
  const out: string[] = [];
  for (const run of text.match(/\p{Script=Han}+/gu) ?? [])
    for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
  return out;
}

/**
 * Overused content words (at least 4 uses and 3 % of the words; the recipient's name, company and keywords are
 * exempt) plus accidental doubles ("the the").
 */
export function repeatedWordsCriterion(ctx: ScoringContext): Criterion {
  const exempt = new Set(
    [ctx.recipient.name, ctx.recipient.company, ...ctx.keywords]
      .filter((s): s is string => typeof s === 'string')
      .flatMap((s) => normalizeForPhrases(s).split(/\s+/)),
  );
  const tokens =
    ctx.language === 'zh'
      ? chineseWords(ctx.body)
      : ctx.words.map((w) => normalizeForPhrases(w)).filter((w) => /[a-z]/.test(w));
  const stop = ctx.language === 'zh' ? STOPWORDS_ZH : STOPWORDS_EN;
  const counts = new Map<string, number>();
  for (const t of tokens) {
    if (stop.has(t) || exempt.has(t) || (ctx.language === 'en' && t.length < 4)) continue;
    counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  const threshold = Math.max(4, Math.ceil(tokens.length * 0.03));
  const overused = [...counts].filter(([, n]) => n >= threshold).map(([w, n]) => `${w} ×${n}`);
  const doubled: string[] = [];
  const lower = ctx.words.map((w) => normalizeForPhrases(w));
  for (let i = 1; i < lower.length; i++)
    if (lower[i] === lower[i - 1] && /[a-z]/.test(lower[i] ?? '')) doubled.push(`${lower[i]} ${lower[i]}`);
  const details = [...overused, ...doubled];
  const n = details.length;
  return criterion(
    'repeated_words',
    n,
    { max: 0 },
    3,
    n === 0
      ? { en: 'No overused or doubled words.', zh: '没有重复或过度使用的词。' }
      : {
          en: `Repetition: ${details.slice(0, 3).join(', ')}; vary the wording.`,
          zh: `有重复：${details.slice(0, 3).join('、')}，请换一种说法。`,
        },
    details,
  );
}
