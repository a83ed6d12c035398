import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import {
  expandFolded,
  findComposes,
  gmailSelectors,
  insertDraft,
  readThread,
  selfCheck,
  watchSends,
} from '../hosts/gmail';
import { replaceRange, rewriteTarget, type RewriteTarget } from '../hosts/gmail/rewrite-text';
import type { GmailCompose } from '../hosts/gmail/types';
import { queryFirst, SelectorError } from '../hosts/selector-error';
import type { GmailPageState } from '../messaging/page-state';
import { publishPageState, recordSend, serveContentRequests } from './page-client';

/** How long the page must be quiet before we read it again: Gmail mutates in bursts. */
const SETTLE_MS = 250;

/** Reads the open thread; a missing thread is normal (list views): null, not an error. */
function readThreadOrNull(doc: Document): GmailPageState['thread'] {
  try {
    return readThread(doc);
  } catch (err) {
    if (err instanceof SelectorError) return null;
    throw err;
  }
}

/** Reads the Gmail page into plain data for the panel. */
export function collectGmailState(
  doc: Document,
  thread: GmailPageState['thread'] = readThreadOrNull(doc),
  checks: (composes: GmailPageState['composes']) => GmailPageState['checks'] = () => selfCheck(doc),
): GmailPageState {
  const composes = readComposes(doc);
  return { site: 'gmail', url: doc.location.href, thread, composes, checks: checks(composes), theme: themeOf(doc) };
}

/** Gmail's theme from its page background: dark themes paint the body dark. */
function themeOf(doc: Document): 'light' | 'dark' {
  const bg = getComputedStyle(doc.body)
    .backgroundColor.match(/\d+(\.\d+)?/g)
    ?.map(Number) ?? [255, 255, 255];
  const [r = 255, g = 255, b = 255, alpha = 1] = bg;
  if (alpha === 0) return 'light';
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128 ? 'dark' : 'light';
}

function readComposes(doc: Document): GmailPageState['composes'] {
  return findComposes(doc).map((c, index) => ({
    index,
    kind: c.kind,
    to: c.to,
    subject: c.subject,
    bodyText: c.bodyText,
  }));
}

// Collapsed rows have no message id: a row added or removed (Gmail expanding its folded messages) counts too.
const MESSAGE_SELECTOR = '[data-message-id], [data-legacy-message-id], [role="listitem"]';

/** Whether a burst of mutations may have changed the thread's messages (rather than composes, tooltips or lists). */
function touchesMessages(records: MutationRecord[]): boolean {
  for (const r of records) {
    const target = r.target instanceof Element ? r.target : r.target.parentElement;
    if (target?.closest(MESSAGE_SELECTOR)) return true;
    for (const n of [...r.addedNodes, ...r.removedNodes])
      if (n instanceof Element && (n.matches(MESSAGE_SELECTOR) || n.querySelector(MESSAGE_SELECTOR))) return true;
  }
  return false;
}

/**
 * Follows the Gmail page: publishes its state after each burst of changes (one observer, debounced), serves the
 * panel's insert and select commands, and records sends from composes.
 */
