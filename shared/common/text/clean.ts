/**
 * Text clean-up before tokenising: HTML tags and entities, Unicode compatibility forms, invisible and control
 * characters. Every regex here is bounded, so cleaning is linear in the input length.
 */

// Only things that look like real tags: `<john@acme.com>` and `<https://…>` (common in email headers and bounces)
// must survive, so the tag name has to be followed by whitespace, `/` or `>`.
const HTML_TAG = /<\/?[a-z][a-z0-9]{0,15}(?:[\s/][^<>]{0,2000})?>/gi;
const HTML_ENTITY = /&(?:(nbsp|amp|lt|gt|quot|apos)|#(\d{1,7})|#x([0-9a-f]{1,6}));/gi;
const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

function decodeCodePoint(code: number): string {
  // Surrogates and out-of-range values would make an invalid string; a space is a safe stand-in.
  if (!Number.isFinite(code) || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return ' ';
  return String.fromCodePoint(code);
}

// indexOf rather than a lazy regex: `<!--<!--<!--…` with no end would make a regex rescan the rest at every start.
function stripComments(text: string): string {
  let out = '';
  let from = 0;
  for (;;) {
    const open = text.indexOf('<!--', from);
    if (open < 0) break;
    const close = text.indexOf('-->', open + 4);
    if (close < 0) break;
    out += text.slice(from, open) + ' ';
    from = close + 3;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** Replaces HTML tags and comments with spaces and decodes the common entities. Plain text passes unchanged. */
export function stripHtml(text: string): string {
  return stripComments(text)
    .replace(HTML_TAG, ' ')
    .replace(HTML_ENTITY, (_m, named: string | undefined, dec: string | undefined, hex: string | undefined) => {
      if (named) return NAMED_ENTITIES[named.toLowerCase()] ?? ' ';
      return decodeCodePoint(dec ? Number.parseInt(dec, 10) : Number.parseInt(hex ?? '', 16));
    });
}

/**
 * Unicode clean-up: NFKC (full-width "Ｈｅｌｌｏ１２３" → "Hello123", common in Chinese text), typographic apostrophes
 * to `'`, format characters removed (zero-width spaces and soft hyphens are used to split words and dodge filters),
 * other control characters turned into spaces (newlines and tabs stay, they mark boundaries), then lower-casing.
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201B\u02BC`´]/g, "'")
    .replace(/\p{Cf}/gu, '')
    .replace(/(?![\t\n\r])\p{Cc}/gu, ' ')
    .replace(/\r\n?/g, '\n')
    .toLowerCase();
}
