/** The only words an English Gmail date tooltip contains; anything else means another locale. */
const ENGLISH_WORDS = new Set(
  [
    'Mon Tue Wed Thu Fri Sat Sun',
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday',
    'Jan Feb Mar Apr May Jun Jul Aug Sep Sept Oct Nov Dec',
    'January February March April June July August September October November December',
    'AM PM',
  ]
    .join(' ')
    .split(' '),
);

/**
 * Gmail's header date ("Tue, Nov 3, 2026, 10:12 AM") as an ISO string, or null when it cannot be read with
 * confidence. The text is in the rep's locale and time zone. Only English formats are parsed (with Chrome's
 * `Date.parse`): other locales' words can look like English ones ("mar." is Tuesday in French, March to
 * `Date.parse`), so they give null and callers keep the raw text.
 */
export function parseGmailDate(text: string): string | null {
  const cleaned = text
    // Chrome's ICU puts a narrow no-break space before AM/PM.
    .replace(/[\u00A0\u202F]/g, ' ')
    // Older layouts: "Mon, Nov 2, 2026 at 9:41 AM".
    .replace(/\s+at\s+/, ' ')
    // The relative part Gmail sometimes appends: "(2 hours ago)".
    .replace(/\s*\([^)]*\)\s*$/, '')
    .trim();
  // Without a year, Date.parse guesses one (2001): refuse rather than invent.
  if (!/\b\d{4}\b/.test(cleaned)) return null;
  if (!(cleaned.match(/\p{L}+/gu) ?? []).every((word) => ENGLISH_WORDS.has(word))) return null;
  const ms = Date.parse(cleaned);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}
