import { ELEMENT_NODE, TEXT_NODE, isHiddenInline } from './dom';

/** Elements whose content is never message text (and, for `script`, must never be read at all). */
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'title',
  'meta',
  'link',
  'iframe',
  'object',
  'embed',
  'svg',
  'canvas',
  'input',
  'select',
  'textarea',
]);

const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'dd',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tbody',
  'tfoot',
  'thead',
  'tr',
  'ul',
]);

export interface TextOptions {
  /** Length of the returned text at most. */
  maxChars: number;
  /** Elements visited at most: a body of a million empty tags must not cost more than one of plain text. */
  maxNodes?: number;
  /** Elements set aside instead of read (quoted history, signature); they are returned in `diverted`. */
  divert?: (el: Element) => boolean;
}

export interface TextResult {
  text: string;
  truncated: boolean;
  /** The outermost diverted elements, in document order. */
  diverted: Element[];
}

const DEFAULT_MAX_NODES = 100_000;

/**
 * The readable text under `root`: text nodes only (never markup, never `innerHTML`), line breaks at block
 * boundaries, whitespace normalised. Work is capped: the walk stops once it has collected enough raw text or visited
 * `maxNodes` nodes, so a 1 MB quoted history costs about as much as `maxChars` of text.
 */
export function extractText(root: Node, options: TextOptions): TextResult {
  const { maxChars, divert } = options;
  const maxNodes = options.maxNodes ?? DEFAULT_MAX_NODES;
  // Raw text shrinks when whitespace is normalised: collect a margin beyond `maxChars` before stopping.
  const rawCap = maxChars * 2 + 1024;
  const parts: string[] = [];
  const diverted: Element[] = [];
  let length = 0;
  let visited = 0;
  let stopped = false;
  // Line breaks owed at a block boundary; adjacent boundaries merge, as in `innerText` (a <p> owes two).
  let owed = 0;
  // A <br> ending a line already broke it: the block boundary after it owes one break less (as rendered).
  let afterBr = false;
  let preDepth = 0;

  const boundary = (el: Element) => {
    if (el.localName === 'p') owed = Math.max(owed, 2);
    else if (BLOCKS.has(el.localName)) owed = Math.max(owed, 1);
  };
  const emit = (text: string) => {
    const breaks = afterBr ? owed - 1 : owed;
    if (breaks > 0 && length > 0) parts.push('\n'.repeat(breaks));
    owed = 0;
    afterBr = false;
    parts.push(text);
    length += text.length;
  };

  let node: Node | null = root.firstChild;
  walk: while (node) {
    let descend = false;
    if (++visited > maxNodes) {
      stopped = true;
      break;
    }
    if (node.nodeType === TEXT_NODE) {
      let value = node.nodeValue ?? '';
      if (value.length > rawCap - length) value = value.slice(0, rawCap - length);
      // Outside <pre>, a newline in the markup is a space on screen.
      if (preDepth === 0) value = value.replace(/\s{2,}|[^\S ]/g, ' ');
      if (value.trim()) emit(value);
      else if (value) parts.push(value);
      if (length >= rawCap) {
        stopped = true;
        break;
      }
    } else if (node.nodeType === ELEMENT_NODE) {
      const el = node as Element;
      const name = el.localName;
      if (SKIPPED.has(name) || isHiddenInline(el)) {
        // Not read, not descended.
      } else if (divert?.(el)) {
        // Read elsewhere, but still a block on screen: the text around it stays on separate lines.
        diverted.push(el);
        boundary(el);
      } else if (name === 'br') {
        emit('\n');
        afterBr = true;
      } else {
        boundary(el);
        if (name === 'td' || name === 'th') parts.push(' ');
        if (name === 'pre') preDepth++;
        descend = el.firstChild !== null;
      }
    }
    if (descend) {
      node = node.firstChild;
      continue;
    }
    // Move to the next node in document order, closing the blocks we leave.
    for (;;) {
      if (node === root) break walk;
      const next: Node | null = node.nextSibling;
      if (next) {
        node = next;
        continue walk;
      }
      node = node.parentNode;
      if (!node || node === root) break walk;
      boundary(node as Element);
      if ((node as Element).localName === 'pre') preDepth--;
    }
  }

  const text = normaliseText(parts.join(''));
  if (text.length <= maxChars) return { text, truncated: stopped, diverted };
  return { text: cutAt(text, maxChars), truncated: true, diverted };
}

/**
 * Collapses spaces, trims lines, keeps at most one blank line, drops zero-width characters. The patterns leave
 * single plain spaces alone: replacing every space of a 100k-character body by itself is most of the cost.
 */
export function normaliseText(raw: string): string {
  return raw
    .replace(/[\u200B-\u200D\uFEFF\u00AD]/g, '')
    .replace(/[^\S\n]{2,}|[^\S\n ]/g, ' ')
    .replace(/ \n ?|\n /g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** `text` cut to `max` characters without splitting a surrogate pair. */
function cutAt(text: string, max: number): string {
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}
