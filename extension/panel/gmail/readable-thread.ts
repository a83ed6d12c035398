import {
  comparable,
  splitQuotedHistory,
  splitSignature,
  type QuotedBlock,
} from '../../../shared/common/text/quoted-history';
import type { GmailPageState } from '../../messaging/page-state';

type Thread = NonNullable<GmailPageState['thread']>;
type PageMessage = Thread['messages'][number];

/** A message as the panel reads it: the page's, with a collapsed one's text recovered when the history holds it. */
export type ReadableMessage = PageMessage & {
  /** True when `bodyText` of a collapsed message came from another message's quoted history. */
  recovered: boolean;
};

export type ReadableThread = Omit<Thread, 'messages'> & {
  messages: ReadableMessage[];
  /** Quoted messages that match no row of the page (Gmail folded them): still thread text, for grounding. */
  unplaced: string[];
};

const SNIPPET_PREFIX = 40;
const DAY_MS = 86_400_000;

/**
 * The thread with every message's text the page allows: collapsed rows get their text from the quoted history of
 * the expanded messages (newest first), each quoted message used once and never twice for what is already expanded;
 * signatures written as a plain "-- " block are split off every body. Runs in the panel: the content script only
 * reads the page.
 */
export function readableThread(thread: Thread): ReadableThread {
  const messages: ReadableMessage[] = thread.messages.map((m) => {
    if (m.signatureText || m.collapsed) return { ...m, recovered: false };
    const { body, signature } = splitSignature(m.bodyText);
    return { ...m, bodyText: body, signatureText: signature, recovered: false };
  });
  const blocks = messages
    .filter((m) => !m.collapsed && m.quotedText)
    .reverse()
    .flatMap((m) => splitQuotedHistory(m.quotedText));
  const used = new Set<QuotedBlock>();
  // What is expanded is read already: its quoted copies place nothing.
  for (const m of messages) {
    if (m.collapsed) continue;
    for (const b of blocks) if (!used.has(b) && sameMessage(m, b, comparable(m.bodyText))) used.add(b);
  }
  for (const m of messages) {
    if (!m.collapsed || m.bodyText) continue;
    const snippet = comparable(m.snippet);
    const block = blocks.find((b) => !used.has(b) && sameMessage(m, b, snippet));
    if (!block) continue;
    used.add(block);
    m.bodyText = block.body;
    m.signatureText = block.signature;
    m.recovered = true;
  }
  // The same quoted message appears once per expanded reply that quotes it: keep one copy of each.
  const unplaced = [...new Set(blocks.filter((b) => !used.has(b) && b.body).map((b) => b.body))].filter(
    (body) => !messages.some((m) => m.bodyText === body),
  );
  return { ...thread, messages, unplaced };
}

/** Whether a quoted block is `m`: same sender, and the same start of text (or, without text, the same minute). */
function sameMessage(m: PageMessage, b: QuotedBlock, start: string): boolean {
  const sender =
    (b.email && b.email.toLowerCase() === m.from.email.toLowerCase()) ||
    (b.name && b.name.toLowerCase() === m.from.name.toLowerCase());
  if (!sender) return false;
  const body = comparable(b.body);
  const prefix = start.slice(0, SNIPPET_PREFIX);
  if (prefix.length >= 8) return body.startsWith(prefix);
  // No text to compare: the dates must agree. The attribution is in the sender's time zone, the header in the
  // rep's, so equal minutes or a whole number of hours apart within a day.
  const at = m.date ? Date.parse(m.date) : NaN;
  if (b.time === null || Number.isNaN(at)) return false;
  const diff = Math.abs(at - b.time);
  return diff < DAY_MS && diff % 1_800_000 < 60_000;
}
