/** Small DOM helpers shared by the Gmail adapter. Plain DOM APIs only: this runs in the content script. */

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
/** `Node.DOCUMENT_POSITION_FOLLOWING`, as a literal so the helpers work with any window's nodes. */
export const FOLLOWING = 4;

/** The document a root belongs to (the root itself when it is the document). */
export function docOf(root: ParentNode): Document {
  return (root as Node).ownerDocument ?? (root as Document);
}

/** All matches of the first selector that matches anything, in order of preference. */
export function queryAllFirst(root: ParentNode, selectors: readonly string[]): Element[] {
  for (const selector of selectors) {
    const found = root.querySelectorAll(selector);
    if (found.length > 0) return Array.from(found);
  }
  return [];
}

// Inline styles that hide text: Gmail hides cached views with `display:none`; a hostile mail hides instructions to
// an assistant with any of these (invisible to the rep, but plain text to a reader of the DOM).
const HIDING_STYLE =
  /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden|opacity\s*:\s*0?\.?0*\s*(?:;|$|!)|font-size\s*:\s*0(?:\.0*)?\s*[a-z%]*\s*(?:;|$|!)|(?:max-)?height\s*:\s*0[a-z]*\s*(?:;|$|!)[^]*overflow\s*:\s*hidden|overflow\s*:\s*hidden[^]*(?:max-)?height\s*:\s*0[a-z]*\s*(?:;|$|!))/i;
// White text (on the white of a mail body), unless the same style paints a background.
const WHITE_TEXT = /(?:^|;)\s*color\s*:\s*(?:#fff(?:fff)?|white|rgba?\(\s*255\s*,\s*255\s*,\s*255)\b/i;
const BACKGROUND = /background/i;

/** Hidden by an attribute or an inline style: cheap, no layout. */
export function isHiddenInline(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  const style = el.getAttribute('style');
  if (!style) return false;
  return HIDING_STYLE.test(style) || (WHITE_TEXT.test(style) && !BACKGROUND.test(style));
}

/** True when `el` or one of its ancestors is hidden inline. */
export function isInHiddenSubtree(el: Element): boolean {
  for (let cur: Element | null = el; cur; cur = cur.parentElement) if (isHiddenInline(cur)) return true;
  return false;
}

/** True when `b` comes after `a` in document order and is not inside it. */
export function isAfter(a: Node, b: Node): boolean {
  return !a.contains(b) && (a.compareDocumentPosition(b) & FOLLOWING) !== 0;
}

const EMAIL = /[^\s<>()"',;:]+@[^\s<>()"',;:]+\.[^\s<>()"',;:]+/g;

/** Every e-mail address in a string ("Jordan Lee <jordan@example.net>, ops@example.net"). */
export function emailsIn(text: string): string[] {
  return text.match(EMAIL) ?? [];
}

/** Case-insensitive de-duplication, keeping the first spelling. */
export function uniqueEmails(emails: readonly string[]): string[] {
  const seen = new Set<string>();
  return emails.filter((e) => {
    const key = e.toLowerCase();
    if (seen.has(key) || !e.includes('@')) return false;
    seen.add(key);
    return true;
  });
}
