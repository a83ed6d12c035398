/**
 * The real companion backend and the local HubSpot sandbox as child processes, for E2E tests in Chromium: the
 * backend on PGlite in a temporary directory, on a free port, with CORS open to the development extension's origin.
 * The backend can be stopped (gracefully or with SIGKILL) and started again on the same port and data, to test
 * what the extension does while it is away. Shared by every E2E that needs the backend.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './chromium';
import { DEV_EXTENSION_ORIGIN } from '../dev-key';
import { DEV_HUBSPOT_CLIENT } from '../../crm-app/server/hubspot/dev-client';

export interface SandboxContact {
  id: string;
  properties: Record<string, string | null | undefined>;
}

export interface E2EBackend {
  /** `http://127.0.0.1:<port>`: what the extension's `companionUrl` must be set to. */
  url: string;
  sandboxUrl: string;
  portalId: number;
  /** Stops the backend (the sandbox keeps running). `SIGKILL` simulates a crash. */
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
  /** Starts it again on the same port and database. */
  start(): Promise<void>;
  running(): boolean;
  /** Installs the app on the sandbox portal through the real OAuth redirects (what a HubSpot admin does once). */
  install(): Promise<{ installed: boolean; portalId: number }>;
  /** A token without the device flow (`CLOSER_DEV_TOKENS=1`), for E2Es that are not about sign-in. */
  devToken(userId?: string): Promise<{ token: string; portalId: number; userId: string }>;
  sandbox: {
    contacts(): Promise<SandboxContact[]>;
    stats(): Promise<{
      contacts: number;
      notes: number;
      emails: number;
      duplicates: { contacts: number; engagements: number };
    }>;
    engagements(): Promise<{ notes: unknown[]; emails: unknown[] }>;
    /** Fault injection: `{errorRate, latencyMs, dropRate}`. */
    faults(faults: Record<string, number>): Promise<void>;
  };
  /** The backend's recent output (for error messages). */
  logs(): string;
  close(): Promise<void>;
}

/** How long a live backend may take to answer /healthz before the harness calls it hung. */
export const BACKEND_HANG_MS = 240_000;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** `node --import tsx file`: one process, so a signal reaches the server itself (no wrapper in between). */
function runTs(file: string, env: Record<string, string>, onOutput: (text: string) => void): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', file], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (b: Buffer) => onOutput(b.toString()));
  child.stderr?.on('data', (b: Buffer) => onOutput(b.toString()));
  return child;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs: number, fail?: () => string | null) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const problem = fail?.();
    if (problem) throw new Error(`${what}: ${problem}`);
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what}: not ready within ${timeoutMs} ms`);
}

export async function startBackend(
  options: { portalId?: number; tier?: 'free' | 'enterprise'; env?: Record<string, string> } = {},
): Promise<E2EBackend> {
  const portalId = options.portalId ?? 101;
  const dataDir = mkdtempSync(join(tmpdir(), 'closer-e2e-backend-'));
  let output = '';
  const keep = (text: string) => {
    output = (output + text).slice(-20_000);
  };

  const sandboxPort = await freePort();
  const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
  const sandboxProc = runTs(
    join(ROOT, 'crm-app/sandbox/main.ts'),
    { SANDBOX_PORT: String(sandboxPort), SANDBOX_PORTAL: String(portalId), SANDBOX_TIER: options.tier ?? 'free' },
    keep,
  );
  const died = (child: ChildProcess, name: string) => () =>
    child.exitCode !== null ? `${name} exited with ${child.exitCode}:\n${output.slice(-3_000)}` : null;
  await waitFor(
    async () => (await fetch(`${sandboxUrl}/__sandbox/stats`)).ok,
    'HubSpot sandbox',
    60_000,
    died(sandboxProc, 'sandbox'),
  );

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: join(dataDir, 'pglite'),
    LOG_LEVEL: 'warn',
    HUBSPOT_API_URL: sandboxUrl,
    HUBSPOT_AUTHORIZE_URL: `${sandboxUrl}/oauth/authorize`,
    HUBSPOT_CLIENT_ID: DEV_HUBSPOT_CLIENT.id,
    HUBSPOT_CLIENT_SECRET: DEV_HUBSPOT_CLIENT.secret,
    CLOSER_DEV_TOKENS: '1',
    CLOSER_EXTENSION_ORIGIN: DEV_EXTENSION_ORIGIN,
    SYNC_LEASE_MS: '2000',
    ...options.env,
  };
  let server: ChildProcess | null = null;

  const start = async () => {
    if (server && server.exitCode === null && server.signalCode === null) return;
    const child = runTs(join(ROOT, 'crm-app/server/main.ts'), env, keep);
    server = child;
    // A backend that fails exits, and `died` reports that at once; the deadline only guards a hang. It must not be a
    // speed limit: creating the PGlite database (its initdb) took 59 s of a 73 s start on the shared 2-core box at a
    // load of 19, and a 60 s deadline failed every companion E2E there before its first test.
    await waitFor(
      async () => (await fetch(`${url}/healthz`)).ok,
      'companion backend',
      BACKEND_HANG_MS,
      died(child, 'backend'),
    );
  };
  const stop = async (signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM') => {
    const child = server;
    if (!child) return;
    child.kill(signal);
    await exited(child);
    server = null;
  };

  try {
    await start();
  } catch (err) {
    sandboxProc.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }

  const sandboxGet = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${sandboxUrl}${path}${path.includes('?') ? '&' : '?'}portalId=${portalId}`);
    if (!res.ok) throw new Error(`sandbox ${path}: HTTP ${res.status}`);
    return (await res.json()) as T;
  };

  return {
    url,
    sandboxUrl,
    portalId,
    start,
    stop,
    running: () => server !== null,
    async install() {
      const res = await fetch(`${url}/oauth/install`);
      if (!res.ok) throw new Error(`install answered ${res.status}: ${await res.text()}`);
      return (await res.json()) as { installed: boolean; portalId: number };
    },
    async devToken(userId = 'e2e-user') {
      const res = await fetch(`${url}/v1/dev/tokens`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ portalId, userId }),
      });
      if (!res.ok) throw new Error(`dev token answered ${res.status}: ${await res.text()}`);
      return (await res.json()) as { token: string; portalId: number; userId: string };
    },
    sandbox: {
      contacts: async () => (await sandboxGet<{ results: SandboxContact[] }>('/__sandbox/contacts')).results,
      stats: () => sandboxGet('/__sandbox/stats'),
      engagements: () => sandboxGet('/__sandbox/engagements'),
      async faults(faults) {
        await fetch(`${sandboxUrl}/__sandbox/faults`, { method: 'POST', body: JSON.stringify(faults) });
      },
    },
    logs: () => output,
    async close() {
      await stop('SIGTERM').catch(() => undefined);
      sandboxProc.kill('SIGTERM');
      await exited(sandboxProc);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
