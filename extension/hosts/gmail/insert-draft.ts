import { ELEMENT_NODE, TEXT_NODE } from './dom';
import { containsSignatureOrQuote, isSignatureOrQuote } from './compose';
import type { GmailCompose, InsertResult } from './types';

export interface InsertOptions {
  /** Replace the rep's selection in the body (else the text goes after it). */
  replaceSelection?: boolean;
}

/** Longer drafts are refused (the caller offers the clipboard), so one insertion can never freeze Gmail's editor. */
const MAX_DRAFT_CHARS = 50_000;

/**
 * Inserts plain text into a compose at the rep's cursor, or replacing their selection, and never inside or below the
 * signature or the quoted history. Only text nodes, `<div>` lines and `<br>`s are created: no markup is parsed, so
 * untrusted text cannot inject HTML and nothing here is a Trusted Types sink. Without a cursor in the body, the
 * text goes after what the rep wrote (or at the top of an empty body), above the signature. The result says why it
 * failed so the caller can fall back to the clipboard.
 */
export function insertDraft(compose: GmailCompose, text: string, options: InsertOptions = {}): InsertResult {
  const { body } = compose;
  if (!body.isConnected) return { ok: false, reason: 'compose-closed' };
  if (body.getAttribute('contenteditable') === 'false') return { ok: false, reason: 'not-editable' };
  const normalised = text.replace(/\r\n?/g, '\n');
  if (!normalised.trim()) return { ok: false, reason: 'empty-text' };
  if (normalised.length > MAX_DRAFT_CHARS) return { ok: false, reason: 'too-long' };

  try {
    const doc = body.ownerDocument;
    const selection = doc.getSelection();
    const range = selectionRangeIn(body, selection) ?? defaultRange(body);
    if (!range.collapsed) {
      if (options.replaceSelection) range.deleteContents();
      else range.collapse(false);
    }
    const lines = normalised.split('\n');
    const inline = lines.length === 1 && range.startContainer !== body;
    // Lines typed into an empty line fill it, as typing would, instead of nesting inside it.
    const emptyLine = inline ? null : emptyLineAt(body, range);
    if (emptyLine) {
      range.selectNode(emptyLine);
      range.deleteContents();
    }
    const fragment = doc.createDocumentFragment();
    if (inline) fragment.append(doc.createTextNode(normalised));
    else for (const line of lines) fragment.append(lineElement(doc, line));
    const last = fragment.lastChild as Node;
    range.insertNode(fragment);

    // Leave the caret after the inserted text, where the rep would continue typing.
    range.setStartAfter(last);
    range.collapse(true);
    selection?.removeAllRanges();
    selection?.addRange(range);
    // Gmail saves drafts and updates its send state on input events.
    body.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: normalised }));
    return last.isConnected ? { ok: true } : { ok: false, reason: 'dom-error' };
  } catch {
    return { ok: false, reason: 'dom-error' };
  }
}

/** The empty line (`<div><br></div>`) holding a collapsed caret, if that is where it is. */
function emptyLineAt(body: HTMLElement, range: Range): Element | null {
  const node = range.startContainer;
  const line = node.nodeType === ELEMENT_NODE ? (node as Element) : node.parentElement;
  if (!line || line === body || !body.contains(line) || line.localName !== 'div') return null;
  const onlyBreaks = Array.from(line.childNodes).every(
    (child) => (child as Element).localName === 'br' || (child.nodeType === TEXT_NODE && !child.nodeValue?.trim()),
  );
  return onlyBreaks ? line : null;
}

/** One line as Gmail's editor writes it: `<div>text</div>`, and `<div><br></div>` for an empty line. */
function lineElement(doc: Document, line: string): HTMLElement {
  const div = doc.createElement('div');
  div.append(line ? doc.createTextNode(line) : doc.createElement('br'));
  return div;
}

/**
 * The rep's selection when it is in this body and outside the signature/quote; a selection reaching into the
 * signature is cut before it so replacing never deletes it.
 */
export function selectionRangeIn(body: HTMLElement, selection: Selection | null): Range | null {
  // No selection at all when the document never had focus.
  if (!selection || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0).cloneRange();
  if (!body.contains(range.startContainer) || !body.contains(range.endContainer)) return null;
  if (protectedAncestor(body, range.startContainer)) return null;
  const protectedBlock = firstProtectedBlock(body);
  if (!protectedBlock) return range;
  const limit = body.ownerDocument.createRange();
  limit.setStartBefore(protectedBlock);
  // A caret below the signature (the rep clicked under it) counts as no caret. 0 is Range.START_TO_START.
  if (range.compareBoundaryPoints(0, limit) > 0) return null;
  if (range.intersectsNode(protectedBlock)) range.setEndBefore(protectedBlock);
  return range;
}

/** Where text goes without a cursor: after the rep's text and above the signature, or at the top of an empty body. */
function defaultRange(body: HTMLElement): Range {
  const range = body.ownerDocument.createRange();
  const protectedBlock = firstProtectedBlock(body);
  if (!protectedBlock) {
    range.selectNodeContents(body);
    range.collapse(!hasText(body.firstChild, null));
    return range;
  }
  if (hasText(body.firstChild, protectedBlock)) range.setStartBefore(protectedBlock);
  else range.setStart(body, 0);
  range.collapse(true);
  return range;
}

/** The child of `body` that starts the signature or quote, including a plain-text `-- ` line above it. */
export function firstProtectedBlock(body: HTMLElement): ChildNode | null {
  let block: ChildNode | null = null;
  for (let child = body.firstChild; child && !block; child = child.nextSibling) {
    if (child.nodeType !== ELEMENT_NODE) continue;
    const el = child as Element;
    if (containsSignatureOrQuote(el)) block = child;
  }
  // Older signatures: "-- " as a text line (and its <br>) directly above the signature block.
  while (block?.previousSibling && isSignatureDashes(block.previousSibling)) block = block.previousSibling;
  return block;
}

function isSignatureDashes(node: Node): boolean {
  if (node.nodeType === TEXT_NODE) return /^\s*(--)?\s*$/.test(node.nodeValue ?? '');
  return (node as Element).localName === 'br';
}

function protectedAncestor(body: HTMLElement, node: Node): boolean {
  for (let cur: Node | null = node; cur && cur !== body; cur = cur.parentNode) {
    if (cur.nodeType === ELEMENT_NODE && isSignatureOrQuote(cur as Element)) return true;
  }
  return false;
}

/** True when a sibling from `from` up to (not including) `until` holds visible text. */
function hasText(from: ChildNode | null, until: ChildNode | null): boolean {
  for (let cur = from; cur && cur !== until; cur = cur.nextSibling) if ((cur.textContent ?? '').trim()) return true;
  return false;
}
