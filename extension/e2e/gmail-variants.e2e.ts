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

// Two scripted replies: the second variant's prompt asks for another angle, which the script tells apart.
const FIRST = 'Hi Jordan, the $38 per seat price holds for Q1. Does Thursday work for a call?';
const SECOND = 'Hi Jordan, a 40-seat pilot in Q1 fits well at $38 per seat. Shall we walk through it on Thursday?';

describe('Gmail draft variants', () => {
  let s: ExtensionSession;
  beforeAll(async () => {
    s = await launchWithExtension();
    await useEngine(s, { engine: 'test', model: 'test-1', tokenDelayMs: 2 });
  });
  afterAll(async () => s?.close());

  it('drafts two variants, switches with the keyboard, rates and inserts the second', async () => {
    const page = await s.context.newPage();
    await page.goto('https://mail.google.com/mail/u/0/fixture/thread#inbox/FMfcgzQXJWDsKmtvariants');
    const frame = await panelFrame(page, s.extensionId);
    const rules = [
      { match: 'Alternative version 2', reply: SECOND },
      { match: 'Jordan Lee', reply: FIRST },
    ];
    expect((await call(frame, 'host.testScript', { rules, faults: [] })).ok).toBe(true);
    await expect.poll(() => frame.getByTestId('message').count(), { timeout: 20_000 }).toBe(4);

    const text = frame.getByTestId('draft-text');
    const tabs = frame.getByTestId('variant-tab');
    await frame.getByTestId('draft-generate').click();
    await expect.poll(() => text.getAttribute('data-state'), { timeout: 20_000 }).toBe('done');
    expect(await text.inputValue()).toBe(FIRST);
    expect(await tabs.count()).toBe(1);

    // Another variant of the same options: a new tab, selected, with the other reply.
    await frame.getByTestId('draft-another').click();
    await expect.poll(() => tabs.count()).toBe(2);
    await expect.poll(() => text.getAttribute('data-state'), { timeout: 20_000 }).toBe('done');
    expect(await text.getAttribute('data-variant')).toBe('2');
    expect(await text.inputValue()).toBe(SECOND);
    expect(await tabs.nth(1).textContent()).toContain('Variant 2');
    expect(await tabs.nth(1).getAttribute('aria-selected')).toBe('true');

    // Each variant is its own stored draft with the prompt version, and gets its own score.
    const secondId = await text.getAttribute('data-draft-id');
    await expect.poll(() => frame.getByTestId('variant-score').count(), { timeout: 20_000 }).toBe(2);

    // Keyboard: Left goes back to variant 1 (focus follows), Right returns to variant 2.
    await tabs.nth(1).focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => text.getAttribute('data-variant')).toBe('1');
    expect(await text.inputValue()).toBe(FIRST);
    expect(await tabs.nth(0).getAttribute('aria-selected')).toBe('true');
    expect(await tabs.nth(0).evaluate((el) => el === document.activeElement)).toBe(true);
    const firstId = await text.getAttribute('data-draft-id');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => text.getAttribute('data-variant')).toBe('2');
    expect(await text.inputValue()).toBe(SECOND);

    expect(firstId).toBeTruthy();
    expect(secondId).toBeTruthy();
    expect(firstId).not.toBe(secondId);
    const stored = async (id: string | null) =>
      (
        (await call(frame, 'store.getDraft', { id })) as {
          result: { body: string; promptVersion?: string; rating?: unknown };
        }
      ).result;
    expect(await stored(firstId)).toMatchObject({ body: FIRST, promptVersion: expect.stringMatching(/\S/) });
    expect(await stored(secondId)).toMatchObject({ body: SECOND, promptVersion: expect.stringMatching(/\S/) });

    // Rating applies to the selected (second) variant only.
    await frame.getByTestId('rate-up').click();
    await expect.poll(() => frame.getByTestId('draft-notice').textContent()).toContain('rating saved');
    expect((await stored(secondId)).rating).toEqual({ thumb: 'up' });
    expect((await stored(firstId)).rating).toBeUndefined();

    // Insert puts the selected variant into Gmail's reply.
    await frame.getByTestId('draft-insert').click();
    await expect.poll(() => frame.getByTestId('draft-notice').textContent()).toContain('Inserted');
    const composeText = await page.locator('[role="textbox"][g_editable="true"]').first().textContent();
    expect(composeText).toContain(SECOND);
    expect(composeText).not.toContain(FIRST);
    await frame.getByTestId('variants').screenshot({ path: join(ARTIFACTS_DIR, 'panel-gmail-variants.png') });
  });
});
