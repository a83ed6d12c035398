/** Small offset-preserving helpers over prepared draft text. */

/** Characters that end a sentence; '.' only counts when followed by whitespace or the end (not "99.9", "closer.ai"). */
function isSentenceEnd(text: string, i: number): boolean {
  const ch = text[i];
  if (ch === '!' || ch === '?' || ch === '。' || ch === '！' || ch === '？' || ch === '\n') return true;
  if (ch === '.') {
    const next = text[i + 1];
    return next === undefined || next === ' ' || next === '\n' || next === '\t' || next === '\r';
  }
  return false;
}

/** How far we look for the end of a sentence; bounds the work per claim. */
const SENTENCE_SCAN = 600;

/** The character that ends the sentence containing `pos` ('' when none within reach). */
export function sentenceTerminator(text: string, pos: number): string {
  const limit = Math.min(text.length, pos + SENTENCE_SCAN);
  for (let i = pos; i < limit; i++) {
    if (isSentenceEnd(text, i)) return text[i] ?? '';
  }
  return '';
}

/** True when the claim at `pos` sits in a question (proposals such as "Would Thursday work?" are not assertions). */
export function inQuestion(text: string, pos: number): boolean {
  const end = sentenceTerminator(text, pos);
  return end === '?' || end === '？';
}

/** Start offset of the sentence containing `pos`. */
export function sentenceStart(text: string, pos: number): number {
  const limit = Math.max(0, pos - SENTENCE_SCAN);
  for (let i = pos - 1; i >= limit; i--) {
    if (isSentenceEnd(text, i)) return i + 1;
  }
  return limit;
}

const LEADING_NOISE = new Set([
  ' ',
  '\t',
  '\r',
  '“',
  '"',
  "'",
  '‘',
  '(',
  '（',
  '-',
  '•',
  '*',
  '–',
  '—',
  '¿',
  '¡',
  '«',
  '„',
]);

/** True when the word at `start` opens a sentence or a line, so its capital letter says nothing about it being a name. */
export function isSentenceInitial(text: string, start: number): boolean {
  for (let i = start - 1; i >= 0 && i >= start - 40; i--) {
    const ch = text[i] ?? '';
    if (LEADING_NOISE.has(ch)) continue;
    return isSentenceEnd(text, i);
  }
  return true;
}

/** How far around a position we look for its line; longer lines are cut, which keeps per-claim work bounded. */
const LINE_WINDOW = 200;

/** The line (without its newline) containing `pos`, at most LINE_WINDOW characters either side. */
export function lineAt(text: string, pos: number): { line: string; start: number } {
  const from = Math.max(0, pos - LINE_WINDOW);
  const to = Math.min(text.length, pos + LINE_WINDOW);
  const back = text.lastIndexOf('\n', pos - 1);
  const start = back >= from ? back + 1 : from;
  const fwd = text.indexOf('\n', pos);
  const end = fwd >= 0 && fwd < to ? fwd : to;
  return { line: text.slice(start, end), start };
}

/** True when only spaces or tabs separate `pos` from the start of its line. */
export function atLineStart(text: string, pos: number): boolean {
  for (let i = pos - 1; i >= 0 && i >= pos - LINE_WINDOW; i--) {
    const ch = text[i];
    if (ch === '\n') return true;
    if (ch !== ' ' && ch !== '\t') return false;
  }
  return pos <= LINE_WINDOW;
}

/** Is the code point at `i` a Han character? */
export function isHan(ch: string | undefined): boolean {
  return ch !== undefined && /\p{Script=Han}/u.test(ch);
}

/** Marks which characters already belong to a claim, so later extractors do not claim them again. */
export class Occupancy {
  private readonly taken: Uint8Array;
  constructor(length: number) {
    this.taken = new Uint8Array(length);
  }
  isFree(start: number, end: number): boolean {
    for (let i = start; i < end; i++) if (this.taken[i]) return false;
    return true;
  }
  take(start: number, end: number): void {
    this.taken.fill(1, start, end);
  }
}

/** Lower-case, strip accents and unify apostrophes: the form names and phrases are compared in. */
export function normalizeForMatch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’‘`]/g, "'");
}

/** Crude English stem so "pilots"/"pilot" and "days"/"day" meet. */
export function stem(word: string): string {
  const w = word.toLowerCase().replace(/'s$/, '');
  if (w.length > 4 && w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

/** Han character bigrams of a string (runs of Han only), used to compare Chinese phrases loosely. */
export function hanBigrams(text: string): string[] {
  const out: string[] = [];
  for (const run of text.match(/\p{Script=Han}+/gu) ?? []) {
    const chars = [...run];
    for (let i = 0; i + 1 < chars.length; i++) out.push((chars[i] ?? '') + (chars[i + 1] ?? ''));
  }
  return out;
}
