import { queryFirst } from '../selector-error';
import { gmailSelectors as sel } from './selectors';
import { findThreadSubject, threadIdOf } from './thread';
import type { NavigationState, WatchOptions } from './types';

/**
 * Follows Gmail's single-page navigation: `hashchange` and `popstate` for route changes (Gmail routes with the
 * hash), and a MutationObserver on the main region for a thread that renders after its route changed. `onChange`
 * gets the current state at once, then every time the URL or the open thread changes. No polling: until the main
 * region exists the observer watches `body`, then only the main region.
 */
export function watchNavigation(
  win: Window,
  onChange: (state: NavigationState) => void,
  options: WatchOptions = {},
): () => void {
  const doc = win.document;
  let lastKey: string | null = null;
  let observed: Element | null = null;

  const observer = new MutationObserver(() => update());

  function update() {
    if (controller.signal.aborted) return;
    bindObserver();
    const subject = findThreadSubject(doc);
    const state: NavigationState = { url: win.location.href, threadId: subject ? threadIdOf(subject) : null };
    const key = `${state.url}\n${state.threadId}`;
    if (key === lastKey) return;
    lastKey = key;
    onChange(state);
  }

  /** Watches the main region; it is re-resolved on every change because Gmail may replace it. */
  function bindObserver() {
    const main = queryFirst(doc, sel.appMain);
    const target = main ?? doc.body;
    if (target === observed || !target) return;
    observer.disconnect();
    observed = target;
    observer.observe(target, { childList: true, subtree: true });
  }

  const controller = new AbortController();
  win.addEventListener('hashchange', update, { signal: controller.signal });
  win.addEventListener('popstate', update, { signal: controller.signal });
  controller.signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  if (options.signal?.aborted) controller.abort();
  options.signal?.addEventListener('abort', () => controller.abort(), { once: true });
  update();
  return () => controller.abort();
}
