/**
 * The hashed n-gram linear model (fastText-style): a sentence is the bag of its known words, its word (or character)
 * n-grams hashed into a fixed number of buckets, and, in English, the AFINN valence of its lexicon words (flipped
 * after a negation). The logits are a bias plus the mean of the features' weight rows. Training (scripts/sentiment)
 * and inference call the same `linearFeatures`, so a sentence gets the same features in both.
 *
 * Why linear and not the CNN: trained in seconds on the CPU, it can be retrained once per left-out domain
 * (leave-one-category-out needs nine models), and the lexicon features carry sentiment words across domains that
 * the training text never showed: a word's own weight is learnt only where it occurs, a valence level's everywhere.
 */
import type { Vocabulary } from './vocab';
import { PAD_ID, UNK_ID } from './vocab';

export const LINEAR_FORMAT = 'closer-hashed-linear';

/** Kept in model.json → userDefinedMetadata.closerLinear. */
export interface LinearSpec {
  /** 1: one logit (negative / positive). 3: negative, neutral, positive. */
  classes: 1 | 3;
  /** Hash buckets shared by all n-gram orders. */
  buckets: number;
  /** n-gram orders hashed into the buckets, e.g. [2] for word bigrams, [2, 3] for character bi- and trigrams. */
  ngrams: number[];
  /** Whether the vocabulary's lexicon adds valence features. */
  lexicon: boolean;
}

/** Valence levels -5..5, plain and after a negation. */
const LEXICON_LEVELS = 11;
export const LEXICON_FEATURES = 2 * LEXICON_LEVELS;
/** A negation flips the valence of lexicon words up to this many tokens later ("not very good"). */
const NEGATION_SCOPE = 3;
const NEGATORS = new Set(["n't", 'not', 'no', 'never', 'nothing', 'nobody', 'none', 'neither', 'nor', 'without']);

/** Rows of the weight matrix: vocabulary ids, then the hash buckets, then the lexicon levels. */
export function linearFeatureCount(vocabularySize: number, spec: LinearSpec): number {
  return vocabularySize + spec.buckets + (spec.lexicon ? LEXICON_FEATURES : 0);
}

/** FNV-1a over UTF-16 code units: tiny, and the same number in every runtime. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export interface LinearFeatures {
  ids: number[];
  /** Known words that hold a letter or digit, plus lexicon hits: 0 means the model has nothing to go on. */
  knownWords: number;
}

/** Feature ids of a tokenized sentence (tokens as Vocabulary.tokenize gives them). */
export function linearFeatures(tokens: readonly string[], vocabulary: Vocabulary, spec: LinearSpec): LinearFeatures {
  const ids: number[] = [];
  let knownWords = 0;
  const wordIds = vocabulary.idsOf(tokens);
  wordIds.forEach((id, i) => {
    if (id === UNK_ID || id === PAD_ID) return;
    ids.push(id);
    if (/[\p{L}\p{N}]/u.test(tokens[i]!)) knownWords++;
  });
  const bucketBase = vocabulary.size;
  for (const n of spec.ngrams) {
    for (let i = 0; i + n <= tokens.length; i++) {
      ids.push(bucketBase + (fnv1a(tokens.slice(i, i + n).join('\u0001')) % spec.buckets));
    }
  }
  const lexicon = spec.lexicon ? vocabulary.file.lexicon : undefined;
  if (lexicon) {
    const lexiconBase = bucketBase + spec.buckets;
    let negatedUntil = -1;
    tokens.forEach((token, i) => {
      if (NEGATORS.has(token)) negatedUntil = i + NEGATION_SCOPE;
      const valence = lexicon[token];
      if (valence === undefined) return;
      const level = Math.max(-5, Math.min(5, Math.round(valence))) + 5;
      ids.push(lexiconBase + (i <= negatedUntil ? LEXICON_LEVELS : 0) + level);
      knownWords++;
    });
  }
  return { ids, knownWords };
}

/** Dense weights [features, classes] and a bias per class, dequantised. */
export class LinearNetwork {
  constructor(
    readonly spec: LinearSpec,
    private readonly weights: Float32Array,
    private readonly bias: Float32Array,
  ) {
    if (bias.length !== spec.classes || weights.length % spec.classes !== 0) {
      throw new Error(`linear model: ${weights.length} weights and ${bias.length} biases for ${spec.classes} classes`);
    }
  }

  /** The live parameter arrays (training updates them in place; export reads them). */
  parameters(): { weights: Float32Array; bias: Float32Array } {
    return { weights: this.weights, bias: this.bias };
  }

  get featureCount(): number {
    return this.weights.length / this.spec.classes;
  }

  /** Logits, `classes` per row, row-major. Ids outside the table are ignored. */
  logits(rows: readonly (readonly number[])[]): Float32Array {
    const classes = this.spec.classes;
    const out = new Float32Array(rows.length * classes);
    const features = this.featureCount;
    rows.forEach((ids, r) => {
      let n = 0;
      for (const id of ids) {
        if (id < 0 || id >= features) continue;
        n++;
        for (let c = 0; c < classes; c++) out[r * classes + c]! += this.weights[id * classes + c]!;
      }
      for (let c = 0; c < classes; c++) {
        out[r * classes + c] = this.bias[c]! + (n ? out[r * classes + c]! / n : 0);
      }
    });
    return out;
  }
}

/**
 * Score in [0, 1] from one row of logits at temperature T: P(positive) for one logit; for negative / neutral /
 * positive the expected valence P(positive) + P(neutral) / 2, so a confident neutral lands at 0.5, inside the band.
 */
export function scoreFromLogits(logits: ArrayLike<number>, temperature: number): number {
  if (logits.length === 1) {
    const z = logits[0]! / temperature;
    return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
  }
  const p = softmax(Array.from(logits, (z) => z / temperature));
  return p[2]! + p[1]! / 2;
}

export function softmax(logits: readonly number[]): number[] {
  const max = Math.max(...logits);
  const e = logits.map((z) => Math.exp(z - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / sum);
}
