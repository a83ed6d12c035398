import type { ScoringContext } from '../context';
import { criterion, round } from '../criterion';
import { normalizeForPhrases } from '../text';
import type { Criterion } from '../types';

const IRREGULAR =
  'been|known|shown|given|taken|made|done|seen|written|built|sent|paid|sold|told|held|found|kept|left|brought|bought|' +
  'thought|caught|taught|set|put|cut|won|begun|chosen|driven|grown|spoken|broken|forgotten|hidden|led|meant|spent|' +
  'understood|drawn|run|read|hit|shut|sung|worn|torn|thrown|flown';
// be/get + optional adverb + participle; adjectives that merely look like participles are excluded below.
const PASSIVE = new RegExp(
  `\\b(?:am|is|are|was|were|be|been|being|get|gets|got|gotten)\\s+(?:[a-z]+ly\\s+)?(?:[a-z]{3,}ed|${IRREGULAR})\\b`,
  'g',
);
const NOT_PASSIVE =
  /\b(?:interested|excited|pleased|delighted|thrilled|based|located|supposed|tired|worried|concerned|surprised|qualified|experienced|dedicated|committed|married|scared|bored|amazed|impressed|convinced|prepared|involved|engaged|focused|used|red|need|indeed|seed|feed|speed|bleed)$/;
const TARGET = { max: 10 };

/** Share of sentences in the passive voice (English heuristic; Chinese counts 被 constructions). */
export function passiveVoiceCriterion(ctx: ScoringContext): Criterion {
  const sentences = ctx.sentences.filter((s) => s.length > 0);
  const passive: string[] = [];
  for (const s of sentences) {
    if (ctx.language === 'zh') {
      if (/被/.test(s)) passive.push(s);
      continue;
    }
    const lower = normalizeForPhrases(s);
    const hit = [...lower.matchAll(PASSIVE)].find((m) => !NOT_PASSIVE.test(m[0]));
    if (hit) passive.push(hit[0]);
  }
  const share = sentences.length === 0 ? 0 : round((passive.length / sentences.length) * 100);
  return criterion(
    'passive_voice',
    share,
    TARGET,
    30,
    share <= TARGET.max
      ? { en: `${share}% of sentences are passive: direct.`, zh: `${share}% 的句子为被动句：表达直接。` }
      : {
          en: `${share}% of sentences are passive (${passive.slice(0, 2).join('; ')}): say who does what.`,
          zh: `${share}% 的句子为被动句：请写明由谁做什么。`,
        },
    passive.slice(0, 5),
  );
}
