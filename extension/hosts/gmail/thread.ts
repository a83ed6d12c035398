import { SelectorError, queryFirst } from '../selector-error';
import { parseGmailDate } from './date';
import { isAfter, isInHiddenSubtree, queryAllFirst } from './dom';
import { gmailSelectors as sel } from './selectors';
import { readSelfEmail } from './self-email';
import { extractText, normaliseText } from './text';
import { findBodyRoot, isQuoted, isSignature, isSignaturePrefix } from './thread-body';
import type { GmailMessage, GmailThread } from './types';

export interface ReadThreadOptions {
  /** Cap of each message's body text. */
  maxBodyChars?: number;
  /** Cap of each message's quoted text (the history repeats earlier messages, so it gets less). */
  maxQuotedChars?: number;
  /** Cap of all text read from the thread, so a 200-message thread stays cheap. */
  maxTotalChars?: number;
}

const DEFAULTS: Required<ReadThreadOptions> = {
  maxBodyChars: 100_000,
  maxQuotedChars: 20_000,
  maxTotalChars: 1_000_000,
};

const SIGNATURE_CHARS = 1_000;
const SNIPPET_CHARS = 500;

/**
 * The open thread's subject heading, or null in a list view. Gmail keeps recently viewed threads in the page, hidden
 * with inline styles, so the first heading that is not hidden wins.
 */
export function findThreadSubject(root: ParentNode): Element | null {
  for (const selector of sel.threadSubject) {
    for (const el of root.querySelectorAll(selector)) if (!isInHiddenSubtree(el)) return el;
  }
  return null;
}

