import {
  PROFILE_FIELDS,
  type CatalogueItem,
  type MatchReason,
  type PersonaProfile,
  type ProfileField,
  type Recommendation,
  type RecommendMethod,
} from './schemas';
import { buildCatalogueIndex, type CatalogueIndex } from './tfidf';
import { termsOf } from './terms';

/**
 * Which catalogue items fit a persona, and why. The persona's values become one TF-IDF query; the similarity is a
 * sum over shared terms, so it splits exactly into what each persona value contributed — that split is the reason
 * ("pain point 'slow CRM data entry' matched: crm, data entry").
 */

/** How much a match on each field counts: pains and interests say most about what someone would read or buy. */
export const FIELD_WEIGHTS: Readonly<Record<ProfileField, number>> = {
  painPoints: 1.2,
  interests: 1,
  goals: 1,
  buyingStage: 0.8,
  segment: 0.8,
  role: 0.6,
};

export const DEFAULT_LIMIT = 5;
/** The embedding's share of the blended score when an embedding model is loaded. */
export const DEFAULT_EMBEDDING_WEIGHT = 0.5;

export interface RecommendOptions {
  limit?: number;
  /** Items scoring below this are left out (default: anything above zero). */
  minScore?: number;
}

interface QueryValue {
  field: ProfileField;
  value: string;
  /** stem → [count, surface form] */
  terms: Map<string, { count: number; surface: string }>;
}

function profileValues(persona: PersonaProfile): QueryValue[] {
  const out: QueryValue[] = [];
  for (const field of PROFILE_FIELDS) {
    const raw = persona[field];
    const values = Array.isArray(raw) ? raw : raw ? [raw] : [];
    for (const value of values) {
      const terms = new Map<string, { count: number; surface: string }>();
      // Stages are stored as enum values (`closed_won`): read them as words.
      for (const t of termsOf(value.replace(/_/g, ' '))) {
        const seen = terms.get(t.key);
        terms.set(t.key, { count: (seen?.count ?? 0) + 1, surface: seen?.surface ?? t.surface });
      }
      if (terms.size) out.push({ field, value, terms });
    }
  }
  return out;
}

/** The persona as one line of text, for an embedding model. */
export function profileText(persona: PersonaProfile): string {
  return PROFILE_FIELDS.flatMap((f) => {
    const v = persona[f];
    return Array.isArray(v) ? v : v ? [v] : [];
  }).join('. ');
}

/** An item as one line of text, for an embedding model. */
export const itemText = (item: CatalogueItem) => `${item.name}. ${item.tags.join(', ')}. ${item.description}`;

/** A scored query: every item's similarity, and the reasons of any one item on demand. */
export interface ScoredCatalogue {
  /** In catalogue order, 0–1. */
  scores: Float64Array;
  /** Why item `i` scored what it did: each persona value's share, heaviest first. */
  reasonsFor: (i: number) => MatchReason[];
}

/**
 * Every item's TF-IDF similarity to the persona. Only the postings of the query's terms are visited, and reasons
 * are worked out only for the items asked about (the top few), so a query stays cheap on a large catalogue.
 */
export function scoreCatalogue(index: CatalogueIndex, persona: PersonaProfile): ScoredCatalogue {
  const values = profileValues(persona);
  // The query vector: field weight × count × idf, summed over the persona's values.
  const query = new Map<string, number>();
  const parts = values.map((v) => {
    const weights = new Map<string, number>();
    for (const [key, { count }] of v.terms) {
      const idf = index.idf.get(key);
      if (idf === undefined) continue; // no item has it: it cannot match
      const w = FIELD_WEIGHTS[v.field] * count * idf;
      weights.set(key, w);
      query.set(key, (query.get(key) ?? 0) + w);
    }
    return weights;
  });
  const queryNorm = Math.sqrt([...query.values()].reduce((s, w) => s + w * w, 0));
  const n = index.items.length;
  const scores = new Float64Array(n);
  const normOf = (i: number) => (index.norms[i] ?? 0) * queryNorm;
  if (queryNorm > 0) {
    for (const [key, w] of query) {
      for (const [i, d] of index.postings.get(key) ?? []) scores[i] = (scores[i] ?? 0) + w * d;
    }
    for (let i = 0; i < n; i++) scores[i] = normOf(i) > 0 ? Math.min(1, (scores[i] ?? 0) / normOf(i)) : 0;
  }

  const reasonsFor = (i: number): MatchReason[] => {
    const vector = index.vectors[i];
    const norm = normOf(i);
    if (!vector || norm <= 0) return [];
    const reasons: MatchReason[] = [];
    let total = 0;
    values.forEach((v, j) => {
      const matched: Array<{ surface: string; c: number }> = [];
      let contribution = 0;
      for (const [key, w] of parts[j] as Map<string, number>) {
        const d = vector.get(key);
        if (d === undefined) continue;
        const c = (w * d) / norm;
        contribution += c;
        matched.push({ surface: v.terms.get(key)?.surface ?? key, c });
      }
      if (contribution <= 0) return;
      total += contribution;
      matched.sort((a, b) => b.c - a.c);
      reasons.push({ field: v.field, value: v.value, terms: matched.map((m) => m.surface), weight: contribution });
    });
    for (const r of reasons) r.weight = total > 0 ? Math.min(1, r.weight / total) : 0;
    return reasons.sort(
      (a, b) => b.weight - a.weight || PROFILE_FIELDS.indexOf(a.field) - PROFILE_FIELDS.indexOf(b.field),
    );
  };
  return { scores, reasonsFor };
}

