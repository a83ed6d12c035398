import type { SiteDefinition } from '../site';

/**
 * Every Gmail selector lives here. Roles and data attributes first: Gmail's class names are obfuscated and change,
 * and aria-labels, tooltips and button texts are localised, so none of those are used to find anything.
 *
 * Each entry is a list tried in order (see `queryFirst`); a class name appears only as a last, dated fallback marked
 * `// Legacy`. Expected match counts per fixture are asserted in `selectors.test.ts` (fixtures built from the public
 * evidence in `../shared/reference/gmail-dom-evidence.md`, `extension/e2e/fixtures/gmail-2026-12-*.html`).
 */
export const gmailSelectors = {
  /** Gmail's main region (thread list or open thread). */
  appMain: ['div[role="main"]', '[role="main"]'],
  /** The label navigation: present in the full Gmail app, absent from a pop-out compose window. */
  navigation: ['[role="navigation"]'],
  /** The account bar, where a future layout may expose the rep's address as an attribute. */
  accountArea: ['header[role="banner"]', '[role="banner"]'],
  /**
   * The rep's address inside `accountArea`. In the 2026-11 captures the address is only in a localised aria-label
   * (never read), so these rarely match and `composeFrom` / `document.title` answer instead; they are tried first
   * so an attribute, when Gmail adds one, wins over parsing the title.
   */
  accountEmail: ['[data-email]', '[data-hovercard-id*="@"]', 'span[email]'],

  /**
   * The open thread's subject heading, which carries the thread ids. Headings only: the rows of the thread list also
   * carry `data-legacy-thread-id`, and reading a thread from the list view must fail loudly, not pick a row.
   */
  threadSubject: [
    'h2[data-thread-perm-id]',
    'h2[data-legacy-thread-id]',
    '[role="heading"][data-thread-perm-id]',
    '[role="heading"][data-legacy-thread-id]',
  ],
  /**
   * One row of the conversation: `.aHU > .hx > [role=list] > [role=listitem]`, expanded (`div.h7`, holding the
   * message) or collapsed (`div.kv`, a header and a snippet, no message id: trap T4 of the evidence, S1/S7/S8).
   */
  messageRow: ['[role="list"] > [role="listitem"]'],
  /** An expanded message inside its row. The value of `data-message-id` starts with `#` (S9 #5973). */
  message: ['[data-message-id]', '[data-legacy-message-id]'],
  /** The snippet Gmail shows in a collapsed row (`div.iA.g6`, S1/S8, evidence H); no role or attribute marks it. */
  // Legacy: class only, and the self-check says when no collapsed row has one.
  // TODO [2027-06-01]: replace if a 2027 capture shows an attribute on the snippet.
  messageSnippetLegacy: ['div.iA.g6', '.iA'],
  /**
   * The number in the "N older messages" bubble of a long conversation (super-collapsed `kQ`/`kx` rows with an
   * `.adv`/`.adx` count: named by the evidence, markup not evidenced in detail, confidence L). Read only inside a row
   * that has no sender, so a wrong guess costs a missing count, never a wrong message; else the row's own number.
   */
  // Legacy: class only, inferred.
  // TODO [2027-06-01]: check against a capture of a long conversation.
  foldedCountLegacy: ['.adv', '.adx'],
  /** The sender inside a message header: the `h3` holds the sender, later `span[email]`s are recipients. */
  messageSender: ['h3 span[email]', 'span[email][name]', '[data-hovercard-id][name]'],
  /** The absolute date of a message: the header's `title` attribute (the visible text is relative, "2 hours ago"). */
  messageDate: ['span[title]', 'td [title]'],
  /**
   * The first text block of a rendered body. Gmail wraps bodies written in Gmail in `div[dir]`; the body root is its
   * parent (which also holds the quoted history). See `thread-body.ts` for the checks made before trusting it.
   */
  messageBodyBlock: ['div[dir]'],
  /** Legacy: the body container's class, stable since 2014; needed for bodies without a top-level `div[dir]`. */
  // TODO [2027-06-01]: drop if the 2027 captures show every body reached through `messageBodyBlock`.
  messageBodyLegacy: ['div.a3s'],

  /**
   * Quoted history inside a body. `gmail_quote` is a class of the e-mail's own HTML (the convention every Gmail-sent
   * reply follows), not of Gmail's UI; when a quote is quoted again Gmail prefixes it (`m_123…gmail_quote`), hence
   * the substring match.
   */
  quoted: ['.gmail_quote', '[class*="gmail_quote"]', 'blockquote'],
  /**
   * A signature, in a message or a compose body, and the `span.gmail_signature_prefix` ("-- ") Gmail puts above it
   * (S9 #1131, S10). Quoted again, the classes gain a prefix (`m_123…gmail_signature`), hence the substring match.
   */
  signature: ['[data-smartmail="gmail_signature"]', '.gmail_signature', '[class*="gmail_signature"]'],
  /** The "-- " line above a signature: set aside with it, not part of its text. */
  signaturePrefix: ['.gmail_signature_prefix', '[class*="gmail_signature_prefix"]'],

  /** A compose body: the editable area of a new message, a reply, an inline reply or a pop-out. */
  composeBody: [
    '[role="textbox"][g_editable="true"]',
    '[g_editable="true"]',
    '[role="textbox"][contenteditable="true"][aria-multiline="true"]',
  ],
  /** The container of a docked or full-screen compose; inline replies and pop-outs have only a region. */
  composeDialog: ['[role="dialog"]'],
  composeRegion: ['[role="region"]'],
  composeSubject: ['input[name="subjectbox"]', 'input[name="subject"]'],
  /** Hidden form field holding the id of the message a reply answers; "undefined" in a new message. */
  composeReplyTarget: ['input[name="rm"]'],
  /** Hidden form field holding the sending address. */
  composeFrom: ['input[name="from"]'],
  /** The To field: `div[name="to"]` with chips since 2021, `input`/`textarea[name="to"]` before. */
  composeTo: ['[name="to"]'],
  /** A recipient inside the To field: 2021+ chips, then any hovercard, then the collapsed summary of an inline reply. */
  recipientChip: ['[role="option"][data-hovercard-id]', '[data-hovercard-id]', 'span[email]'],
  /** Where an address is typed before it becomes a chip. */
  recipientInput: ['input'],
  /** A collapsed inline reply lists its recipients as `span[email]`s instead of a field. */
  recipientSummary: ['span[email]'],

  /**
   * Send button, found by position because its label and tooltip are localised ("Send", "Envoyer"…) and it has no
   * data attribute: it is the text-labelled button after the body that is immediately followed by the "more send
   * options" drop-down (`aria-haspopup`), a pair every account has had since scheduled send (2019).
   */
  sendButtonCandidate: ['[role="button"]:not([aria-haspopup])'],
  sendButtonPartner: ['[role="button"][aria-haspopup="true"]'],
  /** Legacy: Gmail's send button class, unchanged for a decade. */
  // TODO [2027-06-01]: drop if the position rule above holds in the 2027 captures.
  sendButtonLegacy: ['div.aoO[role="button"]'],
  /** Any button: a click is attributed to the button it lands in. */
  button: ['[role="button"]'],
} as const;

/**
 * The date of the newest evidence these selectors were checked against (`../shared/reference/gmail-dom-evidence.md`,
 * its newest dated source), and the date of the fixtures built from it. The options page shows it beside the
 * self-check, so a rep can tell how old the adapter's picture of Gmail is.
 */
export const gmailEvidence = { date: '2026-09-14', fixtures: '2026-12' } as const;

export const gmailSite: SiteDefinition = { id: 'gmail', anchor: gmailSelectors.appMain };
