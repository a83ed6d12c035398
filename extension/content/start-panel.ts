import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { SiteDefinition } from '../hosts/site';
import { settingsItem } from '../storage/settings';
import { createPanelFrame } from './panel-frame';
import { waitForElement } from './wait-for-element';

/**
 * Mounts the assistant panel on a host site once its app has rendered. Everything is bound to `ctx`, so an
 * extension update leaves nothing running in the page.
 */
export function startPanel(ctx: ContentScriptContext, site: SiteDefinition, doc: Document = document): void {
  // Read the setting while the host app is still loading, so mounting does not wait on storage.
  const collapsed = settingsItem.getValue().then(
    (s) => s.panelCollapsed,
    () => false,
  );
  const controller = new AbortController();
  ctx.onInvalidated(() => controller.abort());

  void waitForElement(doc, site.anchor, controller.signal).then(
    () => {
      const frame = createPanelFrame(doc, {
        src: `${browser.runtime.getURL('/panel.html')}?site=${site.id}`,
        title: i18n.t('panel.frameTitle'),
        openLabel: i18n.t('panel.toggleOpen'),
        closeLabel: i18n.t('panel.toggleClose'),
        collapsed: false,
      });
      doc.documentElement.append(frame.host);
      // Read back by the E2E benchmark: time from the anchor's insertion to the panel being in the page.
      frame.host.dataset.mountedAt = String(performance.now());
      frame.host.dataset.site = site.id;
      void collapsed.then((c) => c && frame.setCollapsed(true));
      ctx.addEventListener(doc, 'keydown', (e) => {
        // Alt+Shift+K toggles the panel from anywhere in the page (keyboard access).
        if (e.altKey && e.shiftKey && e.code === 'KeyK') frame.setCollapsed(frame.host.dataset.collapsed !== 'true');
      });
      ctx.onInvalidated(() => frame.remove());
    },
    () => undefined,
  );
}
