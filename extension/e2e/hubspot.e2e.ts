import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import {
  ARTIFACTS_DIR,
  callFromExtensionPage as call,
  closeAll,
  launchWithExtension,
  panelFrame,
  startWithBackend,
  useEngine,
  type ExtensionSession,
  expectLedgerMatchesRequests,
} from './harness';
import type { E2EBackend } from './backend';
import { signV3 } from '../../crm-app/server/hubspot/signature';
import { DEV_HUBSPOT_CLIENT } from '../../crm-app/server/hubspot/dev-client';
import { personaDraft } from '../../shared/common/llm/structured/persona-fixtures';

const GOOD = JSON.stringify(
  personaDraft({
    role: { value: 'Head of Revenue Operations', confidence: 0.9, source: 'crm' },
    seniority: { value: 'director', confidence: 0.7, source: 'inferred' },
    painPoints: [{ value: 'Manual pipeline reports', confidence: 0.7, source: 'thread' }],
    buyingStage: { value: 'evaluation', confidence: 0.6, source: 'thread' },
  }),
);
const PROTECTED = JSON.stringify({
  ...JSON.parse(GOOD),
  interests: [{ value: 'Her religion and weekend church events', confidence: 0.5, source: 'inferred' }],
});
/** A local message of Jane's: only intent and sentiment are stored; this id must never leave the device. */
const MESSAGE_ID = 'm-e2e-local-1';

type OutboxRecord = { kind: string; idempotencyKey: string; payload: unknown; status: string };

/** Reads a store of the extension's database from an extension page (the panel never shows raw records). */
const readStore = (page: Page, store: string) =>
  page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('closer');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const all = await new Promise<unknown[]>((resolve, reject) => {
      const req = db.transaction(name).objectStore(name).getAll();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    db.close();
    return all;
  }, store);

const script = (page: Page, reply: string) =>
  call(page, 'host.testScript', { rules: [{ match: 'sales persona', reply }], faults: [] });

