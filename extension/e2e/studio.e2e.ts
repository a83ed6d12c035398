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

// Two good rows, one bad (kind), one without a name: the import keeps the good ones and names the bad lines.
const CSV = [
  '\uFEFFname,kind,description,tags,url',
  'CRM Sync,product,"Two-way sync that ends manual CRM data entry, for sales teams.",crm; data entry; automation,https://example.com/sync',
  'Security pack,product,SAML single sign-on and an audit log for security reviews.,security; sso,https://example.com/sso',
  'Launch webinar,video,How we built it.,,',
  ',content,No name here,,',
  'ROI guide,content,Build the business case during evaluation.,roi; evaluation,https://example.com/roi',
].join('\r\n');

const BRIEF = 'Launch of on-device reply drafting for RevOps teams';
const FACTS = ['Closer drafts replies on-device.', 'Closer costs $30 per seat per month.'];
// The scripted model's post: grounded on the facts ($30 per seat) plus one planted claim nothing backs (40%).
const POST =
  'Your inbox should not leave your laptop.\n\nCloser drafts replies on-device, for $30 per seat per month. Teams see a 40% lift in replies in the first week.\n\nBook a demo today. #RevOps #Sales';

describe('content studio and recommendations in the side panel', () => {
  let s: ExtensionSession;
  beforeAll(async () => {
    s = await launchWithExtension();
    await useEngine(s, { engine: 'test', model: 'test-1', tokenDelayMs: 5 });
  });
  afterAll(async () => s?.close());

  it('imports a catalogue CSV, recommends for a persona with the reason, generates, checks and saves a post', async () => {
    const page = await s.context.newPage();
    await page.goto(`chrome-extension://${s.extensionId}/sidepanel.html?tab=catalogue`);
    await page.getByTestId('catalogue-tab').waitFor();

    // Import: three rows in, two rows reported by line and reason.
    await page
      .getByTestId('catalogue-file')
      .setInputFiles({ name: 'catalogue.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV, 'utf8') });
    const report = page.getByTestId('catalogue-import-report');
    await expect.poll(() => report.textContent(), { timeout: 10_000 }).toContain('3 new');
    expect(
      await page
        .getByTestId('catalogue-import-errors')
        .locator('li')
        .evaluateAll((li) => li.map((l) => l.getAttribute('data-line'))),
    ).toEqual(['4', '5']);
    expect(await report.textContent()).toContain('kind "video" is not product or content');
    await expect.poll(() => page.getByTestId('catalogue-item').count()).toBe(3);

    // A recommendation for a persona, with why.
    await page.getByTestId('recommend-painPoints').fill('manual CRM data entry');
    await page.getByTestId('recommend-buyingStage').fill('evaluation');
    await page.getByTestId('recommend-run').click();
    const answer = page.getByTestId('recommend-answer');
    await answer.waitFor();
    expect(await answer.getAttribute('data-method')).toBe('tfidf');
    expect(await page.getByTestId('recommend-method').textContent()).toContain('TF-IDF');
    const first = page.getByTestId('recommendation').first();
    expect(await first.getAttribute('data-item')).toBeTruthy();
    expect(await first.textContent()).toContain('CRM Sync');
    expect(await first.getByTestId('recommendation-reasons').textContent()).toMatch(
      /Pain point “manual CRM data entry” matched: .*crm/i,
    );
    expect(await page.getByTestId('recommendation').nth(1).textContent()).toContain('ROI guide');
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'sidepanel-catalogue.png'), fullPage: true });

    // The studio: brand voice and facts, then a LinkedIn post from the (scripted) model.
    await page.goto(`chrome-extension://${s.extensionId}/sidepanel.html?tab=studio`);
    await page.getByTestId('studio-tab').waitFor();
    expect((await call(page, 'host.testScript', { rules: [{ match: BRIEF, reply: POST }], faults: [] })).ok).toBe(true);
    await page.locator('details.voice > summary').click();
    await page.getByTestId('voice-tone').fill('plainspoken, warm');
    await page.getByTestId('voice-banned').fill('revolutionary');
    await page.getByTestId('voice-facts').fill(FACTS.join('\n'));
    await page.getByTestId('voice-save').click();
    await expect.poll(() => page.getByTestId('voice-form').textContent()).toContain('Brand voice saved.');

    expect(await page.getByTestId('studio-format').inputValue()).toBe('linkedin-post');
    await page.getByTestId('studio-segment').fill('mid-market RevOps leaders');
    await page.getByTestId('studio-brief').fill(BRIEF);
    await page.getByTestId('studio-generate').click();
    await expect
      .poll(() => page.getByTestId('studio-text').getAttribute('data-state'), { timeout: 20_000 })
      .toBe('done');
    expect(await page.getByTestId('studio-text').inputValue()).toBe(POST);

    // Scored and fact-checked: the planted claim is flagged with a reason; the grounded price is not.
    await expect
      .poll(() => page.getByTestId('studio-score').getAttribute('data-total'), { timeout: 20_000 })
      .not.toBeNull();
    const claims = page.getByTestId('studio-claims');
    await expect.poll(() => claims.textContent(), { timeout: 20_000 }).toContain('40%');
    expect(await claims.textContent()).not.toContain('$30');
    // Hashtags label topics; they are not names to check.
    expect(await claims.textContent()).not.toContain('Sales');
    expect(await claims.locator('li').first().textContent()).toMatch(/—\s*\S+/);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'sidepanel-studio.png'), fullPage: true });

    // Saved to the library, then rated.
    await page.getByTestId('studio-save').click();
    await expect.poll(() => page.getByTestId('library-item').count()).toBe(1);
    await page.getByTestId('library-rate-4').click();
    await expect.poll(() => page.getByTestId('library-item').first().getAttribute('data-rating')).toBe('4');
    const stored = (await call(page, 'library.list', {})) as {
      ok: boolean;
      result: {
        items: Array<{
          text: string;
          format: string;
          promptVersion: string;
          rating: number;
          score: number;
          segment: string;
        }>;
      };
    };
    expect(stored.ok).toBe(true);
    expect(stored.result.items[0]).toMatchObject({
      text: POST,
      format: 'linkedin-post',
      promptVersion: 'studio-linkedin-post@1',
      rating: 4,
      segment: 'mid-market RevOps leaders',
    });
    expect(stored.result.items[0]?.score).toBeGreaterThan(0);

    // Nothing left the device: every request stayed inside the extension.
    expect(s.requests.filter((r) => !r.url.startsWith('chrome-extension://'))).toEqual([]);
  });

  it('offers a recommended item in the Gmail draft, for the persona stored for the contact', async () => {
    const page = await s.context.newPage();
    await page.goto('https://mail.google.com/mail/u/0/fixture/thread#inbox/FMfcgzQXJWDsKmtpilot');
    const frame = await panelFrame(page, s.extensionId);
    // A stored persona for the people in the fixture thread (as the persona review would leave it), written in the
    // worker: the framed panel is third-party to Gmail, so its storage is partitioned away from the extension's.
    const people = ['jordan.lee@example.net', 'priya.shah@example.net'];
    const sw = await s.serviceWorker();
    await sw.evaluate(async (emails) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('closer');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const tx = db.transaction(['contacts', 'personas'], 'readwrite');
      emails.forEach((email, i) => {
        tx.objectStore('contacts').put({ id: `e2e-${i}`, email, updatedAt: Date.now() });
        tx.objectStore('personas').put({
          contactId: `e2e-${i}`,
          updatedAt: Date.now(),
          fields: {
            painPoints: { value: 'security reviews take months', confidence: 0.8, source: 'thread', approved: true },
          },
        });
      });
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    }, people);

    const box = frame.getByTestId('recommended-item');
    await box.locator('input[type="checkbox"]').check();
    const first = box.getByTestId('recommendation').first();
    await expect.poll(() => first.textContent(), { timeout: 10_000 }).toContain('Security pack');
    expect(await first.textContent()).toContain('Pain point “security reviews take months” matched: security');
    await box.getByRole('button', { name: 'Add to the draft' }).click();
    await expect
      .poll(() => frame.getByTestId('draft-text').inputValue())
      .toBe('Security pack: https://example.com/sso');
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'panel-gmail-recommended-item.png') });
  });
});
