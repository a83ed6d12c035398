import { browser } from 'wxt/browser';
import type { PortLike } from '../../shared/common/protocol/port';
import { buildCatalogue } from '../../shared/common/llm/catalogue';
import { createHostService } from './host-service';
import { detectDevice } from './device-detect';
import { HOST_PORT_NAME } from '../messaging/ports';
import { serveHostPort } from './serve-port';
import { isServiceWorker } from '../messaging/sender-policy';
import { createAnalysisHandlers } from './analysis/analysis-handlers';
import { createPersonaBuildHandlers } from './persona/persona-build-handlers';
import { getDb } from '../storage/db';
import { recordModelDownloads } from '../companion/fetch-recorder';

/**
 * Starts the AI host in the offscreen document. The service worker connects to it (again after each restart of
 * the worker); the host's state, the loaded engine, outlives those restarts.
 */
export function startAiHost(): void {
  // The idle release's clock. bench:memory moves it forward through the DevTools protocol rather than waiting ten
  // minutes; moving it only releases models early, which the next request undoes.
  const idleClock = { skewMs: 0 };
  Object.defineProperty(globalThis, '__closerIdleClock', { value: idleClock });
  // Model weights and libraries come from outside the extension: the privacy ledger records each download.
  recordModelDownloads('host');
  const service = createHostService({
    detectDevice: () => detectDevice(),
    loadCatalogue: async (base) => {
      const { loadAppConfig } = await import('./engines/webllm-config');
      return buildCatalogue((await loadAppConfig(base)).model_list);
    },
    isCached: async (model, base) => (await import('./engines/webllm-engine')).isModelCached(model, base),
    deleteCached: async (model, base) => (await import('./engines/webllm-engine')).deleteCachedModel(model, base),
    generatingHandlers: [createPersonaBuildHandlers({ db: getDb })],
    extraHandlers: createAnalysisHandlers(
      {
        fetchAsset: async (path) => {
          const res = await fetch(browser.runtime.getURL(path as '/'));
          if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
          return res.json();
        },
        loadSaved: async (id) => (await (await getDb()).get('models', id))?.json,
        save: async (id, json) => void (await (await getDb()).put('models', { id, json, updatedAt: Date.now() })),
        remember: async (records) => {
          const tx = (await getDb()).transaction('messages', 'readwrite');
          await Promise.all([...records.map((r) => tx.store.put(r)), tx.done]);
        },
        loadSentiment: async () =>
          (await import('./analysis/sentiment-loader')).loadSentimentFromUrls((path) =>
            browser.runtime.getURL(path as '/'),
          ),
      },
      { now: () => Date.now() + idleClock.skewMs },
    ),
  });
  const workerUrl = browser.runtime.getURL('/background.js');
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== HOST_PORT_NAME) return;
    // Only the service worker, which validates and filters every request, may talk to the host directly.
    if (!isServiceWorker(port.sender, browser.runtime.id, workerUrl)) {
      port.disconnect();
      return;
    }
    serveHostPort(port as unknown as PortLike, service);
  });
}
