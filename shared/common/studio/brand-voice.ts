import { z } from 'zod';

/** The team's brand voice: words that describe the tone, words never to use, and the default language. */
export const BrandVoiceSchema = z.strictObject({
  toneWords: z.array(z.string().trim().min(1).max(40)).max(8),
  bannedWords: z.array(z.string().trim().min(1).max(60)).max(50),
  language: z.enum(['en', 'zh']),
});
export type BrandVoice = z.infer<typeof BrandVoiceSchema>;

export const DEFAULT_BRAND_VOICE: BrandVoice = { toneWords: [], bannedWords: [], language: 'en' };

/** Words in a settings field: one per line or separated by commas (also Chinese commas). */
export function splitWords(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\n,，、;；]/)
        .map((w) => w.trim())
        .filter(Boolean),
    ),
  ];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const LATIN = /^[\p{Script=Latin}\p{N}\s'’-]+$/u;

/**
 * Each banned word or phrase found in `text`, with where. Latin words match whole words, case-insensitive
 * ("free" does not flag "freedom"); Chinese and other phrases match anywhere, as Chinese has no word breaks.
 */
export function findBannedWords(
  text: string,
  banned: readonly string[],
): Array<{ word: string; start: number; end: number }> {
  const found: Array<{ word: string; start: number; end: number }> = [];
  for (const word of banned) {
    const w = word.trim();
    if (!w) continue;
    const pattern = LATIN.test(w)
      ? new RegExp(`(?<![\\p{L}\\p{N}])${escape(w).replace(/\s+/g, '\\s+')}(?![\\p{L}\\p{N}])`, 'giu')
      : new RegExp(escape(w), 'gu');
    for (const m of text.matchAll(pattern))
      found.push({ word: w, start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  }
  return found.sort((a, b) => a.start - b.start);
}
