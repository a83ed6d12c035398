/**
 * Sentence spans for highlighting. Offsets index the caller's text; the splitter runs on the masked copy from
 * sanitize.ts (same length), so tags and control characters never start or end a sentence.
 */

export interface SentenceSpan {
  start: number;
  end: number;
  /** The sentence with blanked characters removed and whitespace collapsed: what the model reads. */
  text: string;
}

/** Most sentences kept per message; the rest are not scored (the result says `truncated`). */
export const MAX_SENTENCES_PER_MESSAGE = 100;
/** A run-on "sentence" (no punctuation, pasted logs) is cut into pieces of at most this many characters. */
export const MAX_SENTENCE_CHARS = 400;

// A sentence ends at a line break, after Chinese/full-width terminators (no space needed), or after . ! ? followed
// by a space (so "3.5", "e.g.x" and URLs do not split), with any closing quotes or brackets kept in the sentence.
const BOUNDARY = /\n|[。！？；…]+[」』”’）)"']*|[.!?]+[)"'”’\]]*(?=\s|$)/g;
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'sr',
  'jr',
  'st',
  'vs',
  'etc',
  'e.g',
  'i.e',
  'inc',
  'ltd',
  'co',
  'corp',
  'no',
  'approx',
  'dept',
  'est',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
]);
const CONTENT = /[\p{L}\p{N}\p{Extended_Pictographic}]/u;

/** True when the "." just before `dotIndex` ends an abbreviation or a single initial ("J. Smith"). */
function endsWithAbbreviation(text: string, dotIndex: number): boolean {
  const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, dotIndex - 12), dotIndex))?.[1];
  if (!word) return false;
  return ABBREVIATIONS.has(word.toLowerCase()) || /^\p{Lu}$/u.test(word);
}

function pushSpan(out: SentenceSpan[], masked: string, start: number, end: number): void {
  while (start < end && /\s/.test(masked[start]!)) start++;
  while (end > start && /\s/.test(masked[end - 1]!)) end--;
  if (start >= end) return;
  // Run-on text: cut at the last space (or anywhere) before the limit.
  while (end - start > MAX_SENTENCE_CHARS) {
    const window = masked.slice(start, start + MAX_SENTENCE_CHARS);
    const space = window.lastIndexOf(' ');
    let cut = space > MAX_SENTENCE_CHARS / 2 ? start + space : start + MAX_SENTENCE_CHARS;
    // Never cut a surrogate pair (an emoji) in half.
    if (/[\ud800-\udbff]/.test(masked[cut - 1]!)) cut++;
    pushSpan(out, masked, start, cut);
    start = cut;
    while (start < end && /\s/.test(masked[start]!)) start++;
    if (out.length >= MAX_SENTENCES_PER_MESSAGE) return;
  }
  const text = masked.slice(start, end).replace(/\s+/g, ' ').trim();
  if (!CONTENT.test(text)) return;
  out.push({ start, end, text });
}

/**
 * Splits `masked` (see maskForScoring) into sentence spans. Returns at most MAX_SENTENCES_PER_MESSAGE spans;
 * `truncated` when the text had more.
 */
export function splitSentences(masked: string): { spans: SentenceSpan[]; truncated: boolean } {
  const spans: SentenceSpan[] = [];
  let start = 0;
  for (const match of masked.matchAll(BOUNDARY)) {
    const index = match.index ?? 0;
    const end = index + match[0].length;
    if (match[0].startsWith('.') && match[0].length === 1 && endsWithAbbreviation(masked, index)) continue;
    pushSpan(spans, masked, start, end);
    start = end;
    if (spans.length >= MAX_SENTENCES_PER_MESSAGE) {
      const rest = masked.slice(end);
      return { spans: spans.slice(0, MAX_SENTENCES_PER_MESSAGE), truncated: CONTENT.test(rest) };
    }
  }
  pushSpan(spans, masked, start, masked.length);
  return { spans: spans.slice(0, MAX_SENTENCES_PER_MESSAGE), truncated: spans.length > MAX_SENTENCES_PER_MESSAGE };
}
