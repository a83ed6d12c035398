/** Matching fixed phrase lists (English and Chinese) in one regex per list. */

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * One case-insensitive regex for a phrase list, longest phrases first. Latin phrases match whole words only (list
 * inflected forms explicitly); a space in a phrase also matches a hyphen or several spaces; Han phrases match
 * anywhere. Phrases must be lower case with straight apostrophes.
 */
export function phraseRegex(phrases: readonly string[]): RegExp {
  const sorted = [...new Set(phrases)].sort((a, b) => b.length - a.length);
  const parts = sorted.map((p) => {
    const body = escape(p).replace(/ /g, '[\\s-]+');
    return /^[\x20-\x7e]+$/.test(p) ? `(?<![a-z0-9])${body}(?![a-z0-9])` : body;
  });
  return new RegExp(parts.join('|'), 'gi');
}

/** Every match of the list in `text` (already normalised), in order. */
export function findPhrases(text: string, re: RegExp): string[] {
  re.lastIndex = 0;
  return [...text.matchAll(re)].map((m) => m[0].toLowerCase().replace(/[\s-]+/g, ' '));
}
