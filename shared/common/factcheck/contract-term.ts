const TERM_WORD = /^(?:commitment|engagement|compromiso|compromisso|impegno|verpflichtung)$/i;
const TERM_BEFORE = /\b(?:annual|yearly|multi-year|\d+[- ]month|\d+[- ]year|minimum)\s$/i;
const TERM_AFTER =
  /^\s(?:annuel(?:le)?|anual|annuale|jährlich|jahres|de (?:\d+|douze) mois|di \d+ mesi|de \d+ meses|(?:of|for) (?:\d+|one|two|three|twelve) (?:months?|years?))/i;

/**
 * True when the commitment word at `start`..`end` names a contract term the price depends on ("with an annual
 * commitment", "pour un engagement annuel", "12-month commitment"), not a promise made to the recipient.
 */
export function isContractTerm(text: string, start: number, end: number): boolean {
  if (!TERM_WORD.test(text.slice(start, end))) return false;
  return TERM_BEFORE.test(text.slice(Math.max(0, start - 20), start)) || TERM_AFTER.test(text.slice(end, end + 24));
}
