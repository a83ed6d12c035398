/** A CSV cell: strings are escaped, numbers written as-is (non-finite ones and null/undefined become empty). */
export type CsvCell = string | number | boolean | null | undefined;

/**
 * Characters that make a spreadsheet treat a cell as a formula (OWASP "CSV injection"): = + - @, and tab / carriage
 * return, which some spreadsheet apps strip before looking for one of the others.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * Escapes one cell per RFC 4180 (quote when the cell holds a comma, quote, CR or LF; double inner quotes) after
 * defusing formulas: a string starting with = + - @ (or tab / CR) gets a leading `'`, so a contact named
 * `=HYPERLINK(…)` is shown, not run. Numbers are not prefixed — a negative number is data, not a formula.
 */
export function escapeCsvCell(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Options of {@link toCsv}. */
export interface CsvOptions {
  /** Start with a UTF-8 byte-order mark, which Excel needs to read Chinese text correctly. Default false. */
  bom?: boolean;
}

/** Rows to CSV text: CRLF line ends and a final CRLF, as RFC 4180 describes. */
export function toCsv(rows: ReadonlyArray<readonly CsvCell[]>, options: CsvOptions = {}): string {
  let out = options.bom === true ? '\uFEFF' : '';
  for (const row of rows) out += row.map(escapeCsvCell).join(',') + '\r\n';
  return out;
}
