/**
 * Token -> id encoding and the padding rule. Training and inference both call these, so a sentence gets the same ids
 * and the same padded length (hence the same score) whichever runtime scores it.
 */
import type { SentimentLanguage } from './language';
import { tokenizeChinese, tokenizeEnglish } from './tokenize';
import { fallbackForms } from './word-fallback';

export const PAD_ID = 0;
export const UNK_ID = 1;
/** Ids 0 and 1 are reserved; vocabulary entry i gets id i + FIRST_TOKEN_ID. */
export const FIRST_TOKEN_ID = 2;
/** Longer sentences are cut: the CNN sees n-grams, and this bounds the cost of one sentence. */
export const MAX_TOKENS = 64;
/** Shortest padded length: the widest convolution (5 tokens) needs at least that many positions. */
export const MIN_PADDED_LENGTH = 8;
const PAD_STEP = 4;

/** The file shipped next to model.json as vocab.json. */
export interface VocabFile {
  language: SentimentLanguage;
  tokenizerVersion: number;
  /** Token of id i + FIRST_TOKEN_ID. */
  tokens: string[];
  /** Linear models only: word -> valence in [-5, 5] (AFINN-165), read by linear.ts. */
  lexicon?: Record<string, number>;
}

export class Vocabulary {
  private readonly ids = new Map<string, number>();

  constructor(readonly file: VocabFile) {
    file.tokens.forEach((token, i) => this.ids.set(token, i + FIRST_TOKEN_ID));
  }

  get size(): number {
    return this.file.tokens.length + FIRST_TOKEN_ID;
  }

  tokenize(text: string): string[] {
    return this.file.language === 'zh' ? tokenizeChinese(text, MAX_TOKENS) : tokenizeEnglish(text, MAX_TOKENS);
  }

  /** Unknown English words fall back to the forms they are built from (word-fallback.ts), then to UNK_ID. */
  idsOf(tokens: readonly string[]): number[] {
    return tokens.map((token) => this.idOf(token));
  }

  private idOf(token: string): number {
    const id = this.ids.get(token);
    if (id !== undefined || this.file.language !== 'en') return id ?? UNK_ID;
    for (const form of fallbackForms(token)) {
      const fallback = this.ids.get(form);
      if (fallback !== undefined) return fallback;
    }
    return UNK_ID;
  }

  /** Ids of the first MAX_TOKENS tokens of `text`. */
  encode(text: string): number[] {
    return this.idsOf(this.tokenize(text));
  }
}

/**
 * Sequences are padded (with PAD_ID at the end) to a multiple of PAD_STEP: few distinct shapes to batch, and a
 * sentence's padded length depends only on its own length, never on the other sentences in its batch.
 */
export function paddedLength(tokenCount: number): number {
  const n = Math.min(Math.max(tokenCount, 1), MAX_TOKENS);
  return Math.max(MIN_PADDED_LENGTH, Math.ceil(n / PAD_STEP) * PAD_STEP);
}

/** Row-major [rows, length] ids, each row cut to `length` and padded with PAD_ID. */
export function padBatch(rows: readonly (readonly number[])[], length: number): Int32Array {
  const out = new Int32Array(rows.length * length);
  rows.forEach((row, r) => {
    const n = Math.min(row.length, length);
    for (let i = 0; i < n; i++) out[r * length + i] = row[i]!;
  });
  return out;
}
