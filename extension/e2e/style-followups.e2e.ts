import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { FIXTURES_DIR } from './chromium';
import { campaignThreadPage, type FixtureThread } from './fixtures/campaign-threads';
import {
  callFromExtensionPage as call,
  closeAll,
  evaluateInContentScript,
  launchWithExtension,
  panelFrame,
  useEngine,
  type ExtensionSession,
} from './harness';

/**
 * Issue #20 in Chromium with the built extension: a style learned from five sent messages changes the draft's
 * greeting and sign-off; a tagged send without a reply becomes a follow-up once due (injected clock), is inserted
 * into the thread's reply in Gmail, and leaves the list when a reply arrives. SYNTHETIC threads on the dated
 * thread-view fixture (same account rep@example.com); every name and address is made up.
 */

const REP = { name: 'Sam Rivera', email: 'rep@example.com' };
const JORDAN = { name: 'Jordan Lee', email: 'jordan.lee@example.net' };
const MORGAN = { name: 'Morgan Diaz', email: 'morgan.diaz@example.org' };
/** Line breaks in fixture bodies, turned into `<br>` as Gmail renders them. */
const BR = '⏎';
const lines = (...l: string[]) => l.join(BR);

const STYLE_THREAD: FixtureThread = {
  threadId: 'thread-f:1851000000000000001',
  subject: 'Onboarding plan',
  messages: [
    ...['Ana', 'Tom', 'Wei', 'Omar', 'Lucia'].map((name, i) => ({
      id: `185100000000000001${i}`,
      from: REP,
      date: `Mon, Nov ${9 + i}, 2026, 9:00 AM`,
      body: lines(`Hey ${name}!`, '', `Quick one, lemme know if step ${i + 1} works for you.`, '', 'Cheers,', 'Sam'),
    })),
    {
      id: '1851000000000000019',
      from: JORDAN,
      date: 'Mon, Nov 16, 2026, 10:00 AM',
      body: lines('Hi Sam,', '', 'Could you send the onboarding plan for next week?', '', 'Thanks,', 'Jordan'),
    },
  ],
};
/** What the scripted model answers: the house greeting and sign-off. */
const MODEL_REPLY = 'Hi Jordan,\n\nHere is the onboarding plan for next week, step by step.\n\nBest regards,';

const FU_THREAD_ID = 'thread-f:1852000000000000001';
const FIRST_MESSAGE = lines('Hey Morgan!', '', 'Here is the pilot pricing we talked about.', '', 'Cheers,', 'Sam');
const FU_THREADS: Record<'waiting' | 'replied', FixtureThread> = {
  waiting: {
    threadId: FU_THREAD_ID,
    subject: 'Pilot pricing',
    messages: [{ id: '1852000000000000011', from: REP, date: 'Mon, Nov 30, 2026, 10:00 AM', body: FIRST_MESSAGE }],
  },
  replied: {
    threadId: FU_THREAD_ID,
    subject: 'Pilot pricing',
    messages: [
      { id: '1852000000000000011', from: REP, date: 'Mon, Nov 30, 2026, 10:00 AM', body: FIRST_MESSAGE },
      {
        id: '1852000000000000012',
        from: MORGAN,
        date: 'Fri, Dec 4, 2026, 9:00 AM',
        body: lines('Hi Sam,', '', 'Thanks, we are reviewing the pricing internally this week.', '', 'Morgan'),
      },
    ],
  },
};
/** The tagged send, Monday 30 November; due after 3 business days: Thursday 3 December at the same time. */
const SENT_AT = '2026-11-30T15:00:00.000Z';
const BEFORE_DUE = '2026-12-03T14:00:00.000Z';
const AFTER_DUE = '2026-12-03T16:00:00.000Z';

async function sidePanelAt(s: ExtensionSession, time: string): Promise<Page> {
  const side = await s.context.newPage();
  // The injected clock: the side panel asks for the follow-ups due at its own Date.now().
  await side.clock.install({ time: new Date(time) });
  await side.goto(`chrome-extension://${s.extensionId}/sidepanel.html?tab=followups`);
  await side.getByTestId('followups').waitFor();
  return side;
}

