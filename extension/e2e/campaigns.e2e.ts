import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { FIXTURES_DIR } from '../../scripts/lib/chromium';
import { campaignThreadPage, type FixtureThread } from './fixtures/campaign-threads';
import {
  ARTIFACTS_DIR,
  callFromExtensionPage,
  evaluateInContentScript,
  launchWithExtension,
  panelFrame,
  useEngine,
  type ExtensionSession,
} from './harness';

const call = callFromExtensionPage;
const REPLY = 'Hi Jordan, the $38 per seat price holds for Q1. Does Thursday work for a call?';
const OPEN_THREAD = 'thread-f:1849203746152093817';
const REP = { name: 'Sam Rivera', email: 'rep@example.com' };
// Sends recorded before every planted reply, whatever the browser's time zone.
const SENT_AT = '2026-11-09T00:00:00.000Z';

/** Planted replies; their text must never leave the device, only the outcome labels. */
const PLANTED = {
  ooo: 'Automatic reply: I am out of the office until November 16 with limited access to email.',
  meeting: "Thanks Sam, this looks great. Let's book a call on Thursday to go through the pilot.",
  bounce:
    "Address not found. Your message wasn't delivered to alex.kim@example.org because the address couldn't be found.",
  unsubscribe: 'Not interested, please remove me from your list.',
};
const THREADS: Record<'t1' | 't2' | 't3', FixtureThread & { to: string; variant: 'A' | 'B' }> = {
  // Variant A: an auto-reply, the rep's own follow-up (not an outcome), then a meeting.
  t1: {
    threadId: 'thread-f:1850000000000000001',
    subject: 'Pilot for the platform team',
    to: 'morgan.diaz@example.org',
    variant: 'A',
    messages: [
      {
        id: '1850000000000000011',
        from: { name: 'Morgan Diaz', email: 'morgan.diaz@example.org' },
        date: 'Tue, Nov 10, 2026, 9:05 AM',
        body: PLANTED.ooo,
      },
      {
        id: '1850000000000000012',
        from: REP,
        date: 'Mon, Nov 16, 2026, 8:00 AM',
        body: 'Hi Morgan, following up on my note.',
      },
      {
        id: '1850000000000000013',
        from: { name: 'Morgan Diaz', email: 'morgan.diaz@example.org' },
        date: 'Mon, Nov 16, 2026, 10:00 AM',
        body: PLANTED.meeting,
      },
    ],
  },
  // Variant B: a delivery failure.
  t2: {
    threadId: 'thread-f:1850000000000000002',
    subject: 'Pilot pricing',
    to: 'alex.kim@example.org',
    variant: 'B',
    messages: [
      {
        id: '1850000000000000021',
        from: { name: 'Mail Delivery Subsystem', email: 'mailer-daemon@googlemail.com' },
        date: 'Tue, Nov 10, 2026, 9:01 AM',
        body: PLANTED.bounce,
      },
    ],
  },
  // Variant B: a refusal with an unsubscribe request.
  t3: {
    threadId: 'thread-f:1850000000000000003',
    subject: 'Quick question',
    to: 'casey.wong@example.com',
    variant: 'B',
    messages: [
      {
        id: '1850000000000000031',
        from: { name: 'Casey Wong', email: 'casey.wong@example.com' },
        date: 'Wed, Nov 11, 2026, 2:30 PM',
        body: PLANTED.unsubscribe,
      },
    ],
  },
};

type Row = Record<string, string | null>;
async function statsRow(page: Page, breakdown: string, key: string): Promise<Row> {
  const row = page.getByTestId(`breakdown-${breakdown}`).locator(`[data-testid="stats-row"][data-key="${key}"]`);
  const names = ['sends', 'replies', 'positive', 'meetings', 'bounces', 'ooo', 'not-interested', 'unsubscribes'];
  return Object.fromEntries(await Promise.all(names.map(async (n) => [n, await row.getAttribute(`data-${n}`)])));
}

