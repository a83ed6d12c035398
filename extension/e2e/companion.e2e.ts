import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  ARTIFACTS_DIR,
  callFromExtensionPage,
  closeAll,
  startWithBackend,
  stopServiceWorker,
  type ExtensionSession,
  expectLedgerMatchesRequests,
  enterDeviceCode,
  openConnectTab,
} from './harness';
import { BACKEND_HANG_MS, type E2EBackend } from './backend';
import { traceOutbox } from './outbox-trace';

const call = callFromExtensionPage;

// Mail text planted in a payload: the outbox must refuse it, and it must never appear in any request.
const MAIL_TEXT = `Hi Sam, following up on our call about the 40-seat pilot. ${'We discussed pricing and rollout. '.repeat(40)}`;
const PLANTED_PHONE = '+1 415 555 0134';

const persona = (i: number, extra: Record<string, unknown> = {}) => ({
  email: `contact${i}@example.com`,
  persona: {
    label: `Persona ${i}`,
    confidence: 0.8,
    origin: 'llm',
    fields: { role: { value: 'Head of Sales', confidence: 0.8, source: 'thread' } },
    approvedAt: '2026-11-20T10:00:00.000Z',
    ...extra,
  },
});

type OutboxList = { counts: { pending: number; sent: number; failed: number }; delivery: string };