describe('Style profile and follow-ups due (issue #20)', () => {
  let s: ExtensionSession;

  beforeAll(async () => {
    s = await launchWithExtension();
    await useEngine(s, { engine: 'test', model: 'test-1', tokenDelayMs: 1 });
    const threads: Record<string, FixtureThread> = { learn: STYLE_THREAD, ...FU_THREADS };
    await s.context.route('https://mail.google.com/mail/u/0/fixture/style/**', (route) => {
      const thread = threads[new URL(route.request().url()).pathname.split('/').pop() ?? ''];
      if (!thread) return route.fulfill({ status: 404, body: 'No such fixture' });
      const body = campaignThreadPage(FIXTURES_DIR, thread, { inlineReply: true }).replaceAll(BR, '<br>');
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
    });
  });
  afterAll(() => closeAll(s));

  it("learns a style from five sent messages, and it changes the draft's greeting and sign-off", async () => {
    const page = await s.context.newPage();
    await page.goto('https://mail.google.com/mail/u/0/fixture/style/learn#inbox/learn');
    const frame = await panelFrame(page, s.extensionId);
    await expect
      .poll(async () => ((await call(frame, 'style.get', {})) as { result: { samples: number } }).result.samples, {
        timeout: 15_000,
      })
      .toBe(5);
    const { result } = (await call(frame, 'style.get', {})) as { result: { profile: Record<string, unknown> } };
    expect(result.profile).toMatchObject({ greeting: 'Hey {name}!', signOff: 'Cheers,', formality: 'casual' });
    await call(frame, 'host.testScript', { rules: [{ match: 'onboarding plan', reply: MODEL_REPLY }], faults: [] });

    // With the style (the default once learned): the rep's greeting and sign-off.
    await expect.poll(() => frame.getByTestId('draft-style').isChecked(), { timeout: 10_000 }).toBe(true);
    await frame.getByTestId('draft-generate').click();
    const draft = frame.getByTestId('draft-text');
    await expect.poll(() => draft.getAttribute('data-state'), { timeout: 20_000 }).toBe('done');
    const styled = await draft.inputValue();
    expect(styled).toMatch(/^Hey Jordan!\n/);
    expect(styled.trimEnd()).toMatch(/\nCheers,$/);
    expect(styled).toContain('Here is the onboarding plan');

    // Switched off for this draft: the model's own greeting and sign-off.
    await frame.getByTestId('draft-style').uncheck();
    await frame.getByTestId('draft-generate').click();
    await expect.poll(() => draft.getAttribute('data-state'), { timeout: 20_000 }).toBe('done');
    const plain = await draft.inputValue();
    expect(plain).toMatch(/^Hi Jordan,\n/);
    expect(plain.trimEnd()).toMatch(/\nBest regards,$/);

    // The options page shows the learned style.
    const options = await s.context.newPage();
    await options.goto(`chrome-extension://${s.extensionId}/options.html`);
    await expect.poll(() => options.getByTestId('style-greeting').inputValue()).toBe('Hey {name}!');
    expect(await options.getByTestId('style-signoff').inputValue()).toBe('Cheers,');
    await options.close();
    await page.close();
  });

  it('lists a follow-up once due, inserts it into the thread in Gmail, and drops it when a reply arrives', async () => {
    const gmail = await s.context.newPage();
    await gmail.goto('https://mail.google.com/mail/u/0/fixture/style/waiting#inbox/waiting');
    const frame = await panelFrame(gmail, s.extensionId);
    // A campaign, a tagged draft, and its send as the content script reports it.
    const def = {
      campaign: {
        id: 'fu',
        name: 'Pilot',
        goal: 'positive_reply',
        targetSegments: [{ id: 'default', label: { en: 'default', zh: '默认' } }],
      },
      variants: [
        {
          id: 'a',
          campaignId: 'fu',
          name: 'A',
          kind: 'prompt',
          ref: 'reply-draft',
          version: 1,
          tone: 'friendly',
          channel: 'email',
        },
      ],
    };
    expect((await call(frame, 'campaign.save', def)).ok).toBe(true);
    const body = FIRST_MESSAGE.replaceAll(BR, '\n');
    await call(frame, 'store.putDraft', {
      draft: { id: 'fu-draft', threadId: FU_THREAD_ID, body, createdAt: Date.parse(SENT_AT) },
    });
    const tagged = await call(frame, 'campaign.tagDraft', {
      draftId: 'fu-draft',
      threadId: FU_THREAD_ID,
      campaignId: 'fu',
      variantId: 'a',
      segment: 'default',
      rep: REP.email,
      chosenBy: 'rep',
    });
    expect(tagged.ok).toBe(true);
    const send = {
      threadId: FU_THREAD_ID,
      composeKind: 'new',
      to: [MORGAN.email],
      subject: 'Pilot pricing',
      at: SENT_AT,
      via: 'click',
      draftId: 'fu-draft',
    };
    const res = (await evaluateInContentScript(
      gmail,
      s.extensionId,
      `chrome.runtime.sendMessage(${JSON.stringify({ protocol: 'closer/1', kind: 'request', id: 'e2e-fu', method: 'page.recordSend', params: { send } })})`,
    )) as { ok: boolean };
    expect(res.ok).toBe(true);

    // Not yet due.
    const early = await sidePanelAt(s, BEFORE_DUE);
    await expect.poll(() => early.getByTestId('followups-none').count()).toBe(1);
    await early.close();

    // Due: listed once, drafted in the rep's style, naming the first message.
    const side = await sidePanelAt(s, AFTER_DUE);
    const item = side.getByTestId('followup-item');
    await expect.poll(() => item.count(), { timeout: 10_000 }).toBe(1);
    const text = await item.getByTestId('followup-text').inputValue();
    expect(text).toMatch(/^Hey Morgan!\n/);
    expect(text).toContain('"Pilot pricing"');
    expect(text.trimEnd()).toMatch(/\nCheers,$/);

    // Inserted into the thread's reply in Gmail, not sent.
    await item.getByTestId('followup-insert').click();
    await expect.poll(() => item.getByTestId('followup-status').textContent()).toContain('Opened the thread');
    const reply = gmail.locator('[role="textbox"][aria-label="Message Body"]');
    await expect.poll(() => reply.textContent(), { timeout: 15_000 }).toContain('Pilot pricing');
    await expect.poll(() => frame.getByTestId('followup-notice').textContent()).toContain('inserted');
    await side.close();

    // A reply arrives: the panel records it when the thread shows it, and the follow-up leaves the list.
    await gmail.goto('https://mail.google.com/mail/u/0/fixture/style/replied#inbox/replied');
    const again = await panelFrame(gmail, s.extensionId);
    await expect.poll(() => again.getByTestId('campaign-outcomes').count(), { timeout: 30_000 }).toBe(1);
    const later = await sidePanelAt(s, AFTER_DUE);
    await expect.poll(() => later.getByTestId('followups-none').count(), { timeout: 10_000 }).toBe(1);
    expect(await later.getByTestId('followup-item').count()).toBe(0);
    await later.close();
    await gmail.close();
  });
});
