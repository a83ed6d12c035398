import { foldWidth } from '../privacy/fold-width';
import { decodeEntities, htmlToText } from '../text/html-to-text';

/** Body text made ready for scoring: markup removed, entities decoded, control characters gone, capped in length. */
export interface PreparedText {
  text: string;
  hadHtml: boolean;
  truncated: boolean;
  analysedChars: number;
}

/** Block tags become line breaks so the sentences on either side stay apart. */
const BLOCK_TAG = /^<\/?(?:br|p|div|li|ul|ol|tr|table|h[1-6]|blockquote)\b/i;

function cap(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/** Control characters (except tab and newline) become spaces; zero-width characters disappear. */
function dropControls(text: string): string {
  let out = '';
  let runStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const zeroWidth = (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff;
    const control = (c < 0x20 && c !== 0x09 && c !== 0x0a) || (c >= 0x7f && c <= 0x9f);
    if (!zeroWidth && !control) continue;
    out += text.slice(runStart, i) + (control ? ' ' : '');
    runStart = i + 1;
  }
  return runStart === 0 ? text : out + text.slice(runStart);
}

/** Caps, strips HTML, decodes common entities, folds full-width ASCII and drops control characters. */
export function prepareBody(body: string, maxChars: number): PreparedText {
  const capped = cap(body, Math.max(0, maxChars));
  const hadHtml = /<(?:[a-z][a-z0-9]*|\/[a-z][a-z0-9]*|!--)[^<>]{0,2000}>/i.test(capped);
  let text = hadHtml
    ? htmlToText(capped, { grammar: 'markup', tag: 'space', breakTags: BLOCK_TAG, entities: 'common' })
    : decodeEntities(capped, 'common');
  text = dropControls(foldWidth(text).replace(/\r\n?/g, '\n'));
  return { text, hadHtml, truncated: capped.length < body.length, analysedChars: capped.length };
}

const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'e.g',
  'i.e',
  'etc',
  'vs',
  'inc',
  'ltd',
  'jr',
  'sr',
  'st',
  'no',
  'approx',
]);
const CLOSERS = new Set(['"', "'", '”', '’', ')', ']', '」', '』', '》']);

/**
 * Splits into sentences: at . ! ? … followed by a space (not after "Mr." or inside "99.9"), right after 。！？, and
 * at line breaks (greetings and sign-offs sit on their own lines).
 */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    let start = 0;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i] ?? '';
      const cjk = ch === '。' || ch === '！' || ch === '？';
      if (!cjk && ch !== '.' && ch !== '!' && ch !== '?' && ch !== '…') continue;
      let end = i + 1;
      while (end < line.length && (CLOSERS.has(line[end] ?? '') || line[end] === ch)) end++;
      // Full-width ？！ arrive folded to ASCII: next to Han text they end a sentence without a following space.
      const hanAround = (ch === '!' || ch === '?') && /\p{Script=Han}/u.test((line[i - 1] ?? '') + (line[end] ?? ''));
      if (!cjk && !hanAround && end < line.length && line[end] !== ' ' && line[end] !== '\t') continue;
      if (ch === '.') {
        const word = /([A-Za-z.]+)$/.exec(line.slice(Math.max(start, i - 8), i))?.[1]?.toLowerCase();
        if (word && ABBREVIATIONS.has(word)) continue;
      }
      const sentence = line.slice(start, end).trim();
      if (sentence) out.push(sentence);
      start = end;
      i = end - 1;
    }
    const rest = line.slice(start).trim();
    if (rest) out.push(rest);
  }
  return out;
}

const WORD = /[A-Za-z\u00C0-\u024F]+(?:['’][A-Za-z]+)*|\d+(?:[.,:]\d+)*/g;

/** Latin words and numbers. */
export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** Length units for Chinese text: each Han character, plus each Latin word or number. */
export function hanUnits(text: string): number {
  return (text.match(/\p{Script=Han}/gu)?.length ?? 0) + words(text).length;
}

/** English syllable estimate: maximal vowel groups, after dropping silent endings (-e, -es, -ed); at least one. */
export function syllables(word: string): number {
  let w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (w.length === 0) return 1;
  if (w.length <= 3) return 1;
  w = w.replace(/(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$/, '').replace(/^y/, '');
  const groups = w.match(/[aeiouy]+/g);
  return Math.max(1, groups ? groups.length : 1);
}

/** Lower case and straight apostrophes: the form phrase lists are matched against. */
export function normalizeForPhrases(text: string): string {
  return text.toLowerCase().replace(/[’‘`]/g, "'");
}

/** Number of code points (emoji count once). */
export function codePointLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++;
  }
  return n;
}
