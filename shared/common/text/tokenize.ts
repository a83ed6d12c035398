import { normalizeText, stripHtml } from './clean';
import { stripQuotedReply } from './quoted-reply';

/**
 * Identifies this tokenizer's behaviour. A model persists it with its counts: if tokenisation ever changes in a way
 * that changes tokens for the same options, bump it, so an old model is never fed tokens it was not trained on.
 */
export const TOKENIZER_ID = 'closer-text-1';

/** Options for {@link tokenize}. All are optional; see {@link DEFAULT_TOKENIZER_OPTIONS}. */
export interface TokenizerOptions {
  /** Also emit adjacent word pairs within a clause ("not interested") as one token `"not interested"`. */
  wordBigrams?: boolean;
  /** Chinese/Japanese runs: emit character bigrams as well as unigrams (there are no spaces to find words by). */
  cjkBigrams?: boolean;
  /** Emit `?` and `!` (also full-width `？！`) as tokens `<?>` / `<!>`: questions are an intent of their own. */
  punctuation?: boolean;
  /** Drop the quoted original of an email reply first (see `stripQuotedReply`). */
  stripQuotedReply?: boolean;
  /** Remove HTML tags and decode entities first. */
  stripHtml?: boolean;
  /** Only this many leading UTF-16 units are read; the head of a message carries its intent. */
  maxChars?: number;
  /** Stop after this many tokens (bigrams included). Together with `maxChars` this bounds the work per call. */
  maxTokens?: number;
}

/** {@link TokenizerOptions} with every default filled in: what a model persists. */
export type ResolvedTokenizerOptions = Required<TokenizerOptions>;

/** Defaults: what a general-purpose caller wants. */
export const DEFAULT_TOKENIZER_OPTIONS: Readonly<ResolvedTokenizerOptions> = Object.freeze({
  wordBigrams: false,
  cjkBigrams: true,
  punctuation: false,
  stripQuotedReply: false,
  stripHtml: true,
  maxChars: 20_000,
  maxTokens: 5_000,
});

/** Placeholder tokens. The angle brackets keep them apart from any word token, which never contains `<`. */
export const PLACEHOLDERS = Object.freeze({
  url: '<url>',
  email: '<email>',
  number: '<num>',
  /** Five or more digits: phone numbers, order ids, short codes — a strong spam signal that `<num>` would dilute. */
  longNumber: '<longnum>',
  money: '<money>',
  emoji: '<emoji>',
  /** A "word" over {@link MAX_WORD_LENGTH} characters: base64, hashes, keyboard mashing. */
  longWord: '<longword>',
  question: '<?>',
  exclamation: '<!>',
});

/** Longer "words" become {@link PLACEHOLDERS.longWord}, so junk cannot bloat a model's vocabulary. */
export const MAX_WORD_LENGTH = 40;
const HARD_MAX_CHARS = 200_000;
const HARD_MAX_TOKENS = 100_000;

const CJK = String.raw`\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}`;
// A word starts with a letter or digit and never contains CJK, so "hello世界" splits into "hello" + a CJK run.
const WORD_START = String.raw`(?:(?![${CJK}])[\p{L}\p{N}])`;
const WORD_CHAR = String.raw`(?:(?![${CJK}])[\p{L}\p{M}\p{N}])`;
// One pass over the text; alternatives are tried in order at each position. Every repetition that could backtrack
// is bounded or followed by a literal the class cannot match, so a scan is linear in the input length.
const TOKEN_RE = new RegExp(
  [
    String.raw`(?<url>(?:https?:\/\/|www\.)[^\s<>"'${CJK}，。、；：！？）】》]+)`,
    String.raw`(?<email>[a-z0-9._%+-]{1,64}@[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){1,8})`,
    String.raw`(?<domain>[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){0,4}\.(?:com|net|org|io|ai|co|cn|uk|de|info|biz|me)(?![\p{L}\p{N}-])(?:\/[^\s<>"'${CJK}，。]*)?)`,
    String.raw`(?<num>\p{Nd}+(?:[.,:/-]\p{Nd}+)*)`,
    String.raw`(?<cjk>[${CJK}]+)`,
    String.raw`(?<word>${WORD_START}${WORD_CHAR}*(?:'${WORD_CHAR}+)*)`,
    String.raw`(?<emoji>\p{Extended_Pictographic})`,
    String.raw`(?<money>[$£€¥])`,
    String.raw`(?<punct>[?!])`,
  ].join('|'),
  'gu',
);
// Punctuation between two words ends a clause: no bigram across it.
const CLAUSE_BREAK = /[.!?;:,。！？；：，、\n()[\]{}"|<>]/;

function clampInt(value: number | undefined, fallback: number, max: number): number {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(1, Math.floor(value)));
}

