import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const EXTENSION_DIR = join(ROOT, '.output/chrome-mv3');
/** The Web Store build `npm run package` makes (no key, welcome page on install). */
export const STORE_EXTENSION_DIR = join(ROOT, '.output/store/chrome-mv3');
export const FIXTURES_DIR = join(ROOT, 'extension/e2e/fixtures');

/** Debian's Chromium binary itself: the /usr/bin wrapper adds flags (and its own --load-extension) from /etc. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';

/** Fixture pages served at the real sites' URLs (request routing: no DNS, certificates or network involved). */
export const FIXTURE_ROUTES: Record<string, string> = {
  'https://mail.google.com/mail/u/0/fixture/thread-200': 'gmail-2026-12-thread-200.html',
  'https://mail.google.com/mail/u/0/fixture/thread-hostile': 'gmail-2026-12-thread-hostile.html',
  'https://mail.google.com/mail/u/0/fixture/thread-long': 'gmail-2026-12-thread-long.html',
  'https://mail.google.com/mail/u/0/fixture/thread': 'gmail-2026-12-thread-view.html',
  'https://mail.google.com/mail/u/0/fixture/compose-new': 'gmail-2026-11-compose-new.html',
  'https://mail.google.com/mail/u/0/fixture/new-message': 'gmail-2026-12-compose-new.html',
  'https://mail.google.com/mail/u/0/fixture/complaint': 'gmail-2026-12-compose-inline-reply.html',
  'https://mail.google.com/': 'gmail-2026-11-inbox-shell.html',
  'https://app.hubspot.com/contacts/12345/objects/0-1/views': 'hubspot-2026-11-contact-list.html',
  'https://app.hubspot.com/contacts/12345/objects/0-1?': 'hubspot-2026-11-contact-list.html',
  'https://app.hubspot.com/': 'hubspot-2026-11-contact-record.html',
};

/**
 * Launches Debian's Chromium with the built extension loaded. Background networking is off: this machine's network
 * is closed, and Chromium's own connections would only fail.
 */
export async function launchChromiumWithExtension(options: {
  userDataDir: string;
  headless: boolean;
  locale?: string;
  extraArgs?: string[];
  /**
   * False when the caller handles Ctrl+C and SIGTERM itself (`npm start` stops its services first): Playwright would
   * otherwise close the browser and exit the process on those signals, leaving the services running.
   */
  handleSignals?: boolean;
  /** Another build to load, e.g. the store package's folder (`STORE_EXTENSION_DIR`). */
  extensionDir?: string;
}): Promise<BrowserContext> {
  const dir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(dir, 'manifest.json')))
    throw new Error(`No built extension at ${dir}: run "npm run build" (or "npm run package") first`);
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium`);
  return chromium.launchPersistentContext(options.userDataDir, {
    executablePath: CHROMIUM,
    headless: false,
    ...(options.handleSignals === false ? { handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false } : {}),
    locale: options.locale ?? 'en-US',
    viewport: { width: 1280, height: 800 },
    args: [
      ...(options.headless ? ['--headless=new'] : []),
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
      '--no-sandbox',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(options.locale ? [`--lang=${options.locale}`] : []),
      ...(options.extraArgs ?? []),
    ],
  });
}

/** Serves the fixture pages at the Gmail and HubSpot URLs inside `context`. */
export async function routeFixtures(context: BrowserContext): Promise<void> {
  // One route for both sites; the first matching prefix wins (`FIXTURE_ROUTES` lists specific paths first).
  await context.route(/^https:\/\/(mail\.google\.com|app\.hubspot\.com)\//, (route) => {
    const url = route.request().url();
    const file = Object.entries(FIXTURE_ROUTES).find(([prefix]) => url.startsWith(prefix))?.[1];
    if (!file) return route.fulfill({ status: 404, body: 'No fixture for this URL' });
    return route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: readFileSync(join(FIXTURES_DIR, file)),
    });
  });
}

/** The extension's id, read from its service worker's URL. */
export async function extensionIdOf(context: BrowserContext): Promise<string> {
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return new URL(sw.url()).host;
}

/**
 * Sends DevTools protocol commands to a target Playwright does not expose as a page (the extension's offscreen
 * document: the AI host), through `page`'s session: attach without flattening, relay each command, detach.
 * Returns each command's `result`.
 */
export async function sendToHiddenTarget(
  context: BrowserContext,
  page: Page,
  urlPart: string,
  commands: Array<{ method: string; params?: Record<string, unknown> }>,
): Promise<unknown[]> {
  const cdp = await context.newCDPSession(page);
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as {
      targetInfos: Array<{ targetId: string; url: string }>;
    };
    const target = targetInfos.find((t) => t.url.includes(urlPart));
    if (!target) throw new Error(`No browser target whose URL contains ${urlPart}`);
    const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as {
      sessionId: string;
    };
    const results: unknown[] = [];
    for (const [i, command] of commands.entries()) {
      const id = i + 1;
      const reply = new Promise<unknown>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${urlPart} did not answer ${command.method}`)), 30_000);
        cdp.on('Target.receivedMessageFromTarget', (e: { sessionId: string; message: string }) => {
          const m = JSON.parse(e.message) as { id?: number; result?: unknown; error?: { message: string } };
          if (e.sessionId !== sessionId || m.id !== id) return;
          clearTimeout(timer);
          if (m.error) reject(new Error(`${command.method}: ${m.error.message}`));
          else resolve(m.result);
        });
      });
      await cdp.send('Target.sendMessageToTarget', {
        sessionId,
        message: JSON.stringify({ id, method: command.method, params: command.params ?? {} }),
      });
      results.push(await reply);
    }
    return results;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
