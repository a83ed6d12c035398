/**
 * CSV as spreadsheets write it (RFC 4180 and common variants): an optional UTF-8 BOM, comma, semicolon or tab
 * delimiters (detected from the header), quoted fields with doubled quotes and line breaks inside, CRLF, LF or CR
 * line ends. Pure: runs in every context.
 */

export interface CsvRecord {
  /** 1-based line of the file where the record starts (what a spreadsheet shows as its row number). */
  line: number;
  fields: string[];
}

export interface CsvParseResult {
  records: CsvRecord[];
  delimiter: ',' | ';' | '\t';
  /** A quote opened and never closed: the rest of the file from `line` was read as one field. */
  unterminatedQuoteAt?: number;
}

const DELIMITERS = [',', ';', '\t'] as const;

/** The delimiter the first line uses most, outside quotes (a comma when there is a tie or none). */
function detectDelimiter(text: string): CsvParseResult['delimiter'] {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch in counts) counts[ch as keyof typeof counts]++;
  }
  return DELIMITERS.reduce((best, d) => (counts[d] > counts[best] ? d : best), ',' as CsvParseResult['delimiter']);
}

export function parseCsv(input: string): CsvParseResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const delimiter = detectDelimiter(text);
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let quoteLine = 0;
  // A field that was quoted keeps its exact text, so `""` is an empty value and not a blank row.
  let sawContent = false;

  const endField = () => {
    fields.push(field);
    field = '';
  };
  const endRecord = () => {
    endField();
    // Blank lines are skipped: spreadsheets leave them at the end.
    if (sawContent || fields.length > 1 || fields[0] !== '') records.push({ line: recordLine, fields });
    fields = [];
    sawContent = false;
  };

  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && field.trim() === '') {
      // An opening quote, possibly after stray spaces, which are dropped.
      field = '';
      quoted = true;
      sawContent = true;
      quoteLine = line;
    } else if (ch === delimiter) endField();
    else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else field += ch;
  }
  if (field !== '' || fields.length > 0 || sawContent) endRecord();
  return { records, delimiter, ...(quoted ? { unterminatedQuoteAt: quoteLine } : {}) };
}

// Spreadsheets run cells that start with these as formulas ("CSV injection"); exports prefix them with a quote.
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\n\r;\t]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows to CSV text (comma-separated, CRLF, every risky cell quoted; formula-like cells defused). */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** Undoes the export's formula guard: a leading `'` before a formula character is dropped. */
export const unguardCell = (value: string) => (/^'[=+\-@]/.test(value) ? value.slice(1) : value);
