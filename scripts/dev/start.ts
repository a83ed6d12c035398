/**
 * `npm start`: builds the extension, starts the companion backend on its embedded database (PGlite), and opens
 * Chromium with the extension loaded — headed when there is a display, headless otherwise — then says where
 * everything is and keeps running until Ctrl+C.
 */
import { spawn, execSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  EXTENSION_DIR,
  ROOT,
  extensionIdOf,
  launchChromiumWithExtension,
  routeFixtures,
} from '../../extension/e2e/chromium';
import { DEV_EXTENSION_ORIGIN } from '../../extension/dev-key';

const DATA_DIR = join(ROOT, '.data');
const PROFILE_DIR = join(DATA_DIR, 'chromium-profile');
const SERVER_PORT = Number(process.env.PORT ?? 8787);
const SERVER_URL = `http://127.0.0.1:${SERVER_PORT}`;
/** Every process we started, so an error or Ctrl+C stops them all. */
const children: ChildProcess[] = [];
const SANDBOX_PORT = Number(process.env.SANDBOX_PORT ?? 8788);
const headless = !process.env.DISPLAY || process.env.HEADLESS === '1';

/** Resolves with the first JSON line a child prints that has `key` (how the sandbox announces its URL). */
function firstJsonLine<T>(child: ChildProcess, key: string, timeoutMs = 60_000): Promise<T> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(
      () => reject(new Error(`No "${key}" line from the child process in ${timeoutMs} ms`)),
      timeoutMs,
    );
    child.once('exit', (code) => reject(new Error(`The child process exited with code ${code}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      for (const line of buffer.split('\n')) {
        try {
          const parsed = JSON.parse(line) as Record<string, unknown>;
          if (key in parsed) {
            clearTimeout(timer);
            resolve(parsed as T);
          }
        } catch {
          // Not a JSON line.
        }
      }
    });
  });
}

const log = (event: string, fields: Record<string, unknown> = {}) => console.log(JSON.stringify({ event, ...fields }));

async function waitForHealth(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<unknown> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The companion backend exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) return await res.json();
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The companion backend did not become healthy at ${url} within ${timeoutMs} ms`);
}

async function main() {
  mkdirSync(DATA_DIR, { recursive: true });
  log('build.start');
  execSync('npx wxt build', { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  log('build.done', { extensionDir: EXTENSION_DIR });

  // Without HubSpot app credentials the backend talks to the local HubSpot sandbox instead, and says so.
  let sandbox: ChildProcess | null = null;
  const hubspotEnv: Record<string, string> = {};
  if (!process.env.HUBSPOT_CLIENT_ID) {
    sandbox = spawn('npx', ['tsx', join(ROOT, 'crm-app/sandbox/main.ts')], {
      cwd: ROOT,
      env: { ...process.env, SANDBOX_PORT: String(SANDBOX_PORT) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(sandbox);
    const { url } = await firstJsonLine<{ url: string }>(sandbox, 'url');
    Object.assign(hubspotEnv, {
      HUBSPOT_API_URL: url,
      HUBSPOT_AUTHORIZE_URL: `${url}/oauth/authorize`,
      CLOSER_DEV_TOKENS: '1',
    });
    log('sandbox.ready', {
      url,
      why: 'No HubSpot app credentials configured (HUBSPOT_CLIENT_ID): using the local HubSpot sandbox.',
    });
  }

  let server: ChildProcess | null = null;
  const serverEntry = join(ROOT, 'crm-app/server/main.ts');
  if (existsSync(serverEntry)) {
    server = spawn('npx', ['tsx', serverEntry], {
      cwd: ROOT,
      env: {
        ...process.env,
        ...hubspotEnv,
        // CORS admits exactly the development build's fixed id (extension/dev-key.ts).
        CLOSER_EXTENSION_ORIGIN: process.env.CLOSER_EXTENSION_ORIGIN ?? DEV_EXTENSION_ORIGIN,
        PORT: String(SERVER_PORT),
        DATA_DIR: join(DATA_DIR, 'pglite'),
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    children.push(server);
    const health = await waitForHealth(SERVER_URL, server);
    log('server.ready', {
      url: SERVER_URL,
      health,
      database: process.env.DATABASE_URL ? 'postgresql' : join(DATA_DIR, 'pglite'),
    });
  } else {
    log('server.missing', { expected: serverEntry });
  }

  const context = await launchChromiumWithExtension({ userDataDir: PROFILE_DIR, headless });
  // Without a network, Gmail and HubSpot cannot load: serve the demo fixtures at their URLs so the panel shows.
  if (process.env.CLOSER_DEMO_FIXTURES !== '0') await routeFixtures(context);
  const extensionId = await extensionIdOf(context);
  const gmail = await context.newPage();
  await gmail.goto('https://mail.google.com/mail/u/0/#inbox');
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await gmail.bringToFront();
  await gmail.waitForSelector('#closer-panel-host', { state: 'attached', timeout: 15_000 });
  const screenshot = join(ROOT, 'artifacts', 'start-gmail.png');
  mkdirSync(join(ROOT, 'artifacts'), { recursive: true });
  await gmail.waitForTimeout(1000);
  await gmail.screenshot({ path: screenshot });
  log('ready', {
    chromium: headless ? 'headless (no display found; set DISPLAY for a window)' : 'window',
    extensionId,
    extensionDir: EXTENSION_DIR,
    profileDir: PROFILE_DIR,
    sidePanel: `chrome-extension://${extensionId}/sidepanel.html`,
    options: `chrome-extension://${extensionId}/options.html`,
    companionBackend: server ? SERVER_URL : null,
    hubspot: sandbox ? hubspotEnv.HUBSPOT_API_URL : 'HubSpot (HUBSPOT_CLIENT_ID set)',
    screenshot,
    stop: 'Ctrl+C',
  });

  const shutdown = async () => {
    log('shutdown');
    await context.close().catch(() => undefined);
    server?.kill('SIGTERM');
    sandbox?.kill('SIGTERM');
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  context.on('close', () => void shutdown());
}

main().catch((err: unknown) => {
  console.error(JSON.stringify({ event: 'error', message: err instanceof Error ? err.message : String(err) }));
  // Nothing we started may outlive us.
  for (const child of children) child.kill('SIGTERM');
  process.exit(1);
});
