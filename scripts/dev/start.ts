/**
 * `npm start`: builds the extension, starts the companion backend on its embedded database (PGlite) with the local
 * HubSpot sandbox (scripts/dev/start-stack.ts), and opens Chromium with the extension loaded — headed when there is a
 * display, headless otherwise — on a sales thread the panel has already analysed. Then it says where everything is
 * and what to do next, and keeps running until Ctrl+C.
 */
import { execSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import {
  EXTENSION_DIR,
  ROOT,
  extensionIdOf,
  launchChromiumWithExtension,
  routeFixtures,
} from '../../extension/e2e/chromium';
import { startStack, stopProcesses, type Stack } from './start-stack';

const DATA_DIR = join(ROOT, '.data');
const PROFILE_DIR = join(DATA_DIR, 'chromium-profile');
const SERVER_PORT = Number(process.env.PORT ?? 8787);
const SANDBOX_PORT = Number(process.env.SANDBOX_PORT ?? 8788);
const headless = !process.env.DISPLAY || process.env.HEADLESS === '1';
/** A dated Gmail thread (a prospect asking about a pilot), served at Gmail's URL while demo fixtures are on. */
const DEMO_THREAD = 'https://mail.google.com/mail/u/0/fixture/thread#inbox/FMfcgzQXJWDsKmtpilot';

const log = (event: string, fields: Record<string, unknown> = {}) => console.log(JSON.stringify({ event, ...fields }));

/** The panel's frame in `page` once it shows an intent for at least one message (the on-device analysis ran). */
async function analysedPanel(page: Page, extensionId: string, timeoutMs = 60_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  await page.waitForSelector('#closer-panel-host', { state: 'attached', timeout: timeoutMs });
  while (Date.now() < deadline) {
    const frame = page.frames().find((f) => f.url().startsWith(`chrome-extension://${extensionId}/panel.html`));
    const analysed = await frame
      ?.locator('[data-testid="intent"][data-intent]:not([data-intent=""])')
      .count()
      .catch(() => 0);
    if (frame && analysed) return frame;
    await page.waitForTimeout(250);
  }
  throw new Error(`The panel did not show its analysis of the demo thread within ${timeoutMs} ms`);
}

async function main() {
  mkdirSync(DATA_DIR, { recursive: true });
  log('build.start');
  execSync('npx wxt build', { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  log('build.done', { extensionDir: EXTENSION_DIR });

  // Handlers first: Ctrl+C while the stack is still starting must stop what already runs.
  const processes: ChildProcess[] = [];
  let context: BrowserContext | undefined;
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log('shutdown');
    await context?.close().catch(() => undefined);
    await stopProcesses(processes);
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  try {
    const stack: Stack = await startStack({
      root: ROOT,
      serverPort: SERVER_PORT,
      sandboxPort: SANDBOX_PORT,
      pgliteDir: join(DATA_DIR, 'pglite'),
      env: process.env,
      output: 'inherit',
      log,
      processes,
    });
    context = await launchChromiumWithExtension({ userDataDir: PROFILE_DIR, headless, handleSignals: false });
    context.on('close', () => void shutdown(0));
    const demo = process.env.CLOSER_DEMO_FIXTURES !== '0';
    // Without a network, Gmail and HubSpot cannot load: serve the demo fixtures at their URLs so the panel shows.
    if (demo) await routeFixtures(context);
    const extensionId = await extensionIdOf(context);
    const options = `chrome-extension://${extensionId}/options.html`;
    const gmail = context.pages()[0] ?? (await context.newPage());
    await gmail.goto(demo ? DEMO_THREAD : 'https://mail.google.com/mail/u/0/#inbox');
    const screenshot = join(ROOT, 'artifacts', 'start-gmail.png');
    mkdirSync(join(ROOT, 'artifacts'), { recursive: true });
    if (demo) await analysedPanel(gmail, extensionId);
    else await gmail.waitForSelector('#closer-panel-host', { state: 'attached', timeout: 60_000 });
    await gmail.screenshot({ path: screenshot });
    log('ready', {
      chromium: headless ? 'headless (no display found; set DISPLAY for a window)' : 'window',
      extensionId,
      extensionDir: EXTENSION_DIR,
      profileDir: PROFILE_DIR,
      sidePanel: `chrome-extension://${extensionId}/sidepanel.html`,
      options,
      companionBackend: stack.serverUrl,
      hubspot: stack.sandboxUrl ?? 'HubSpot (HUBSPOT_CLIENT_ID set)',
      screenshot,
      stop: 'Ctrl+C',
    });
    const nextSteps = [
      '',
      'Closer is running. Next steps:',
      `  1. Load the extension in your own Chrome: chrome://extensions -> Developer mode -> Load unpacked -> ${EXTENSION_DIR}`,
      '     (it keeps the id ' + extensionId + ', which the backend allows).',
      `  2. Connect HubSpot: open the extension's options page (${options}) and press Connect;`,
      stack.sandboxUrl
        ? `     sign-in goes through the local HubSpot sandbox (${stack.sandboxUrl}) until HUBSPOT_CLIENT_ID and HUBSPOT_CLIENT_SECRET are set.`
        : '     sign-in goes to HubSpot with your app (HUBSPOT_CLIENT_ID).',
      `  3. Open a thread in Gmail: the panel on the right shows who wrote, what they want and how they feel.`,
      `  The demo thread as this run shows it: ${screenshot}`,
      '',
    ];
    // Human-readable, on stderr: stdout stays one JSON line per step for scripts.
    process.stderr.write(nextSteps.join('\n'));
  } catch (error) {
    console.error(JSON.stringify({ event: 'error', message: error instanceof Error ? error.message : String(error) }));
    // Nothing we started may outlive us.
    await shutdown(1);
  }
}

main().catch((err: unknown) => {
  console.error(JSON.stringify({ event: 'error', message: err instanceof Error ? err.message : String(err) }));
  process.exit(1);
});
