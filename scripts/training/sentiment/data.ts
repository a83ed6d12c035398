/**
 * Training and evaluation data, read from ../shared/data beside the repository (read-only in CI; CLOSER_SHARED_DATA
 * points elsewhere, as for the naive Bayes data). Nothing here is copied into the repo: SST has no explicit licence and waimai_10k has none (research-only).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createRng, shuffleInPlace } from '../../../shared/common/random';
import { REPO_ROOT, SHARED_DATA_DIR } from '../nb-data';

export interface LabelledText {
  text: string;
  /** 1 positive, 0 negative. */
  label: number;
}

export { REPO_ROOT, SHARED_DATA_DIR };
export const SST2_DIR = resolve(SHARED_DATA_DIR, 'sentiment-en-sst2');
export const WAIMAI_CSV = resolve(SHARED_DATA_DIR, 'sentiment-zh-waimai/waimai_10k.csv');
/** Fixes the waimai train/dev/test split for good: tests and the model card rely on it. */
export const WAIMAI_SPLIT_SEED = 20261128;

/** Reads `sentence<TAB>label` files with a header (SST-2 and the eval:sentiment input format). */
export function readLabelledTsv(path: string): LabelledText[] {
  const lines = readFileSync(path, 'utf8').split(/\r?\n/);
  const header = lines[0]?.split('\t') ?? [];
  if (header[0] !== 'sentence' || header[1] !== 'label') throw new Error(`${path}: expected header sentence<TAB>label`);
  const rows: LabelledText[] = [];
  for (const line of lines.slice(1)) {
    if (!line.trim()) continue;
    const tab = line.lastIndexOf('\t');
    const label = Number(line.slice(tab + 1).trim());
    if (tab < 0 || (label !== 0 && label !== 1)) throw new Error(`${path}: bad line ${JSON.stringify(line)}`);
    rows.push({ text: line.slice(0, tab).trim(), label });
  }
  return rows;
}

export function readSst2(split: 'train' | 'dev' | 'test'): LabelledText[] {
  return readLabelledTsv(resolve(SST2_DIR, `${split}.tsv`));
}

/** Minimal RFC 4180 reader for `label,review` (quoted fields, doubled quotes; the file has no embedded newlines). */
function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = '';
      i++;
      while (i < line.length) {
        if (line[i] === '"' && line[i + 1] === '"') {
          value += '"';
          i += 2;
        } else if (line[i] === '"') {
          i++;
          break;
        } else value += line[i++];
      }
      fields.push(value);
      i++; // the comma
    } else {
      const comma = line.indexOf(',', i);
      const end = comma < 0 ? line.length : comma;
      fields.push(line.slice(i, end));
      i = end + 1;
    }
  }
  return fields;
}

export function readWaimai(): LabelledText[] {
  const lines = readFileSync(WAIMAI_CSV, 'utf8').split(/\r?\n/);
  if (lines[0]?.trim() !== 'label,review') throw new Error(`${WAIMAI_CSV}: expected header label,review`);
  return lines
    .slice(1)
    .filter((line) => line.trim())
    .map((line) => {
      const [label, review] = parseCsvLine(line);
      return { text: review ?? '', label: Number(label) };
    });
}

/** Fixed seeded 80/10/10 split of waimai_10k: `test` is the held-out 10% every report uses. */
export function waimaiSplits(): { train: LabelledText[]; dev: LabelledText[]; test: LabelledText[] } {
  const rows = readWaimai();
  const order = shuffleInPlace(
    rows.map((_, i) => i),
    createRng(WAIMAI_SPLIT_SEED, 'mulberry32'),
  );
  const tenth = Math.round(rows.length / 10);
  const pick = (indices: number[]) => indices.map((i) => rows[i]!);
  return {
    test: pick(order.slice(0, tenth)),
    dev: pick(order.slice(tenth, 2 * tenth)),
    train: pick(order.slice(2 * tenth)),
  };
}
