/**
 * The processes `npm start` runs besides Chromium: the local HubSpot sandbox (when no HubSpot app credentials are
 * set) and the companion backend on its embedded database, wired to each other. One definition for `npm start`
 * (scripts/dev/start.ts) and for the E2E that signs in on that path (extension/e2e/start-connect.e2e.ts), so the test
 * exercises what a person runs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { DEV_EXTENSION_ORIGIN } from '../../extension/dev-key';

export interface StackOptions {
  root: string;
  serverPort: number;
  sandboxPort: number;
  /** PGlite data directory of the backend (ignored when DATABASE_URL is set in `env`). */
  pgliteDir: string;
  /** The environment the stack reads its settings from (`npm start`: the user's). */
  env: NodeJS.ProcessEnv;
  /** Where the children's output goes: the terminal (`npm start`) or a callback (tests). */
  output: 'inherit' | ((text: string) => void);
  log: (event: string, fields?: Record<string, unknown>) => void;
  /**
   * Every process started is added here as soon as it exists, so a caller interrupted while the stack is still
   * starting (Ctrl+C during the database's first start) can stop them with `stopProcesses`.
   */
  processes?: ChildProcess[];
}

export interface Stack {
  serverUrl: string;
  /** The local HubSpot sandbox's URL, or null when real HubSpot credentials are configured. */
  sandboxUrl: string | null;
  /** Stops the backend, then the sandbox (SIGTERM; both shut down gracefully). */
  stop(): Promise<void>;
}

/** `node --import tsx FILE`: one process per service, so a signal reaches the service itself. */
function runTs(root: string, file: string, env: NodeJS.ProcessEnv, output: StackOptions['output']): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, file)], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', output === 'inherit' ? 'inherit' : 'pipe'],
    // A process group of its own: Ctrl+C in the terminal reaches `npm start` alone, which then stops each service
    // once, in order (a service that got the terminal's SIGINT and then our SIGTERM would take it as "force exit").
    detached: true,
  });
  if (output !== 'inherit') child.stderr?.on('data', (chunk: Buffer) => output(chunk.toString()));
  return child;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Resolves with the first JSON line the child prints that has `key`; passes every line on to `output`. */
function firstJsonLine<T>(
  child: ChildProcess,
  key: string,
  output: StackOptions['output'],
  timeoutMs = 60_000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    let found = false;
    const timer = setTimeout(
      () => reject(new Error(`No "${key}" line from the child process in ${timeoutMs} ms`)),
      timeoutMs,
    );
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (!found) reject(new Error(`The child process exited with code ${code} before printing "${key}"`));
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      if (output === 'inherit') process.stdout.write(text);
      else output(text);
      buffer += text;
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        if (found) return;
        try {
          const parsed = JSON.parse(line) as Record<string, unknown>;
          if (key in parsed) {
            found = true;
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

/** Stops the processes newest first (the backend may still be delivering to the sandbox), each with SIGTERM. */
export async function stopProcesses(processes: ChildProcess[]): Promise<void> {
  for (const child of [...processes].reverse()) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited(child);
  }
}

/** Polls the backend's readiness (database reachable, migrations applied) until it answers 200. */
async function waitForReady(url: string, child: ChildProcess, timeoutMs = 90_000): Promise<unknown> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The companion backend exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/readyz`);
      if (res.ok) return await res.json();
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The companion backend was not ready at ${url} within ${timeoutMs} ms`);
}

export async function startStack(options: StackOptions): Promise<Stack> {
  const { root, env, output, log } = options;
  const children: ChildProcess[] = options.processes ?? [];
  const stop = () => stopProcesses(children);
  try {
    // Without HubSpot app credentials the backend talks to the local HubSpot sandbox instead, and says so. Both then
    // use the development client (crm-app/server/hubspot/dev-client.ts), so neither is given one here.
    let sandboxUrl: string | null = null;
    const hubspotEnv: Record<string, string> = {};
    if (!env.HUBSPOT_CLIENT_ID) {
      const sandbox = runTs(
        root,
        'crm-app/sandbox/main.ts',
        { ...env, SANDBOX_PORT: String(options.sandboxPort) },
        output,
      );
      children.push(sandbox);
      sandboxUrl = (await firstJsonLine<{ url: string }>(sandbox, 'url', output)).url;
      Object.assign(hubspotEnv, {
        HUBSPOT_API_URL: sandboxUrl,
        HUBSPOT_AUTHORIZE_URL: `${sandboxUrl}/oauth/authorize`,
        HUBSPOT_CLIENT_SECRET: '',
        CLOSER_DEV_TOKENS: '1',
      });
      log('sandbox.ready', {
        url: sandboxUrl,
        why: 'No HubSpot app credentials configured (HUBSPOT_CLIENT_ID): using the local HubSpot sandbox.',
      });
    }

    const serverUrl = `http://127.0.0.1:${options.serverPort}`;
    const server = runTs(
      root,
      'crm-app/server/main.ts',
      {
        ...env,
        ...hubspotEnv,
        // CORS admits exactly the development build's fixed id (extension/dev-key.ts).
        CLOSER_EXTENSION_ORIGIN: env.CLOSER_EXTENSION_ORIGIN ?? DEV_EXTENSION_ORIGIN,
        PORT: String(options.serverPort),
        HOST: '127.0.0.1',
        DATA_DIR: options.pgliteDir,
      },
      output,
    );
    children.push(server);
    server.stdout?.on('data', (chunk: Buffer) =>
      output === 'inherit' ? process.stdout.write(chunk) : output(chunk.toString()),
    );
    const readiness = await waitForReady(serverUrl, server);
    log('server.ready', {
      url: serverUrl,
      readiness,
      database: env.DATABASE_URL ? 'postgresql' : options.pgliteDir,
    });
    return { serverUrl, sandboxUrl, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
