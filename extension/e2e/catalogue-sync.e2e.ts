import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  callFromExtensionPage as call,
  closeAll,
  connectToBackend,
  startWithBackend,
  type ExtensionSession,
} from './harness';
import type { E2EBackend } from './backend';

/**
 * The team catalogue shared through the companion backend, from the side panel: a clear error when not connected,
 * then a sync that pushes this device's items and pulls a colleague's, with the requests in the privacy ledger.
 */
describe('team catalogue sync', () => {
  let s: ExtensionSession;
  let backend: E2EBackend;
  let page: Page;

  beforeAll(async () => {
    ({ s, backend } = await startWithBackend({ engine: { engine: 'test', model: 'test-1' } }));
    page = await s.context.newPage();
    await page.goto(`chrome-extension://${s.extensionId}/sidepanel.html?tab=catalogue`);
    await page.getByTestId('catalogue-tab').waitFor();
  }, 180_000);

  afterAll(() => closeAll(s, backend));

  it('says it is not connected, then shares items both ways with the team', async () => {
    const mine = {
      id: 'mine-1',
      kind: 'product',
      name: 'Pipeline Audit',
      description: 'Finds stalled deals',
      tags: ['pipeline'],
      updatedAt: Date.now(),
    };
    expect(await call(page, 'catalogue.put', { items: [mine] })).toMatchObject({ ok: true });

    await page.getByTestId('catalogue-sync-button').click();
    await expect
      .poll(() => page.getByTestId('catalogue-sync-error').textContent())
      .toMatch(/Not connected to the companion app/);

    // A colleague shares an item through the backend.
    const bob = await backend.devToken('bob');
    const shared = await fetch(`${backend.url}/v1/team/catalogue:batchPut`, {
      method: 'POST',
      headers: { authorization: `Bearer ${bob.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        items: [{ id: 'team-1', kind: 'content', name: 'ROI Guide', description: '', tags: [], updatedAt: 1 }],
      }),
    });
    expect(shared.status).toBe(200);

    await connectToBackend(s, backend, 'ada');
    await page.reload();
    await page.getByTestId('catalogue-sync-button').click();
    await expect
      .poll(() => page.getByTestId('catalogue-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-name'))))
      .toEqual(['Pipeline Audit', 'ROI Guide']);
    await expect.poll(() => page.getByTestId('catalogue-sync-status').textContent()).toMatch(/Last synced/);
    expect(await page.getByTestId('catalogue-sync-error').count()).toBe(0);

    // Bob now sees Ada's item, attributed to her.
    const pulled = await fetch(`${backend.url}/v1/team/catalogue`, {
      headers: { authorization: `Bearer ${bob.token}` },
    });
    const body = (await pulled.json()) as { items: { id: string; name?: string; updatedBy: string }[] };
    expect(body.items.find((i) => i.id === 'mine-1')).toMatchObject({ name: 'Pipeline Audit', updatedBy: 'ada' });

    // Both requests are in the privacy ledger.
    const ledger = (await call(page, 'ledger.list', { limit: 50 })) as {
      result: { entries: { purpose: string; url: string }[] };
    };
    const purposes = ledger.result.entries.map((e) => e.purpose);
    expect(purposes).toContain('companion.catalogue.pull');
    expect(purposes).toContain('companion.catalogue.push');
  });
});
