/**
 * Training and evaluation data, read from ../shared/data beside the repository (read-only in CI; `CLOSER_SHARED_DATA`
 * overrides the path, see scripts/nb-data.ts). Nothing here is copied into the repo: SST has no explicit licence,
 * waimai_10k and online_shopping have none (research-only), the airline tweets are CC BY-NC-SA.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataFileError, parseCsv, SHARED_DATA_DIR } from '../nb-data';
import { createRng, shuffleInPlace } from '../../../shared/common/random';

export interface LabelledText {
  text: string;
  /** 1 positive, 0 negative, 0.5 neutral (only sources with a neutral class have it). */
  label: number;
}

export const NEUTRAL_LABEL = 0.5;
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export { SHARED_DATA_DIR };
export const SST2_DIR = resolve(SHARED_DATA_DIR, 'sentiment-en-sst2');
export const WAIMAI_CSV = resolve(SHARED_DATA_DIR, 'sentiment-zh-waimai/waimai_10k.csv');
export const SHOPPING_CSV = resolve(SHARED_DATA_DIR, 'sentiment-zh-shopping/online_shopping_9_cats.csv');
export const AIRLINE_CSV = resolve(SHARED_DATA_DIR, 'sentiment-en-airline-tweets/tweets.csv');
/** Fixes every seeded train/dev/test split for good: tests and the model cards rely on it. */
export const SPLIT_SEED = 20261128;

/** The 9 categories of online_shopping_9_cats, in the order of its PROVENANCE.md, with English names. */
export const SHOPPING_CATEGORIES = {
  书籍: 'books',
  平板: 'tablets',
  手机: 'phones',
  水果: 'fruit',
  洗发水: 'shampoo',
  热水器: 'water heaters',
  蒙牛: 'milk',
  衣服: 'clothes',
  计算机: 'computers',
} as const;
export type ShoppingCategory = keyof typeof SHOPPING_CATEGORIES;

function readData(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new DataFileError(
      `cannot read ${path}: ${(err as Error).message}. The sentiment corpora live in ../shared/data beside the ` +
        'repository (set CLOSER_SHARED_DATA to read them from elsewhere).',
    );
  }
}

/** Parses a label of the `sentence<TAB>label` format: 0, 1, or `neutral` (0.5 is accepted too). */
export function parseSentimentLabel(value: string): number | undefined {
  const v = value.trim().toLowerCase();
  if (v === '1' || v === 'positive') return 1;
  if (v === '0' || v === 'negative') return 0;
  if (v === 'neutral' || v === '0.5') return NEUTRAL_LABEL;
  return undefined;
}

/** Reads `sentence<TAB>label` files with a header (SST-2 and the eval:sentiment input format). */
export function readLabelledTsv(path: string): LabelledText[] {
  const lines = readData(path).split(/\r?\n/);
  const header = lines[0]?.split('\t') ?? [];
  if (header[0] !== 'sentence' || header[1] !== 'label') throw new Error(`${path}: expected header sentence<TAB>label`);
  const rows: LabelledText[] = [];
  for (const line of lines.slice(1)) {
    if (!line.trim()) continue;
    const tab = line.lastIndexOf('\t');
    const label = tab < 0 ? undefined : parseSentimentLabel(line.slice(tab + 1));
    if (label === undefined) throw new Error(`${path}: bad line ${JSON.stringify(line)}`);
    rows.push({ text: line.slice(0, tab).trim(), label });
  }
  return rows;
}

export function readSst2(split: 'train' | 'dev' | 'test'): LabelledText[] {
  return readLabelledTsv(resolve(SST2_DIR, `${split}.tsv`));
}

/** CSV rows as objects keyed by the header, checking the header holds `columns`. */
function readCsvObjects(path: string, columns: string[]): Record<string, string>[] {
  const [header, ...rows] = parseCsv(readData(path).replace(/^\uFEFF/, ''));
  if (!header || columns.some((c) => !header.includes(c))) {
    throw new DataFileError(`${path}: expected the columns ${columns.join(',')}, found ${header?.join(',')}`);
  }
  return rows
    .filter((row) => row.some((field) => field.trim()))
    .map((row) => Object.fromEntries(header.map((name, i) => [name, row[i] ?? ''])));
}

export function readWaimai(): LabelledText[] {
  return readCsvObjects(WAIMAI_CSV, ['label', 'review']).map((r) => ({ text: r.review!, label: Number(r.label) }));
}

export interface ShoppingReview extends LabelledText {
  category: ShoppingCategory;
}

export function readShopping(): ShoppingReview[] {
  return readCsvObjects(SHOPPING_CSV, ['cat', 'label', 'review']).map((r) => {
    if (!(r.cat! in SHOPPING_CATEGORIES)) throw new DataFileError(`${SHOPPING_CSV}: unknown category ${r.cat}`);
    return { text: r.review!, label: Number(r.label), category: r.cat as ShoppingCategory };
  });
}

/**
 * Customer tweets to airlines. The handles are removed (`@united …`): they name the airline, and which airline a
 * customer writes to says more about that airline's month than about the words of the message.
 */
export function readAirline(): LabelledText[] {
  const labels: Record<string, number> = { negative: 0, neutral: NEUTRAL_LABEL, positive: 1 };
  return readCsvObjects(AIRLINE_CSV, ['airline_sentiment', 'text']).map((r) => {
    const label = labels[r.airline_sentiment!];
    if (label === undefined) throw new DataFileError(`${AIRLINE_CSV}: unknown label ${r.airline_sentiment}`);
    return { text: r.text!.replace(/@\w+/g, ' ').replace(/\s+/g, ' ').trim(), label };
  });
}

export interface Splits<T extends LabelledText = LabelledText> {
  train: T[];
  dev: T[];
  test: T[];
}

/** Fixed seeded 80/10/10 split: `test` is the held-out 10% every report uses, `dev` early stopping and calibration. */
export function seededSplits<T extends LabelledText>(rows: readonly T[], seed = SPLIT_SEED): Splits<T> {
  const order = shuffleInPlace(
    rows.map((_, i) => i),
    createRng(seed, 'mulberry32'),
  );
  const tenth = Math.round(rows.length / 10);
  const pick = (indices: number[]) => indices.map((i) => rows[i]!);
  return {
    test: pick(order.slice(0, tenth)),
    dev: pick(order.slice(tenth, 2 * tenth)),
    train: pick(order.slice(2 * tenth)),
  };
}

export function waimaiSplits(): Splits {
  return seededSplits(readWaimai());
}

export function airlineSplits(): Splits {
  return seededSplits(readAirline());
}

/** Each category split 80/10/10 on its own (same seed), so every category has its held-out tenth. */
export function shoppingSplits(): Splits<ShoppingReview> {
  const all = readShopping();
  const out: Splits<ShoppingReview> = { train: [], dev: [], test: [] };
  for (const category of Object.keys(SHOPPING_CATEGORIES) as ShoppingCategory[]) {
    const split = seededSplits(all.filter((r) => r.category === category));
    out.train.push(...split.train);
    out.dev.push(...split.dev);
    out.test.push(...split.test);
  }
  return out;
}
