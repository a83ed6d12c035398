import { browser } from 'wxt/browser';
import type { PortLike } from '../../shared/common/protocol/port';
import { errorResponse } from '../../shared/common/protocol/envelopes';
import { streams, type Methods } from '../messaging/methods';
import { isExtensionPage, methodRefusal } from '../messaging/sender-policy';
import { PAGE_PORT_NAME } from '../messaging/page-state';
import { HOST_PORT_NAME, STREAM_PORT_NAME } from '../messaging/ports';
import type { Handlers } from '../../shared/common/protocol/router';
import { createPageBridge } from './page-bridge';
import { createPageHandlers, type SenderContext } from './page-handlers';
import { storeHandlers } from './store-handlers';
import { createStudioHandlers } from './studio-handlers';
import { createStyleHandlers } from './style-handlers';
import { createCampaignHandlers } from './campaign-handlers';
import { createCompanionHandlers } from './companion-handlers';
import { createPersonaHandlers } from './persona/persona-handlers';
import { createHostConnection } from './host-connection';
import { ensureOffscreenHost } from './offscreen';
import { createBackgroundRouter } from './router';
import { relayStreamPort } from './stream-relay';
import { createModelBaseHandlers, trustedModelBase } from './model-base';
import { createLedger } from '../companion/ledger';
import { getDb } from '../storage/db';

/**
 * Wires the service worker: it only routes requests and streams and keeps no model state, so Chrome may kill it
 * at any time and the next message simply starts a fresh one.
 */
export function startBackground(): void {
  const host = createHostConnection({
    ensureHost: ensureOffscreenHost,
    connect: () => browser.runtime.connect({ name: HOST_PORT_NAME }) as unknown as PortLike,
  });
  const bridge = createPageBridge({
    sendToTab: (tabId, message) => browser.tabs.sendMessage(tabId, message, { frameId: 0 }),
  });
  const route = createBackgroundRouter(
    host,
    {
      ...storeHandlers,
      ...createPageHandlers(bridge),
      ...createCampaignHandlers(),
      ...createCompanionHandlers(),
      ...createStudioHandlers(),
      ...createStyleHandlers(bridge),
      ...createPersonaHandlers(host, () => route),
      ...createModelBaseHandlers({
        ledger: createLedger({ db: getDb, context: 'worker' }),
        extensionId: browser.runtime.id,
      }),
    } as Handlers<Methods, SenderContext>,
    trustedModelBase,
  );
  browser.tabs.onRemoved.addListener((tabId) => bridge.forgetTab(tabId));
  // First run: the welcome page. Only the store build opens it by itself: unpacked builds are loaded into a fresh
  // profile by every E2E run and by `npm start`, where an extra tab would get in the way (they link to it instead).
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install' && import.meta.env.CLOSER_STORE_BUILD === true)
      void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  });

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    // Only our own contexts may talk to us (externally_connectable is not declared, but be explicit).
    if (sender.id !== browser.runtime.id) return false;
    const method = (message as { method?: unknown } | null)?.method;
    const fromExtensionPage = isExtensionPage(sender, browser.runtime.id);
    // Content scripts reach only an allowlist; anything else (unknown methods and garbage too) is refused here,
    // before validation, so a hostile page learns nothing about the rest of the catalogue.
    const refusal = fromExtensionPage
      ? null
      : methodRefusal(typeof method === 'string' ? method : '(no method)', sender, browser.runtime.id);
    if (refusal && typeof method === 'string') {
      sendResponse(errorResponse((message as { id?: unknown }).id, 'bad_request', refusal));
      return false;
    }
    route(message, { tabId: sender.tab?.id ?? null, fromExtensionPage, senderUrl: sender.url ?? null }).then(
      sendResponse,
      (err: unknown) => sendResponse(errorResponse(undefined, 'internal', String(err))),
    );
    return true;
  });

  browser.runtime.onConnect.addListener((port) => {
    // Every port is for extension pages only; a content script's connection is closed at once, whatever its name.
    // An explicit disconnect closes the whole channel, so this holds for the host's port name too even when the
    // offscreen document, its other receiver, is not open yet or too busy to refuse it itself.
    if (!isExtensionPage(port.sender, browser.runtime.id)) {
      port.disconnect();
      return;
    }
    if (port.name === STREAM_PORT_NAME) relayStreamPort(port as unknown as PortLike, host, streams, trustedModelBase);
    // A panel framed in a tab follows that tab's page state.
    const tabId = port.sender?.tab?.id;
    if (port.name === PAGE_PORT_NAME && tabId !== undefined) bridge.subscribe(tabId, port as unknown as PortLike);
  });

  // The toolbar button opens the side panel.
  void browser.sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined);
}
