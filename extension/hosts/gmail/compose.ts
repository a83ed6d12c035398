import { queryFirst } from '../selector-error';
import { docOf, emailsIn, queryAllFirst, uniqueEmails } from './dom';
import { gmailSelectors as sel } from './selectors';
import { extractText, normaliseText } from './text';
import { findThreadSubject } from './thread';
import type { ComposeKind, GmailCompose } from './types';

const SIGNATURE_OR_QUOTE = [...sel.signature, ...sel.quoted].join(', ');
const COMPOSE_BODY_CHARS = 100_000;

/** Every compose open in `root`: docked, full-screen, inline replies and the pop-out window's. None is not an error. */
export function findComposes(root: ParentNode): GmailCompose[] {
  return queryAllFirst(root, sel.composeBody).map((body) => readCompose(body as HTMLElement));
}

/** The compose an element (a button, the body, a recipient field) belongs to, or null outside any compose. */
export function composeBodyFor(el: Element): HTMLElement | null {
  const container = el.closest(sel.composeDialog.join(', ')) ?? el.closest(sel.composeRegion.join(', '));
  // Inside a dialog or region, the body is the compose's; outside, walk up to the nearest ancestor holding one,
  // stopping at the main region so a click in the thread never resolves to an inline reply further down.
  if (container) return queryFirst(container, sel.composeBody) as HTMLElement | null;
  for (let cur: Element | null = el; cur && !cur.matches(sel.appMain.join(', ')); cur = cur.parentElement) {
    const body = queryFirst(cur, sel.composeBody);
    if (body) return body as HTMLElement;
  }
  return null;
}

export function readCompose(body: HTMLElement): GmailCompose {
  const element = composeElementOf(body);
  const kind = composeKindOf(element, body);
  return {
    kind,
    element,
    body,
    to: readRecipients(element, body),
    subject: readSubject(element, kind),
    bodyText: composeText(body),
  };
}

/** The rep's text: the signature and quote are set aside, and so is a plain-text "-- " line left above them. */
function composeText(body: HTMLElement): string {
  const { text } = extractText(body, { maxChars: COMPOSE_BODY_CHARS, divert: isSignatureOrQuote });
  return text.replace(/(^|\n+)--$/, '');
}

/** True for the signature, its `-- ` prefix and quoted history inside a compose body. */
export function isSignatureOrQuote(el: Element): boolean {
  return el.matches(SIGNATURE_OR_QUOTE);
}

export function containsSignatureOrQuote(el: Element): boolean {
  return el.matches(SIGNATURE_OR_QUOTE) || el.querySelector(SIGNATURE_OR_QUOTE) !== null;
}

/** The container of a compose body: its dialog, else its region. */
export function composeElementOf(body: HTMLElement): HTMLElement {
  const container = body.closest(sel.composeDialog.join(', ')) ?? body.closest(sel.composeRegion.join(', '));
  // An inline reply without a region (a layout change) still works with the body's parent as its container.
  return (container ?? body.parentElement ?? body) as HTMLElement;
}

function composeKindOf(element: HTMLElement, body: HTMLElement): ComposeKind {
  if (isPopoutWindow(docOf(body))) return 'popout';
  if (!body.closest(sel.composeDialog.join(', '))) return 'inline';
  // The reply-target field is missing from composes Gmail has not finished setting up: treated as new.
  const target = (queryFirst(element, sel.composeReplyTarget) as HTMLInputElement | null)?.value ?? '';
  return target && target !== 'undefined' && target !== 'null' ? 'reply' : 'new';
}

/**
 * A pop-out compose window: Gmail opens it with `view=btop` (or `view=cm` for mailto links), and it has no label
 * navigation, which every full Gmail tab has. The URL check alone misses a pop-out whose URL Gmail rewrote.
 */
function isPopoutWindow(doc: Document): boolean {
  // A document without a browsing context (DOMParser) has no location.
  const href = doc.location?.href ?? '';
  return /[?&]view=(btop|cm)\b/.test(href) || !queryFirst(doc, sel.navigation);
}

function readRecipients(element: Element, body: Element): string[] {
  const found: string[] = [];
  for (const field of element.querySelectorAll(sel.composeTo.join(', '))) {
    // Compared by name, not `instanceof`, so elements of another window (a pop-out, a test document) work too.
    if (field.localName === 'input' || field.localName === 'textarea') {
      found.push(...emailsIn((field as HTMLInputElement).value));
      continue;
    }
    for (const chip of queryAllFirst(field, sel.recipientChip)) found.push(...emailsIn(addressOf(chip)));
    // An address typed but not yet turned into a chip still goes out with the message.
    for (const input of queryAllFirst(field, sel.recipientInput)) {
      found.push(...emailsIn((input as HTMLInputElement).value));
    }
  }
  if (found.length === 0) {
    for (const span of queryAllFirst(element, sel.recipientSummary))
      if (!body.contains(span)) found.push(addressOf(span));
  }
  return uniqueEmails(found);
}

function addressOf(el: Element): string {
  return el.getAttribute('data-hovercard-id') ?? el.getAttribute('email') ?? '';
}

function readSubject(element: Element, kind: ComposeKind): string {
  // Inline replies may have no subject field.
  const input = queryFirst(element, sel.composeSubject) as HTMLInputElement | null;
  if (input?.value) return normaliseText(input.value);
  // An inline reply keeps the thread's subject.
  const heading = kind === 'inline' ? findThreadSubject(docOf(element)) : null;
  return heading ? normaliseText(heading.textContent ?? '') : '';
}
