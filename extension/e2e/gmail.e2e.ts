import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import {
  ARTIFACTS_DIR,
  callFromExtensionPage,
  launchWithExtension,
  panelFrame,
  useEngine,
  type ExtensionSession,
} from './harness';

const call = callFromExtensionPage;

// The scripted model's reply: grounded on the thread ($38 per seat, Thursday) plus one planted claim nothing backs.
// The price is stated only in a message Gmail shows collapsed (gmail-2026-12-thread-view.html): it is grounded through
// the newest message's quoted history.
const REPLY =
  'Hi Jordan, the $38 per seat price holds for Q1 and we guarantee a 35% lift in replies. Does Thursday work for a call?';
// Words from the thread that must never leave the device.
const THREAD_WORDS = ['Jordan', 'per seat', 'Pilot pricing', 'pilot'];

describe('Gmail assistant on a thread', () => {
  let s: ExtensionSession;
  beforeAll(async () => {
    s = await launchWithExtension();
    await useEngine(s, { engine: 'test', model: 'test-1', tokenDelayMs: 5 });
  });
  afterAll(async () => s?.close());

  it('reads the thread, shows intents, drafts, inserts, flags a planted claim, and records the send', async () => {
    const page = await s.context.newPage();
    await page.goto('https://mail.google.com/mail/u/0/fixture/thread#inbox/FMfcgzQXJWDsKmtpilot');
    const frame = await panelFrame(page, s.extensionId);
    const SUMMARY = 'Jordan wants a 40-seat pilot in Q1; you offered $38 per seat; a call is proposed for Thursday.';
    const rules = [
      { match: 'keep track of email threads', reply: SUMMARY },
      { match: 'Jordan Lee', reply: REPLY },
    ];
    expect((await call(frame, 'host.testScript', { rules, faults: [] })).ok).toBe(true);

    // The thread, read from the page and analysed on-device: 3 collapsed rows and 1 expanded message read as 4
    // messages, 3 marked collapsed, their text recovered from the quoted history; the hidden inbox rows are not read.
    await expect.poll(() => frame.getByTestId('message').count(), { timeout: 20_000 }).toBe(4);
    const messages = frame.getByTestId('message');
    expect(await frame.locator('[data-testid="message"][data-collapsed="true"]').count()).toBe(3);
    expect(await frame.getByTestId('collapsed-badge').count()).toBe(3);
    expect(await frame.locator('[data-testid="message"][data-recovered="true"]').count()).toBe(3);
    expect(await messages.nth(1).getByTestId('message-body').textContent()).toContain('$38 per seat per month');
    // The signature is kept apart from the body, and offered to the contact card as facts.
    const newest = messages.nth(3);
    expect(await newest.getByTestId('message-body').textContent()).not.toContain('Head of Sales Operations');
    expect(await newest.getByTestId('message-signature').textContent()).toContain('+44 20 7946 0958');
    expect(await messages.nth(1).getByTestId('message-body').textContent()).not.toContain('Account Executive');
    expect(await frame.locator('[data-testid="signature-facts"] [data-fact="title"]').textContent()).toBe(
      'Head of Sales Operations',
    );
    expect(await frame.locator('[data-testid="signature-facts"] [data-fact="company"]').textContent()).toBe(
      'Northwind Example Ltd.',
    );
    await expect
      .poll(
        async () => (await frame.locator('[data-testid="intent"][data-intent]:not([data-intent=""])').count()) > 0,
        {
          timeout: 30_000,
        },
      )
      .toBe(true);

    // Who this is, and a summary on demand.
    expect(await frame.getByTestId('contact').textContent()).toContain('Jordan Lee');
    await frame.getByTestId('summarise').click();
    await expect.poll(() => frame.getByTestId('summary').getAttribute('data-state'), { timeout: 20_000 }).toBe('done');
    expect(await frame.getByTestId('summary').textContent()).toBe(SUMMARY);

    // A grounded draft, streamed from the (scripted) model through the host.
    await frame.getByTestId('draft-generate').click();
    await expect
      .poll(() => frame.getByTestId('draft-text').getAttribute('data-state'), { timeout: 20_000 })
      .toBe('done');
    expect(await frame.getByTestId('draft-text').inputValue()).toBe(REPLY);

    // Inserted into Gmail's inline reply, above the signature.
    await frame.getByTestId('draft-insert').click();
    await expect.poll(() => frame.getByTestId('draft-notice').textContent()).toContain('Inserted');
    const composeText = await page.locator('[role="textbox"][g_editable="true"]').first().textContent();
    expect(composeText).toContain(REPLY);
    expect(composeText?.indexOf(REPLY)).toBeLessThan(composeText?.indexOf('Sam Rivera') ?? -1);

    // The live check on what is in the compose: a score and the planted claim flagged.
    await expect
      .poll(() => frame.getByTestId('score-total').getAttribute('data-total'), { timeout: 20_000 })
      .not.toBeNull();
    await expect
      .poll(() => frame.getByTestId('unsupported-claims').textContent(), { timeout: 20_000 })
      .toContain('35%');
    // Stated only in a collapsed message, the price is grounded, not flagged.
    expect(await frame.getByTestId('unsupported-claims').textContent()).not.toContain('$38');
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'panel-gmail-thread.png') });

    // Send: detected in the page, recorded in the extension's IndexedDB.
    const before = (await call(frame, 'store.counts', {})) as { result: { events: number } };
    await page.locator('[role="region"] [role="button"]', { hasText: 'Send' }).first().click();
    await expect
      .poll(async () => ((await call(frame, 'store.counts', {})) as { result: { events: number } }).result.events)
      .toBe(before.result.events + 1);
  });

  it("says how many messages Gmail folded, and expands Gmail's view only on a click", async () => {
    const page = await s.context.newPage();
    await page.goto('https://mail.google.com/mail/u/0/fixture/thread-long#inbox/long');
    const frame = await panelFrame(page, s.extensionId);
    await expect.poll(() => frame.getByTestId('message').count(), { timeout: 20_000 }).toBe(4);
    expect(await frame.getByTestId('folded-note').getAttribute('data-count')).toBe('5');
    expect(await frame.getByTestId('folded-note').textContent()).toContain('5 older messages');
    // Never automatically: the bubble is still in Gmail's page.
    expect(await page.locator('.kQ').count()).toBe(1);
    await frame.getByTestId('folded-expand').click();
    await expect.poll(() => frame.getByTestId('message').count(), { timeout: 20_000 }).toBe(9);
    expect(await page.locator('.kQ').count()).toBe(0);
    expect(await frame.getByTestId('folded-note').count()).toBe(0);
    await page.close();
  });

  it('sent no thread text anywhere: only the fixture host and the extension were contacted', () => {
    const foreign = s.requests.filter((r) => !/^(https:\/\/mail\.google\.com\/|chrome-extension:\/\/)/.test(r.url));
    expect(foreign).toEqual([]);
    const leaking = s.requests.filter((r) => r.postData && THREAD_WORDS.some((w) => r.postData?.includes(w)));
    expect(leaking).toEqual([]);
  });

  it('renders a hostile thread as text: nothing executes, the panel stays responsive', async () => {
    const page = await s.context.newPage();
    await page.goto('https://mail.google.com/mail/u/0/fixture/thread-hostile#inbox/hostile');
    const frame = await panelFrame(page, s.extensionId);
    await expect.poll(() => frame.getByTestId('message').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    // The hostile markup shows up as text, never as elements.
    expect(await frame.locator('[data-testid="thread-view"] img, [data-testid="thread-view"] script').count()).toBe(0);
    expect(await frame.getByTestId('thread-view').textContent()).toContain('onerror=');
    expect(await frame.getByTestId('thread-view').textContent()).toContain('Please review the attached terms.');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await frame.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    // Responsive: a round trip through the worker and the host still answers quickly.
    const t0 = Date.now();
    expect((await call(frame, 'host.status', {})).ok).toBe(true);
    expect(Date.now() - t0).toBeLessThan(5_000);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'panel-gmail-hostile.png') });
  });

  it("follows Gmail's dark theme and reports the self-check on the options page", async () => {
    const page = await s.context.newPage();
    await page.goto('https://mail.google.com/mail/u/0/fixture/thread#inbox/theme');
    const frame = await panelFrame(page, s.extensionId);
    await expect
      .poll(() => frame.evaluate(() => document.documentElement.dataset.theme ?? null), { timeout: 10_000 })
      .toBe('light');
    // Gmail switching to a dark theme repaints its page; the next burst of changes carries the new theme.
    await page.evaluate(() => {
      document.body.style.backgroundColor = '#202124';
      document.body.append(document.createElement('div'));
    });
    await expect
      .poll(() => frame.evaluate(() => document.documentElement.dataset.theme ?? null), { timeout: 10_000 })
      .toBe('dark');
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'panel-gmail-dark.png') });

    const options = await s.context.newPage();
    await options.goto(`chrome-extension://${s.extensionId}/options.html`);
    await expect
      .poll(() => options.getByTestId('gmail-checks').locator('li[data-ok="true"]').count(), { timeout: 10_000 })
      .toBeGreaterThan(2);
    const checks = (await options.getByTestId('gmail-checks').textContent()) ?? '';
    expect(checks).toContain('reading the open conversation');
    // Each reading feature is reported on this layout, with the date of the evidence the adapter was built against.
    for (const feature of [
      'collapsed messages in a conversation',
      'earlier messages quoted in a reply',
      'signatures kept apart',
    ])
      expect(checks).toContain(`${feature}: works`);
    expect(await options.getByTestId('gmail-evidence-date').textContent()).toContain('2026-09-14');
  });
});
