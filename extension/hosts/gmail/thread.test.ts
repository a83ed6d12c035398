/** @vitest-environment happy-dom */
import { beforeEach, describe, expect, it } from 'vitest';
import { SelectorError } from '../selector-error';
import { parseGmailDate } from './date';
import { expandFolded, readThread } from './thread';
import { loadFixture, runTrustedFixtureScript } from './load-fixture';

/** Gmail's tooltip dates are local times: compare with the same local time, whatever the test machine's zone. */
const local = (month: number, day: number, h: number, m: number) => new Date(2026, month, day, h, m).toISOString();

describe('readThread on the 2026-12 thread view (3 collapsed rows, 1 expanded)', () => {
  beforeEach(() => loadFixture('gmail-2026-12-thread-view.html'));

  it('reads every row of the open thread, not the hidden inbox rows (trap T1)', () => {
    const thread = readThread(document);
    expect(thread.threadId).toBe('thread-f:1849203746152093817');
    expect(thread.subject).toBe('Pilot pricing for Q1');
    expect(thread.selfEmail).toBe('rep@example.com');
    expect(thread.folded).toBe(0);
    // Collapsed rows carry no message id (trap T4): their place in the list names them.
    expect(thread.messages.map((m) => [m.id, m.collapsed])).toEqual([
      ['collapsed-0', true],
      ['collapsed-1', true],
      ['collapsed-2', true],
      ['msg-f:1849296003718245531', false],
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

  it('parses header dates to ISO, with an ASCII space or a narrow no-break space before AM', () => {
    const { messages } = readThread(document);
    expect(messages.map((m) => m.date)).toEqual([
      local(10, 2, 9, 14),
      local(10, 2, 11, 2),
      local(10, 3, 8, 47),
      local(10, 3, 10, 12),
    ]);
    expect(messages[2]!.dateText).toBe('Tue, Nov 3, 2026, 8:47\u202fAM');
  });

  it("gives a collapsed row its snippet and no body: the page does not hold the message's text", () => {
    const [first] = readThread(document).messages;
    expect(first).toMatchObject({ collapsed: true, bodyText: '', quotedText: '', signatureText: '', truncated: false });
    expect(first!.snippet).toBe(
      'Hi Sam, We are evaluating sales assistants for a team of 40 and would like to run a pilot in Q1. What would pricing look like? Jordan',
    );
  });

  it('keeps the signature apart from the body, without its "-- " prefix', () => {
    const m4 = readThread(document).messages[3]!;
    expect(m4.bodyText).toBe(
      'Hi Sam,\n\nThursday 2pm CET works for both of us. Can you send the order form before the call?\n\nBest,\nJordan',
    );
    expect(m4.signatureText).toBe('Jordan Lee\nHead of Sales Operations\nNorthwind Example Ltd.\n+44 20 7946 0958');
    expect(m4.snippet).toBe('');
  });

  it('reads the nested quoted history (3 deep) apart from the body', () => {
    const m4 = readThread(document).messages[3]!;
    const attributions = m4.quotedText.split('\n').filter((l) => l.endsWith('wrote:'));
    // Text is normalised: the U+202F before AM reads as a plain space.
    expect(attributions).toEqual([
      'On Tue, Nov 3, 2026 at 8:47 AM Priya Shah <priya.shah@example.net> wrote:',
      'On Mon, Nov 2, 2026 at 11:02 AM Sam Rivera <rep@example.com> wrote:',
      'On Mon, Nov 2, 2026 at 9:14 AM Jordan Lee <jordan.lee@example.net> wrote:',
    ]);
    expect(m4.quotedText).toContain('For a 40-seat pilot we can offer $38 per seat per month for Q1');
    expect(m4.bodyText).not.toContain('$38');
    expect(m4.truncated).toBe(false);
  });

  it('caps the body and quoted text and says so', () => {
    const m4 = readThread(document, { maxBodyChars: 20, maxQuotedChars: 10 }).messages[3]!;
    expect(m4.bodyText).toHaveLength(20);
    expect(m4.quotedText.length).toBeLessThanOrEqual(10);
    expect(m4.truncated).toBe(true);
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

  it('reads a row that Gmail expanded earlier and hid again as collapsed', () => {
    const row = document.querySelectorAll('[role="list"] > [role="listitem"]')[1]!;
    row.insertAdjacentHTML(
      'beforeend',
      '<div class="adn ads" style="display: none" data-message-id="#msg-f:1" data-legacy-message-id="1"><div class="a3s aiL"><div dir="ltr">old</div></div></div>',
    );
    const m2 = readThread(document).messages[1]!;
    expect(m2).toMatchObject({ id: 'collapsed-1', collapsed: true, bodyText: '' });
  });

  it('raises SelectorError when a message has no sender (a layout change), not a silent empty thread', () => {
    for (const sender of document.querySelectorAll('[data-legacy-message-id="19a9d6b1c2e3f49b"] [email]')) {
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

describe('readThread on a long thread (Gmail folded 5 older messages)', () => {
  beforeEach(() => loadFixture('gmail-2026-12-thread-long.html'));

  it('counts the folded messages it cannot read, and reads the rows around the bubble', () => {
    const thread = readThread(document);
    expect(thread.folded).toBe(5);
    expect(thread.messages.map((m) => [m.from.name, m.collapsed])).toEqual([
      ['Alex Kim', true],
      ['Sam Rivera', true],
      ['Alex Kim', true],
      ['Sam Rivera', false],
    ]);
  });

  it("expands Gmail's own view only when asked: one click on the bubble", () => {
    runTrustedFixtureScript(document);
    const clicks: Element[] = [];
    document.addEventListener('click', (e) => clicks.push(e.target as Element));
    expect(readThread(document).folded).toBe(5);
    expect(clicks).toEqual([]);
    expect(expandFolded(document)).toBe(true);
    expect(clicks).toHaveLength(1);
    const thread = readThread(document);
    expect(thread.folded).toBe(0);
    expect(thread.messages).toHaveLength(9);
    expect(expandFolded(document)).toBe(false);
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
