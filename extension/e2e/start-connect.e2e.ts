/**
 * The `npm start` path, end to end: the sandbox and the backend started exactly as `npm start` starts them
 * (scripts/dev/start-stack.ts, with no HubSpot credentials in the environment), the person signs in from the options
 * page through the sandbox's OAuth pages, approves one persona field on a HubSpot record, and the persona arrives in
 * the sandbox's CRM.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from './chromium';
import { startStack, type Stack } from '../../scripts/dev/start-stack';
import { freePort } from './backend';
import {
  ARTIFACTS_DIR,
  callFromExtensionPage as call,
  launchWithExtension,
  panelFrame,
  type ExtensionSession,
  enterDeviceCode,
  openConnectTab,
} from './harness';
import { personaDraft } from '../../shared/common/llm/structured/persona-fixtures';

/** The sandbox's one portal unless SANDBOX_PORTAL says otherwise (crm-app/sandbox/main.ts). */
const PORTAL = 101;
const MODEL_PERSONA = JSON.stringify(
  personaDraft({
    role: { value: 'Head of Revenue Operations', confidence: 0.9, source: 'crm' },
    seniority: { value: 'director', confidence: 0.7, source: 'inferred' },
  }),
);

interface SandboxContact {
  id: string;
  properties: Record<string, string | null | undefined>;
}

describe('npm start: connect HubSpot and sync a persona', () => {
  let stack: Stack;
  let s: ExtensionSession;
  let options: Page;
  let output = '';
  const pgliteDir = mkdtempSync(join(tmpdir(), 'closer-start-connect-'));

  beforeAll(async () => {
    // The environment of a fresh clone: no HubSpot app configured, so `npm start` brings up the sandbox.
    const env = { ...process.env };
    for (const name of ['HUBSPOT_CLIENT_ID', 'HUBSPOT_CLIENT_SECRET', 'DATABASE_URL', 'NODE_ENV']) delete env[name];
    stack = await startStack({
      root: ROOT,
      serverPort: await freePort(),
      sandboxPort: await freePort(),
      pgliteDir,
      env: { ...env, LOG_LEVEL: 'warn' },
      output: (text) => (output = (output + text).slice(-20_000)),
      log: () => undefined,
    });
    s = await launchWithExtension();
    const sw = await s.serviceWorker();
    // Only the backend's address differs from `npm start` (a free port instead of 8787, which may be taken here).
    await sw.evaluate(
      (url) =>
        (
          globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }
        ).chrome.storage.local.set({
          settings: { panelCollapsed: false, engine: { engine: 'test', model: 'test-persona' }, companionUrl: url },
          settings$: { v: 2 },
        }),
      stack.serverUrl,
    );
    options = await s.context.newPage();
    await options.goto(`chrome-extension://${s.extensionId}/options.html`);
  }, 240_000);

  afterAll(async () => {
    await s?.close();
    await stack?.stop();
    rmSync(pgliteDir, { recursive: true, force: true });
  });

  const sandbox = async <T>(path: string, init?: RequestInit): Promise<T> => {
    const res = await fetch(`${stack.sandboxUrl}${path}${path.includes('?') ? '&' : '?'}portalId=${PORTAL}`, init);
    if (!res.ok) throw new Error(`sandbox ${path}: HTTP ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };

  it('starts the sandbox, because no HubSpot credentials are set', () => {
    expect(stack.sandboxUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('signs in from the options page through the sandbox OAuth pages', async () => {
    const tab = await openConnectTab(s, options);
    await enterDeviceCode(options, tab);
    // Approve: the backend sends the tab to HubSpot's authorize page (the sandbox's), which must know its client id.
    const authorize = s.context.waitForEvent('request', {
      predicate: (r) => r.url().startsWith(`${stack.sandboxUrl}/oauth/authorize`),
    });
    await tab.locator('form[action="/connect/approve"] button').click();
    const authorizeUrl = new URL((await authorize).url());
    await expect
      .poll(() => options.getByTestId('companion').getAttribute('data-state'), { timeout: 30_000 })
      .toBe('connected');
    expect(authorizeUrl.searchParams.get('client_id')).toBeTruthy();
    expect(await tab.content()).not.toContain('unknown client_id');
    expect(await options.getByTestId('companion-status').textContent()).toContain(String(PORTAL));
    await options.screenshot({ path: join(ARTIFACTS_DIR, 'start-connect-options.png') });
    await tab.close();
  });

  it('delivers an approved persona field to the contact in HubSpot', async () => {
    // The contact as it exists in the portal before Closer sees it.
    const token = await sandbox<{ access_token: string }>('/__sandbox/tokens', { method: 'POST' });
    const created = await fetch(`${stack.sandboxUrl}/crm/v3/objects/contacts/batch/upsert`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token.access_token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        inputs: [
          {
            idProperty: 'email',
            id: 'ada@example.com',
            properties: {
              email: 'ada@example.com',
              firstname: 'Ada',
              lastname: 'Lovelace',
              jobtitle: 'Head of Revenue Operations',
            },
          },
        ],
      }),
    });
    expect(created.status).toBe(200);
    const contactId = ((await created.json()) as { results: { id: string }[] }).results[0]?.id;

    expect(
      (
        await call(options, 'host.testScript', {
          rules: [{ match: 'sales persona', reply: MODEL_PERSONA }],
          faults: [],
        })
      ).ok,
    ).toBe(true);
    const page = await s.context.newPage();
    await page.goto(`https://app.hubspot.com/contacts/${PORTAL}/record/0-1/${contactId}`);
    const frame = await panelFrame(page, s.extensionId);
    // Read from HubSpot through the signed-in backend.
    await expect.poll(() => frame.getByTestId('contact-name').textContent(), { timeout: 30_000 }).toBe('Ada Lovelace');
    await frame.getByTestId('persona-build').click();
    await frame.getByTestId('persona-field-role').or(frame.getByTestId('persona-error')).waitFor({ timeout: 30_000 });
    expect(await frame.getByTestId('persona-error').count(), await frame.locator('body').innerText()).toBe(0);
    await frame.getByTestId('field-approve-role').check();
    await frame.getByTestId('persona-queue').click();
    await frame.getByTestId('queue-status').waitFor({ timeout: 20_000 });

    const delivered = async () =>
      (await sandbox<{ results: SandboxContact[] }>('/__sandbox/contacts')).results.find(
        (c) => c.properties.email === 'ada@example.com',
      );
    await expect
      .poll(async () => (await delivered())?.properties.closer_persona_role, { timeout: 60_000 })
      .toBe('Head of Revenue Operations');
    // Only the approved field: seniority stayed on the device.
    expect((await delivered())?.properties.closer_persona_seniority ?? null).toBeNull();
    const list = (await call(options, 'outbox.list', {})).result as { counts: { pending: number; sent: number } };
    expect(list.counts).toMatchObject({ pending: 0, sent: 1 });
    const stats = await sandbox<{ duplicates: { contacts: number } }>('/__sandbox/stats');
    expect(stats.duplicates.contacts).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'start-connect-persona.png') });
  }, 120_000);
});
