import { tokenize } from '../text/tokenize';

/**
 * Terms for similarity: English words (minus function words) and Chinese character bigrams. Single Chinese
 * characters are dropped: most carry little meaning alone (的, 是, 和), and the bigrams already cover the words.
 */

// Words that carry no topic. Kept short on purpose: TF-IDF already discounts what every item says.
const EN_STOPWORDS = new Set(
  (
    'a an and are as at be been but by can do for from has have how i if in into is it its me more most my no not of ' +
    'on or our so than that the their them then there these they this to too up us very was we were what when where ' +
    'which who will with you your all any via per about'
  ).split(' '),
);
const CJK_CHAR = /^[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]$/u;

/**
 * A light English stemmer for plural and common verb endings, so "reports", "reporting" and "reported" all match
 * "report", and "pricing" matches "price" (both become "pric"). Stems are only compared, never shown.
 */
export function stem(word: string): string {
  if (!/^[a-z]+$/.test(word) || word.length <= 3) return word;
  let w = word;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2);
  else if (/(ss|x|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  return w;
}

/** One term of a text: its stem (compared) and the word as written (shown in reasons). */
export interface Term {
  key: string;
  surface: string;
}

/** The similarity terms of plain `text` (no HTML), in order, repeats kept (term frequency matters). */
export function termsOf(text: string): Term[] {
  const out: Term[] = [];
  for (const token of tokenize(text, { cjkBigrams: true, stripHtml: false, maxChars: 20_000, maxTokens: 5_000 })) {
    if (token.startsWith('<')) continue; // placeholders: <url>, <num>…
    if (CJK_CHAR.test(token)) continue;
    if (EN_STOPWORDS.has(token)) continue;
    out.push({ key: stem(token), surface: token });
  }
  return out;
}
