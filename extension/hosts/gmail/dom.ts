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

const DISPLAY_NONE = /display\s*:\s*none/i;

/** Hidden by an attribute or an inline style: cheap, no layout (Gmail hides cached views with inline styles). */
export function isHiddenInline(el: Element): boolean {
  return el.hasAttribute('hidden') || DISPLAY_NONE.test(el.getAttribute('style') ?? '');
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
