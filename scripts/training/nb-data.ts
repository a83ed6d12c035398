/**
 * Loading labelled text for the naive Bayes scripts: the project's sales-intents TSV, the SMS spam CSV and the
 * Parakweet email-intent files. Data outside the repo is read from `../shared/data` beside the repo root (in CI the
 * shared folder sits beside the clone, read-only); `CLOSER_SHARED_DATA` overrides that path.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One labelled example. */
export interface Example {
  text: string;
  label: string;
}

/** The repository root (this file lives in `scripts/training/`). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The read-only shared data folder beside the repo. */
export const SHARED_DATA_DIR = process.env.CLOSER_SHARED_DATA ?? resolve(REPO_ROOT, '../shared/data');
/** The project's own labelled sales replies and their README (figures are written into it). */
export const INTENTS_TSV = resolve(REPO_ROOT, 'shared/datasets/sales-intents/intents.tsv');
export const INTENTS_README = resolve(REPO_ROOT, 'shared/datasets/sales-intents/README.md');
/** Public data files (see their PROVENANCE.md). */
export const SPAM_CSV = resolve(SHARED_DATA_DIR, 'sms-spam/spam.csv');
export const PARAKWEET_TRAIN = resolve(SHARED_DATA_DIR, 'email-intent-parakweet/Ask0729-fixed.txt');
export const PARAKWEET_TEST = resolve(SHARED_DATA_DIR, 'email-intent-parakweet/testSet-qualifiedBatch-fixed.txt');

/** A data file that cannot be used; the message says where and why. */
export class DataFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataFileError';
  }
}

/** Undoes the TSV text escaping: `\n` → line break, `\t` → tab, `\\` → backslash. */
export function unescapeTsvText(text: string): string {
  return text.replace(/\\([nt\\])/g, (_m, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : '\\'));
}

/** The inverse of {@link unescapeTsvText}. */
export function escapeTsvText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\r?\n/g, '\\n');
}

/**
 * Parses `text<TAB>intent` TSV (header required). The label is after the last tab, so a stray tab in the text does
 * no harm. With `allowedLabels`, every unknown label is reported (with line numbers) in one DataFileError.
 */
export function parseLabelledTsv(content: string, allowedLabels?: readonly string[], source = 'input'): Example[] {
  const lines = content.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = (lines[0] ?? '').trim().toLowerCase();
  if (header !== 'text\tintent') {
    throw new DataFileError(`${source}: first line must be the header "text<TAB>intent"`);
  }
  const examples: Example[] = [];
  const problems: string[] = [];
  lines.slice(1).forEach((line, i) => {
    if (line.trim() === '') return;
    const tab = line.lastIndexOf('\t');
    const lineNo = i + 2;
    if (tab < 0) {
      problems.push(`line ${lineNo}: no TAB between text and intent`);
      return;
    }
    const label = line.slice(tab + 1).trim();
    if (allowedLabels && !allowedLabels.includes(label)) {
      problems.push(`line ${lineNo}: unknown intent "${label.slice(0, 60)}"`);
      return;
    }
    examples.push({ text: unescapeTsvText(line.slice(0, tab)), label });
  });
  if (problems.length > 0) {
    const more = problems.length > 10 ? `\n… and ${problems.length - 10} more` : '';
    const expected = allowedLabels ? `\nknown intents: ${allowedLabels.join(', ')}` : '';
    throw new DataFileError(`${source}:\n${problems.slice(0, 10).join('\n')}${more}${expected}`);
  }
  return examples;
}

/** Reads and parses a labelled TSV file (see {@link parseLabelledTsv}). */
export function readLabelledTsv(path: string, allowedLabels?: readonly string[]): Example[] {
  let content: string;
  try {
    content = readFileSync(path, 'utf8');
  } catch (err) {
    throw new DataFileError(`cannot read ${path}: ${(err as Error).message}`);
  }
  return parseLabelledTsv(content, allowedLabels, path);
}

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

/**
 * The SMS Spam Collection (latin-1 CSV, header `class_label,message,,,`). About 50 messages spill into the three
 * trailing columns (a Kaggle export artefact where commas split the text), so columns 2..5 are re-joined with the
 * commas they were split at.
 */
export function loadSmsSpam(path = SPAM_CSV): Example[] {
  const rows = parseCsv(readFileSync(path, 'latin1'));
  const [header, ...data] = rows;
  if (!header || header[0] !== 'class_label') throw new DataFileError(`${path}: unexpected header`);
  return data
    .filter((r) => r.length >= 2 && (r[0] === 'ham' || r[0] === 'spam'))
    .map((r) => {
      const parts = r.slice(1);
      while (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
      // Two rows end in a bare CR plus a stray label ("…\rham"): an artefact of the export, not message text.
      return { label: r[0] as string, text: parts.join(',').replace(/\r(?:ham|spam)"?$/, '') };
    });
}

/** A Parakweet file: TSV without header, `Yes|No<TAB>sentence`; labels become `yes` / `no`. */
export function loadParakweet(path: string): Example[] {
  return readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      const tab = line.indexOf('\t');
      const label = line.slice(0, tab).trim().toLowerCase();
      if (tab < 0 || (label !== 'yes' && label !== 'no')) throw new DataFileError(`${path}:${i + 1}: bad line`);
      return { label, text: line.slice(tab + 1) };
    });
}

/** Keeps the first example of each distinct text, so a split cannot put the same message in train and test. */
export function dedupeByText(examples: readonly Example[]): Example[] {
  const seen = new Set<string>();
  return examples.filter((e) => (seen.has(e.text) ? false : (seen.add(e.text), true)));
}

/**
 * `zh` when Han characters carry the text, else `en`. One Han character is weighed like three Latin letters (a
 * Chinese word is one or two characters, an English one about five letters), so a Chinese reply with an English
 * product name or an SMTP code is still `zh`.
 */
export function detectLanguage(text: string): 'en' | 'zh' {
  const han = text.match(/\p{sc=Han}/gu)?.length ?? 0;
  const latin = text.match(/[a-z]/gi)?.length ?? 0;
  return han * 3 >= latin && han > 0 ? 'zh' : 'en';
}