describe('companion backend link: sign-in, outbox and ledger', () => {
  let s: ExtensionSession;
  let backend: E2EBackend;
  let options: Page;
  const accepted: string[] = [];

  beforeAll(async () => {
    ({ s, backend } = await startWithBackend({ engine: { engine: 'test', model: 'test-1' } }));
    // Each batch the backend accepted (2xx), with the idempotency keys it carried: exactly-once on the wire.
    s.context.on('response', (res) => {
      const req = res.request();
      if (!req.url().startsWith(`${backend.url}/v1/personas:batchUpsert`) || res.status() >= 300) return;
      const body = JSON.parse(req.postData() ?? '{}') as { items?: { idempotencyKey: string }[] };
      accepted.push(...(body.items ?? []).map((i) => i.idempotencyKey));
    });
    options = await s.context.newPage();
    await options.goto(`chrome-extension://${s.extensionId}/options.html`);
    // Room for a slow backend start on a loaded machine (see BACKEND_HANG_MS), plus the sandbox and Chromium.
  }, BACKEND_HANG_MS + 120_000);

  afterAll(() => closeAll(s, backend));

  it('signs in from the options page with the device flow', async () => {
    const tab = await openConnectTab(s, options);
    await enterDeviceCode(options, tab);
    await tab.locator('form[action="/connect/approve"] button').click();
    await expect
      .poll(() => options.getByTestId('companion').getAttribute('data-state'), { timeout: 30_000 })
      .toBe('connected');
    expect(await options.getByTestId('companion-status').textContent()).toContain(String(backend.portalId));
    await options.screenshot({ path: join(ARTIFACTS_DIR, 'options-companion.png') });
    await tab.close();
  });

  it('refuses message text, redacts PII, and delivers personas to the HubSpot sandbox', async () => {
    const refused = await call(options, 'outbox.enqueue', {
      kind: 'persona.upsert',
      idempotencyKey: 'mail-1',
      payload: persona(0, { summary: MAIL_TEXT }),
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_params', message: /message text/ } });

    for (const i of [1, 2, 3]) {
      const label = i === 1 ? `Buyer, call ${PLANTED_PHONE}` : `Persona ${i}`;
      const res = await call(options, 'outbox.enqueue', {
        kind: 'persona.upsert',
        idempotencyKey: `p${i}`,
        payload: persona(i, { label }),
      });
      expect(res).toMatchObject({ ok: true, result: { duplicate: false } });
    }
    await expect
      .poll(async () => ((await call(options, 'outbox.list', {})).result as OutboxList).counts.sent, {
        timeout: 30_000,
      })
      .toBe(3);
    await expect.poll(async () => (await backend.sandbox.contacts()).length, { timeout: 30_000 }).toBe(3);
    const one = (await backend.sandbox.contacts()).find((c) => c.properties.email === 'contact1@example.com');
    expect(one?.properties.closer_persona_label).toBe('Buyer, call [PHONE]');
  });

  it('keeps items while the backend is down and the worker is stopped, then delivers each exactly once', async () => {
    // Evidence if delivery stalls: alarms, outbox rows and worker status, read without waking the worker.
    const trace = await traceOutbox(s, options, backend.url);
    const log = trace.log;
    try {
      await backend.stop('SIGKILL');
      log('backend killed');
      for (const i of [4, 5, 6]) {
        const res = await call(options, 'outbox.enqueue', {
          kind: 'persona.upsert',
          idempotencyKey: `p${i}`,
          payload: persona(i),
        });
        expect(res.ok).toBe(true);
      }
      // The immediate attempt fails: the items wait with a reason and a next attempt.
      await expect
        .poll(
          async () =>
            ((await call(options, 'outbox.list', {})).result as { items: { attempts: number }[] }).items[0]?.attempts ??
            0,
          {
            timeout: 20_000,
          },
        )
        .toBeGreaterThan(0);
      const side = await s.context.newPage();
      await side.goto(`chrome-extension://${s.extensionId}/sidepanel.html?tab=outbox`);
      await expect.poll(() => side.getByTestId('outbox-item').count(), { timeout: 10_000 }).toBe(6);
      expect(await side.locator('[data-testid="outbox-item"][data-status="pending"]').count()).toBe(3);
      await side.screenshot({ path: join(ARTIFACTS_DIR, 'sidepanel-outbox-offline.png') });
      await side.close();

      // Chrome stops the idle worker; only the alarm can bring delivery back.
      log('stopping worker');
      await stopServiceWorker(options);
      log('worker stopped');
      await backend.start();
      log('backend started');
      await expect
        .poll(async () => (await backend.sandbox.contacts()).length, { timeout: 150_000, interval: 1_000 })
        .toBe(6);
      const contacts = await backend.sandbox.contacts();
      expect(contacts.map((c) => c.properties.email).sort()).toEqual(
        [1, 2, 3, 4, 5, 6].map((i) => `contact${i}@example.com`).sort(),
      );
      expect((await backend.sandbox.stats()).duplicates).toEqual({ contacts: 0, engagements: 0 });
      const list = (await call(options, 'outbox.list', {})).result as OutboxList;
      expect(list.counts).toEqual({ pending: 0, sent: 6, failed: 0 });
      // Once accepted, an item is never sent again.
      expect([...accepted].sort()).toEqual(['p1', 'p2', 'p3', 'p4', 'p5', 'p6']);
    } finally {
      await trace.stop('outbox-trace');
    }
  }, 300_000);

  it('the ledger matches the requests the browser made, and no request body carries mail text', async () => {
    const { entries, recorded } = await expectLedgerMatchesRequests(s, options, backend.url);
    expect(recorded.some((e) => e.purpose === 'outbox.persona.upsert' && e.fields.includes('items'))).toBe(true);
    // Nothing left for anywhere else but the backend. The approval tab's redirect to HubSpot's authorize page (here
    // the sandbox) is the user's own navigation during sign-in, not a request of the extension.
    const authorizePage = `${backend.sandboxUrl}/oauth/authorize`;
    const external = s.requests.filter(
      (r) =>
        /^https?:/.test(r.url) &&
        !r.url.startsWith(backend.url) &&
        !r.url.startsWith(authorizePage) &&
        !/^https:\/\/(mail\.google|app\.hubspot)\.com\//.test(r.url),
    );
    expect(external.map((r) => r.url)).toEqual([]);
    for (const r of s.requests) {
      expect(r.postData ?? '').not.toContain('following up on our call');
      expect(r.postData ?? '').not.toContain(PLANTED_PHONE);
    }

    const side = await s.context.newPage();
    await side.goto(`chrome-extension://${s.extensionId}/sidepanel.html?tab=privacy`);
    await expect.poll(() => side.getByTestId('ledger-entry').count()).toBe(entries.length);
    await side.screenshot({ path: join(ARTIFACTS_DIR, 'sidepanel-privacy.png') });
    await side.close();
  });

  it('disconnect revokes the token and stops the outbox without losing queued items', async () => {
    await options.getByRole('button', { name: /Disconnect/ }).click();
    await expect.poll(() => options.getByTestId('companion').getAttribute('data-state')).toBe('not_connected');
    const res = await call(options, 'outbox.enqueue', {
      kind: 'persona.upsert',
      idempotencyKey: 'p7',
      payload: persona(7),
    });
    expect(res.ok).toBe(true);
    const list = (await call(options, 'outbox.list', {})).result as OutboxList;
    expect(list).toMatchObject({ counts: { pending: 1, sent: 6 }, delivery: 'not_connected' });
    expect((await backend.sandbox.contacts()).length).toBe(6);
  });
});