describe('Campaigns: tag sends in Gmail, detect replies, dashboard equals what was planted', () => {
  let s: ExtensionSession;
  let side: Page;
  let campaignId = '';
  const variants: Record<'A' | 'B', string> = { A: '', B: '' };

  beforeAll(async () => {
    s = await launchWithExtension();
    await useEngine(s, { engine: 'test', model: 'test-1', tokenDelayMs: 2 });
    await s.context.route('https://mail.google.com/mail/u/0/fixture/campaign/**', (route) => {
      const name = new URL(route.request().url()).pathname.split('/').pop() as keyof typeof THREADS;
      const thread = THREADS[name];
      if (!thread) return route.fulfill({ status: 404, body: 'No such campaign fixture' });
      return route.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: campaignThreadPage(FIXTURES_DIR, thread),
      });
    });
    side = await s.context.newPage();
  });
  afterAll(async () => s?.close());

  it('creates a campaign with two variants in the side panel', async () => {
    await side.goto(`chrome-extension://${s.extensionId}/sidepanel.html?tab=campaigns`);
    await side.getByTestId('campaign-new').click();
    await side.getByTestId('campaign-name').fill('Q1 pilot');
    await side.getByTestId('variant-name').nth(0).fill('Variant A');
    await side.getByTestId('variant-name').nth(1).fill('Variant B');
    await side.getByTestId('variant-tone').nth(1).fill('formal');
    await side.getByTestId('campaign-save').click();
    await expect.poll(() => side.getByTestId('campaign-item').count()).toBe(1);
    const listed = (await call(side, 'campaign.list', {})) as {
      result: { campaigns: Array<{ campaign: { id: string }; variants: Array<{ id: string; name: string }> }> };
    };
    const def = listed.result.campaigns[0];
    campaignId = def?.campaign.id ?? '';
    for (const v of def?.variants ?? []) variants[v.name === 'Variant A' ? 'A' : 'B'] = v.id;
    expect(campaignId).not.toBe('');
    expect(variants.A && variants.B).toBeTruthy();
    // Invalid input is refused with a clear message, not saved.
    await side.getByTestId('campaign-new').click();
    await side.getByTestId('campaign-save').click();
    expect(await side.getByTestId('campaign-form-error').textContent()).toContain('Name');
    await side.getByRole('button', { name: 'Cancel' }).click();
  });

  it('tags a draft in the Gmail panel (bandit explanation shown), and the send carries the variant', async () => {
    const page = await s.context.newPage();
    await page.goto('https://mail.google.com/mail/u/0/fixture/thread#inbox/FMfcgzQXJWDsKmtpilot');
    const frame = await panelFrame(page, s.extensionId);
    expect(
      (await call(frame, 'host.testScript', { rules: [{ match: 'Jordan Lee', reply: REPLY }], faults: [] })).ok,
    ).toBe(true);

    await frame.getByTestId('campaign-select').selectOption(campaignId);
    // Let Closer choose: no local sends yet, so it explores, and says so; no winner is claimed.
    await expect
      .poll(() => frame.getByTestId('campaign-explanation').textContent(), { timeout: 10_000 })
      .toMatch(/no sends to segment “default” yet; chosen to explore\.[\s\S]*No winner/);
    await frame.getByTestId('variant-select').selectOption(variants.A);
    await frame.getByTestId('draft-generate').click();
    await expect
      .poll(() => frame.getByTestId('draft-text').getAttribute('data-state'), { timeout: 20_000 })
      .toBe('done');
    await expect.poll(() => frame.getByTestId('campaign-tagged').getAttribute('data-variant')).toBe(variants.A);
    await frame.getByTestId('draft-insert').click();
    await expect.poll(() => frame.getByTestId('draft-notice').textContent()).toContain('Inserted');
    await page.locator('[role="region"] [role="button"]', { hasText: 'Send' }).first().click();
    await expect
      .poll(
        async () =>
          ((await call(frame, 'campaign.threadStatus', { threadId: OPEN_THREAD })) as { result: { sends: unknown[] } })
            .result.sends,
      )
      .toEqual([expect.objectContaining({ campaignId, variantId: variants.A })]);

    // The other sends: tagged drafts, sent from the content script (as the page would report them).
    for (const [key, t] of Object.entries(THREADS)) {
      const draftId = `draft-${key}`;
      await call(side, 'store.putDraft', {
        draft: {
          id: draftId,
          threadId: t.threadId,
          body: `Hello from ${key}`,
          createdAt: Date.now(),
          promptVersion: 'reply-draft@1',
        },
      });
      const tagged = await call(side, 'campaign.tagDraft', {
        draftId,
        threadId: t.threadId,
        campaignId,
        variantId: variants[t.variant],
        segment: 'default',
        rep: REP.email,
        chosenBy: 'rep',
      });
      expect(tagged.ok).toBe(true);
      const send = {
        threadId: t.threadId,
        composeKind: 'new',
        to: [t.to],
        subject: t.subject,
        at: SENT_AT,
        via: 'click',
        draftId,
      };
      const res = (await evaluateInContentScript(
        page,
        s.extensionId,
        `chrome.runtime.sendMessage(${JSON.stringify({ protocol: 'closer/1', kind: 'request', id: `e2e-${key}`, method: 'page.recordSend', params: { send } })})`,
      )) as { ok: boolean };
      expect(res.ok).toBe(true);
    }
    await page.close();
  });

  it('detects the planted replies when each thread is opened, classifies them on-device, records each once', async () => {
    const expected = { t1: 2, t2: 1, t3: 2 };
    for (const key of ['t1', 't2', 't3'] as const) {
      const page = await s.context.newPage();
      await page.goto(`https://mail.google.com/mail/u/0/fixture/campaign/${key}#inbox/${key}`);
      const frame = await panelFrame(page, s.extensionId);
      await expect
        .poll(() => frame.getByTestId('campaign-outcomes').getAttribute('data-recorded'), { timeout: 30_000 })
        .toBe(String(expected[key]));
      await page.close();
    }
    // Seen again: nothing new.
    const before = ((await call(side, 'store.counts', {})) as { result: { events: number } }).result.events;
    const again = await s.context.newPage();
    await again.goto('https://mail.google.com/mail/u/0/fixture/campaign/t1#inbox/t1');
    const frame = await panelFrame(again, s.extensionId);
    await expect
      .poll(() => frame.locator('[data-testid="intent"][data-intent]:not([data-intent=""])').count(), {
        timeout: 30_000,
      })
      .toBeGreaterThan(0);
    await again.waitForTimeout(500);
    expect(((await call(side, 'store.counts', {})) as { result: { events: number } }).result.events).toBe(before);
    expect(await frame.getByTestId('campaign-outcomes').count()).toBe(0);
    await again.close();
  });

  it('shows dashboard numbers equal to what was planted, with intervals, and exports them as CSV', async () => {
    await side.goto(`chrome-extension://${s.extensionId}/sidepanel.html?tab=dashboard`);
    await expect.poll(() => side.getByTestId('breakdown-campaign_variant').count(), { timeout: 10_000 }).toBe(1);
    // A: the UI send (no reply) and t1 (out of office, then a meeting). B: t2 (bounce) and t3 (unsubscribe).
    expect(await statsRow(side, 'campaign_variant', `${campaignId}/${variants.A}`)).toEqual({
      sends: '2',
      replies: '1',
      positive: '1',
      meetings: '1',
      bounces: '0',
      ooo: '1',
      'not-interested': '0',
      unsubscribes: '0',
    });
    expect(await statsRow(side, 'campaign_variant', `${campaignId}/${variants.B}`)).toEqual({
      sends: '2',
      replies: '1',
      positive: '0',
      meetings: '0',
      bounces: '1',
      ooo: '0',
      'not-interested': '1',
      unsubscribes: '1',
    });
    expect(await statsRow(side, 'campaign', campaignId)).toMatchObject({ sends: '4', replies: '2', positive: '1' });
    // Intervals always shown; no winner on two sends a variant.
    const variantTable = await side.getByTestId('breakdown-campaign_variant').textContent();
    expect(variantTable).toMatch(/50% \(\d+–\d+%\)/);
    expect(await side.getByTestId('dashboard-winners').locator('li').getAttribute('data-winner')).toBe('');
    expect(await side.getByTestId('dashboard-winners').textContent()).toContain('No winner yet');
    expect(await side.getByTestId('rate-chart').locator('g[role="listitem"]').count()).toBe(2);
    await side.screenshot({ path: join(ARTIFACTS_DIR, 'sidepanel-dashboard.png'), fullPage: true });

    const [download] = await Promise.all([side.waitForEvent('download'), side.getByTestId('dashboard-export').click()]);
    const csv = readFileSync((await download.path()) ?? '', 'utf8');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^group_by,campaign,variant,segment,rep,sends/);
    expect(lines.find((l) => l.startsWith(`campaign+variant,${campaignId},${variants.B},`))).toMatch(/,2,2,1,0\.5,/);

    // A date range after every send selects nothing.
    await side.getByTestId('dashboard-from').fill('2027-01-01');
    await expect.poll(() => side.getByTestId('breakdown-campaign_variant').count()).toBe(0);

    // The campaigns list shows the same totals.
    await side.goto(`chrome-extension://${s.extensionId}/sidepanel.html?tab=campaigns`);
    await expect.poll(() => side.getByTestId('campaign-counts').textContent()).toBe('4 sends · 2 replies · 1 positive');
  });

  it('queued each outcome as a campaign.result in the outbox, labels only, and sent no reply text anywhere', async () => {
    const outbox = (await side.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const open = indexedDB.open('closer');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const q = open.result.transaction('outbox').objectStore('outbox').getAll();
            q.onsuccess = () => resolve(q.result);
            q.onerror = () => reject(q.error);
          };
        }),
    )) as Array<{
      kind: string;
      idempotencyKey: string;
      payload: { outcome: string; email: string; variantId: string };
    }>;
    const results = outbox.filter((o) => o.kind === 'campaign.result');
    expect(results.map((r) => r.payload.outcome).sort()).toEqual([
      'bounce',
      'meeting',
      'not_interested',
      'out_of_office',
      'unsubscribe',
    ]);
    expect(new Set(results.map((r) => r.idempotencyKey)).size).toBe(5);
    expect(results.find((r) => r.payload.outcome === 'meeting')?.payload).toMatchObject({
      email: THREADS.t1.to,
      variantId: variants.A,
    });
    const serialized = JSON.stringify(results);
    for (const text of Object.values(PLANTED)) expect(serialized).not.toContain(text.slice(0, 24));
    const leaking = s.requests.filter(
      (r) => r.postData && Object.values(PLANTED).some((t) => r.postData?.includes(t.slice(0, 24))),
    );
    expect(leaking).toEqual([]);
  });
});
