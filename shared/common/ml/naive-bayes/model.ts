import { TOKENIZER_ID, resolveTokenizerOptions, tokenizeDetailed } from '../../text/index';
import type { ResolvedTokenizerOptions, TokenizerOptions } from '../../text/index';
import { NB_FORMAT, NaiveBayesFormatError, migrateNaiveBayesJson } from './schema';
import type { NaiveBayesJsonV2 } from './schema';
import { rankLabels, topFeatures } from './scoring';
import type { FeatureContribution, RankedLabel } from './scoring';

/** Options for a new {@link NaiveBayes} model. */
export interface NaiveBayesOptions {
  /** Lidstone smoothing added to every token count (1 = Laplace). Default 1. */
  alpha?: number;
  /** How text is split into tokens; persisted with the model. */
  tokenizer?: TokenizerOptions;
  /** Labels that stay in the model even with no documents (otherwise labels appear when first learned). */
  labels?: readonly string[];
  /** Free-form strings saved with the model (name, training data, date). */
  meta?: Record<string, string>;
}

/** Options for {@link NaiveBayes.predict}. */
export interface PredictOptions {
  /** How many explaining tokens to return (0..50). Default 5. */
  topFeatures?: number;
}

/** The result of {@link NaiveBayes.predict}. */
export interface Prediction {
  /** The most probable label, or null when no label has any document yet. */
  label: string | null;
  /** Every label with at least one document, most probable first; probabilities sum to 1. */
  ranking: RankedLabel[];
  /** Tokens that pushed the top label over the runner-up, strongest first. */
  features: FeatureContribution[];
  /** Tokens read from the text (after the tokenizer's limits). */
  tokenCount: number;
  /** Tokens the model has seen in training; 0 means the ranking is the prior alone. */
  knownTokenCount: number;
  /** The tokenizer's limits cut the text short. */
  truncated: boolean;
}

// Re-exported so callers need only this module for the prediction types.
export type { FeatureContribution, RankedLabel };

const MAX_LABEL_LENGTH = 100;

function countTokens(tokens: readonly string[]): Map<string, number> {
  const bag = new Map<string, number>();
  for (const t of tokens) bag.set(t, (bag.get(t) ?? 0) + 1);
  return bag;
}

/**
 * Multinomial naive Bayes over token counts, in log space, with Lidstone smoothing:
 * `log P(c | d) ∝ log(N_c / N) + Σ_t n_t · log((count(t, c) + α) / (total(c) + α·|V|))`.
 * Tokens never seen in training are ignored. `learn` and `unlearn` are exact inverses (integer counts), so a rep's
 * correction can be undone. Work per call is bounded by the tokenizer's `maxChars`/`maxTokens`.
 */
export class NaiveBayes {
  readonly alpha: number;
  readonly tokenizer: ResolvedTokenizerOptions;
  readonly meta: Record<string, string>;
  private labelNames: string[] = [];
  private readonly declared: Set<string>;
  private docCounts: number[] = [];
  private tokenTotals: number[] = [];
  // token → count per label index; a row may be shorter than the label list (missing = 0). Rows that reach all
  // zeros are deleted, so the map's size is exactly the vocabulary |V|.
  private rows = new Map<string, number[]>();

  constructor(options: NaiveBayesOptions = {}) {
    const alpha = options.alpha ?? 1;
    if (!(alpha > 0) || !Number.isFinite(alpha)) throw new RangeError('alpha must be a positive finite number');
    this.alpha = alpha;
    this.tokenizer = resolveTokenizerOptions(options.tokenizer);
    this.meta = { ...options.meta };
    this.declared = new Set();
    for (const name of options.labels ?? []) {
      this.labelIndex(name, true);
      this.declared.add(name);
    }
  }

  /** Labels in the model, in the order they were first declared or learned. */
  get labels(): readonly string[] {
    return this.labelNames;
  }

  /** Number of distinct tokens with a non-zero count. */
  get vocabularySize(): number {
    return this.rows.size;
  }

  /** Documents learned per label. */
  documentCount(label: string): number {
    const i = this.labelNames.indexOf(label);
    return i < 0 ? 0 : (this.docCounts[i] ?? 0);
  }

  /** Tokens as this model's tokenizer produces them. */
  tokenize(text: unknown): string[] {
    return tokenizeDetailed(text, this.tokenizer).tokens;
  }

  /** Adds one document with its label. */
  learn(text: unknown, label: string): void {
    this.learnTokens(this.tokenize(text), label);
  }

