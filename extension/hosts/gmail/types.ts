/** What the Gmail adapter reads and reports. Plain data (plus the compose's elements), no DOM wrappers. */

export interface GmailPerson {
  name: string;
  email: string;
}

export interface GmailMessage {
  /** `msg-f:…` from `data-message-id` (without Gmail's leading `#`), else the legacy hex id. */
  id: string;
  from: GmailPerson;
  /** ISO 8601 when the header date parses (English layouts), else null. */
  date: string | null;
  /** The header date as Gmail shows it in its tooltip, in the rep's locale. */
  dateText: string;
  /** The message's own text: markup stripped, whitespace normalised, quoted history and signature removed. */
  bodyText: string;
  /** The quoted history (replies' "On … wrote:" blocks), separated from the body. */
  quotedText: string;
  /** The sender's signature (`data-smartmail="gmail_signature"`), kept out of the body. */
  signatureText: string;
  /** A collapsed row's snippet: the start of its text, as Gmail shows it. Empty for expanded messages. */
  snippet: string;
  /** True when the body or the quoted text was cut to the length cap. */
  truncated: boolean;
  /**
   * True when Gmail shows only the header (a collapsed row, id `collapsed-<row>`): the body is not in the page; the
   * panel looks for it in the quoted history of the messages that are expanded.
   */
  collapsed: boolean;
}

export interface GmailThread {
  /** `thread-f:…` from `data-thread-perm-id`, else the legacy hex id. */
  threadId: string;
  subject: string;
  messages: GmailMessage[];
  /** Messages Gmail folded into its "N older messages" bubble: neither header nor text is in the page. */
  folded: number;
  selfEmail: string | null;
}

/**
 * - `new`: a docked (or full-screen) new message in the Gmail tab.
 * - `reply`: a docked reply or forward (an inline reply the rep popped out into a window of the tab).
 * - `inline`: a reply open inside the thread view.
 * - `popout`: a compose in its own browser window (Shift+click, or a reply opened "in a new window").
 */
export type ComposeKind = 'new' | 'reply' | 'inline' | 'popout';

export interface GmailCompose {
  kind: ComposeKind;
  /** The compose's container: the dialog, or for inline replies and pop-outs the compose region. */
  element: HTMLElement;
  /** The editable body. */
  body: HTMLElement;
  to: string[];
  subject: string;
  /** What the rep wrote: the body without the signature and the quoted history. */
  bodyText: string;
}

export type InsertResult =
  { ok: true } | { ok: false; reason: 'compose-closed' | 'not-editable' | 'empty-text' | 'too-long' | 'dom-error' };

export interface SendEvent {
  composeKind: ComposeKind;
  to: string[];
  subject: string;
  bodyText: string;
  /** ISO 8601 time the send was requested. */
  at: string;
  via: 'click' | 'keyboard';
}

export interface NavigationState {
  url: string;
  /** The open thread, or null in a list view (or while the thread has not rendered yet). */
  threadId: string | null;
}

export type GmailFeature =
  'thread' | 'collapsed' | 'quotedHistory' | 'signature' | 'compose' | 'insert' | 'sendDetection' | 'selfEmail';

export interface FeatureCheck {
  feature: GmailFeature;
  ok: boolean;
  detail: string;
  /** Off only because the view has nothing for it (no conversation, no reply box open): normal, not a fault. */
  idle?: boolean;
}

export interface WatchOptions {
  /** Aborting it stops the watcher, like calling the function the watcher returned. */
  signal?: AbortSignal;
}
