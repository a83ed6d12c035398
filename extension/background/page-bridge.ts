import { PROTOCOL, ResponseEnvelopeSchema } from '../../shared/common/protocol/envelopes';
import type { PortLike } from '../../shared/common/protocol/port';
import { ProtocolError } from '../../shared/common/protocol/errors';
import type { ParamsOf, ResultOf } from '../../shared/common/protocol/define';
import { contentMethods, type ContentMethods } from '../messaging/content-methods';
import type { PageState } from '../messaging/page-state';

/**
 * Carries page state from a tab's content script to the panels framed in that tab, and the panels' commands back.
 * State lives only in memory here: after the worker restarts, a panel's re-subscription asks the content script to
 * publish again, so nothing is stored about the page.
 */
export function createPageBridge(deps: { sendToTab: (tabId: number, message: unknown) => Promise<unknown> }) {
  const states = new Map<number, PageState>();
  const subscribers = new Map<number, Set<PortLike>>();

  const post = (port: PortLike, state: PageState) => {
    try {
      port.postMessage({ protocol: PROTOCOL, kind: 'page.state', state });
    } catch {
      // The panel went away; its disconnect handler removes it.
    }
  };

  async function callTab<K extends keyof ContentMethods & string>(
    tabId: number,
    method: K,
    params: ParamsOf<ContentMethods, K>,
  ): Promise<ResultOf<ContentMethods, K>> {
    const id = crypto.randomUUID();
    let raw: unknown;
    try {
      raw = await deps.sendToTab(tabId, { protocol: PROTOCOL, kind: 'request', id, method, params });
    } catch (err) {
      throw new ProtocolError(
        'host_unavailable',
        `The page did not answer: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
    const res = ResponseEnvelopeSchema.safeParse(raw);
    if (!res.success || res.data.id !== id)
      throw new ProtocolError('invalid_response', `The page answered ${method} unreadably`);
    if (!res.data.ok) throw new ProtocolError(res.data.error.code, res.data.error.message);
    const result = contentMethods[method].result.safeParse(res.data.result);
    if (!result.success) throw new ProtocolError('invalid_response', `The page's ${method} result is malformed`);
    return result.data as ResultOf<ContentMethods, K>;
  }

  return {
    publish(tabId: number, state: PageState) {
      // Re-inserted so iteration order is "most recently reported last".
      states.delete(tabId);
      states.set(tabId, state);
      for (const port of subscribers.get(tabId) ?? []) post(port, state);
    },
    subscribe(tabId: number, port: PortLike) {
      const set = subscribers.get(tabId) ?? new Set<PortLike>();
      subscribers.set(tabId, set);
      set.add(port);
      port.onDisconnect.addListener(() => set.delete(port));
      const known = states.get(tabId);
      if (known) post(port, known);
      else void callTab(tabId, 'content.republish', {}).catch(() => undefined);
    },
    /** The Gmail self-check from the tab that reported last, for the options page. */
    latestGmailChecks() {
      const gmail = [...states.values()].filter((s) => s.site === 'gmail');
      const last = gmail.at(-1);
      return last && last.site === 'gmail' ? { url: last.url, checks: last.checks } : null;
    },
    /** Gmail tabs that reported their page, the most recent last: which thread each shows. */
    gmailTabs(): Array<{ tabId: number; url: string; threadId: string | null }> {
      return [...states].flatMap(([tabId, s]) =>
        s.site === 'gmail' ? [{ tabId, url: s.url, threadId: s.thread?.threadId ?? null }] : [],
      );
    },
    forgetTab(tabId: number) {
      states.delete(tabId);
      subscribers.delete(tabId);
    },
    callTab,
  };
}
export type PageBridge = ReturnType<typeof createPageBridge>;
