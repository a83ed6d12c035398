import { SelectorError, queryFirst } from '../selector-error';
import { parseGmailDate } from './date';
import { isAfter, isInHiddenSubtree, queryAllFirst } from './dom';
import { gmailSelectors as sel } from './selectors';
import { readSelfEmail } from './self-email';
import { extractText, normaliseText } from './text';
import { findBodyRoot, isQuoted } from './thread-body';
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
 * Reads the open thread as text. Throws `SelectorError` when no thread is open or when a message has no sender:
 * a layout change must be loud, not an empty thread. Bodies are read with `textContent`-style walking only, so
 * scripts, event-handler attributes and markup in a message are never parsed or run.
 */
export function readThread(root: ParentNode, options: ReadThreadOptions = {}): GmailThread {
  const caps = { ...DEFAULTS, ...options };
  const subject = findThreadSubject(root);
  if (!subject) throw new SelectorError('gmail', 'thread', sel.threadSubject);

  const container = threadContainerOf(subject);
  // A draft being edited inside the thread is a compose, not a message.
  const drafts = queryAllFirst(container, sel.composeBody);
  const elements = queryAllFirst(container, sel.message).filter((el) => !drafts.some((d) => el.contains(d)));
  if (elements.length === 0) throw new SelectorError('gmail', 'message', sel.message);

  const budget = { left: caps.maxTotalChars };
  const messages = elements.map((el) => readMessage(el, caps, budget));

  return {
    threadId: threadIdOf(subject),
    subject: normaliseText(subject.textContent ?? ''),
    messages,
    selfEmail: readSelfEmail(root)?.email ?? null,
  };
}

/** The closest ancestor of the subject that holds messages: one thread view, not the cached ones beside it. */
function threadContainerOf(subject: Element): Element {
  let cur: Element = subject;
  while (cur.parentElement) {
    cur = cur.parentElement;
    if (queryFirst(cur, sel.message)) return cur;
  }
  return cur;
}

/** Reads one message; `budget.left` is the thread's remaining text allowance, shared by all messages. */
function readMessage(el: Element, caps: Required<ReadThreadOptions>, budget: { left: number }): GmailMessage {
  const id = (el.getAttribute('data-message-id') || el.getAttribute('data-legacy-message-id') || '').replace(/^#/, '');
  const sender = queryFirst(el, sel.messageSender);
  if (!sender) throw new SelectorError('gmail', 'sender', sel.messageSender);
  const from = {
    name: (sender.getAttribute('name') || sender.textContent || '').trim(),
    email: (sender.getAttribute('email') || sender.getAttribute('data-hovercard-id') || '').trim(),
  };

  const bodyRoot = findBodyRoot(el, sender);
  const dateText = readDateText(el, sender, bodyRoot);
  if (!bodyRoot) {
    return {
      id,
      from,
      date: parseGmailDate(dateText),
      dateText,
      bodyText: '',
      quotedText: '',
      truncated: false,
      collapsed: true,
    };
  }

  const body = extractText(bodyRoot, { maxChars: Math.min(caps.maxBodyChars, budget.left), divert: isQuoted });
  budget.left -= body.text.length;
  const maxQuoted = Math.min(caps.maxQuotedChars, budget.left);
  let quotedText = '';
  let quotedTruncated = false;
  for (const quote of body.diverted) {
    const room = maxQuoted - quotedText.length;
    if (room <= 0) {
      quotedTruncated = true;
      break;
    }
    const part = extractText(quote, { maxChars: room });
    const joined = quotedText ? `${quotedText}\n\n${part.text}` : part.text;
    quotedText = joined.slice(0, maxQuoted);
    quotedTruncated ||= part.truncated || joined.length > maxQuoted;
  }
  budget.left -= quotedText.length;
  return {
    id,
    from,
    date: parseGmailDate(dateText),
    dateText,
    bodyText: body.text,
    quotedText,
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
