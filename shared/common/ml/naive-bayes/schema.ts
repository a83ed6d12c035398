import { z } from 'zod';
import { TOKENIZER_ID, resolveTokenizerOptions } from '../../text/index';
import type { ResolvedTokenizerOptions } from '../../text/index';

/**
 * The persisted form of a naive Bayes model. Models are shipped as JSON and a rep's corrections are stored, so the
 * schema is versioned: {@link migrateNaiveBayesJson} turns any older version into the current one.
 *
 * - v1 (first draft): per-class objects `{ docs, counts: { token: n } }`; no tokenizer record, the default
 *   tokenizer was implied.
 * - v2 (current): records the tokenizer id and options (models now use bigrams and quote stripping, and must predict
 *   with the options they were trained with) and stores counts sparsely against one shared vocabulary.
 */

/** The `format` field of every persisted naive Bayes model. */
export const NB_FORMAT = 'closer-naive-bayes';
/** The version `toJSON()` writes; `migrateNaiveBayesJson` reads 1..this. */
export const NB_SCHEMA_VERSION = 2;

/**
 * The tokenizer options v1 models were trained with (v1 did not record them). Spelled out rather than taken from
 * today's defaults, so changing a default later cannot change how old models are read.
 */
export const V1_TOKENIZER_OPTIONS: Readonly<ResolvedTokenizerOptions> = Object.freeze({
  wordBigrams: false,
  cjkBigrams: true,
  punctuation: false,
  stripQuotedReply: false,
  stripHtml: true,
  maxChars: 20_000,
  maxTokens: 5_000,
});

const count = z.number().int().nonnegative();
const label = z.string().min(1).max(100);

/** v1 (first draft): per-class objects, no tokenizer record. */
export const NaiveBayesJsonV1Schema = z.object({
  format: z.literal(NB_FORMAT),
  version: z.literal(1),
  alpha: z.number().positive().finite(),
  classes: z.record(label, z.object({ docs: count, counts: z.record(z.string(), count) })),
});
/** v1: kept only so stored v1 models can be read and migrated. */
export type NaiveBayesJsonV1 = z.infer<typeof NaiveBayesJsonV1Schema>;

// Every option is optional and a missing one takes its default: options added later default to the old behaviour,
// so a model saved before an option existed still tokenises as it was trained.
const TokenizerOptionsSchema = z.object({
  wordBigrams: z.boolean().optional(),
  cjkBigrams: z.boolean().optional(),
  punctuation: z.boolean().optional(),
  stripQuotedReply: z.boolean().optional(),
  stripHtml: z.boolean().optional(),
  maxChars: z.number().int().positive().optional(),
  maxTokens: z.number().int().positive().optional(),
});

/** v2 (current): tokenizer id and options, sparse counts over one vocabulary. */
export const NaiveBayesJsonV2Schema = z.object({
  format: z.literal(NB_FORMAT),
  version: z.literal(2),
  tokenizer: z.object({ id: z.string(), options: TokenizerOptionsSchema }),
  alpha: z.number().positive().finite(),
  labels: z.array(label),
  /** Documents learned per label, aligned with `labels`. */
  docCounts: z.array(count),
  vocabulary: z.array(z.string().min(1)),
  /** Per label: flat `[tokenIndex, count, tokenIndex, count, …]`, indices ascending, counts > 0. */
  counts: z.array(z.array(count)),
  meta: z.record(z.string(), z.string().max(2_000)),
});
/** v2: the current persisted form, produced by `NaiveBayes.toJSON()`. */
export type NaiveBayesJsonV2 = z.infer<typeof NaiveBayesJsonV2Schema>;

/** Thrown when persisted model data cannot be read. */
export class NaiveBayesFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NaiveBayesFormatError';
  }
}

function parseOrThrow<T>(schema: z.ZodType<T>, json: unknown, what: string): T {
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  const where = result.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
  throw new NaiveBayesFormatError(`invalid ${what}: ${where}`);
}

/** v1 → v2: same counts, the implied tokenizer made explicit, sparse counts over a shared vocabulary. */
export function migrateV1toV2(v1: NaiveBayesJsonV1): NaiveBayesJsonV2 {
  const labels = Object.keys(v1.classes);
  const index = new Map<string, number>();
  const vocabulary: string[] = [];
  const counts = labels.map((name) => {
    const pairs: Array<[number, number]> = [];
    for (const [token, n] of Object.entries(v1.classes[name]?.counts ?? {})) {
      if (n === 0) continue;
      let i = index.get(token);
      if (i === undefined) {
        i = vocabulary.push(token) - 1;
        index.set(token, i);
      }
      pairs.push([i, n]);
    }
    return pairs.sort((a, b) => a[0] - b[0]).flat();
  });
  return {
    format: NB_FORMAT,
    version: 2,
    tokenizer: { id: TOKENIZER_ID, options: resolveTokenizerOptions(V1_TOKENIZER_OPTIONS) },
    alpha: v1.alpha,
    labels,
    docCounts: labels.map((name) => v1.classes[name]?.docs ?? 0),
    vocabulary,
    counts,
    meta: {},
  };
}

/**
 * Reads persisted model JSON of any known version and returns the current (v2) form. Throws
 * {@link NaiveBayesFormatError} for unknown formats or versions and for structurally invalid data.
 */
export function migrateNaiveBayesJson(json: unknown): NaiveBayesJsonV2 {
  const head = z.object({ format: z.string(), version: z.number() }).safeParse(json);
  if (!head.success || head.data.format !== NB_FORMAT) {
    throw new NaiveBayesFormatError(`not a ${NB_FORMAT} model`);
  }
  switch (head.data.version) {
    case 1:
      return migrateV1toV2(parseOrThrow(NaiveBayesJsonV1Schema, json, 'v1 model'));
    case 2:
      return parseOrThrow(NaiveBayesJsonV2Schema, json, 'v2 model');
    default:
      throw new NaiveBayesFormatError(
        `unsupported model version ${head.data.version} (this build reads 1..${NB_SCHEMA_VERSION})`,
      );
  }
}
