import { z } from 'zod';
import { countWords } from '../prompts/length';
import { parseMessage } from './parse';

/**
 * A rep's writing style, learned on the device from the messages the rep sent: what the drafts copy (greeting,
 * sign-off, formality, length, emoji, language mix, typical phrases). Only this summary is kept, never the messages.
 */

/** Drafts follow a profile only once it has seen this many sent messages: one message is an anecdote, not a habit. */
export const MIN_STYLE_SAMPLES = 3;

/** The profile drafts should use: none while it has seen too few messages. */
export function usableStyle(profile: StyleProfile | null): StyleProfile | null {
  return profile && profile.samples >= MIN_STYLE_SAMPLES ? profile : null;
}

export const FORMALITY_BANDS = ['casual', 'neutral', 'formal'] as const;
export type FormalityBand = (typeof FORMALITY_BANDS)[number];

export const StyleProfileSchema = z.strictObject({
  version: z.literal(1),
  /** How many sent messages the profile was learned from. */
  samples: z.number().int().nonnegative(),
  /** e.g. "Hi {name},"; null: the rep opens without a greeting. */
  greeting: z.string().max(80).nullable(),
  /** e.g. "Cheers,"; null: the rep ends without one. */
  signOff: z.string().max(80).nullable(),
  formality: z.enum(FORMALITY_BANDS),
  /** Median length of the body in words (Chinese: characters / 1.8). */
  medianWords: z.number().int().min(0).max(5_000),
  /** Share of messages with at least one emoji. */
  emojiRate: z.number().min(0).max(1),
  /** Share of Chinese in the rep's text (0: English only, 1: Chinese only). */
  zhShare: z.number().min(0).max(1),
  /** Phrases the rep uses often (at most 6). */
  phrases: z.array(z.string().min(1).max(80)).max(6),
  /** Fields the rep set by hand on the options page: learning from new messages leaves them as they are. */
  edited: z.array(z.enum(['greeting', 'signOff', 'formality', 'medianWords', 'phrases'])).max(5),
  updatedAt: z.number().int().nonnegative(),
});
export type StyleProfile = z.infer<typeof StyleProfileSchema>;
export type EditableStyleField = StyleProfile['edited'][number];

const EMOJI = /\p{Extended_Pictographic}/u;
const CJK = /[\u3400-\u9fff]/g;
const CONTRACTION = /\b\w+(?:n['’]t|['’](?:s|re|ll|ve|d|m))\b/gi;
const CASUAL_WORDS =
  /\b(hey|yeah|yep|gonna|wanna|cool|awesome|btw|lol|haha|thx|np|ok|okay|super|stuff|folks|guys|totally|cheers|no worries|quick q)\b/gi;
const FORMAL_WORDS =
  /\b(dear|sincerely|regards|kindly|please find|furthermore|therefore|accordingly|would like to|pleased to|appreciate|grateful|respectfully|hereby|regarding|further to|at your earliest convenience|i would|please do not hesitate|thank you for)\b/gi;
const ZH_CASUAL = /[哈啦呀嘛哦噢呗]|你/g;
const ZH_FORMAL = /您|贵司|敬请|此致|烦请|恳请|商祺|谨|贵方/g;

const count = (text: string, re: RegExp) => text.match(re)?.length ?? 0;

/**
 * A formality score of one message: formal markers minus casual ones (contractions, slang, exclamation marks,
 * emoji), so it can be read and explained. Positive is formal.
 */
export function formalityScore(text: string): number {
  const emoji = [...text].filter((ch) => EMOJI.test(ch)).length;
  const casual =
    count(text, CONTRACTION) + count(text, CASUAL_WORDS) + count(text, /!/g) + 2 * emoji + count(text, ZH_CASUAL);
  const formal = count(text, FORMAL_WORDS) + count(text, ZH_FORMAL);
  return formal - casual;
}

/** The band of a score: at least two markers either way leave `neutral`. */
export function bandOf(score: number): FormalityBand {
  if (score >= 2) return 'formal';
  if (score <= -2) return 'casual';
  return 'neutral';
}

