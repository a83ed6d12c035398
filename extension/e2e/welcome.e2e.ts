import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, STORE_EXTENSION_DIR, extensionIdOf, launchChromiumWithExtension, routeFixtures } from './chromium';
import { panelFrame } from './harness';

/**
 * The first run of the store package: installing it opens the welcome page, whose steps lead to the settings and to
 * Gmail. Along the way it takes the listing's five 1280×800 screenshots from the real pages
 * (`artifacts/store-screenshots/`). Needs `npm run package` first (npm test runs it before the E2E step).
 */
const SHOTS = join(ROOT, 'artifacts/store-screenshots');
let context: BrowserContext;
let userDataDir: string;

const shot = async (page: Page, name: string) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
};

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  userDataDir = mkdtempSync(join(tmpdir(), 'closer-welcome-'));
  context = await launchChromiumWithExtension({ userDataDir, headless: true, extensionDir: STORE_EXTENSION_DIR });
  await routeFixtures(context);
});
afterAll(async () => {
  await context?.close();
  rmSync(userDataDir, { recursive: true, force: true });
});

describe('first run of the store package', () => {
  it('opens the welcome page on install, and its steps lead to the settings and Gmail', async () => {
    const isWelcome = (p: Page) => p.url().endsWith('/welcome.html');
    const welcome = context.pages().find(isWelcome) ?? (await context.waitForEvent('page', { predicate: isWelcome }));
    await welcome.getByTestId('welcome').waitFor();
    expect(await welcome.getByRole('heading', { level: 1 }).textContent()).toBe('Welcome to Closer');
    expect(await welcome.getByTestId('welcome-where').textContent()).toContain('Your mail never leaves it');
    // The catalogue has loaded (what fits this device, with sizes), so the screenshot shows it, not a spinner.
    await welcome.getByTestId('welcome-model').locator('table').waitFor();
    await shot(welcome, '1-welcome');

    const [options] = await Promise.all([
      context.waitForEvent('page', { predicate: (p) => p.url().includes('/options.html') }),
      welcome.getByRole('button', { name: 'Open the connection settings' }).click(),
    ]);
    await options.getByTestId('group-privacy').waitFor();
    for (const group of ['Models', 'Connection', 'Writing', 'Privacy'])
      await options.getByRole('heading', { level: 2, name: group, exact: true }).waitFor();
    // No internal names on the page a person reads.
    expect(await options.locator('main').textContent()).not.toMatch(/enrichJobs|sendDetection|outbox:/);
    await shot(options, '2-settings');

    const [gmail] = await Promise.all([
      context.waitForEvent('page', { predicate: (p) => p.url().startsWith('https://mail.google.com/') }),
      welcome.getByRole('link', { name: 'Open Gmail' }).click(),
    ]);
    const extensionId = await extensionIdOf(context);
    const inbox = await panelFrame(gmail, extensionId);
    await inbox.waitForSelector('[data-testid="no-thread"]');
    // The inbox with no conversation open is normal: no "off on this layout" note.
    expect(await inbox.$('[data-testid="features-off"]')).toBeNull();
    await shot(gmail, '3-gmail-inbox');

    const thread = await context.newPage();
    await thread.goto('https://mail.google.com/mail/u/0/fixture/thread#inbox/FMfcgzQXJWDsKmtpilot');
    const threadPanel = await panelFrame(thread, extensionId);
    await threadPanel.waitForSelector('[data-testid="no-thread"]', { state: 'detached' });
    await shot(thread, '4-gmail-thread');

    const hubspot = await context.newPage();
    await hubspot.goto('https://app.hubspot.com/contacts/12345/record/0-1/1');
    await panelFrame(hubspot, extensionId);
    await shot(hubspot, '5-hubspot-record');
  });
});
