import type { CatalogueItem } from './schemas';
import { termsOf } from './terms';

/**
 * A TF-IDF index over the catalogue. Each item is one document (its name and tags count twice: they say what the
 * item is about more densely than a description). Weights are sublinear term frequency times smoothed IDF, so a
 * word every item shares weighs little and a rare, shared word decides the match.
 */

export interface CatalogueIndex {
  items: readonly CatalogueItem[];
  idf: ReadonlyMap<string, number>;
  /** Per item, in `items` order: term → weight. */
  vectors: ReadonlyArray<ReadonlyMap<string, number>>;
  norms: readonly number[];
  /** Term → the items that have it, with the weight there: a query only visits items sharing a term with it. */
  postings: ReadonlyMap<string, ReadonlyArray<readonly [item: number, weight: number]>>;
}

const NAME_WEIGHT = 2;
const TAG_WEIGHT = 2;

function itemCounts(item: CatalogueItem): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (text: string, weight: number) => {
    for (const { key } of termsOf(text)) counts.set(key, (counts.get(key) ?? 0) + weight);
  };
  add(item.name, NAME_WEIGHT);
  add(item.tags.join(' , '), TAG_WEIGHT);
  add(item.description, 1);
  return counts;
}

/** Smoothed IDF: never zero, so a term every item has still counts a little. */
export const idfOf = (documents: number, withTerm: number) => Math.log((1 + documents) / (1 + withTerm)) + 1;

export function buildCatalogueIndex(items: readonly CatalogueItem[]): CatalogueIndex {
  const counts = items.map(itemCounts);
  const df = new Map<string, number>();
  for (const c of counts) for (const term of c.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const idf = new Map<string, number>();
  for (const [term, n] of df) idf.set(term, idfOf(items.length, n));
  const vectors = counts.map((c) => {
    const v = new Map<string, number>();
    for (const [term, n] of c) v.set(term, (1 + Math.log(n)) * (idf.get(term) ?? 0));
    return v;
  });
  const norms = vectors.map((v) => Math.sqrt([...v.values()].reduce((s, w) => s + w * w, 0)));
  const postings = new Map<string, Array<readonly [number, number]>>();
  vectors.forEach((v, i) => {
    for (const [term, w] of v) {
      let list = postings.get(term);
      if (!list) postings.set(term, (list = []));
      list.push([i, w]);
    }
  });
  return { items, idf, vectors, norms, postings };
}
