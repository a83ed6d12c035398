import { CATALOGUE_KINDS, MAX_CATALOGUE_ITEMS, MAX_TAGS, type CatalogueItem, type CatalogueKind } from './schemas';
import { parseCsv, toCsv, unguardCell } from './csv';

/**
 * The catalogue as CSV: columns name, kind, description, tags, url (any order, any case; name required). Import
 * reports every problem by row, so a 300-row file with two bad rows imports 298 and names the two.
 */

export const CATALOGUE_CSV_COLUMNS = ['name', 'kind', 'description', 'tags', 'url'] as const;
type Column = (typeof CATALOGUE_CSV_COLUMNS)[number];

// Header names people use in Chinese spreadsheets, mapped to ours.
const HEADER_ALIASES: Record<string, Column> = {
  名称: 'name',
  类型: 'kind',
  描述: 'description',
  说明: 'description',
  标签: 'tags',
  链接: 'url',
  网址: 'url',
};
const KIND_ALIASES: Record<string, CatalogueKind> = { 产品: 'product', 内容: 'content' };

export const MAX_NAME_CHARS = 200;
export const MAX_DESCRIPTION_CHARS = 5_000;
const MAX_TAG_CHARS = 60;

export type CatalogueRowErrorCode =
  | 'missing_name'
  | 'bad_kind'
  | 'bad_url'
  | 'too_long'
  | 'too_many_tags'
  | 'duplicate'
  | 'extra_fields'
  | 'too_many_rows';

export interface CatalogueRowError {
  /** The file's line number (the header is line 1). */
  line: number;
  code: CatalogueRowErrorCode;
  column?: Column;
  /** The offending value, cut to 80 characters. */
  value?: string;
}

export interface CatalogueImport {
  /** Valid items, new or updating an existing item of the same kind and name. */
  items: CatalogueItem[];
  created: number;
  updated: number;
  errors: CatalogueRowError[];
  /** Why nothing could be read at all (no header with a name column, unclosed quote). */
  fatal?: { code: 'empty' | 'no_name_column' | 'unterminated_quote'; line?: number };
}

const keyOf = (kind: string, name: string) => `${kind}\u0000${name.trim().toLocaleLowerCase()}`;

// shared/common has no URL class in every runtime: a strict pattern for absolute http(s) links instead.
const HTTP_URL = /^https?:\/\/[^\s/?#@]+(?::\d{1,5})?(?:[/?#][^\s]*)?$/i;
const isHttpUrl = (value: string) => HTTP_URL.test(value);

/** Tags in one cell: separated by semicolons, commas, vertical bars or Chinese list marks; blanks and repeats dropped. */
export function splitTags(cell: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of cell.split(/[;,|，；、]/)) {
    const tag = raw.trim();
    const k = tag.toLocaleLowerCase();
    if (tag && !seen.has(k)) {
      seen.add(k);
      out.push(tag);
    }
  }
  return out;
}

export function parseCatalogueCsv(
  text: string,
  options: { existing?: readonly CatalogueItem[]; now?: number; newId?: () => string } = {},
): CatalogueImport {
  const now = options.now ?? Date.now();
  const newId = options.newId ?? (() => crypto.randomUUID());
  const empty: CatalogueImport = { items: [], created: 0, updated: 0, errors: [] };
  const parsed = parseCsv(text);
  if (parsed.unterminatedQuoteAt !== undefined)
    return { ...empty, fatal: { code: 'unterminated_quote', line: parsed.unterminatedQuoteAt } };
  const [header, ...rows] = parsed.records;
  if (!header) return { ...empty, fatal: { code: 'empty' } };

  const columns = new Map<Column, number>();
  header.fields.forEach((h, i) => {
    const name = h.trim().toLocaleLowerCase();
    const column = (CATALOGUE_CSV_COLUMNS as readonly string[]).includes(name)
      ? (name as Column)
      : HEADER_ALIASES[name];
    if (column && !columns.has(column)) columns.set(column, i);
  });
  if (!columns.has('name')) return { ...empty, fatal: { code: 'no_name_column', line: header.line } };

  const existing = new Map((options.existing ?? []).map((item) => [keyOf(item.kind, item.name), item]));
  const inFile = new Set<string>();
  const out: CatalogueImport = { ...empty, errors: [] };
  const clipValue = (v: string) => (v.length > 80 ? `${v.slice(0, 79)}…` : v);

  for (const row of rows) {
    const get = (c: Column) => {
      const i = columns.get(c);
      return i === undefined ? '' : unguardCell((row.fields[i] ?? '').trim());
    };
    const errors: CatalogueRowError[] = [];
    const fail = (code: CatalogueRowErrorCode, column?: Column, value?: string) =>
      errors.push({
        line: row.line,
        code,
        ...(column ? { column } : {}),
        ...(value ? { value: clipValue(value) } : {}),
      });

    if (row.fields.length > header.fields.length && row.fields.slice(header.fields.length).some((f) => f.trim()))
      fail('extra_fields');
    const name = get('name');
    if (!name) fail('missing_name', 'name');
    else if (name.length > MAX_NAME_CHARS) fail('too_long', 'name', name);

    const kindCell = get('kind');
    const kindKey = kindCell.toLocaleLowerCase();
    const kind: CatalogueKind | undefined = !kindCell
      ? 'product'
      : (CATALOGUE_KINDS as readonly string[]).includes(kindKey)
        ? (kindKey as CatalogueKind)
        : KIND_ALIASES[kindCell];
    if (!kind) fail('bad_kind', 'kind', kindCell);

    const description = get('description');
    if (description.length > MAX_DESCRIPTION_CHARS) fail('too_long', 'description', description);
    const tags = splitTags(get('tags'));
    if (tags.length > MAX_TAGS) fail('too_many_tags', 'tags', get('tags'));
    const longTag = tags.find((t) => t.length > MAX_TAG_CHARS);
    if (longTag) fail('too_long', 'tags', longTag);
    const url = get('url');
    if (url && (!isHttpUrl(url) || url.length > 2_000)) fail('bad_url', 'url', url);

    if (errors.length === 0 && kind) {
      const key = keyOf(kind, name);
      if (inFile.has(key)) fail('duplicate', 'name', name);
      inFile.add(key);
    }
    if (errors.length || !kind) {
      out.errors.push(...errors);
      continue;
    }
    if (out.items.length >= MAX_CATALOGUE_ITEMS) {
      out.errors.push({ line: row.line, code: 'too_many_rows' });
      break;
    }
    const previous = existing.get(keyOf(kind, name));
    out.items.push({
      id: previous?.id ?? newId(),
      kind,
      name,
      description,
      tags,
      ...(url ? { url } : {}),
      updatedAt: now,
    });
    if (previous) out.updated++;
    else out.created++;
  }
  return out;
}

/** The catalogue as CSV in the import's own format, so an export imports back unchanged. */
export function catalogueToCsv(items: readonly CatalogueItem[]): string {
  return toCsv([
    [...CATALOGUE_CSV_COLUMNS],
    ...items.map((i) => [i.name, i.kind, i.description, i.tags.join('; '), i.url ?? '']),
  ]);
}