describe('HubSpot assistant', () => {
  let s: ExtensionSession;
  let options: Page;

  beforeAll(async () => {
    s = await launchWithExtension();
    await useEngine(s, { engine: 'test', model: 'test-persona' });
    options = await s.context.newPage();
    await options.goto(`chrome-extension://${s.extensionId}/options.html`);
    // The worker opens (and upgrades) the database; then a local reply of Jane's is recorded as Gmail would.
    expect((await call(options, 'store.counts', {})).ok).toBe(true);
    await options.evaluate(async (id) => {
      const db = await new Promise<IDBDatabase>((resolve) => {
        const req = indexedDB.open('closer');
        req.onsuccess = () => resolve(req.result);
      });
      const tx = db.transaction('messages', 'readwrite');
      tx.objectStore('messages').put({
        id,
        threadId: 't-e2e',
        contactId: 'jane@example.com',
        intent: 'objection_price',
        sentiment: { label: 'negative', score: 0.2 },
        analysedAt: Date.now(),
      });
      await new Promise((r) => (tx.oncomplete = r));
      db.close();
    }, MESSAGE_ID);
  }, 120_000);

  afterAll(async () => s?.close());

  let page: Page;
  let frame: Frame;

  it('builds a persona on a contact record; an edited, approved subset is queued, nothing else', async () => {
    expect((await script(options, GOOD)).ok).toBe(true);
    page = await s.context.newPage();
    await page.goto('https://app.hubspot.com/contacts/12345/record/0-1/678/view/1');
    frame = await panelFrame(page, s.extensionId);
    await frame.getByTestId('hubspot-assistant').waitFor();
    // No companion backend in this test: the panel says so and what still works.
    await expect
      .poll(() => frame.getByTestId('companion-error').getAttribute('data-reason'), { timeout: 20_000 })
      .toBe('not_connected');
    // The e-mail the record shows (read from the page's data attributes) and the local reply history.
    await expect
      .poll(() => frame.getByTestId('sentiment-trend').textContent(), { timeout: 20_000 })
      .toContain('negative');

    await frame.getByTestId('persona-build').click();
    await frame.getByTestId('persona-field-role').waitFor({ timeout: 30_000 });
    expect(await frame.getByTestId('persona-origin').getAttribute('data-origin')).toBe('llm');
    expect(await frame.getByTestId('persona-field-role').textContent()).toContain('crm');

    await frame.getByTestId('field-input-role').fill('Head of RevOps, EMEA');
    await frame.getByTestId('field-approve-role').check();
    await frame.getByTestId('field-approve-painPoints').check();
    const preview = await frame.getByTestId('send-preview').textContent();
    expect(preview).toContain('Head of RevOps, EMEA');
    expect(preview).toContain('Manual pipeline reports');
    expect(preview).not.toContain('director');
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'panel-hubspot-persona.png') });

    await frame.getByTestId('persona-queue').click();
    await frame.getByTestId('queue-status').waitFor({ timeout: 20_000 });
    const outbox = (await readStore(options, 'outbox')) as OutboxRecord[];
    expect(outbox).toHaveLength(1);
    const item = outbox[0] as OutboxRecord;
    expect(item.kind).toBe('persona.upsert');
    const payload = item.payload as { email: string; hubspotContactId: string; persona: { fields: object } };
    expect(payload).toMatchObject({ email: 'jane@example.com', hubspotContactId: '678' });
    expect(Object.keys(payload.persona.fields).sort()).toEqual(['painPoints', 'role']);
    const body = JSON.stringify(item.payload);
    for (const local of [MESSAGE_ID, 'objection_price', 'director', 'evaluation']) expect(body).not.toContain(local);
  });

  it('rejects a model answer that infers a protected attribute, with a clear message, and queues nothing', async () => {
    expect((await script(options, PROTECTED)).ok).toBe(true);
    await frame.getByTestId('persona-build').click();
    const error = frame.getByTestId('persona-error');
    await error.waitFor({ timeout: 30_000 });
    expect(await error.getAttribute('data-kind')).toBe('protected_attribute');
    expect(await error.textContent()).toMatch(
      /protected attribute \(religion: "religion"\).*Nothing was saved or queued/,
    );
    expect(await readStore(options, 'outbox')).toHaveLength(1);
    // The stored persona is still the one the person edited.
    expect(await frame.getByTestId('field-input-role').inputValue()).toBe('Head of RevOps, EMEA');
    const personas = (await readStore(options, 'personas')) as Array<{ fields: Record<string, { value: string }> }>;
    expect(JSON.stringify(personas)).not.toContain('church');
  });

  it('follows single-page navigation and enriches a list view in bulk, reviewed in the side panel', async () => {
    expect((await script(options, GOOD)).ok).toBe(true);
    const list = await s.context.newPage();
    await list.goto('https://app.hubspot.com/contacts/12345/objects/0-1/views/all/list');
    const listFrame = await panelFrame(list, s.extensionId);
    const enrich = listFrame.getByTestId('enrich-visible');
    await expect.poll(() => enrich.textContent(), { timeout: 20_000 }).toContain('25');
    await enrich.click();
    await expect.poll(() => listFrame.getByTestId('enrich-queued').textContent(), { timeout: 20_000 }).toContain('25');

    // HubSpot's router: pushState and a re-render, no page load. The panel follows to the contact.
    await list.getByRole('link', { name: 'Priya Patel' }).click();
    expect(list.url()).toContain('/record/0-1/503');
    await expect
      .poll(() => listFrame.getByTestId('contact-name').textContent(), { timeout: 20_000 })
      .toBe('priya.patel@example.com');

    const side = await s.context.newPage();
    await side.goto(`chrome-extension://${s.extensionId}/sidepanel.html?tab=personas`);
    const status = side.getByTestId('enrich-status');
    await expect.poll(() => status.getAttribute('data-done'), { timeout: 60_000 }).toBe('25');
    expect(await status.getAttribute('data-failed')).toBe('0');
    const events = (await readStore(options, 'events')) as Array<{ type: string; contactId: string }>;
    const enriched = events.filter((e) => e.type === 'persona.enriched');
    expect(enriched).toHaveLength(25);
    expect(new Set(enriched.map((e) => e.contactId)).size).toBe(25);
    // Nothing is queued for sync before review.
    expect(await readStore(options, 'outbox')).toHaveLength(1);
    await expect.poll(() => side.getByTestId('review-item').count(), { timeout: 10_000 }).toBe(25);
    await side.screenshot({ path: join(ARTIFACTS_DIR, 'sidepanel-personas.png'), fullPage: true });
    await side.getByTestId('review-approve-all').click();
    await expect.poll(async () => (await readStore(options, 'outbox')).length, { timeout: 30_000 }).toBe(26);
  });

  it('sent no request anywhere but the fixture pages and the extension', () => {
    const outside = s.requests.filter(
      (r) => !/^(https:\/\/(mail\.google\.com|app\.hubspot\.com)\/|chrome-extension:\/\/)/.test(r.url),
    );
    // The companion backend is not signed in here, so nothing is delivered and nothing else may leave.
    expect(outside.map((r) => r.url)).toEqual([]);
  });
});

/** The sandbox's OAuth client secret (the development client), which signs the card's requests. */
const SANDBOX_SECRET = DEV_HUBSPOT_CLIENT.secret;

/** Creates a contact in the HubSpot sandbox, as it would exist in a real portal before Closer sees it. */
async function createSandboxContact(backend: E2EBackend, properties: Record<string, string>): Promise<string> {
  const token = (await (
    await fetch(`${backend.sandboxUrl}/__sandbox/tokens?portalId=${backend.portalId}`, { method: 'POST' })
  ).json()) as { access_token: string };
  const res = await fetch(`${backend.sandboxUrl}/crm/v3/objects/contacts/batch/upsert`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token.access_token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ inputs: [{ idProperty: 'email', id: properties.email, properties }] }),
  });
  if (!res.ok) throw new Error(`sandbox upsert: HTTP ${res.status} ${await res.text()}`);
  return ((await res.json()) as { results: Array<{ id: string }> }).results[0]!.id;
}

