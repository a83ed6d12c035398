import { queryFirst } from '../hosts/selector-error';

/**
 * Resolves with the first element matching `selectors`, now or when it is added. One MutationObserver on the
 * document, no polling; stops when `signal` aborts.
 */
export function waitForElement(doc: Document, selectors: readonly string[], signal: AbortSignal): Promise<Element> {
  return new Promise((resolve, reject) => {
    const found = queryFirst(doc, selectors);
    if (found) return resolve(found);
    const observer = new MutationObserver(() => {
      const el = queryFirst(doc, selectors);
      if (!el) return;
      observer.disconnect();
      resolve(el);
    });
    observer.observe(doc.documentElement, { childList: true, subtree: true });
    signal.addEventListener(
      'abort',
      () => {
        observer.disconnect();
        reject(signal.reason);
      },
      { once: true },
    );
  });
}
