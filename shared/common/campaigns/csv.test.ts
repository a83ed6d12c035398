import { describe, expect, it } from 'vitest';
import { aggregateOutcomes } from './aggregate';
import { AGGREGATION_CSV_COLUMNS, aggregationToCsv } from './aggregate-csv';
import { escapeCsvCell, toCsv } from './csv';
import type { OutcomeEvent } from './schema';

/** A strict RFC 4180 reader, to check that what we write reads back cell for cell. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
      } else if (ch === '"') {
        quoted = false;
        i++;
      } else {
        cell += ch;
        i++;
      }
    } else if (ch === '"' && cell === '') {
      quoted = true;
      i++;
    } else if (ch === ',') {
      row.push(cell);
      cell = '';
      i++;
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 2;
    } else if (ch === '"' || ch === '\r' || ch === '\n') {
      throw new Error(`bare ${JSON.stringify(ch)} at ${i}`);
    } else {
      cell += ch;
      i++;
    }
  }
  if (cell !== '' || row.length > 0) throw new Error('missing final CRLF');
  return rows;
}

describe('escapeCsvCell', () => {
  it('quotes commas, quotes and line breaks per RFC 4180', () => {
    expect(escapeCsvCell('plain')).toBe('plain');
    expect(escapeCsvCell('Acme, Inc.')).toBe('"Acme, Inc."');
    expect(escapeCsvCell('say "hi"')).toBe('"say ""hi"""');
    expect(escapeCsvCell('line1\nline2')).toBe('"line1\nline2"');
    expect(escapeCsvCell('a\r\nb')).toBe('"a\r\nb"');
    expect(escapeCsvCell('技术型买家')).toBe('技术型买家');
  });

  it('defuses formulas in strings but leaves numbers alone', () => {
    expect(escapeCsvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(escapeCsvCell('+1 555 0100')).toBe("'+1 555 0100");
    expect(escapeCsvCell('-2+3')).toBe("'-2+3");
    expect(escapeCsvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(escapeCsvCell('\t=1')).toBe("'\t=1");
    expect(escapeCsvCell('a=b')).toBe('a=b');
    expect(escapeCsvCell(-3.5)).toBe('-3.5');
  });

  it('writes empty cells for null, undefined and non-finite numbers', () => {
    expect(escapeCsvCell(null)).toBe('');
    expect(escapeCsvCell(undefined)).toBe('');
    expect(escapeCsvCell(Number.NaN)).toBe('');
    expect(escapeCsvCell(true)).toBe('true');
  });
});

describe('toCsv', () => {
  it('writes CRLF rows that read back to the same cells', () => {
    const rows = [
      ['name', 'note', 'n'],
      ['Acme, Inc.', 'said "maybe"\nlater', 3],
      ['=cmd|calc', '', -1],
    ];
    const text = toCsv(rows);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parseCsv(text)).toEqual([
      ['name', 'note', 'n'],
      ['Acme, Inc.', 'said "maybe"\nlater', '3'],
      ["'=cmd|calc", '', '-1'],
    ]);
    expect(toCsv([['a']], { bom: true })).toBe('\uFEFFa\r\n');
  });
});

describe('aggregationToCsv', () => {
  it('exports a total row and every breakdown row with escaped ids', () => {
    const base = { campaignId: 'c1', segment: 'tech', rep: '=evil()', contactId: 'k' };
    const events: OutcomeEvent[] = [
      { ...base, variantId: 'v, 1', type: 'sent', at: 0 },
      { ...base, variantId: 'v, 1', type: 'positive_reply', at: 7_200_000 },
      { ...base, variantId: 'v2', contactId: 'k2', type: 'sent', at: 0 },
    ];
    const rows = parseCsv(aggregationToCsv(aggregateOutcomes(events)));
    expect(rows[0]).toEqual([...AGGREGATION_CSV_COLUMNS]);
    const col = (name: (typeof AGGREGATION_CSV_COLUMNS)[number]) => AGGREGATION_CSV_COLUMNS.indexOf(name);
    const total = rows[1]!;
    expect(total[col('group_by')]).toBe('total');
    expect(total[col('sends')]).toBe('2');
    expect(total[col('positive_rate')]).toBe('0.5');
    expect(total[col('median_hours_to_reply')]).toBe('2');
    const variant = rows.find((r) => r[col('group_by')] === 'variant' && r[col('variant')] === 'v, 1')!;
    expect(variant[col('reply_rate')]).toBe('1');
    const rep = rows.find((r) => r[col('group_by')] === 'rep')!;
    expect(rep[col('rep')]).toBe("'=evil()");
    expect(rows).toHaveLength(2 + 1 + 2 + 1 + 1); // header, total, campaign, 2 variants, segment, rep
  });
});
