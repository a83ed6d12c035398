import { composeBodyFor, composeElementOf, readCompose } from './compose';
import { gmailSelectors as sel } from './selectors';
import { findSendButton } from './send-button';
import type { SendEvent, WatchOptions } from './types';

/** A click also fires mouseup, and Gmail may answer either: one send is reported once within this window. */
const DUPLICATE_MS = 1500;

/**
 * Reports each send the rep makes from a compose: a click on Send, Enter/Space on a focused Send, or Ctrl/Cmd+Enter
 * anywhere in the compose. Listeners are in the capture phase on `root`, so the compose is read before Gmail's own
 * handlers close it. A report means a send was requested: Gmail may still refuse it (no recipient) and the rep may
 * undo it. Returns a function that stops watching (as does aborting `signal`).
 */
export function watchSends(
  root: Document | Element,
  onSend: (event: SendEvent) => void,
  options: WatchOptions = {},
): () => void {
  const controller = new AbortController();
  if (options.signal?.aborted) controller.abort();
  options.signal?.addEventListener('abort', () => controller.abort(), { once: true });
  const lastReport = new WeakMap<Element, number>();

  const report = (body: HTMLElement, via: SendEvent['via']) => {
    const compose = readCompose(body);
    const now = Date.now();
    if (now - (lastReport.get(compose.element) ?? -Infinity) < DUPLICATE_MS) return;
    lastReport.set(compose.element, now);
    const { kind, to, subject, bodyText } = compose;
    onSend({ composeKind: kind, to, subject, bodyText, at: new Date(now).toISOString(), via });
  };

  /** The compose whose Send button `target` is (or is inside), else null. Cheap checks before any reading. */
  const sendButtonCompose = (target: Element): HTMLElement | null => {
    const button = target.closest(sel.button.join(', '));
    const body = button && composeBodyFor(button);
    if (!button || !body) return null;
    return findSendButton(composeElementOf(body), body) === button ? body : null;
  };

  const onPointer = (e: Event) => {
    if ((e as MouseEvent).button !== 0 || !isElement(e.target)) return;
    const body = sendButtonCompose(e.target);
    if (body) report(body, 'click');
  };

  const onKey = (e: Event) => {
    const key = e as KeyboardEvent;
    if (key.isComposing || !isElement(key.target)) return;
    if (key.key === 'Enter' && (key.ctrlKey || key.metaKey)) {
      const body = composeBodyFor(key.target);
      if (body) report(body, 'keyboard');
    } else if (key.key === 'Enter' || key.key === ' ') {
      const body = sendButtonCompose(key.target);
      if (body) report(body, 'keyboard');
    }
  };

  const listen = { capture: true, signal: controller.signal };
  root.addEventListener('mouseup', onPointer, listen);
  root.addEventListener('click', onPointer, listen);
  root.addEventListener('keydown', onKey, listen);
  return () => controller.abort();
}

function isElement(target: EventTarget | null): target is Element {
  return !!target && (target as Node).nodeType === 1;
}