  /** Adds one already-tokenised document (tokens must come from {@link tokenize} to be meaningful). */
  learnTokens(tokens: readonly string[], label: string): void {
    const li = this.labelIndex(label, true);
    this.docCounts[li] = (this.docCounts[li] ?? 0) + 1;
    for (const [token, n] of countTokens(tokens)) {
      let row = this.rows.get(token);
      if (!row) {
        row = [];
        this.rows.set(token, row);
      }
      while (row.length <= li) row.push(0);
      row[li] = (row[li] ?? 0) + n;
      this.tokenTotals[li] = (this.tokenTotals[li] ?? 0) + n;
    }
  }

  /**
   * Removes one document previously learned with this label: the exact inverse of {@link learn}. Throws a
   * RangeError, changing nothing, if the model does not contain such a document.
   */
  unlearn(text: unknown, label: string): void {
    this.unlearnTokens(this.tokenize(text), label);
  }

  /** The inverse of {@link learnTokens}. */
  unlearnTokens(tokens: readonly string[], label: string): void {
    const li = this.labelNames.indexOf(label);
    if (li < 0 || (this.docCounts[li] ?? 0) < 1) throw new RangeError(`no document learned with label "${label}"`);
    const bag = countTokens(tokens);
    for (const [token, n] of bag) {
      if ((this.rows.get(token)?.[li] ?? 0) < n) {
        throw new RangeError(`this document was not learned with label "${label}"`);
      }
    }
    this.docCounts[li] = (this.docCounts[li] ?? 0) - 1;
    for (const [token, n] of bag) {
      const row = this.rows.get(token) as number[];
      row[li] = (row[li] ?? 0) - n;
      this.tokenTotals[li] = (this.tokenTotals[li] ?? 0) - n;
      while (row.length > 0 && row[row.length - 1] === 0) row.pop();
      if (row.every((c) => c === 0)) this.rows.delete(token);
    }
    if (this.docCounts[li] === 0 && !this.declared.has(label)) this.removeLabel(li);
  }

  /** `log P(label)`: the share of documents with this label; -Infinity for an unknown or empty label. */
  logPrior(label: string): number {
    const i = this.labelNames.indexOf(label);
    const total = this.docCounts.reduce((a, b) => a + b, 0);
    const docs = i < 0 ? 0 : (this.docCounts[i] ?? 0);
    return docs > 0 ? Math.log(docs / total) : -Infinity;
  }

  /** `log P(token | label)` with smoothing; NaN for an unknown label. Unseen tokens get the smoothed floor. */
  logLikelihood(token: string, label: string): number {
    const i = this.labelNames.indexOf(label);
    return i < 0 ? Number.NaN : this.logLikelihoodAt(token, i);
  }

  private logLikelihoodAt(token: string, i: number): number {
    const c = this.rows.get(token)?.[i] ?? 0;
    return Math.log(c + this.alpha) - Math.log((this.tokenTotals[i] ?? 0) + this.alpha * this.rows.size);
  }

  /** Ranks labels for a text and explains the decision. Any input (empty, HTML, emoji, 1 MB) gives a result. */
  predict(text: unknown, options: PredictOptions = {}): Prediction {
    const { tokens, truncated } = tokenizeDetailed(text, this.tokenizer);
    return { ...this.predictTokens(tokens, options), truncated };
  }

  /** {@link predict} for already-tokenised text. */
  predictTokens(tokens: readonly string[], options: PredictOptions = {}): Prediction {
    const live = this.labelNames.map((_, i) => i).filter((i) => (this.docCounts[i] ?? 0) > 0);
    const bag = new Map<string, number>();
    let known = 0;
    for (const [token, n] of countTokens(tokens)) {
      if (!this.rows.has(token)) continue;
      bag.set(token, n);
      known += n;
    }
    const logLik = (token: string, i: number): number => this.logLikelihoodAt(token, i);
    const ranking = rankLabels(
      live.map((i) => {
        const name = this.labelNames[i] as string;
        let score = this.logPrior(name);
        for (const [token, n] of bag) score += n * logLik(token, i);
        return { index: i, label: name, logScore: score };
      }),
    );
    const k = Math.min(50, Math.max(0, Math.floor(options.topFeatures ?? 5)));
    const top = ranking[0];
    const second = ranking[1];
    const features =
      top && second && k > 0
        ? topFeatures(bag, k, (token) => logLik(token, top.index) - logLik(token, second.index))
        : [];
    return {
      label: top?.label ?? null,
      ranking: ranking.map(({ label, probability, logScore }) => ({ label, probability, logScore })),
      features,
      tokenCount: tokens.length,
      knownTokenCount: known,
      truncated: false,
    };
  }

