/** @vitest-environment happy-dom */
import { beforeEach, describe, expect, it } from 'vitest';
import { SelectorError } from '../selector-error';
import { parseGmailDate } from './date';
import { readThread } from './thread';
import { loadFixture } from './load-fixture';

/** Gmail's tooltip dates are local times: compare with the same local time, whatever the test machine's zone. */
const local = (month: number, day: number, h: number, m: number) => new Date(2026, month, day, h, m).toISOString();

describe('readThread on the 2026-11 thread view', () => {
  beforeEach(() => loadFixture('gmail-2026-11-thread-view.html'));

  it('reads the open thread, not the cached one or the list rows', () => {
    const thread = readThread(document);
    expect(thread.threadId).toBe('thread-f:1849203746152093817');
    expect(thread.subject).toBe('Pilot pricing for Q1');
    expect(thread.selfEmail).toBe('rep@example.com');
    expect(thread.messages.map((m) => m.id)).toEqual([
      'msg-f:1849203746152093817',
      'msg-a:r-3916628452870154291',
      'msg-f:1849287411930255118',
      'msg-f:1849296003718245531',
    ]);
  });

  it('reads each sender from the header, not the recipients', () => {
    const { messages } = readThread(document);
    expect(messages.map((m) => m.from)).toEqual([
      { name: 'Jordan Lee', email: 'jordan.lee@example.net' },
      { name: 'Sam Rivera', email: 'rep@example.com' },
      { name: 'Priya Shah', email: 'priya.shah@example.net' },
      { name: 'Jordan Lee', email: 'jordan.lee@example.net' },
    ]);
  });

  it('parses header dates to ISO, including the narrow no-break space before AM', () => {
    const { messages } = readThread(document);
    expect(messages.map((m) => m.date)).toEqual([
      local(10, 2, 9, 14),
      local(10, 2, 11, 2),
      local(10, 3, 8, 47),
      local(10, 3, 10, 12),
    ]);
    expect(messages[2]!.dateText).toBe('Tue, Nov 3, 2026, 8:47\u202fAM');
  });

  it('marks the collapsed message, whose body is not in the page', () => {
    const [first, ...rest] = readThread(document).messages;
    expect(first).toMatchObject({ collapsed: true, bodyText: '', quotedText: '', truncated: false });
    expect(rest.every((m) => !m.collapsed)).toBe(true);
  });

  it('separates the body (with its signature) from the quoted history', () => {
    const m2 = readThread(document).messages[1]!;
    expect(m2.bodyText).toBe(
      [
        'Hi Jordan,',
        '',
        'Thanks for reaching out. For a 40-seat pilot we can offer $38 per seat per month for Q1, onboarding included.',
        '',
        'Would Thursday work for a 30-minute call?',
        '',
        'Best,',
        'Sam',
        '',
        '--',
        'Sam Rivera',
        'Account Executive, Closer Demo Co.',
        '+1 555 0100',
      ].join('\n'),
    );
    expect(m2.quotedText).toBe(
      [
        'On Mon, Nov 2, 2026 at 9:14 AM Jordan Lee <jordan.lee@example.net> wrote:',
        'Hi Sam,',
        '',
        'We are evaluating sales assistants for a team of 40 and would like to run a pilot in Q1. What would pricing look like?',
        '',
        'Jordan',
      ].join('\n'),
    );
    expect(m2.truncated).toBe(false);
  });

  it('keeps nested, prefixed quotes (m_…gmail_quote) in the quoted text and out of the body', () => {
    const m3 = readThread(document).messages[2]!;
    expect(m3.bodyText).toContain('Is the $38 price fixed for 12 months');
    expect(m3.bodyText).toContain('Priya Shah | Finance | Northwind Example Ltd.');
    expect(m3.bodyText).not.toContain('Thanks for reaching out');
    expect(m3.quotedText).toContain('Thanks for reaching out');
    expect(m3.quotedText).toContain('On Mon, Nov 2, 2026 at 9:14 AM Jordan Lee wrote:');
  });

  it('normalises whitespace (no-break spaces, blank lines)', () => {
    const m4 = readThread(document).messages[3]!;
    expect(m4.bodyText).toBe(
      'Thursday 2pm CET works for both of us. Can you send the order form before the call?\n\nJordan',
    );
  });

  it('caps the body and quoted text and says so', () => {
    const m2 = readThread(document, { maxBodyChars: 20, maxQuotedChars: 10 }).messages[1]!;
    expect(m2.bodyText).toHaveLength(20);
    expect(m2.quotedText.length).toBeLessThanOrEqual(10);
    expect(m2.truncated).toBe(true);
  });

  it('falls back to the dated class selector for a body without a top-level div[dir]', () => {
    // A body from another client: paragraphs, and a div[dir] only inside its quoted part.
    const body = document.querySelector('[data-legacy-message-id="19a9d6b1c2e3f49b"] .a3s')!;
    body.replaceChildren();
    const p = document.createElement('p');
    p.textContent = 'Sent from another client.';
    const quote = document.createElement('blockquote');
    const inner = document.createElement('div');
    inner.dir = 'ltr';
    inner.textContent = 'Earlier text';
    quote.append(inner);
    body.append(p, quote);
    const m4 = readThread(document).messages[3]!;
    expect(m4.bodyText).toBe('Sent from another client.');
    expect(m4.quotedText).toBe('Earlier text');
  });

  it('raises SelectorError when a message has no sender (a layout change), not a silent empty thread', () => {
    for (const sender of document.querySelectorAll('[data-legacy-message-id="19a9d2c8e1a4b70e"] [email]')) {
      sender.removeAttribute('email');
      sender.removeAttribute('data-hovercard-id');
    }
    expect(() => readThread(document)).toThrowError(SelectorError);
    expect(() => readThread(document)).toThrowError(/gmail: no element for "sender"/);
  });

  it('raises SelectorError when the subject heading has no id attribute any more', () => {
    for (const h2 of document.querySelectorAll('h2')) {
      h2.removeAttribute('data-thread-perm-id');
      h2.removeAttribute('data-legacy-thread-id');
    }
    expect(() => readThread(document)).toThrowError(SelectorError);
  });
});

describe('readThread elsewhere', () => {
  it('raises a typed SelectorError in the inbox (no thread open), ignoring list rows with thread ids', () => {
    loadFixture('gmail-2026-11-compose-new.html');
    let error: unknown;
    try {
      readThread(document);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(SelectorError);
    expect(error).toMatchObject({ site: 'gmail', feature: 'thread' });
  });
});

describe('parseGmailDate', () => {
  it('reads English tooltips and refuses what it cannot read with confidence', () => {
    expect(parseGmailDate('Tue, Nov 3, 2026, 10:12 AM')).toBe(local(10, 3, 10, 12));
    expect(parseGmailDate('Mon, Nov 2, 2026 at 9:41 AM')).toBe(local(10, 2, 9, 41));
    expect(parseGmailDate('Nov 3, 2026, 10:12 AM (2 hours ago)')).toBe(local(10, 3, 10, 12));
    expect(parseGmailDate('10:12 AM')).toBeNull();
    expect(parseGmailDate('mar. 3 nov. 2026, 10:12')).toBeNull();
    expect(parseGmailDate('')).toBeNull();
  });
});
