import { queryFirst } from '../selector-error';
import { isAfter } from './dom';
import { gmailSelectors as sel } from './selectors';

const QUOTED = sel.quoted.join(', ');

/** True for the outermost element of a quoted history. */
export function isQuoted(el: Element): boolean {
  return el.matches(QUOTED);
}

/**
 * The element holding a rendered message body, or null when the message is collapsed (Gmail renders only the
 * header). Gmail wraps a body written in Gmail in `div[dir]` as the first child of the body container, with the
 * quoted history as a later sibling, so the container is the parent of the first `div[dir]` after the header. That
 * guess is trusted only when the block is its container's first element and not itself inside a quote: a body from
 * another client (Outlook) may have its first `div[dir]` deep inside the quoted history, and then the dated
 * class fallback answers instead.
 */
export function findBodyRoot(message: Element, sender: Element): Element | null {
  const block = queryFirst(message, sel.messageBodyBlock);
  if (block && isAfter(sender, block) && !block.closest(QUOTED)) {
    const parent = block.parentElement;
    const isFirst = parent?.firstElementChild === block;
    if (parent && isFirst && parent !== message && !parent.contains(sender)) return parent;
    if (!parent || parent === message || parent.contains(sender)) return block;
  }
  return queryFirst(message, sel.messageBodyLegacy);
}

const SIGNATURE = sel.signature.join(', ');
const SIGNATURE_PREFIX = sel.signaturePrefix.join(', ');

/** True for a signature block or the "-- " prefix above it. */
export function isSignature(el: Element): boolean {
  return el.matches(SIGNATURE);
}

export function isSignaturePrefix(el: Element): boolean {
  return el.matches(SIGNATURE_PREFIX);
}
