import type { BrowserContext, CDPSession, Frame, Page, Worker } from 'playwright-core';
import { expect } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, extensionIdOf, launchChromiumWithExtension, routeFixtures } from './chromium';
import { startBackend, type E2EBackend } from './backend';
import { PRIVATE_DB_NAME, PRIVATE_DB_VERSION } from '../companion/private-store';

export const ARTIFACTS_DIR = join(ROOT, 'artifacts');

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: () => Promise<Worker>;
  /** Every request the browser made, for privacy assertions. */
  requests: Array<{ url: string; method: string; postData: string | null }>;
  close: () => Promise<void>;
}

/** Launches Chromium (headless) with the built extension loaded, fixture pages routed, and every request recorded. */
export async function launchWithExtension(
  options: { locale?: string; webgpu?: boolean } = {},
): Promise<ExtensionSession> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'closer-e2e-'));
  const context = await launchChromiumWithExtension({
    userDataDir,
    headless: true,
    locale: options.locale,
    // WebGPU off unless asked for: then Chromium offers only its software adapter (SwiftShader) on this machine.
    extraArgs: options.webgpu ? ['--enable-unsafe-webgpu'] : ['--disable-gpu'],
  });
  const requests: ExtensionSession['requests'] = [];
  context.on('request', (r) => requests.push({ url: r.url(), method: r.method(), postData: r.postData() }));
  await routeFixtures(context);
  const extensionId = await extensionIdOf(context);
  return {
    context,
    extensionId,
    serviceWorker: async () => context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker')),
    requests,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** The panel iframe inside a host page. */
export async function panelFrame(page: Page, extensionId: string) {
  const handle = await page.waitForSelector('#closer-panel-host', { state: 'attached' });
  await handle.evaluate(() => undefined);
  for (let i = 0; i < 100; i++) {
    const frame = page.frames().find((f) => f.url().startsWith(`chrome-extension://${extensionId}/panel.html`));
    if (frame) {
      await frame.waitForSelector('[data-testid="host-status"]');
      return frame;
    }
    await page.waitForTimeout(50);
  }
  throw new Error('Panel frame did not appear');
}

/**
 * Evaluates an expression inside the extension's content-script world of `page` (not the page's own world), via
 * the DevTools protocol: the only honest way to send a message "from a content script" in a test.
 */
export async function evaluateInContentScript(page: Page, extensionId: string, expression: string): Promise<unknown> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const contexts: Array<{ id: number; origin: string; auxData?: { type?: string; frameId?: string } }> = [];
  cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
  await cdp.send('Runtime.enable');
  const mainFrameId = (await cdp.send('Page.getFrameTree')).frameTree.frame.id;
  const target = contexts.find(
    (c) => c.auxData?.type === 'isolated' && c.auxData.frameId === mainFrameId && c.origin.includes(extensionId),
  );
  if (!target) throw new Error(`No content-script world for ${extensionId} in ${page.url()}`);
  const res = await cdp.send('Runtime.evaluate', {
    expression,
    contextId: target.id,
    awaitPromise: true,
    returnByValue: true,
  });
  await cdp.detach();
  if (res.exceptionDetails)
    throw new Error(`Content-script evaluation failed: ${JSON.stringify(res.exceptionDetails)}`);
  return res.result.value;
}

