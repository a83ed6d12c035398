/**
 * Tokenizers shared by training (scripts/training/train-sentiment.ts) and inference. Any change here changes what the shipped
 * vocabularies mean: bump TOKENIZER_VERSION and retrain, the loader refuses a model trained with another version.
 */
export const TOKENIZER_VERSION = 1;

/** A token longer than this is noise (base64, hashes, long URLs): it becomes one unknown token. */
const MAX_TOKEN_CHARS = 40;

// SST-2 is lower-cased and Penn-Treebank tokenised ("does n't", "it 's", "`` quoted ''"). Raw email text is mapped
// onto the same conventions so the vocabulary learnt from SST matches what users write.
const EN_TOKEN =
  /https?:\/\/\S+|www\.\S+|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}+|n't(?!\p{L})|'(?:s|re|ve|ll|d|m|em)(?![\p{L}\p{N}])|[\p{L}\p{N}]+(?:[-'][\p{L}\p{N}]+)*|\.{2,}|-{2,}|[^\s\p{L}\p{N}]/gu;
const EN_CLITIC = /^(.+?)(n't|'s|'re|'ve|'ll|'d|'m)$/;

/** Normalisation both languages share: compatibility forms (full-width ASCII, ligatures), curly quotes, case. */
function normalize(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201a\u201b\u2032`]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]|''|``/g, '"')
    .replace(/[\u2013\u2014]/g, '--')
    .replace(/\u2026/g, '...')
    .toLowerCase();
}

function pushWord(out: string[], word: string): void {
  if (word.length > MAX_TOKEN_CHARS) {
    out.push('<long>');
    return;
  }
  // PTB splits contractions: "doesn't" -> "does n't", "it's" -> "it 's", "can't" -> "ca n't".
  const clitic = EN_CLITIC.exec(word);
  if (clitic && clitic[1] && clitic[2]) {
    out.push(clitic[1], clitic[2]);
    return;
  }
  out.push(word);
}

/** English word tokens in SST-2's conventions. Stops after `maxTokens`. */
export function tokenizeEnglish(text: string, maxTokens = Infinity): string[] {
  const out: string[] = [];
  for (const match of normalize(text).matchAll(EN_TOKEN)) {
    if (out.length >= maxTokens) break;
    const token = match[0];
    if (token.startsWith('http') || token.startsWith('www.')) out.push('<url>');
    else if (token.includes('@') && token.length > 1) out.push('<email>');
    else if (token.startsWith('..')) out.push('...');
    else if (token.startsWith('--')) out.push('--');
    else pushWord(out, token);
  }
  return out.slice(0, maxTokens);
}

// Han characters (CJK unified ideographs, extension A, compatibility ideographs) carry the meaning in Chinese text.
const HAN = /\p{Script=Han}/u;
const ZH_TOKEN = /\p{Script=Han}|[a-z]+|\p{N}+|[^\s\p{L}\p{N}]|\p{L}+/gu;

/** Chinese tokens: one per Han character (no word segmenter needed), Latin words, digit runs, single symbols. */
export function tokenizeChinese(text: string, maxTokens = Infinity): string[] {
  const out: string[] = [];
  for (const match of normalize(text).matchAll(ZH_TOKEN)) {
    if (out.length >= maxTokens) break;
    const token = match[0];
    out.push(token.length > MAX_TOKEN_CHARS ? '<long>' : token);
  }
  return out;
}

export function isHan(char: string): boolean {
  return HAN.test(char);
}