describe('HubSpot assistant with the real companion backend', () => {
  let s: ExtensionSession;
  let backend: E2EBackend;
  let options: Page;

  beforeAll(async () => {
    ({ s, backend } = await startWithBackend({
      install: true,
      engine: { engine: 'test', model: 'test-persona' },
      connect: true,
    }));
    options = await s.context.newPage();
    await options.goto(`chrome-extension://${s.extensionId}/options.html`);
  }, 180_000);

  afterAll(() => closeAll(s, backend));

  it('delivers an approved persona into the sandbox contact, and the card endpoint returns it; again with the backend down', async () => {
    const contactId = await createSandboxContact(backend, {
      email: 'ada@example.com',
      firstname: 'Ada',
      lastname: 'Lovelace',
      jobtitle: 'Head of Revenue Operations',
      company: 'Analytical Engines',
    });
    expect((await script(options, GOOD)).ok).toBe(true);
    const page = await s.context.newPage();
    await page.goto(`https://app.hubspot.com/contacts/${backend.portalId}/record/0-1/${contactId}`);
    const frame = await panelFrame(page, s.extensionId);
    // The record comes from HubSpot through the backend (not from the fixture page, which shows Jane).
    await expect.poll(() => frame.getByTestId('contact-name').textContent(), { timeout: 30_000 }).toBe('Ada Lovelace');
    expect(await frame.getByTestId('companion-error').count()).toBe(0);

    await frame.getByTestId('persona-build').click();
    await frame.getByTestId('persona-field-role').waitFor({ timeout: 30_000 });
    // Grounded on the CRM record: the source names the property.
    expect(await frame.getByTestId('persona-field-role').textContent()).toContain('crm:jobtitle');
    await frame.getByTestId('field-input-role').fill('Head of RevOps');
    await frame.getByTestId('field-approve-role').check();
    await frame.getByTestId('field-approve-buyingStage').check();
    await frame.getByTestId('persona-queue').click();
    await frame.getByTestId('queue-status').waitFor({ timeout: 20_000 });

    const delivered = async () =>
      (await backend.sandbox.contacts()).find((c) => c.properties.email === 'ada@example.com');
    await expect
      .poll(async () => (await delivered())?.properties.closer_persona_label, { timeout: 60_000 })
      .toBe('Head of RevOps');
    const cardPath = `/v1/card/persona?portalId=${backend.portalId}&objectId=${contactId}&userId=1`;
    const cardFetch = async () => {
      const timestamp = String(Date.now());
      const res = await fetch(`${backend.url}${cardPath}`, {
        headers: {
          'x-hubspot-signature-v3': signV3(SANDBOX_SECRET, 'GET', `${backend.url}${cardPath}`, '', timestamp),
          'x-hubspot-request-timestamp': timestamp,
        },
      });
      expect(res.status).toBe(200);
      return (await res.json()) as { persona: { label: string; fields: Array<{ name: string; value: string }> } };
    };
    const card = await cardFetch();
    expect(card.persona.label).toBe('Head of RevOps');
    const shown = card.persona.fields.filter((f) => f.value).map((f) => f.name);
    expect(shown.sort()).toEqual(['buyingStage', 'role']);

    // The backend goes away: a changed approval waits in the outbox, then arrives once, when it is back.
    await backend.stop('SIGKILL');
    await frame.getByTestId('field-input-role').fill('VP Revenue Operations');
    await frame.getByTestId('field-approve-role').check();
    await frame.getByTestId('persona-queue').click();
    await frame.getByTestId('queue-status').waitFor({ timeout: 20_000 });
    await expect
      .poll(
        async () => ((await call(options, 'outbox.list', {})).result as { counts: { pending: number } }).counts.pending,
        { timeout: 20_000 },
      )
      .toBe(1);
    await backend.start();
    await call(options, 'outbox.flush', {});
    await expect
      .poll(async () => (await delivered())?.properties.closer_persona_label, { timeout: 60_000 })
      .toBe('VP Revenue Operations');
    const list = (await call(options, 'outbox.list', {})).result as { counts: { pending: number; sent: number } };
    expect(list.counts).toMatchObject({ pending: 0, sent: 2 });
    expect((await backend.sandbox.stats()).duplicates.contacts).toBe(0);
    expect((await cardFetch()).persona.label).toBe('VP Revenue Operations');

    // The privacy ledger recorded exactly the requests the browser made to the backend (contact reads, deliveries).
    const { recorded } = await expectLedgerMatchesRequests(s, options, backend.url);
    expect(recorded.some((e) => e.purpose === 'outbox.persona.upsert')).toBe(true);

    // Nothing of the local correspondence or the unapproved fields left the device.
    const bodies = s.requests.filter((r) => r.url.startsWith(backend.url)).map((r) => r.postData ?? '');
    for (const body of bodies)
      for (const local of ['director', 'Manual pipeline reports']) expect(body).not.toContain(local);
  });
});
