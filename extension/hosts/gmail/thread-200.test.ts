/** @vitest-environment happy-dom */
import { describe, expect, it } from 'vitest';
import { buildGmailThreadFixture, messageDate, messageText } from '../../../scripts/dev/make-gmail-thread-fixture';
import { readThread } from './thread';
import { fixtureHtml, loadFixture } from './load-fixture';

describe('a 200-message thread (benchmark fixture)', () => {
  it('is the committed output of scripts/dev/make-gmail-thread-fixture.ts', () => {
    expect(fixtureHtml('gmail-2026-12-thread-200.html')).toBe(buildGmailThreadFixture(200));
  });

  it('is read whole, in order, quickly', () => {
    loadFixture('gmail-2026-12-thread-200.html');
    const started = performance.now();
    const thread = readThread(document);
    const elapsed = performance.now() - started;
    console.log(JSON.stringify({ benchmark: 'gmail_read_thread_200_happy_dom_ms', value: Math.round(elapsed) }));

    expect(thread.messages).toHaveLength(200);
    expect(new Set(thread.messages.map((m) => m.id)).size).toBe(200);
    const last = thread.messages[199]!;
    // Tooltip dates are local times: the fixture's UTC wall-clock reads back as the same local wall-clock.
    const d = messageDate(199);
    const local = new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes());
    expect(last).toMatchObject({ from: { name: 'Sam Rivera', email: 'rep@example.com' }, date: local.toISOString() });
    expect(last.bodyText).toBe(`${messageText(199)}\n\nSam`);
    expect(last.quotedText).toContain(messageText(198));
    // A sanity bound for happy-dom on a loaded machine; Chromium reads this thread in 10 to 100 ms.
    expect(elapsed).toBeLessThan(5_000);
  });

  it('stays within the total text budget', () => {
    loadFixture('gmail-2026-12-thread-200.html');
    const thread = readThread(document, { maxTotalChars: 5_000 });
    const total = thread.messages.reduce((n, m) => n + m.bodyText.length + m.quotedText.length, 0);
    expect(total).toBeLessThanOrEqual(5_000);
    expect(thread.messages.at(-1)!.truncated).toBe(true);
  });
});