  /** The current (v2) persisted form. `NaiveBayes.fromJSON(m.toJSON())` is an identical model. */
  toJSON(): NaiveBayesJsonV2 {
    const vocabulary = [...this.rows.keys()];
    const counts = this.labelNames.map((_, li) => {
      const pairs: number[] = [];
      vocabulary.forEach((token, ti) => {
        const c = this.rows.get(token)?.[li] ?? 0;
        if (c > 0) pairs.push(ti, c);
      });
      return pairs;
    });
    return {
      format: NB_FORMAT,
      version: 2,
      tokenizer: { id: TOKENIZER_ID, options: { ...this.tokenizer } },
      alpha: this.alpha,
      labels: [...this.labelNames],
      docCounts: [...this.docCounts],
      vocabulary,
      counts,
      meta: { ...this.meta },
    };
  }

  /**
   * Reads persisted JSON of any supported version (migrating it) and checks it is consistent. Throws
   * NaiveBayesFormatError if it is not a model this build can use.
   */
  static fromJSON(json: unknown): NaiveBayes {
    const data = migrateNaiveBayesJson(json);
    if (data.tokenizer.id !== TOKENIZER_ID) {
      throw new NaiveBayesFormatError(`model needs tokenizer "${data.tokenizer.id}", this build has "${TOKENIZER_ID}"`);
    }
    const n = data.labels.length;
    if (new Set(data.labels).size !== n) throw new NaiveBayesFormatError('duplicate labels');
    if (data.docCounts.length !== n || data.counts.length !== n) {
      throw new NaiveBayesFormatError('docCounts and counts must have one entry per label');
    }
    if (new Set(data.vocabulary).size !== data.vocabulary.length) throw new NaiveBayesFormatError('duplicate tokens');
    const model = new NaiveBayes({ alpha: data.alpha, tokenizer: data.tokenizer.options, meta: data.meta });
    model.restore(data);
    return model;
  }

  private restore(data: NaiveBayesJsonV2): void {
    this.labelNames = [...data.labels];
    this.docCounts = [...data.docCounts];
    this.tokenTotals = data.labels.map(() => 0);
    const rows = data.vocabulary.map((): number[] => []);
    data.counts.forEach((pairs, li) => {
      if (pairs.length % 2 !== 0) throw new NaiveBayesFormatError(`counts[${li}] must hold index/count pairs`);
      let last = -1;
      for (let p = 0; p < pairs.length; p += 2) {
        const ti = pairs[p] as number;
        const c = pairs[p + 1] as number;
        if (ti <= last || ti >= rows.length || c < 1) {
          throw new NaiveBayesFormatError(`counts[${li}] has a bad pair at ${p}`);
        }
        if ((data.docCounts[li] ?? 0) === 0) throw new NaiveBayesFormatError(`label ${li} has counts but no documents`);
        last = ti;
        const row = rows[ti] as number[];
        while (row.length < li) row.push(0);
        row[li] = c;
        this.tokenTotals[li] = (this.tokenTotals[li] ?? 0) + c;
      }
    });
    this.rows = new Map();
    data.vocabulary.forEach((token, ti) => {
      const row = rows[ti] as number[];
      if (row.length === 0) throw new NaiveBayesFormatError(`token "${token.slice(0, 40)}" has no counts`);
      this.rows.set(token, row);
    });
    // A loaded model's labels are all kept: they came from a trained (or declared) model, not from one correction.
    for (const name of this.labelNames) this.declared.add(name);
  }

  private labelIndex(label: string, create: boolean): number {
    if (typeof label !== 'string' || label.length === 0 || label.length > MAX_LABEL_LENGTH) {
      throw new RangeError(`label must be a string of 1..${MAX_LABEL_LENGTH} characters`);
    }
    let i = this.labelNames.indexOf(label);
    if (i < 0 && create) {
      i = this.labelNames.push(label) - 1;
      this.docCounts.push(0);
      this.tokenTotals.push(0);
    }
    return i;
  }

  private removeLabel(li: number): void {
    this.labelNames.splice(li, 1);
    this.docCounts.splice(li, 1);
    this.tokenTotals.splice(li, 1);
    // The column is all zeros here (the label has no documents left), so only later columns shift.
    for (const row of this.rows.values()) if (row.length > li) row.splice(li, 1);
  }
}
