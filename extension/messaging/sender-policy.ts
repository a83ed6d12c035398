/**
 * Who may call what. A content script runs inside Gmail's or HubSpot's renderer: if that renderer is compromised,
 * everything the content script can send, the attacker can send. So content scripts get an allowlist of what a page
 * needs (publish its state, record a send, and a liveness ping); every other method, and every port (the AI host's,
 * streams), accepts only extension pages. The sender's origin and URL are set by the browser, not by the message.
 */

/** Methods a content script may call. Keep this list short: each entry is reachable from a hostile page. */
export const CONTENT_SCRIPT_METHODS: ReadonlySet<string> = new Set(['page.publish', 'page.recordSend', 'sw.ping']);

/** The parts of `chrome.runtime.MessageSender` the policy reads. */
export interface SenderLike {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number };
}

/**
 * True for the extension's own pages (panel frame, side panel, options, offscreen document) and its service worker:
 * same extension id, and an origin or URL on the extension's origin. A content script has the page's origin and URL.
 */
export function isExtensionPage(sender: SenderLike | undefined, extensionId: string): boolean {
  if (!sender || sender.id !== extensionId) return false;
  const origin = `chrome-extension://${extensionId}`;
  if (sender.origin !== undefined && sender.origin !== origin) return false;
  return sender.url !== undefined && sender.url.startsWith(`${origin}/`);
}

/** Null when `sender` may call `method`; otherwise the refusal message. */
export function methodRefusal(method: string, sender: SenderLike | undefined, extensionId: string): string | null {
  if (isExtensionPage(sender, extensionId)) return null;
  if (sender?.id === extensionId && CONTENT_SCRIPT_METHODS.has(method)) return null;
  return `${method} is not available to content scripts`;
}

/** Only the options page may change where models are downloaded from. */
export function isOptionsPage(sender: SenderLike | undefined, extensionId: string): boolean {
  return (
    isExtensionPage(sender, extensionId) &&
    sender!.url!.split(/[?#]/)[0] === `chrome-extension://${extensionId}/options.html`
  );
}

/** Only the service worker may open the AI host's port: it validates every request before the host sees it. */
export function isServiceWorker(sender: SenderLike | undefined, extensionId: string, workerUrl: string): boolean {
  return isExtensionPage(sender, extensionId) && sender!.tab === undefined && sender!.url === workerUrl;
}
