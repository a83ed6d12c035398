/**
 * A compromised Gmail renderer, played from the extension's own content-script world (DevTools protocol): every
 * method outside the content-script allowlist is refused, every port (AI host, streams, page state) is closed
 * without an answer, and the companion token is not in chrome.storage.local, which content scripts can read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { methods, streams } from '../messaging/methods';
import { CONTENT_SCRIPT_METHODS } from '../messaging/sender-policy';
import { HOST_PORT_NAME, STREAM_PORT_NAME } from '../messaging/ports';
import { PAGE_PORT_NAME } from '../messaging/page-state';
import {
  callFromExtensionPage,
  evaluateInContentScript,
  launchWithExtension,
  panelFrame,
  type ExtensionSession,
} from './harness';

describe('content-script world probe', () => {
  let s: ExtensionSession;
  let gmail: Page;
  beforeAll(async () => {
    s = await launchWithExtension();
    gmail = await s.context.newPage();
    await gmail.goto('https://mail.google.com/mail/u/0/#inbox');
    await panelFrame(gmail, s.extensionId);
  }, 120_000);
  afterAll(async () => {
    await s?.close();
  });

  it('refuses every privileged method from a content script', async () => {
    const privileged = [...Object.keys(methods), ...Object.keys(streams)].filter((m) => !CONTENT_SCRIPT_METHODS.has(m));
    expect(privileged).toEqual(
      expect.arrayContaining(['host.testScript', 'host.learnIntent', 'engine.setModelBaseUrl']),
    );
    const answers = (await evaluateInContentScript(
      gmail,
      s.extensionId,
      `Promise.all(${JSON.stringify(privileged)}.map((method) => chrome.runtime.sendMessage({
         protocol: 'closer/1', kind: 'request', id: 'probe-' + method, method, params: {} })))`,
    )) as Array<{ ok: boolean; error?: { code: string; message: string } }>;
    const accepted = privileged.filter(
      (m, i) => answers[i]?.ok !== false || !/not available to content scripts/.test(answers[i]?.error?.message ?? ''),
    );
    expect(accepted).toEqual([]);
    expect(answers).toHaveLength(privileged.length);
    // The allowlist still works: a ping is answered.
    const ping = (await evaluateInContentScript(
      gmail,
      s.extensionId,
      `chrome.runtime.sendMessage({ protocol: 'closer/1', kind: 'request', id: 'ping', method: 'sw.ping', params: {} })`,
    )) as { ok: boolean };
    expect(ping.ok).toBe(true);
  });

  // A content script's port reaches the service worker and, when it is open, the offscreen document. Only the worker
  // is sure to be there, so it must close every such port itself: 'closer/other' is a name only the worker hears,
  // and the host's name was once left open for 5 s while the offscreen document was not there to refuse it.
  const probePorts = () =>
    evaluateInContentScript(
      gmail,
      s.extensionId,
      `Promise.all(${JSON.stringify([STREAM_PORT_NAME, HOST_PORT_NAME, PAGE_PORT_NAME, 'closer/other'])}.map((name) => new Promise((resolve) => {
         const port = chrome.runtime.connect({ name });
         const got = [];
         port.onMessage.addListener((m) => got.push(m));
         port.onDisconnect.addListener(() => resolve({ name, disconnected: true, got }));
         port.postMessage({ protocol: 'closer/1', kind: 'stream.start', id: 's1', method: 'host.loadModel',
           params: { expect: { engine: 'webllm', model: 'x', modelBaseUrl: 'https://evil.example/' } }, credits: 8 });
         port.postMessage({ protocol: 'closer/1', kind: 'request', id: 'r1', method: 'host.testScript', params: { rules: [], faults: [] } });
         setTimeout(() => resolve({ name, disconnected: false, got }), 5000);
       })))`,
    ) as Promise<Array<{ name: string; disconnected: boolean; got: unknown[] }>>;
  const allClosed = [STREAM_PORT_NAME, HOST_PORT_NAME, PAGE_PORT_NAME, 'closer/other'].map((name) => ({
    name,
    disconnected: true,
    got: [],
  }));
  it('closes every port a content script opens, without an answer', async () => {
    expect(await probePorts()).toEqual(allClosed);
  });

  it('keeps the companion token out of chrome.storage.local, and ignores one planted there', async () => {
    const connection = (token: string, portalId: number) => ({
      connection: { backendUrl: 'http://127.0.0.1:8787', token, portalId, userId: 'u', connectedAt: 1 },
      pendingSignIn: null,
      lastError: null,
    });
    // A content script can write chrome.storage.local: a connection planted there is not picked up.
    await evaluateInContentScript(
      gmail,
      s.extensionId,
      `chrome.storage.local.set(${JSON.stringify({ companion: connection('clx_planted', 66), companion$: { v: 3 } })})`,
    );
    const options = await s.context.newPage();
    await options.goto(`chrome-extension://${s.extensionId}/options.html`);
    expect(await callFromExtensionPage(options, 'companion.status', {})).toMatchObject({
      ok: true,
      result: { state: 'not_connected' },
    });

    // The real connection lives in the extension origin's IndexedDB, where the worker reads it.
    await options.evaluate(
      (value) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('closer-private', 1);
          open.onsuccess = () => {
            const tx = open.result.transaction('kv', 'readwrite');
            tx.objectStore('kv').put({ version: 4, state: value }, 'companion.connection');
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
          };
          open.onerror = () => reject(open.error);
        }),
      connection('clx_probe_token', 9),
    );
    expect(await callFromExtensionPage(options, 'companion.status', {})).toMatchObject({
      ok: true,
      result: { state: 'connected', portalId: 9 },
    });
    const seen = (await evaluateInContentScript(gmail, s.extensionId, `chrome.storage.local.get(null)`)) as object;
    expect(JSON.stringify(seen)).not.toContain('clx_probe_token');
    // And the content script's own IndexedDB is Gmail's: the extension's database is not there.
    const dbs = (await evaluateInContentScript(gmail, s.extensionId, `indexedDB.databases()`)) as { name: string }[];
    expect(dbs.map((d) => d.name)).not.toContain('closer-private');
  });
});
