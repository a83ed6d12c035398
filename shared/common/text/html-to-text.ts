/**
 * HTML to plain text without a DOM, so it runs everywhere (service worker, offscreen host, Node, HubSpot card).
 * One linear pass over the tags, then one over the entities: every scan is bounded, so a hostile body such as
 * `<<<<…` or `<!--<!--…` costs time in proportion to its length.
 *
 * Callers differ in what they need, so the differences are options rather than copies:
 * - tokenising (`text/clean.ts`) keeps `<john@acme.com>` and `<https://…>` as text (`grammar: 'element'`);
 * - the fact check (`factcheck/prepare.ts`) needs every offset kept, so tags become as many spaces (`tag: 'mask'`);
 * - scoring (`scoring/text.ts`) turns block tags into line breaks so sentences stay apart (`breakTags`);
 * - HubSpot notes (`crm-app/server/hubspot/contact-reader.ts`) drop inline tags without a trace (`tag: 'remove'`).
 */

/**
 * Which `<…>` runs are tags.
 * - `element`: `<name …>` or `</name>` whose name (a letter, then up to 15 letters or digits) is followed by
 *   whitespace, `/` or `>`, plus whole `<!-- … -->` comments. Addresses in angle brackets stay text.
 * - `markup`: `<` followed by a letter, `/`, `!` or `?`, up to the next `>`: anything tag-like, doctypes included.
 */
export type TagGrammar = 'element' | 'markup';

/**
 * Which entities are decoded.
 * - `none`: left as they are.
 * - `common`: `&nbsp; &amp; &lt; &gt; &quot; &apos; &#39;`, lower case only.
 * - `all`: those names in any case, and every decimal and hexadecimal reference (invalid code points become a space).
 */
export type EntityDecoding = 'none' | 'common' | 'all';

export interface HtmlToTextOptions {
  /** Default `element`. */
  grammar?: TagGrammar;
  /**
   * What a tag becomes: `space` (one space, the default), `mask` (one space per character of the tag, so offsets into
   * the result index the input) or `remove` (nothing).
   */
  tag?: 'space' | 'mask' | 'remove';
  /** Tags (the whole `<…>` text) that become a line break instead. Not applied with `tag: 'mask'`. */
  breakTags?: RegExp;
  /** Default `all`. Entities are decoded after tags are gone, so `&lt;b&gt;` stays the text `<b>`. */
  entities?: EntityDecoding;
}

/** Longest `<…>` run the `markup` grammar treats as a tag; longer runs are text. */
const MAX_MARKUP_TAG_CHARS = 2_000;
/** The `element` grammar's longest tag: `</` + a 16-character name + a separator + 2,000 attribute characters + `>`. */
const MAX_ELEMENT_TAG_CHARS = 2_021;
const ELEMENT_TAG = /^<\/?[a-z][a-z0-9]{0,15}(?:[\s/][^<>]{0,2000})?>$/i;
const MARKUP_TAG_START = /[A-Za-z/!?]/;

const COMMON_ENTITY = /&(nbsp|amp|lt|gt|quot|apos|#39);/g;
const ANY_ENTITY = /&(?:(nbsp|amp|lt|gt|quot|apos)|#(\d{1,7})|#x([0-9a-f]{1,6}));/gi;
const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  '#39': "'",
};

/** Strips (or masks) tags, then decodes entities; see {@link HtmlToTextOptions}. Plain text passes unchanged. */
export function htmlToText(html: string, options: HtmlToTextOptions = {}): string {
  const grammar = options.grammar ?? 'element';
  const withoutComments = grammar === 'element' ? replaceComments(html) : html;
  return decodeEntities(replaceTags(withoutComments, grammar, options), options.entities ?? 'all');
}

/** Decodes the entities `level` names (see {@link EntityDecoding}); everything else is left as it is. */
export function decodeEntities(text: string, level: EntityDecoding): string {
  if (level === 'none' || !text.includes('&')) return text;
  if (level === 'common') return text.replace(COMMON_ENTITY, (_m, name: string) => NAMED_ENTITIES[name] ?? ' ');
  return text.replace(ANY_ENTITY, (_m, named: string | undefined, dec: string | undefined, hex: string | undefined) => {
    if (named) return NAMED_ENTITIES[named.toLowerCase()] ?? ' ';
    return fromCodePoint(dec ? Number.parseInt(dec, 10) : Number.parseInt(hex ?? '', 16));
  });
}

function fromCodePoint(code: number): string {
  // Surrogates and out-of-range values would make an invalid string; a space is a safe stand-in.
  if (!Number.isFinite(code) || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return ' ';
  return String.fromCodePoint(code);
}

// indexOf rather than a lazy regex: `<!--<!--<!--…` with no end would make a regex rescan the rest at every start.
function replaceComments(text: string): string {
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

function replaceTags(text: string, grammar: TagGrammar, options: HtmlToTextOptions): string {
  if (!text.includes('<')) return text;
  const maxChars = grammar === 'element' ? MAX_ELEMENT_TAG_CHARS : MAX_MARKUP_TAG_CHARS;
  const mode = options.tag ?? 'space';
  let out = '';
  let runStart = 0;
  const n = text.length;
  let i = text.indexOf('<');
  while (i >= 0 && i < n) {
    if (!MARKUP_TAG_START.test(text[i + 1] ?? '')) {
      i = text.indexOf('<', i + 1);
      continue;
    }
    // Stop at the next '<' or after maxChars: both bounds keep the whole pass linear.
    let j = i + 1;
    while (j < n && j - i < maxChars && text[j] !== '>' && text[j] !== '<') j++;
    const tag = text[j] === '>' ? text.slice(i, j + 1) : undefined;
    if (tag === undefined || (grammar === 'element' && !ELEMENT_TAG.test(tag))) {
      i = text.indexOf('<', Math.max(j, i + 1));
      continue;
    }
    out += text.slice(runStart, i) + replacement(tag, mode, options.breakTags);
    runStart = j + 1;
    i = text.indexOf('<', j + 1);
  }
  return runStart === 0 ? text : out + text.slice(runStart);
}

function replacement(tag: string, mode: 'space' | 'mask' | 'remove', breakTags: RegExp | undefined): string {
  if (mode === 'mask') return ' '.repeat(tag.length);
  if (breakTags?.test(tag)) return '\n';
  return mode === 'space' ? ' ' : '';
}
