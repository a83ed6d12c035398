import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { PAGE_PORT_NAME, PageStateSchema, type PageState } from '../../messaging/page-state';

/**
 * Follows the state of the page this panel is framed in (pushed by its content script through the worker).
 * Reconnects when the worker restarts, which also makes the content script publish again.
 */
export function usePageState(enabled: boolean): PageState | null {
  const [state, setState] = useState<PageState | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let closed = false;
    let port: ReturnType<typeof browser.runtime.connect> | null = null;
    const connect = () => {
      if (closed) return;
      port = browser.runtime.connect({ name: PAGE_PORT_NAME });
      port.onMessage.addListener((raw: unknown) => {
        const m = raw as { kind?: unknown; state?: unknown };
        if (m?.kind !== 'page.state') return;
        const parsed = PageStateSchema.safeParse(m.state);
        if (parsed.success) setState(parsed.data);
      });
      port.onDisconnect.addListener(() => {
        if (!closed) setTimeout(connect, 500);
      });
    };
    connect();
    return () => {
      closed = true;
      port?.disconnect();
    };
  }, [enabled]);
  return state;
}
