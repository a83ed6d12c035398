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
const BODY = '[role="textbox"][g_editable="true"]';

// The scripted model's answers, picked by a phrase of each prompt template.
const COLD =
  'Subject: Faster replies for Example Org\n\nHi Alex,\n\nAs Head of Sales Ops you know how long replies take. Closer drafts them on-device. Worth a look?\n\nBest,';
const SUBJECTS =
  '1. Faster replies for Example Org\n2. A question about your reply times\n3. Drafts in seconds, on-device';
const SHORTER = 'Closer writes replies on-device.';
const CHINESE = 'Closer 在设备上起草回复。';
const SUPPORT =
  'Hello Dana, I am sorry you were charged twice. Duplicate charges are refunded within 5 business days. I will confirm once it is done.';

describe('Gmail assistant in a compose without a thread, and in a support reply', () => {
  let s: ExtensionSession;
  beforeAll(async () => {
    s = await launchWithExtension();
    await useEngine(s, { engine: 'test', model: 'test-1', tokenDelayMs: 2 });
  });
  afterAll(async () => s?.close());

  it('new message: contact and persona, a cold email above the signature, live score, subjects', async () => {
    const page = await s.context.newPage();
    await page.goto('https://mail.google.com/mail/u/0/fixture/new-message#inbox');
    const first = await panelFrame(page, s.extensionId);
    // The recipient's persona as the persona review leaves it (approved fields reach prompts).
    const saved = await call(first, 'persona.save', {
      persona: {
        key: 'hs:12345:901',
        portalId: '12345',
        contactId: '901',
        email: 'alex.kim@example.org',
        name: 'Alex Kim',
        fields: {
          role: { value: 'Head of Sales Ops', confidence: 0.9, source: 'crm:jobtitle', approved: true },
          painPoints: { value: 'slow reply times', confidence: 0.7, source: 'thread', approved: true },
        },
        origin: 'rules',
        status: 'approved',
        updatedAt: Date.now(),
      },
    });
    expect(saved.ok).toBe(true);
    // Opened again, as the rep would after the persona review: the panel reads the stored persona.
    await page.reload();
    const frame = await panelFrame(page, s.extensionId);
    const rules = [
      { match: 'first-touch B2B sales emails', reply: COLD },
      { match: 'email subject lines', reply: SUBJECTS },
    ];
    expect((await call(frame, 'host.testScript', { rules, faults: [] })).ok).toBe(true);

    // The recipient chip gives the contact, and the stored persona shows.
    await expect
      .poll(() => frame.getByTestId('new-contact').textContent(), { timeout: 20_000 })
      .toContain('alex.kim@example.org');
    await expect
      .poll(() => frame.getByTestId('contact-persona').textContent(), { timeout: 10_000 })
      .toContain('Head of Sales Ops');
    expect(await frame.getByTestId('no-thread').count()).toBe(0);

    // A cold email, persona-aware: the prompt carried the approved role.
    await frame.getByTestId('new-generate').click();
    await expect.poll(() => frame.getByTestId('new-text').getAttribute('data-state'), { timeout: 20_000 }).toBe('done');
    const drafted = await frame.getByTestId('new-text').inputValue();
    expect(drafted.startsWith('Hi Alex,')).toBe(true);
    expect(drafted).not.toContain('Subject:');

    // Inserted above the signature.
    await frame.getByTestId('new-insert').click();
    await expect.poll(() => frame.getByTestId('new-notice').textContent()).toContain('Inserted');
    const text = (await page.locator(BODY).textContent()) ?? '';
    expect(text.indexOf('Hi Alex,')).toBeGreaterThanOrEqual(0);
    expect(text.indexOf('Hi Alex,')).toBeLessThan(text.indexOf('Sam Rivera'));

    // The subject split off the model's answer goes into Gmail's subject field.
    await frame.getByTestId('new-use-subject').click();
    await expect
      .poll(() => page.locator('input[name="subjectbox"]').inputValue())
      .toBe('Faster replies for Example Org');

    // The live score on a new message.
    await expect
      .poll(() => frame.getByTestId('score-total').getAttribute('data-total'), { timeout: 20_000 })
      .not.toBeNull();

    // Subject lines on demand.
    await frame.getByTestId('suggest-subjects').click();
    await expect.poll(() => frame.getByTestId('subject-lines').locator('li').count(), { timeout: 20_000 }).toBe(3);
    expect(await frame.getByTestId('subject-lines').textContent()).toContain('A question about your reply times');
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'panel-gmail-new-message.png') });
  });

  it('rewrites a selection in place, and Ctrl+Z in the compose undoes it; a translation likewise', async () => {
    const page = await s.context.newPage();
    await page.goto('https://mail.google.com/mail/u/0/fixture/new-message#inbox');
    const frame = await panelFrame(page, s.extensionId);
    const rules = [
      { match: 'rewrites a salesperson', reply: SHORTER },
      { match: 'Translate the text', reply: CHINESE },
    ];
    expect((await call(frame, 'host.testScript', { rules, faults: [] })).ok).toBe(true);
    const body = page.locator(BODY);
    const original = 'Closer is a tool that drafts your replies for you on your own device.';
    await body.click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.type(original);
    // Select what was typed (Shift+Home from the end of the line), then the shortcut opens the rewrite tool.
    await page.keyboard.press('Shift+Home');
    await page.keyboard.press('Alt+Shift+R');
    await expect.poll(() => frame.getByTestId('rewrite-before').textContent(), { timeout: 10_000 }).toBe(original);

    await frame.getByTestId('rewrite-action').selectOption('shorter');
    await frame.getByTestId('rewrite-run').click();
    await expect
      .poll(() => frame.getByTestId('rewrite-after').getAttribute('data-state'), { timeout: 20_000 })
      .toBe('done');
    expect(await frame.getByTestId('rewrite-after').textContent()).toBe(SHORTER);
    await frame.getByTestId('rewrite-accept').click();
    await expect.poll(() => frame.getByTestId('rewrite-notice').textContent()).toContain('Ctrl+Z');
    let now = (await body.textContent()) ?? '';
    expect(now).toContain(SHORTER);
    expect(now).not.toContain(original);
    expect(now).toContain('Sam Rivera');

    // Gmail's own undo restores the original: the replacement went through the editor's undo stack.
    await body.focus();
    await page.keyboard.press('Control+z');
    now = (await body.textContent()) ?? '';
    expect(now).toContain(original);
    expect(now).not.toContain(SHORTER);

    // Translation, from the panel this time: the whole draft (no selection), then undone the same way.
    await page.evaluate(() => document.getSelection()?.removeAllRanges());
    await frame.getByTestId('rewrite-take').click();
    await expect.poll(() => frame.getByTestId('rewrite-before').textContent()).toBe(original);
    await frame.getByTestId('rewrite-action').selectOption('toZh');
    await frame.getByTestId('rewrite-run').click();
    await expect.poll(() => frame.getByTestId('rewrite-after').textContent(), { timeout: 20_000 }).toBe(CHINESE);
    await frame.getByTestId('rewrite-accept').click();
    await expect.poll(async () => (await body.textContent()) ?? '').toContain(CHINESE);
    expect((await body.textContent()) ?? '').toContain('Sam Rivera');
    await body.focus();
    await page.keyboard.press('Control+z');
    now = (await body.textContent()) ?? '';
    expect(now).toContain(original);
    expect(now).not.toContain(CHINESE);
  });

  it('drafts a support reply on a complaint thread, answering from a catalogue item', async () => {
    const page = await s.context.newPage();
    await page.goto('https://mail.google.com/mail/u/0/fixture/complaint#inbox/FMfcgzQXcomplaint');
    const frame = await panelFrame(page, s.extensionId);
    const put = await call(frame, 'catalogue.put', {
      items: [
        {
          id: 'kb-refunds',
          kind: 'content',
          name: 'Refunds for duplicate charges',
          description: 'Duplicate charges are refunded within 5 business days of the report.',
          tags: ['billing', 'refund', 'charged'],
          updatedAt: Date.now(),
        },
      ],
    });
    expect(put.ok).toBe(true);
    expect(
      (
        await call(frame, 'host.testScript', {
          rules: [{ match: 'customer-support replies', reply: SUPPORT }],
          faults: [],
        })
      ).ok,
    ).toBe(true);
    await expect.poll(() => frame.getByTestId('message').count(), { timeout: 20_000 }).toBe(1);
    // Chosen from the analysis of Dana's message (question or negative sentiment), and switchable.
    await expect.poll(() => frame.getByTestId('draft-mode').inputValue(), { timeout: 30_000 }).toBe('support');
    await frame.getByTestId('draft-generate').click();
    await expect
      .poll(() => frame.getByTestId('draft-text').getAttribute('data-state'), { timeout: 20_000 })
      .toBe('done');
    expect(await frame.getByTestId('draft-text').inputValue()).toBe(SUPPORT);
    // The refund period came from the catalogue item, so the fact check does not flag it once inserted.
    await frame.getByTestId('draft-insert').click();
    await expect.poll(() => frame.getByTestId('draft-notice').textContent()).toContain('Inserted');
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'panel-gmail-support-reply.png') });
  });
});