export function startGmailPage(ctx: ContentScriptContext, doc: Document = document): void {
  const inserted = new WeakMap<Element, string>();
  let last = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  // The thread is re-read only when a burst touched its messages (or the URL changed): Gmail mutates constantly
  // around it, and a 200-message thread is the expensive part of reading the page.
  let thread: GmailPageState['thread'] = null;
  let threadDirty = true;
  let threadVersion = 0;
  let checks: GmailPageState['checks'] | null = null;
  let checksShape = '';
  // What the next rewrite replaces (a live Range: it follows edits around it), and the shortcut's last request.
  let target: (RewriteTarget & { compose: GmailCompose }) | null = null;
  let rewriteRequest: GmailPageState['rewriteRequest'];

  const publish = (force = false) => {
    const t0 = performance.now();
    const rereadThread = threadDirty;
    if (threadDirty) {
      thread = readThreadOrNull(doc);
      threadDirty = false;
      threadVersion += 1;
    }
    // The self-check reads the thread too: redo it only when the thread or the set of composes changed.
    const state = collectGmailState(doc, thread, (composes) => {
      const shape = composes.map((c) => c.kind).join(',');
      if (rereadThread || shape !== checksShape || !checks) {
        checks = selfCheck(doc);
        checksShape = shape;
      }
      return checks;
    });
    if (rewriteRequest) state.rewriteRequest = rewriteRequest;
    const key = `${rewriteRequest?.seq}|${threadVersion}|${state.url}|${state.theme}|${JSON.stringify(state.composes)}|${JSON.stringify(state.checks)}`;
    // A user-timing entry per read of the page: the Gmail benchmark sums these as our main-thread cost per burst.
    performance.measure('closer:read-page', { start: t0, end: performance.now() });
    if (!force && key === last) return;
    last = key;
    void publishPageState(state).catch(() => undefined);
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(publish, SETTLE_MS);
  };

  const observer = new MutationObserver((records) => {
    if (!threadDirty && touchesMessages(records)) threadDirty = true;
    schedule();
  });
  observer.observe(doc.body, { childList: true, subtree: true, characterData: true });
  ctx.addEventListener(window, 'hashchange', () => {
    threadDirty = true;
    schedule();
  });
  ctx.onInvalidated(() => {
    observer.disconnect();
    clearTimeout(timer);
  });
  publish(true);

  const composeAt = (index: number): GmailCompose | undefined => findComposes(doc)[index];
  const keep = (compose: GmailCompose | undefined) => {
    const found = compose && rewriteTarget(compose);
    target = found ? { ...found, compose } : null;
    return found;
  };
  // The rewrite shortcut (Alt+Shift+R) in a compose body: the panel opens its rewrite tool on the selection.
  ctx.addEventListener(doc, 'keydown', (e) => {
    if (!e.altKey || !e.shiftKey || e.code !== 'KeyR') return;
    const composes = findComposes(doc);
    const composeIndex = composes.findIndex((c) => c.body.contains(e.target as Node));
    const found = composeIndex >= 0 ? keep(composes[composeIndex]) : null;
    if (!found) return;
    e.preventDefault();
    rewriteRequest = { composeIndex, text: found.text, whole: found.whole, seq: (rewriteRequest?.seq ?? 0) + 1 };
    publish(true);
  });
  const stopServing = serveContentRequests({
    'content.republish': () => {
      threadDirty = true;
      publish(true);
      return { ok: true as const };
    },
    'content.insertDraft': ({ composeIndex, text, replaceSelection, draftId }) => {
      const compose = composeAt(composeIndex);
      if (!compose) return { ok: false, reason: 'compose-closed' };
      const result = insertDraft(compose, text, { replaceSelection });
      if (result.ok) inserted.set(compose.element, draftId ?? crypto.randomUUID());
      schedule();
      return result.ok ? { ok: true } : { ok: false, reason: result.reason };
    },
    'content.selectText': ({ composeIndex, text }) => ({ ok: selectInCompose(composeAt(composeIndex), text) }),
    'content.expandFolded': () => {
      const ok = expandFolded(doc);
      threadDirty = true;
      schedule();
      return { ok };
    },
    'content.readSelection': ({ composeIndex }) => {
      const found = keep(composeAt(composeIndex));
      return found ? { ok: true, text: found.text, whole: found.whole } : { ok: false };
    },
    'content.replaceText': ({ composeIndex, text }) => {
      const compose = composeAt(composeIndex);
      if (!target || !compose || compose.body !== target.compose.body) return { ok: false, reason: 'compose-closed' };
      const result = replaceRange(compose, target.range, text);
      target = null;
      schedule();
      return result.ok ? { ok: true } : { ok: false, reason: result.reason };
    },
    'content.setSubject': ({ composeIndex, subject }) => {
      // In list order: the visible subject box before the form's hidden `subject` field.
      const el = composeAt(composeIndex)?.element;
      const input = el && (queryFirst(el, gmailSelectors.composeSubject) as HTMLInputElement | null);
      if (!input) return { ok: false };
      input.value = subject;
      // Gmail updates the title and the draft on input events.
      input.dispatchEvent(new Event('input', { bubbles: true }));
      return { ok: true };
    },
  });
  ctx.onInvalidated(stopServing);

  const stopSends = watchSends(doc, (event) => {
    const compose = findComposes(doc).find((c) => c.kind === event.composeKind);
    void recordSend({
      threadId: (() => {
        try {
          return readThread(doc).threadId;
        } catch {
          return null;
        }
      })(),
      composeKind: event.composeKind,
      to: event.to,
      subject: event.subject,
      at: event.at,
      via: event.via,
      draftId: compose ? (inserted.get(compose.element) ?? null) : null,
    }).catch(() => undefined);
  });
  ctx.onInvalidated(stopSends);
}

/** Selects the first occurrence of `text` in a compose body, so the rep sees a flagged claim. */
function selectInCompose(compose: GmailCompose | undefined, text: string): boolean {
  if (!compose) return false;
  const doc = compose.body.ownerDocument;
  const walker = doc.createTreeWalker(compose.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.textContent?.indexOf(text) ?? -1;
    if (at < 0) continue;
    const range = doc.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + text.length);
    const selection = doc.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    (node.parentElement ?? compose.body).scrollIntoView({ block: 'center' });
    compose.body.focus();
    return true;
  }
  return false;
}
