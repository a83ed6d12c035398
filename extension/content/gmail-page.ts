import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { findComposes, insertDraft, readThread, selfCheck, watchSends } from '../hosts/gmail';
import type { GmailCompose } from '../hosts/gmail/types';
import { SelectorError } from '../hosts/selector-error';
import type { GmailPageState } from '../messaging/page-state';
import { publishPageState, recordSend, serveContentRequests } from './page-client';

/** How long the page must be quiet before we read it again: Gmail mutates in bursts. */
const SETTLE_MS = 250;

/** Reads the Gmail page into plain data for the panel. A missing thread is normal (list views): null, not an error. */
export function collectGmailState(doc: Document): GmailPageState {
  let thread: GmailPageState['thread'] = null;
  try {
    thread = readThread(doc);
  } catch (err) {
    if (!(err instanceof SelectorError)) throw err;
  }
  const composes = findComposes(doc).map((c, index) => ({
    index,
    kind: c.kind,
    to: c.to,
    subject: c.subject,
    bodyText: c.bodyText,
  }));
  return { site: 'gmail', url: doc.location.href, thread, composes, checks: selfCheck(doc) };
}

/**
 * Follows the Gmail page: publishes its state after each burst of changes (one observer, debounced), serves the
 * panel's insert and select commands, and records sends from composes.
 */
export function startGmailPage(ctx: ContentScriptContext, doc: Document = document): void {
  const inserted = new WeakMap<Element, string>();
  let last = '';
  let timer: ReturnType<typeof setTimeout> | undefined;

  const publish = (force = false) => {
    const state = collectGmailState(doc);
    const key = JSON.stringify(state);
    if (!force && key === last) return;
    last = key;
    void publishPageState(state).catch(() => undefined);
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(publish, SETTLE_MS);
  };

  const observer = new MutationObserver(schedule);
  observer.observe(doc.body, { childList: true, subtree: true, characterData: true });
  ctx.addEventListener(window, 'hashchange', schedule);
  ctx.onInvalidated(() => {
    observer.disconnect();
    clearTimeout(timer);
  });
  publish(true);

  const composeAt = (index: number): GmailCompose | undefined => findComposes(doc)[index];
  const stopServing = serveContentRequests({
    'content.republish': () => {
      publish(true);
      return { ok: true as const };
    },
    'content.insertDraft': ({ composeIndex, text, replaceSelection }) => {
      const compose = composeAt(composeIndex);
      if (!compose) return { ok: false, reason: 'compose-closed' };
      const result = insertDraft(compose, text, { replaceSelection });
      if (result.ok) inserted.set(compose.element, crypto.randomUUID());
      schedule();
      return result.ok ? { ok: true } : { ok: false, reason: result.reason };
    },
    'content.selectText': ({ composeIndex, text }) => ({ ok: selectInCompose(composeAt(composeIndex), text) }),
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
