import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import {
  ARTIFACTS_DIR,
  evaluateInContentScript,
  launchWithExtension,
  panelFrame,
  stopServiceWorker,
  type ExtensionSession,
  useEngine,
} from './harness';

const PROTOCOL = 'closer/1';

const mountFigures: Record<string, number> = {};

/** Time from the host app inserting its main region to our panel being in the page (both on the page's clock). */
async function mountMs(page: Page): Promise<number> {
  await page.waitForSelector('#closer-panel-host[data-mounted-at]', { state: 'attached' });
  return page.evaluate(() => {
    const host = document.getElementById('closer-panel-host') as HTMLElement;
    return Number(host.dataset.mountedAt) - Number(document.documentElement.dataset.anchorInsertedAt);
  });
}

async function ask(frame: Frame, prompt: string) {
  await frame.getByTestId('ask-input').fill(prompt);
  await frame.getByTestId('ask-submit').click();
}

const ping = (page: Page, s: ExtensionSession) =>
  evaluateInContentScript(
    page,
    s.extensionId,
    `chrome.runtime.sendMessage({ protocol: '${PROTOCOL}', kind: 'request', id: 'ping-' + Math.random(), method: 'sw.ping', params: {} })`,
  ) as Promise<{ ok: boolean; result: { workerStartedAt: number } }>;