/** The indices of the best `limit` items above `min`, best first (ties by name). */
function topIndices(index: CatalogueIndex, score: (i: number) => number, options: RecommendOptions): number[] {
  const limit = Math.max(1, Math.floor(options.limit ?? DEFAULT_LIMIT));
  const min = options.minScore ?? 0;
  const picked: number[] = [];
  for (let i = 0; i < index.items.length; i++) if (score(i) > min) picked.push(i);
  const name = (i: number) => index.items[i]?.name ?? '';
  return picked.sort((a, b) => score(b) - score(a) || name(a).localeCompare(name(b))).slice(0, limit);
}

/** The best-fitting items for a persona by TF-IDF, best first; items that share no term are left out. */
export function recommend(
  items: readonly CatalogueItem[] | CatalogueIndex,
  persona: PersonaProfile,
  options: RecommendOptions = {},
): Recommendation[] {
  const index = 'idf' in items ? items : buildCatalogueIndex(items);
  const { scores, reasonsFor } = scoreCatalogue(index, persona);
  return topIndices(index, (i) => scores[i] ?? 0, options).map((i) => {
    const score = scores[i] ?? 0;
    return { item: index.items[i] as CatalogueItem, score, tfidf: score, reasons: reasonsFor(i) };
  });
}

/** An on-device embedding model: one vector per text, in order. */
export type EmbedFn = (texts: readonly string[]) => Promise<ReadonlyArray<ArrayLike<number>>>;

export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new RangeError(`Embedding sizes differ (${a.length} and ${b.length}).`);
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}

/**
 * Recommendations using an embedding model when one is given: the score blends TF-IDF with the embedding's cosine
 * (negative cosines count as zero), so an item can rank on meaning without a shared word. Without one: TF-IDF.
 */
export async function recommendWithEmbeddings(
  catalogue: readonly CatalogueItem[] | CatalogueIndex,
  persona: PersonaProfile,
  embed: EmbedFn | undefined,
  options: RecommendOptions & { embeddingWeight?: number } = {},
): Promise<{ method: RecommendMethod; results: Recommendation[] }> {
  const index = 'idf' in catalogue ? catalogue : buildCatalogueIndex(catalogue);
  const { items } = index;
  if (!embed || items.length === 0) return { method: 'tfidf', results: recommend(index, persona, options) };
  const { scores, reasonsFor } = scoreCatalogue(index, persona);
  const vectors = await embed([profileText(persona), ...items.map(itemText)]);
  if (vectors.length !== items.length + 1) throw new RangeError('The embedding model returned the wrong count.');
  const w = Math.min(1, Math.max(0, options.embeddingWeight ?? DEFAULT_EMBEDDING_WEIGHT));
  const query = vectors[0] as ArrayLike<number>;
  const embedding = items.map((_, i) => cosine(query, vectors[i + 1] as ArrayLike<number>));
  const blended = (i: number) => Math.min(1, (1 - w) * (scores[i] ?? 0) + w * Math.max(0, embedding[i] ?? 0));
  const results = topIndices(index, blended, options).map((i) => ({
    item: items[i] as CatalogueItem,
    score: blended(i),
    tfidf: scores[i] ?? 0,
    embedding: embedding[i] ?? 0,
    reasons: reasonsFor(i),
  }));
  return { method: 'blend', results };
}
