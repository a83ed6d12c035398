import { ZH_CHARS_PER_WORD } from './constraints';

/**
 * Measuring and capping text length across English and Chinese. Words are counted as English-word equivalents (CJK
 * characters divided by ZH_CHARS_PER_WORD), the same unit as the length targets.
 */

// Han, kana and Hangul: scripts written without spaces, where each character is roughly a syllable.
const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
const LATIN_WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
// Full-width characters count twice on X and in Google Ads; CJK punctuation is full-width too.
const WIDE_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303F\uFF00-\uFFEF]/u;

/** Words in `text`, in English-word equivalents: Latin-script words plus CJK characters / ZH_CHARS_PER_WORD. */
export function countWords(text: string): number {
  const cjk = text.match(CJK_CHAR)?.length ?? 0;
  const latin = text.replace(CJK_CHAR, ' ').match(LATIN_WORD)?.length ?? 0;
  return latin + cjk / ZH_CHARS_PER_WORD;
}

/** Characters as X and Google Ads count them: a CJK or full-width character counts as two. */
export function countChars(text: string): number {
  let n = 0;
  for (const ch of text) n += WIDE_CHAR.test(ch) ? 2 : 1;
  return n;
}

export interface LengthLimit {
  maxWords?: number;
  /** Weighted as in countChars. */
  maxChars?: number;
}

function fits(text: string, limit: LengthLimit): boolean {
  return (
    (limit.maxWords === undefined || countWords(text) <= limit.maxWords) &&
    (limit.maxChars === undefined || countChars(text) <= limit.maxChars)
  );
}

/**
 * Offsets just after each sentence end: CJK end punctuation, or `.!?…` followed by space and a capital, digit, quote
 * or CJK character (so "e.g. the" and "3.5" are not ends), and every line break.
 */
function sentenceEnds(text: string): number[] {
  const ends: number[] = [];
  const pattern = /[。！？!?]+[”’"'）)」』]*|[.…]+[”’"')\]]*(?=\s+[\p{Lu}\p{N}"“'‘(\p{Script=Han}]|\s*$)|\n/gu;
  for (const m of text.matchAll(pattern)) ends.push((m.index ?? 0) + m[0].length);
  return ends;
}

/**
 * Cuts `text` to fit `limit`, at the last sentence end that fits. When even the first sentence is too long, it cuts
 * at the last space (or, in Chinese, character) that fits and adds "…". Text that fits is returned unchanged.
 */
export function enforceLength(text: string, limit: LengthLimit): string {
  if (fits(text, limit)) return text;
  let best = 0;
  for (const end of sentenceEnds(text)) {
    if (!fits(text.slice(0, end), limit)) break;
    best = end;
  }
  const cut = text.slice(0, best).trimEnd();
  if (cut) return cut;
  // No whole sentence fits: take as many whole words (or CJK characters) as fit, leaving room for the ellipsis.
  const units = text.match(/\s*(?:[\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF]|[^\s\p{Script=Han}]+)/gu) ?? [];
  const reserve: LengthLimit = {
    maxWords: limit.maxWords,
    maxChars: limit.maxChars === undefined ? undefined : limit.maxChars - 1,
  };
  let out = '';
  for (const unit of units) {
    if (!fits(out + unit, reserve)) break;
    out += unit;
  }
  return `${out.trimEnd()}…`;
}