/** Stops the extension's service worker the way Chrome does when it is idle (DevTools protocol). */
export async function stopServiceWorker(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

// Code passed to `evaluate` on the worker runs there, where `chrome` exists.
declare const chrome: {
  storage: { local: { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> } };
  runtime: { sendMessage(m: unknown): Promise<unknown> };
};

/** An engine the settings can select; `tokenDelayMs` paces the test engines. */
export type EngineChoice = { engine: string; model: string; tokenDelayMs?: number };

/** Writes values into the extension's `chrome.storage.local` from its service worker. */
export async function setExtensionStorage(s: ExtensionSession, values: Record<string, unknown>): Promise<void> {
  const sw = await s.serviceWorker();
  await sw.evaluate((v) => chrome.storage.local.set(v), values);
}

/**
 * Points the panel at an engine through the settings item (as the options page would). `companionUrl` defaults to
 * the backend's usual address, where none runs unless a test started one there.
 */
export async function useEngine(s: ExtensionSession, engine: EngineChoice, companionUrl = 'http://127.0.0.1:8787') {
  await setExtensionStorage(s, {
    settings: { panelCollapsed: false, engine, companionUrl },
    settings$: { v: 2 },
  });
}

/**
 * Signs the extension in to `backend` as `userId` with a dev token, as the device flow would leave it: the settings
 * name the backend, and the connection is written where the extension keeps it (connection-store.ts, version 4, in
 * the extension origin's private IndexedDB; `chrome.storage.local` is read only once, to move an older value there).
 */
export async function connectToBackend(s: ExtensionSession, backend: E2EBackend, userId?: string): Promise<void> {
  const signedIn = await backend.devToken(userId);
  const state = {
    connection: {
      backendUrl: backend.url,
      token: signedIn.token,
      portalId: signedIn.portalId,
      userId: signedIn.userId,
      connectedAt: Date.now(),
    },
    pendingSignIn: null,
    lastError: null,
  };
  const sw = await s.serviceWorker();
  await sw.evaluate(
    async ([url, stored, dbName, dbVersion]) => {
      const { settings } = await chrome.storage.local.get('settings');
      await chrome.storage.local.set({ settings: { ...(settings as object), companionUrl: url } });
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(dbName, dbVersion);
        open.onupgradeneeded = () => {
          if (!open.result.objectStoreNames.contains('kv')) open.result.createObjectStore('kv');
        };
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('kv', 'readwrite');
        tx.objectStore('kv').put(stored, 'companion.connection');
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    [backend.url, { version: 4, state }, PRIVATE_DB_NAME, PRIVATE_DB_VERSION] as const,
  );
}

/**
 * The setup of the E2E files that need the companion backend: Chromium with the extension and the backend with its
 * HubSpot sandbox. `install` installs the app on the sandbox portal first; `engine` selects an
 * engine with the started backend as companion URL; `connect` then signs the extension in with a dev token.
 */
export async function startWithBackend(
  options: { install?: boolean; engine?: EngineChoice; connect?: boolean } = {},
): Promise<{ s: ExtensionSession; backend: E2EBackend }> {
  // One after the other: on a loaded machine, the backend's PGlite start-up and Chromium's compete for the same cores.
  const backend = await startBackend();
  const s = await launchWithExtension();
  if (options.install) await backend.install();
  if (options.engine) await useEngine(s, options.engine, backend.url);
  if (options.connect) await connectToBackend(s, backend);
  return { s, backend };
}

/** Closes what a file started, in order; what never started (a failed `beforeAll`) is skipped. */
export async function closeAll(...items: Array<{ close(): Promise<void> } | undefined>): Promise<void> {
  for (const item of items) await item?.close();
}

/** Sends one request from an extension page (the panel frame or the options page), as the panel's client would. */
export const callFromExtensionPage = (target: Page | Frame, method: string, params: unknown) =>
  target.evaluate(
    ([m, p]) =>
      chrome.runtime.sendMessage({
        protocol: 'closer/1',
        kind: 'request',
        id: `e2e-${Math.random()}`,
        method: m,
        params: p,
      }),
    [method, params] as const,
  ) as Promise<{ ok: boolean; result?: unknown; error?: { code: string; message: string } }>;

export interface LedgerEntry {
  method: string;
  url: string;
  purpose: string;
  fields: string[];
}

/**
 * The privacy ledger's promise, checked from outside: the requests the extension made to the backend's API (as the
 * browser saw them) are exactly the ones its ledger recorded, by method and path. Returns the ledger's entries for
 * the backend and the intercepted requests, for the caller's own checks.
 */
export async function expectLedgerMatchesRequests(
  s: ExtensionSession,
  page: Page,
  backendUrl: string,
): Promise<{ entries: LedgerEntry[]; recorded: LedgerEntry[]; intercepted: ExtensionSession['requests'] }> {
  const { entries } = (await callFromExtensionPage(page, 'ledger.list', { limit: 10_000 })).result as {
    entries: LedgerEntry[];
  };
  const key = (method: string, url: string) => `${method} ${new URL(url).pathname}`;
  const tally = (keys: string[]) =>
    keys.reduce<Record<string, number>>((acc, k) => ((acc[k] = (acc[k] ?? 0) + 1), acc), {});
  const intercepted = s.requests.filter(
    (r) => r.url.startsWith(backendUrl) && new URL(r.url).pathname.startsWith('/v1/') && r.method !== 'OPTIONS',
  );
  const recorded = entries.filter((e) => e.url.startsWith(backendUrl));
  expect(tally(recorded.map((e) => key(e.method, e.url)))).toEqual(tally(intercepted.map((r) => key(r.method, r.url))));
  return { entries, recorded, intercepted };
}

/** Clicks Connect on the options page (signed out) and returns the backend's `/connect` tab it opens, loaded. */
export async function openConnectTab(s: ExtensionSession, options: Page): Promise<Page> {
  await expect.poll(() => options.getByTestId('companion').getAttribute('data-state')).toBe('not_connected');
  const approval = s.context.waitForEvent('page', { predicate: (p) => p.url().includes('/connect') });
  await options.getByTestId('companion-connect').click();
  const tab = await approval;
  await tab.waitForLoadState();
  return tab;
}

/**
 * The person's part of the device sign-in on the backend's `/connect` tab: it opens without the code, the person
 * types the one the options page shows, and the page that follows shows it back with the requester's name marked
 * unverified. Leaves the tab on the approve form and returns the code.
 */
export async function enterDeviceCode(options: Page, tab: Page): Promise<string> {
  const code = (await options.getByTestId('companion-code').textContent()) ?? '';
  expect(code).toMatch(/\S{4,}/);
  expect(await tab.content()).not.toContain(code);
  await tab.locator('input#code').fill(code);
  await tab.locator('form[action="/connect/code"] button').click();
  await tab.waitForSelector('form[action="/connect/approve"]');
  expect(await tab.content()).toContain(code);
  expect(await tab.content()).toContain('not verified');
  return code;
}