/** The most frequent value (null counts as a value: "no greeting" is a habit too); ties go to the first seen. */
function mode<T>(values: readonly T[]): T | undefined {
  const counts = new Map<T, number>();
  let best: T | undefined;
  let bestN = 0;
  for (const v of values) {
    const n = (counts.get(v) ?? 0) + 1;
    counts.set(v, n);
    if (n > bestN) {
      best = v;
      bestN = n;
    }
  }
  return best;
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const STOP = new Set(
  'a an the and or but to of in on at for with from by is are was were be been it this that these those i you we he she they me us my your our their as if so do does did have has had will would can could just not no yes what if its up on out all any some there here more very also about'.split(
    ' ',
  ),
);

/** Word 2- and 3-grams (or 4-character runs of Chinese) of a body, each once. */
function grams(body: string): Set<string> {
  const out = new Set<string>();
  for (const clause of body.toLowerCase().split(/[.,;:!?()\n，。；：！？、]+/)) {
    const zh = clause.match(CJK)?.join('') ?? '';
    for (let i = 0; i + 4 <= zh.length; i++) out.add(zh.slice(i, i + 4));
    const words = clause.replace(CJK, ' ').match(/[a-z][a-z'’]*/g) ?? [];
    for (const n of [3, 2])
      for (let i = 0; i + n <= words.length; i++) {
        const g = words.slice(i, i + n);
        // A phrase starts and ends on a content word: "look forward", not "like to".
        if (STOP.has(g[0]!) || STOP.has(g.at(-1)!)) continue;
        out.add(g.join(' '));
      }
  }
  return out;
}

/** Phrases in at least a quarter of the messages (and at least 3), longest first, none inside another. */
function typicalPhrases(bodies: string[]): string[] {
  const counts = new Map<string, number>();
  for (const b of bodies) for (const g of grams(b)) counts.set(g, (counts.get(g) ?? 0) + 1);
  const min = Math.max(3, Math.ceil(bodies.length / 4));
  const frequent = [...counts]
    .filter(([, n]) => n >= min)
    .sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || a[0].localeCompare(b[0]));
  const kept: string[] = [];
  for (const [g] of frequent) {
    if (kept.some((k) => k.includes(g) || g.includes(k))) continue;
    kept.push(g);
    if (kept.length === 6) break;
  }
  return kept;
}

/** Learns a profile from the rep's sent messages (their text, quoted history removed). */
export function learnStyle(messages: readonly string[], now: number): StyleProfile {
  const parsed = messages.filter((m) => m.trim()).map(parseMessage);
  const withEmoji = messages.filter((m) => EMOJI.test(m)).length;
  let zh = 0;
  let latin = 0;
  for (const m of messages) {
    zh += count(m, CJK);
    latin += count(m.replace(CJK, ' '), /[A-Za-z]+/g);
  }
  const bands = messages.filter((m) => m.trim()).map((m) => bandOf(formalityScore(m)));
  return {
    version: 1,
    samples: parsed.length,
    greeting: mode(parsed.map((p) => p.greeting)) ?? null,
    signOff: mode(parsed.map((p) => p.signOff)) ?? null,
    // Ties go to neutral: a profile should not push a register it has not clearly seen.
    formality: modeBand(bands),
    medianWords: Math.round(median(parsed.map((p) => countWords(p.body)))),
    emojiRate: parsed.length ? withEmoji / parsed.length : 0,
    // A Chinese character carries about as much as 1.8 English words' letters; count words, not letters.
    zhShare: zh + latin ? zh / 1.8 / (zh / 1.8 + latin) : 0,
    phrases: typicalPhrases(parsed.map((p) => p.body)),
    edited: [],
    updatedAt: now,
  };
}

function modeBand(bands: FormalityBand[]): FormalityBand {
  const n = (b: FormalityBand) => bands.filter((x) => x === b).length;
  const top = Math.max(n('casual'), n('neutral'), n('formal'));
  if (top === 0 || n('neutral') === top) return 'neutral';
  if (n('casual') === top && n('formal') === top) return 'neutral';
  return n('casual') === top ? 'casual' : 'formal';
}

/** A freshly learned profile, keeping what the rep set by hand. */
export function relearn(previous: StyleProfile | null, learned: StyleProfile): StyleProfile {
  if (!previous) return learned;
  const out: StyleProfile = { ...learned, edited: previous.edited };
  for (const field of previous.edited) (out as Record<string, unknown>)[field] = previous[field];
  return out;
}