/** Fills in defaults and clamps the limits to sane ranges. */
export function resolveTokenizerOptions(options: TokenizerOptions = {}): ResolvedTokenizerOptions {
  const d = DEFAULT_TOKENIZER_OPTIONS;
  return {
    wordBigrams: options.wordBigrams ?? d.wordBigrams,
    cjkBigrams: options.cjkBigrams ?? d.cjkBigrams,
    punctuation: options.punctuation ?? d.punctuation,
    stripQuotedReply: options.stripQuotedReply ?? d.stripQuotedReply,
    stripHtml: options.stripHtml ?? d.stripHtml,
    maxChars: clampInt(options.maxChars, d.maxChars, HARD_MAX_CHARS),
    maxTokens: clampInt(options.maxTokens, d.maxTokens, HARD_MAX_TOKENS),
  };
}

/** What {@link tokenizeDetailed} returns. */
export interface TokenizeResult {
  tokens: string[];
  /** True when `maxChars` or `maxTokens` cut the input short. */
  truncated: boolean;
}

function numberToken(digits: string): string {
  let count = 0;
  for (const ch of digits) if (ch >= '0' && ch <= '9') count++;
  return count >= 5 ? PLACEHOLDERS.longNumber : PLACEHOLDERS.number;
}

function prepare(text: string, o: ResolvedTokenizerOptions): string {
  let t = text;
  if (o.stripQuotedReply) t = stripQuotedReply(t);
  if (o.stripHtml) t = stripHtml(t);
  return normalizeText(t);
}

/**
 * Like {@link tokenize}, and also says whether the limits cut the input short. Non-string input gives no tokens.
 */
export function tokenizeDetailed(text: unknown, options?: TokenizerOptions): TokenizeResult {
  if (typeof text !== 'string' || text.length === 0) return { tokens: [], truncated: false };
  const o = resolveTokenizerOptions(options);
  let truncated = text.length > o.maxChars;
  const t = prepare(truncated ? text.slice(0, o.maxChars) : text, o);
  const tokens: string[] = [];
  let prevWord: string | null = null;
  let prevEnd = 0;
  const push = (token: string): boolean => {
    if (tokens.length >= o.maxTokens) {
      truncated = true;
      return false;
    }
    tokens.push(token);
    return true;
  };

  for (const m of t.matchAll(TOKEN_RE)) {
    const g = m.groups ?? {};
    const start = m.index ?? 0;
    let token: string | null = null;
    if (g.url !== undefined || g.domain !== undefined) token = PLACEHOLDERS.url;
    else if (g.email !== undefined) token = PLACEHOLDERS.email;
    else if (g.num !== undefined) token = numberToken(g.num);
    else if (g.word !== undefined) token = g.word.length > MAX_WORD_LENGTH ? PLACEHOLDERS.longWord : g.word;
    else if (g.money !== undefined) token = PLACEHOLDERS.money;

    if (token !== null) {
      const sameClause = prevWord !== null && !CLAUSE_BREAK.test(t.slice(prevEnd, start));
      if (!push(token)) break;
      if (o.wordBigrams && sameClause && !push(`${prevWord} ${token}`)) break;
      prevWord = token;
      prevEnd = start + m[0].length;
      continue;
    }

    prevWord = null;
    if (g.emoji !== undefined) {
      if (!push(PLACEHOLDERS.emoji)) break;
    } else if (g.punct !== undefined) {
      if (o.punctuation && !push(g.punct === '?' ? PLACEHOLDERS.question : PLACEHOLDERS.exclamation)) break;
    } else if (g.cjk !== undefined && !pushCjkRun(g.cjk, o.cjkBigrams, push)) break;
  }
  return { tokens, truncated };
}

// Character unigrams and bigrams of one CJK run; returns false once the token limit is reached.
function pushCjkRun(run: string, bigrams: boolean, push: (token: string) => boolean): boolean {
  const chars = Array.from(run); // code points: Han extension B characters are surrogate pairs
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    if (!push(ch)) return false;
    if (bigrams && i > 0 && !push(`${chars[i - 1] as string}${ch}`)) return false;
  }
  return true;
}

/**
 * Splits English, Chinese or mixed text into tokens for counting models.
 *
 * - Lower-cased, NFKC-normalised; HTML removed (by default); URLs, bare domains, emails, numbers, currency symbols,
 *   emoji (and, with `punctuation`, `?`/`!`) become {@link PLACEHOLDERS}.
 * - Latin/Cyrillic/… text: word tokens (`don't` stays one token), plus word bigrams if `wordBigrams`.
 * - Chinese/Japanese: each character, plus adjacent character pairs if `cjkBigrams` (default).
 * - Work is bounded by `maxChars` and `maxTokens`, so 1 MB of input costs no more than the first `maxChars`.
 * - Empty, non-string, punctuation-only or control-character input gives `[]`; emoji-only gives `<emoji>` tokens.
 */
export function tokenize(text: unknown, options?: TokenizerOptions): string[] {
  return tokenizeDetailed(text, options).tokens;
}
