/**
 * A backend wired to a fresh HubSpot sandbox, for integration tests: the server with the integration enabled,
 * on a test database, its sync worker fast and the sandbox's limits as given.
 */
import { loadAppConfig, type AppConfig } from '../app-config';
import { loadConfig } from '../config';
import type { Database } from '../db/database';
import { startServer, type RunningServer } from '../app';
import { createLogger } from '../logger';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../sandbox/sandbox';
import { signV3 } from '../hubspot/signature';

export interface Harness {
  server: RunningServer;
  sandbox: RunningSandbox;
  app: AppConfig;
  close(): Promise<void>;
  /** Installs the app on the sandbox portal through the real OAuth redirects; returns the callback's JSON. */
  install(): Promise<{ installed: boolean; portalId: number; setup: Record<string, unknown> }>;
  devToken(portalId: number, userId?: string): Promise<string>;
  /** fetch with HubSpot's v3 signature, as hubspot.fetch and webhooks send it. */
  signedFetch(method: string, pathAndQuery: string, body?: string, timestamp?: number): Promise<Response>;
  /**
   * Writes straight to the sandbox as someone working in HubSpot would (not through the backend), with a token of
   * the given scopes (default: all the portal has); throws on a non-2xx answer.
   */
  hubspotPost(portalId: number, path: string, body: unknown, scopes?: string[]): Promise<{ results: { id: string }[] }>;
}

export async function startHarness(
  db: Database,
  sandboxOptions: SandboxOptions = {},
  env: Record<string, string> = {},
): Promise<Harness> {
  const sandbox = await startSandbox(sandboxOptions);
  // PUBLIC_URL must be known before the port is: use a placeholder, then point it at the real port.
  const app = loadAppConfig({
    HUBSPOT_API_URL: sandbox.url,
    HUBSPOT_AUTHORIZE_URL: `${sandbox.url}/oauth/authorize`,
    HUBSPOT_CLIENT_ID: sandbox.state.clientId,
    HUBSPOT_CLIENT_SECRET: sandbox.state.clientSecret,
    CLOSER_DEV_TOKENS: '1',
    SYNC_CONCURRENCY: '4',
    SYNC_LEASE_MS: '2000',
    ...env,
  });
  const logger = createLogger({ level: process.env.HARNESS_LOG === '1' ? 'debug' : 'silent' });
  const server = await startServer(loadConfig({ PORT: '0' }), { logger, database: db, app });
  app.publicUrl = server.url;
  return {
    server,
    sandbox,
    app,
    close: async () => {
      await server.close();
      await sandbox.close();
    },
    install: async () => {
      const response = await fetch(`${server.url}/oauth/install`);
      if (response.status !== 200) throw new Error(`install answered ${response.status}: ${await response.text()}`);
      return (await response.json()) as Awaited<ReturnType<Harness['install']>>;
    },
    devToken: async (portalId, userId = 'user-1') => {
      const response = await fetch(`${server.url}/v1/dev/tokens`, {
        method: 'POST',
        body: JSON.stringify({ portalId, userId }),
      });
      return ((await response.json()) as { token: string }).token;
    },
    hubspotPost: async (portalId, path, body, scopes) => {
      const token = sandbox.state.issueAccessToken(portalId, undefined, scopes);
      const response = await fetch(`${sandbox.url}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (!response.ok)
        throw new Error(`sandbox answered ${response.status} to POST ${path}: ${await response.text()}`);
      return (await response.json()) as { results: { id: string }[] };
    },
    signedFetch: (method, pathAndQuery, body = '', timestamp = Date.now()) => {
      const uri = `${server.url}${pathAndQuery}`;
      const signature = signV3(sandbox.state.clientSecret, method, uri, body, String(timestamp));
      return fetch(uri, {
        method,
        headers: { 'x-hubspot-signature-v3': signature, 'x-hubspot-request-timestamp': String(timestamp) },
        ...(method === 'GET' ? {} : { body }),
      });
    },
  };
}

/** Polls until `check` returns true (bounded). */
export async function eventually(check: () => Promise<boolean> | boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`condition not met within ${timeoutMs} ms`);
}
