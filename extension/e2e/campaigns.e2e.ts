import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { FIXTURES_DIR } from './chromium';
import { campaignThreadPage, type FixtureThread } from './fixtures/campaign-threads';
import {
  ARTIFACTS_DIR,
  callFromExtensionPage,
  evaluateInContentScript,
  closeAll,
  panelFrame,
  startWithBackend,
  useEngine,
  type ExtensionSession,
  expectLedgerMatchesRequests,
  connectToBackend,
} from './harness';
import type { E2EBackend } from './backend';
import { signV3 } from '../../crm-app/server/hubspot/signature';
import { DEV_HUBSPOT_CLIENT } from '../../crm-app/server/hubspot/dev-client';

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

/** The sandbox's OAuth client secret (the development client), which signs the card's requests. */
const SANDBOX_SECRET = DEV_HUBSPOT_CLIENT.secret;
/** Where the UI send in the first test goes (the fixture thread's correspondent). */
const UI_SEND_TO = 'jordan.lee@example.net';

type Row = Record<string, string | null>;
async function statsRow(page: Page, breakdown: string, key: string): Promise<Row> {
  const row = page.getByTestId(`breakdown-${breakdown}`).locator(`[data-testid="stats-row"][data-key="${key}"]`);
  const names = ['sends', 'replies', 'positive', 'meetings', 'bounces', 'ooo', 'not-interested', 'unsubscribes'];
  return Object.fromEntries(await Promise.all(names.map(async (n) => [n, await row.getAttribute(`data-${n}`)])));
}

