import { describe, expect, it } from 'vitest';
import { catalogueToCsv, parseCatalogueCsv, parseCsv, toCsv, type CatalogueItem } from './index';

let n = 0;
const opts = { now: 1000, newId: () => `id-${++n}` };

describe('parseCsv', () => {
  it('reads quotes, doubled quotes, line breaks inside quotes, CRLF and a BOM', () => {
    const text = '\uFEFFname,description\r\n"Sync, Pro","He said ""hi""\nand left"\r\nPlain,x\r\n\r\n';
    const { records } = parseCsv(text);
    expect(records).toEqual([
      { line: 1, fields: ['name', 'description'] },
      { line: 2, fields: ['Sync, Pro', 'He said "hi"\nand left'] },
      { line: 4, fields: ['Plain', 'x'] },
    ]);
  });

  it('detects semicolon and tab delimiters from the header', () => {
    expect(parseCsv('a;b\n1;2').records[1]?.fields).toEqual(['1', '2']);
    expect(parseCsv('a\tb\n1\t2,3').records[1]?.fields).toEqual(['1', '2,3']);
  });

  it('reports an unclosed quote with its line', () => {
    expect(parseCsv('a,b\n1,"open\n2,3').unterminatedQuoteAt).toBe(2);
  });

  it('round-trips through toCsv, defusing formulas', () => {
    const rows = [['a', 'b, c', 'say "x"', 'two\nlines', ' padded ']];
    expect(parseCsv(toCsv(rows)).records[0]?.fields).toEqual(rows[0]);
    expect(toCsv([['=SUM(A1)']])).toBe(`'=SUM(A1)\r\n`);
  });
});

describe('parseCatalogueCsv', () => {
  it('imports valid rows and reports each bad row by line and problem', () => {
    const csv = [
      'Name,Kind,Description,Tags,URL',
      'CRM Sync,product,Ends manual data entry,crm; automation,https://example.com/sync',
      ',product,No name,,',
      'Webinar,video,Wrong kind,,',
      'Guide,content,"A guide, with a comma",roi|evaluation,not a url',
      'ROI guide,content,Build the case,"roi, evaluation",',
      'crm sync,product,Duplicate of the first,,',
    ].join('\n');
    const result = parseCatalogueCsv(csv, opts);
    expect(result.fatal).toBeUndefined();
    expect(result.items.map((i) => i.name)).toEqual(['CRM Sync', 'ROI guide']);
    expect(result.items[0]).toMatchObject({
      kind: 'product',
      tags: ['crm', 'automation'],
      url: 'https://example.com/sync',
    });
    expect(result.items[1]?.tags).toEqual(['roi', 'evaluation']);
    expect(result.errors).toEqual([
      { line: 3, code: 'missing_name', column: 'name' },
      { line: 4, code: 'bad_kind', column: 'kind', value: 'video' },
      { line: 5, code: 'bad_url', column: 'url', value: 'not a url' },
      { line: 7, code: 'duplicate', column: 'name', value: 'crm sync' },
    ]);
    expect(result.created).toBe(2);
  });

  it('accepts columns in any order, Chinese headers and kinds, and defaults an empty kind to product', () => {
    const result = parseCatalogueCsv('标签,名称,类型\n安全、合规,单点登录,产品\nx,Thing,', opts);
    expect(result.errors).toEqual([]);
    expect(result.items[0]).toMatchObject({
      name: '单点登录',
      kind: 'product',
      tags: ['安全', '合规'],
      description: '',
    });
    expect(result.items[1]?.kind).toBe('product');
  });

  it('updates an existing item of the same kind and name instead of duplicating it', () => {
    const existing: CatalogueItem[] = [
      { id: 'keep-me', kind: 'product', name: 'CRM Sync', description: 'old', tags: [], updatedAt: 1 },
    ];
    const result = parseCatalogueCsv('name,description\ncrm sync,new', { ...opts, existing });
    expect(result.items[0]).toMatchObject({ id: 'keep-me', description: 'new' });
    expect([result.created, result.updated]).toEqual([0, 1]);
  });

  it('fails clearly on files it cannot read', () => {
    expect(parseCatalogueCsv('', opts).fatal?.code).toBe('empty');
    expect(parseCatalogueCsv('title,kind\nx,product', opts).fatal).toEqual({ code: 'no_name_column', line: 1 });
    expect(parseCatalogueCsv('name\n"oops', opts).fatal?.code).toBe('unterminated_quote');
  });

  it('exports in the import format, so an export imports back unchanged', () => {
    const items: CatalogueItem[] = [
      {
        id: 'a',
        kind: 'content',
        name: '=HYPERLINK("x")',
        description: 'Line one\nline two, "quoted"',
        tags: ['a', 'b'],
        url: 'https://x.io/a',
        updatedAt: 5,
      },
      { id: 'b', kind: 'product', name: '同步', description: '', tags: [], updatedAt: 5 },
    ];
    const back = parseCatalogueCsv(catalogueToCsv(items), { ...opts, existing: items, now: 5 });
    expect(back.errors).toEqual([]);
    expect(back.items).toEqual(items);
  });
});