/** `thread-f:…` (permanent id) when present, else the legacy hex id. */
export function threadIdOf(subject: Element): string {
  const id = subject.getAttribute('data-thread-perm-id') || subject.getAttribute('data-legacy-thread-id') || '';
  return id.replace(/^#/, '');
}

/**
 * Reads the open thread as text: every row of the conversation, expanded messages with their body, quoted history
 * and signature apart, collapsed ones with their header and snippet (the panel recovers their text from the quoted
 * history), and how many messages Gmail folded away. Throws `SelectorError` when no thread is open or when a message
 * has no sender: a layout change must be loud, not an empty thread. Bodies are read with `textContent`-style walking
 * only, so scripts, event-handler attributes and markup in a message are never parsed or run.
 */
export function readThread(root: ParentNode, options: ReadThreadOptions = {}): GmailThread {
  const caps = { ...DEFAULTS, ...options };
  const subject = findThreadSubject(root);
  if (!subject) throw new SelectorError('gmail', 'thread', sel.threadSubject);

  const container = threadContainerOf(subject);
  // A draft being edited inside the thread is a compose, not a message.
  const drafts = queryAllFirst(container, sel.composeBody);
  const outside = (el: Element) => !drafts.some((d) => el.contains(d));
  const rows = messageRows(container);
  const budget = { left: caps.maxTotalChars };
  const messages: GmailMessage[] = [];
  let folded = 0;

  if (rows.length === 0) {
    // A layout without the list markup: every message element is a message.
    for (const el of queryAllFirst(container, sel.message))
      if (outside(el)) messages.push(readMessage(el, caps, budget));
  }
  rows.forEach((row, index) => {
    const el = row.matches(sel.message.join(', ')) ? row : queryFirst(row, sel.message);
    if (el && outside(el) && !isInHiddenSubtree(el)) {
      messages.push(readMessage(el, caps, budget));
      return;
    }
    const sender = queryFirst(row, sel.messageSender);
    if (sender) messages.push(readCollapsed(row, sender, index));
    else folded += foldedIn(row);
  });
  if (messages.length === 0) throw new SelectorError('gmail', 'message', sel.message);

  return {
    threadId: threadIdOf(subject),
    subject: normaliseText(subject.textContent ?? ''),
    messages,
    folded,
    selfEmail: readSelfEmail(root)?.email ?? null,
  };
}

/** The closest ancestor of the subject that holds messages: one thread view, not the cached ones beside it. */
function threadContainerOf(subject: Element): Element {
  const holds = [...sel.message, ...sel.messageRow].join(', ');
  let cur: Element = subject;
  while (cur.parentElement) {
    cur = cur.parentElement;
    if (cur.querySelector(holds)) return cur;
  }
  return cur;
}

/** The conversation's rows in order (the "N older messages" bubble is taken to be one of them: inferred, L). */
function messageRows(container: Element): Element[] {
  return queryAllFirst(container, sel.messageRow);
}

/** How many messages a row without a sender stands for: the number in Gmail's "N older messages" bubble, else 0. */
function foldedIn(row: Element): number {
  const text = (queryFirst(row, sel.foldedCountLegacy) ?? row).textContent ?? '';
  const n = /\d+/.exec(text.replace(/[,.\s]/g, ''));
  return n ? Math.min(Number(n[0]), 10_000) : 0;
}

function personOf(sender: Element) {
  return {
    name: (sender.getAttribute('name') || sender.textContent || '').trim(),
    email: (sender.getAttribute('email') || sender.getAttribute('data-hovercard-id') || '').trim(),
  };
}

/** A collapsed row: no id (Gmail gives it none), so its place in the conversation names it. */
function readCollapsed(row: Element, sender: Element, index: number): GmailMessage {
  const dateText = readDateText(row, sender, null);
  const snippet = queryFirst(row, sel.messageSnippetLegacy);
  return {
    id: `collapsed-${index}`,
    from: personOf(sender),
    date: parseGmailDate(dateText),
    dateText,
    bodyText: '',
    quotedText: '',
    signatureText: '',
    snippet: snippet ? extractText(snippet, { maxChars: SNIPPET_CHARS }).text : '',
    truncated: false,
    collapsed: true,
  };
}

/** Reads one message; `budget.left` is the thread's remaining text allowance, shared by all messages. */
function readMessage(el: Element, caps: Required<ReadThreadOptions>, budget: { left: number }): GmailMessage {
  const id = (el.getAttribute('data-message-id') || el.getAttribute('data-legacy-message-id') || '').replace(/^#/, '');
  const sender = queryFirst(el, sel.messageSender);
  if (!sender) throw new SelectorError('gmail', 'sender', sel.messageSender);
  const from = personOf(sender);

  const bodyRoot = findBodyRoot(el, sender);
  const dateText = readDateText(el, sender, bodyRoot);
  const base = { id, from, date: parseGmailDate(dateText), dateText, snippet: '' };
  if (!bodyRoot) {
    return { ...base, bodyText: '', quotedText: '', signatureText: '', truncated: false, collapsed: true };
  }

  const body = extractText(bodyRoot, {
    maxChars: Math.min(caps.maxBodyChars, budget.left),
    divert: (e) => isQuoted(e) || isSignature(e),
  });
  budget.left -= body.text.length;
  const maxQuoted = Math.min(caps.maxQuotedChars, budget.left);
  let quotedText = '';
  let quotedTruncated = false;
  const signatures: string[] = [];
  for (const part of body.diverted) {
    if (!isQuoted(part)) {
      // The "-- " prefix is the separator, not part of the signature.
      if (!isSignaturePrefix(part)) signatures.push(extractText(part, { maxChars: SIGNATURE_CHARS }).text);
      continue;
    }
    const room = maxQuoted - quotedText.length;
    if (room <= 0) {
      quotedTruncated = true;
      break;
    }
    const text = extractText(part, { maxChars: room });
    const joined = quotedText ? `${quotedText}\n\n${text.text}` : text.text;
    quotedText = joined.slice(0, maxQuoted);
    quotedTruncated ||= text.truncated || joined.length > maxQuoted;
  }
  budget.left -= quotedText.length;
  return {
    ...base,
    // A plain-text "--" left where the prefix was (Gmail writes it as text in some bodies).
    bodyText: signatures.length > 0 ? body.text.replace(/\n+--$/, '') : body.text,
    quotedText,
    signatureText: signatures.join('\n').slice(0, SIGNATURE_CHARS),
    truncated: body.truncated || quotedTruncated,
    collapsed: false,
  };
}

/**
 * The header's date tooltip: the nearest `title` around the sender, outside the body. Searched outwards from the
 * sender with `querySelector` (first match only), so a huge body is never scanned for it.
 */
function readDateText(message: Element, sender: Element, bodyRoot: Element | null): string {
  for (let cur = sender.parentElement; cur; cur = cur.parentElement) {
    for (const selector of sel.messageDate) {
      const el = cur.querySelector(selector);
      // Null while this ancestor holds no tooltip yet: the loop widens to the next one.
      const title = el?.getAttribute('title')?.trim();
      if (el && title && isAfter(sender, el) && !bodyRoot?.contains(el)) return title;
    }
    if (cur === message) break;
  }
  return '';
}

/**
 * Clicks the open thread's "N older messages" bubble, as the rep would: Gmail then renders the folded messages as
 * collapsed rows, which the next read picks up. Only on the rep's request; false when there is no bubble.
 */
export function expandFolded(root: ParentNode): boolean {
  const subject = findThreadSubject(root);
  if (!subject) return false;
  const bubble = messageRows(threadContainerOf(subject)).find(
    (row) => !queryFirst(row, sel.message) && !queryFirst(row, sel.messageSender) && foldedIn(row) > 0,
  );
  if (!bubble) return false;
  const target = (queryFirst(bubble, sel.foldedCountLegacy) ?? bubble) as HTMLElement;
  target.click();
  return true;
}