describe('Campaigns: tag sends in Gmail, detect replies, dashboard equals what was planted', () => {
  let s: ExtensionSession;
  let backend: E2EBackend;
  let side: Page;
  let campaignId = '';
  const variants: Record<'A' | 'B', string> = { A: '', B: '' };
  /** When the planted meeting reply was sent (parsed from the fixture in the browser's time zone). */
  let meetingAt = '';

  beforeAll(async () => {
    // The real companion backend and HubSpot sandbox start alongside; the extension is connected only later, so the
    // results are first queued while signed out, then delivered.
    ({ s, backend } = await startWithBackend({ install: true }));
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
  afterAll(() => closeAll(s, backend));

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
      if (key === 't3') {
        // Stopping contact is the rep's call: the refusal's two outcomes wait in the panel until the rep confirms.
        const waiting = frame.getByTestId('outcome-confirm');
        await expect
          .poll(() => waiting.evaluateAll((els) => els.map((e) => e.getAttribute('data-type')).sort()))
          .toEqual(['not_interested', 'unsubscribe']);
        for (let left = 2; left > 0; left--) {
          await waiting.first().getByRole('button', { name: 'Confirm' }).click();
          await expect.poll(() => waiting.count()).toBe(left - 1);
        }
      }
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
      payload: { outcome: string; email: string; variantId: string; occurredAt: string };
    }>;
    const results = outbox.filter((o) => o.kind === 'campaign.result');
    const outcomes = results.filter((r) => r.payload.outcome !== 'sent');
    expect(outcomes.map((r) => r.payload.outcome).sort()).toEqual([
      'bounce',
      'meeting',
      'not_interested',
      'out_of_office',
      'unsubscribe',
    ]);
    // Each tagged send is queued too (as `sent`), so the team's figures count the unanswered one.
    const sends = results.filter((r) => r.payload.outcome === 'sent');
    expect(sends.map((r) => `${r.payload.email} ${r.payload.variantId}`).sort()).toEqual(
      [
        `${UI_SEND_TO} ${variants.A}`,
        `${THREADS.t1.to} ${variants.A}`,
        `${THREADS.t2.to} ${variants.B}`,
        `${THREADS.t3.to} ${variants.B}`,
      ].sort(),
    );
    expect(new Set(results.map((r) => r.idempotencyKey)).size).toBe(9);
    expect(results.find((r) => r.payload.outcome === 'meeting')?.payload).toMatchObject({
      email: THREADS.t1.to,
      variantId: variants.A,
    });
    meetingAt = results.find((r) => r.payload.outcome === 'meeting')?.payload.occurredAt ?? '';
    expect(Date.parse(meetingAt)).toBeGreaterThan(Date.parse(SENT_AT));
    const serialized = JSON.stringify(results);
    for (const text of Object.values(PLANTED)) expect(serialized).not.toContain(text.slice(0, 24));
    const leaking = s.requests.filter(
      (r) => r.postData && Object.values(PLANTED).some((t) => r.postData?.includes(t.slice(0, 24))),
    );
    expect(leaking).toEqual([]);
  });

  it('delivers the queued results through the outbox: notes and roll-ups in the HubSpot sandbox, planted numbers on the card', async () => {
    // Signed out so far: everything waits in the outbox.
    type Counts = { pending: number; sent: number; failed?: number };
    const counts = async () => ((await call(side, 'outbox.list', {})).result as { counts: Counts }).counts;
    expect(await counts()).toMatchObject({ pending: 9, sent: 0 });
    expect(s.requests.filter((r) => r.url.startsWith(backend.url))).toEqual([]);

    // Connect (a dev token instead of the device flow, which companion.e2e.ts covers), then deliver.
    await connectToBackend(s, backend);
    const flushed = (await call(side, 'outbox.flush', {})) as { ok: boolean; result: { counts: Counts } };
    expect(flushed.ok).toBe(true);
    await expect.poll(counts, { timeout: 20_000 }).toMatchObject({ pending: 0, sent: 9 });

    // The backend writes each result to HubSpot as a note on the contact, with the contact's roll-ups.
    const emails = [UI_SEND_TO, THREADS.t1.to, THREADS.t2.to, THREADS.t3.to];
    await expect.poll(async () => (await backend.sandbox.stats()).notes, { timeout: 30_000 }).toBe(9);
    const expectedNotes: Record<string, RegExp[]> = {
      [UI_SEND_TO]: [/^Closer · campaign Q1 pilot · variant Variant A · sent$/],
      [THREADS.t1.to]: [
        /^Closer · campaign Q1 pilot · variant Variant A · sent$/,
        /^Closer · campaign Q1 pilot · variant Variant A · out of office( \(.+\))?$/,
        /^Closer · campaign Q1 pilot · variant Variant A · meeting booked( \(.+\))?$/,
      ],
      [THREADS.t2.to]: [
        /^Closer · campaign Q1 pilot · variant Variant B · sent$/,
        /^Closer · campaign Q1 pilot · variant Variant B · bounced( \(.+\))?$/,
      ],
      [THREADS.t3.to]: [
        /^Closer · campaign Q1 pilot · variant Variant B · sent$/,
        /^Closer · campaign Q1 pilot · variant Variant B · not interested( \(.+\))?$/,
        /^Closer · campaign Q1 pilot · variant Variant B · unsubscribed( \(.+\))?$/,
      ],
    };
    const sandboxToken = (
      (await (
        await fetch(`${backend.sandboxUrl}/__sandbox/tokens?portalId=${backend.portalId}`, { method: 'POST' })
      ).json()) as { access_token: string }
    ).access_token;
    const notesOf = async (contactId: string): Promise<string[]> => {
      const res = await fetch(`${backend.sandboxUrl}/crm/v4/objects/contacts/${contactId}/associations/notes`, {
        headers: { authorization: `Bearer ${sandboxToken}` },
      });
      expect(res.status).toBe(200);
      const ids = ((await res.json()) as { results: Array<{ toObjectId: number }> }).results.map((r) =>
        String(r.toObjectId),
      );
      const { notes } = (await backend.sandbox.engagements()) as {
        notes: Array<{ id: string; properties: Record<string, string> }>;
      };
      return notes.filter((n) => ids.includes(n.id)).map((n) => n.properties.hs_note_body ?? '');
    };
    const contacts = await backend.sandbox.contacts();
    const idOf: Record<string, string> = {};
    for (const email of emails) {
      const contact = contacts.find((c) => c.properties.email === email);
      expect(contact, `sandbox contact ${email}`).toBeDefined();
      idOf[email] = contact?.id ?? '';
      const bodies = await notesOf(idOf[email]);
      const wanted = expectedNotes[email] ?? [];
      expect(bodies, email).toHaveLength(wanted.length);
      for (const pattern of wanted)
        expect(
          bodies.some((b) => pattern.test(b)),
          `${email}: ${pattern}`,
        ).toBe(true);
    }
    // Roll-ups: one event per result, and the time of the contact's latest result (Morgan's: the meeting).
    await expect
      .poll(async () =>
        Object.fromEntries(
          (await backend.sandbox.contacts())
            .filter((c) => emails.includes(c.properties.email ?? ''))
            .map((c) => [c.properties.email, c.properties.closer_campaign_events]),
        ),
      )
      .toEqual({ [UI_SEND_TO]: '1', [THREADS.t1.to]: '3', [THREADS.t2.to]: '2', [THREADS.t3.to]: '3' });
    const morgan = (await backend.sandbox.contacts()).find((c) => c.properties.email === THREADS.t1.to);
    expect(morgan?.properties.closer_last_campaign_event_at).toBe(new Date(meetingAt).toISOString());
    const stats = await backend.sandbox.stats();
    expect(stats.duplicates).toEqual({ contacts: 0, engagements: 0 });

    // The signed card endpoints return exactly the planted numbers.
    const cardGet = async <T>(path: string): Promise<T> => {
      const timestamp = String(Date.now());
      const res = await fetch(`${backend.url}${path}`, {
        headers: {
          'x-hubspot-signature-v3': signV3(SANDBOX_SECRET, 'GET', `${backend.url}${path}`, '', timestamp),
          'x-hubspot-request-timestamp': timestamp,
        },
      });
      expect(res.status, path).toBe(200);
      return (await res.json()) as T;
    };
    const team = await cardGet<{
      campaigns: Array<{
        campaignId: string;
        campaignName: string;
        winner: string | null;
        variants: Array<{
          variantId: string;
          variantName: string;
          sends: number;
          replies: number;
          positiveReplies: number;
          meetings: number;
        }>;
      }>;
    }>(`/v1/card/team-results?portalId=${backend.portalId}`);
    expect(team.campaigns).toHaveLength(1);
    expect(team.campaigns[0]).toMatchObject({ campaignId, campaignName: 'Q1 pilot', winner: null });
    const byVariant = Object.fromEntries(
      (team.campaigns[0]?.variants ?? []).map((v) => [
        v.variantId,
        { name: v.variantName, sends: v.sends, replies: v.replies, positive: v.positiveReplies, meetings: v.meetings },
      ]),
    );
    // The same figures as the dashboard: A 2 sends, 1 reply, 1 positive (a meeting); B 2 sends, 1 reply, 0 positive.
    expect(byVariant).toEqual({
      [variants.A]: { name: 'Variant A', sends: 2, replies: 1, positive: 1, meetings: 1 },
      [variants.B]: { name: 'Variant B', sends: 2, replies: 1, positive: 0, meetings: 0 },
    });

    type ContactCard = {
      contactId: string;
      results: Array<{ variantId: string; sentAt: string | null; replied: boolean; lastOutcome: string }>;
    };
    const card = (email: string) =>
      cardGet<ContactCard>(`/v1/card/campaigns?portalId=${backend.portalId}&contactId=${idOf[email]}`);
    const perContact = {
      [UI_SEND_TO]: { variantId: variants.A, replied: false, lastOutcome: 'sent' },
      [THREADS.t1.to]: { variantId: variants.A, replied: true, lastOutcome: 'meeting', sentAt: SENT_AT },
      [THREADS.t2.to]: { variantId: variants.B, replied: false, lastOutcome: 'bounce', sentAt: SENT_AT },
      [THREADS.t3.to]: { variantId: variants.B, replied: true, sentAt: SENT_AT },
    };
    for (const [email, expected] of Object.entries(perContact)) {
      const got = await card(email);
      expect(got.contactId).toBe(idOf[email]);
      expect(got.results, email).toHaveLength(1);
      expect(got.results[0], email).toMatchObject(expected);
    }

    // The privacy ledger recorded exactly the requests the browser made to the backend.
    const { recorded, intercepted } = await expectLedgerMatchesRequests(s, side, backend.url);
    expect(intercepted.filter((r) => new URL(r.url).pathname === '/v1/campaign-results').length).toBeGreaterThan(0);
    expect(recorded.some((e) => e.purpose === 'outbox.campaign.result')).toBe(true);

    // No request body anywhere carried a planted reply's text.
    for (const r of s.requests)
      for (const text of Object.values(PLANTED)) expect(r.postData ?? '', r.url).not.toContain(text.slice(0, 24));
  });
});