describe('foundation: extension shell in Chromium', () => {
  let s: ExtensionSession;
  beforeAll(async () => {
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    s = await launchWithExtension();
    // No generator can run on a machine without a GPU: the foundation runs on the deterministic echo engine.
    await useEngine(s, { engine: 'echo', model: 'echo-1' });
  });
  afterAll(async () => {
    await s?.close();
    console.log(JSON.stringify({ benchmark: 'panel_mount', ...mountFigures, target_ms: 50 }));
    writeFileSync(join(ARTIFACTS_DIR, 'panel-mount.json'), JSON.stringify(mountFigures) + '\n');
  });

  it('mounts the panel in Gmail and streams an answer from the AI host through the service worker', async () => {
    const page = await s.context.newPage();
    await page.goto('https://mail.google.com/mail/u/0/#inbox');
    mountFigures.gmail_panel_mount_ms = await mountMs(page);
    const frame = await panelFrame(page, s.extensionId);
    await expect.poll(() => frame.getByTestId('host-status').getAttribute('data-state')).toBe('ready');

    // Watch the answer grow: a stream shows partial text before the end.
    await frame.evaluate(() => {
      (window as unknown as { __lengths: number[] }).__lengths = [];
      new MutationObserver(() => {
        const out = document.querySelector('[data-testid="answer"]');
        if (out) (window as unknown as { __lengths: number[] }).__lengths.push(out.textContent?.length ?? 0);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    // Paced tokens, so the growth is visible even when React batches renders on a busy machine.
    await useEngine(s, { engine: 'echo', model: 'echo-1', tokenDelayMs: 15 });
    await ask(frame, 'Draft a short hello to Jane at Example Corp');
    await expect.poll(() => frame.getByTestId('answer').getAttribute('data-state')).toBe('done');
    expect(await frame.getByTestId('answer').textContent()).toBe('Echo: Draft a short hello to Jane at Example Corp');
    const lengths = await frame.evaluate(() => (window as unknown as { __lengths: number[] }).__lengths);
    expect(new Set(lengths).size).toBeGreaterThan(3);
    await useEngine(s, { engine: 'echo', model: 'echo-1' });
    await expect.poll(() => frame.getByTestId('host-status').textContent()).toBeTruthy();
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'panel-gmail.png') });
    await page.close();
  });

  it('keeps working after the service worker is stopped between two requests', async () => {
    const page = await s.context.newPage();
    await page.goto('https://mail.google.com/mail/u/0/#inbox');
    const frame = await panelFrame(page, s.extensionId);
    await ask(frame, 'first request');
    await expect.poll(() => frame.getByTestId('answer').getAttribute('data-state')).toBe('done');
    const before = await ping(page, s);
    expect(before.ok).toBe(true);

    await stopServiceWorker(page);
    // The next message starts a new worker: prove it is a new one, then that requests still work through it.
    await ask(frame, 'second request after the worker was stopped');
    await expect.poll(() => frame.getByTestId('answer').getAttribute('data-state'), { timeout: 15_000 }).toBe('done');
    expect(await frame.getByTestId('answer').textContent()).toBe('Echo: second request after the worker was stopped');
    const after = await ping(page, s);
    expect(after.ok).toBe(true);
    expect(after.result.workerStartedAt).toBeGreaterThan(before.result.workerStartedAt);
    await page.close();
  });

  it('answers a malformed message from a content script with a typed error, then serves the next good one', async () => {
    const page = await s.context.newPage();
    await page.goto('https://mail.google.com/mail/u/0/#inbox');
    await panelFrame(page, s.extensionId);
    const bad = (await evaluateInContentScript(
      page,
      s.extensionId,
      `chrome.runtime.sendMessage({ protocol: '${PROTOCOL}', kind: 'request', id: 'bad-1', method: 'page.publish', params: { state: { evil: true } } })`,
    )) as { ok: boolean; error: { code: string } };
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_params' } });
    const garbage = (await evaluateInContentScript(
      page,
      s.extensionId,
      `chrome.runtime.sendMessage('<script>alert(1)</script>')`,
    )) as {
      ok: boolean;
      error: { code: string };
    };
    expect(garbage).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const good = (await evaluateInContentScript(
      page,
      s.extensionId,
      `chrome.runtime.sendMessage({ protocol: '${PROTOCOL}', kind: 'request', id: 'good-1', method: 'sw.ping', params: {} })`,
    )) as { ok: boolean; result: { workerStartedAt: number } };
    expect(good).toMatchObject({ ok: true, result: { workerStartedAt: expect.any(Number) } });
    await page.close();
  });

  it('mounts the panel in HubSpot and streams an answer there too', async () => {
    const page = await s.context.newPage();
    await page.goto('https://app.hubspot.com/contacts/12345/record/0-1/678');
    mountFigures.hubspot_panel_mount_ms = await mountMs(page);
    const frame = await panelFrame(page, s.extensionId);
    await ask(frame, 'Summarise this contact');
    await expect.poll(() => frame.getByTestId('answer').getAttribute('data-state')).toBe('done');
    expect(await frame.getByTestId('answer').textContent()).toBe('Echo: Summarise this contact');
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'panel-hubspot.png') });
    await page.close();
  });

  it('cancels a slow stream midway and keeps the text that arrived', async () => {
    await useEngine(s, { engine: 'echo', model: 'echo-1', tokenDelayMs: 40 });
    const page = await s.context.newPage();
    await page.goto('https://mail.google.com/mail/u/0/#inbox');
    const frame = await panelFrame(page, s.extensionId);
    await ask(
      frame,
      'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen',
    );
    await expect.poll(async () => (await frame.getByTestId('answer').textContent())?.length ?? 0).toBeGreaterThan(8);
    await frame.getByTestId('ask-cancel').click();
    await expect.poll(() => frame.getByTestId('answer').getAttribute('data-state')).toBe('cancelled');
    const text = (await frame.getByTestId('answer').textContent()) ?? '';
    expect(text.startsWith('Echo:')).toBe(true);
    expect(text.length).toBeLessThan(
      'Echo: one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen'.length,
    );
    await useEngine(s, { engine: 'echo', model: 'echo-1' });
    await page.close();
  });

  it('keeps all traffic on the fixture hosts and the extension itself', () => {
    const foreign = s.requests.filter(
      (r) => !/^(https:\/\/(mail\.google\.com|app\.hubspot\.com)\/|chrome-extension:\/\/)/.test(r.url),
    );
    expect(foreign).toEqual([]);
  });
});

describe('foundation: Simplified Chinese UI', () => {
  it('shows the panel in Chinese when the browser language is zh-CN', async () => {
    const s = await launchWithExtension({ locale: 'zh-CN' });
    try {
      const page = await s.context.newPage();
      await page.goto('https://mail.google.com/mail/u/0/#inbox');
      const frame = await panelFrame(page, s.extensionId);
      await expect.poll(() => frame.locator('.privacy').textContent()).toContain('邮件不会离开');
      await page.screenshot({ path: join(ARTIFACTS_DIR, 'panel-gmail-zh.png') });
    } finally {
      await s.close();
    }
  });
});
