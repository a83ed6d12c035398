/** The labelled sources of each language, split once: what train:sentiment, report:sentiment and eval read. */
import {
  airlineSplits,
  readSst2,
  SHOPPING_CATEGORIES,
  shoppingSplits,
  waimaiSplits,
  type LabelledText,
  type ShoppingCategory,
  type ShoppingReview,
  type Splits,
} from './data';
import { sst2SentenceSplit } from './sst2-split';

export interface Source {
  name: string;
  train: LabelledText[];
  dev: LabelledText[];
  test: LabelledText[];
}

/** 800 sentences: about the size of test.tsv (872), costing ~5% of the training phrases. */
export const SST2_HELD_OUT = { seed: 20261128, heldOut: 800, minTokens: 8 };

export function sst2Source(): Source {
  const { train, dev } = sst2SentenceSplit([...readSst2('train'), ...readSst2('dev')], SST2_HELD_OUT);
  return { name: 'sst2', train, dev, test: readSst2('test') };
}

export function airlineSource(): Source {
  return { name: 'airline', ...airlineSplits() };
}

export function waimaiSource(): Source {
  return { name: 'waimai', ...waimaiSplits() };
}

export function shoppingSource(): Splits<ShoppingReview> & { name: string } {
  return { name: 'shopping', ...shoppingSplits() };
}

/** Held-out parts that eval:sentiment -- --split NAME reads (each needs ../shared/data). */
export const HELD_OUT_SPLITS: Record<string, () => LabelledText[]> = {
  'sst2-test': () => readSst2('test'),
  'airline-test': () => airlineSplits().test,
  'waimai-test': () => waimaiSplits().test,
  'shopping-test': () => shoppingSplits().test,
  ...Object.fromEntries(
    (Object.entries(SHOPPING_CATEGORIES) as [ShoppingCategory, string][]).map(([zh, en]) => [
      `shopping-test-${en.replace(/\s+/g, '-')}`,
      () => shoppingSplits().test.filter((r) => r.category === zh),
    ]),
  ),
};
