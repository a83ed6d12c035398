/** @vitest-environment happy-dom */
import { describe, expect, it } from 'vitest';
import { readThread } from '../../hosts/gmail/thread';
import { loadFixture } from '../../hosts/gmail/load-fixture';
import { readableThread } from './readable-thread';
import { draftGrounding, promptContext } from './thread-context';

describe('readableThread on the 2026-12 thread view', () => {
  it('recovers each collapsed message from the quoted history, once, and keeps signatures apart', () => {
    loadFixture('gmail-2026-12-thread-view.html');
    const thread = readableThread(readThread(document));
    expect(thread.messages.map((m) => [m.collapsed, m.recovered])).toEqual([
      [true, true],
      [true, true],
      [true, true],
      [false, false],
    ]);
    const [jordan, sam, priya] = thread.messages;
    expect(jordan!.bodyText).toBe(
      'Hi Sam,\n\nWe are evaluating sales assistants for a team of 40 and would like to run a pilot in Q1. What would pricing look like?\n\nJordan',
    );
    expect(sam!.bodyText).toContain('$38 per seat per month');
    expect(sam!.bodyText).not.toContain('Account Executive');
    expect(sam!.signatureText).toBe('Sam Rivera\nAccount Executive, Closer Demo Co.\n+1 555 0100');
    expect(priya!.signatureText).toBe('Priya Shah | Finance Manager | Northwind Example Ltd.');
    // Every quoted message found its row: nothing left over to ground twice.
    expect(thread.unplaced).toEqual([]);
  });

  it('grounds drafts and prompts on the collapsed messages too', () => {
    loadFixture('gmail-2026-12-thread-view.html');
    const raw = readThread(document);
    expect(draftGrounding(raw, []).some((g) => g.includes('$38'))).toBe(false);
    const thread = readableThread(raw);
    expect(draftGrounding(thread, []).some((g) => g.includes('$38 per seat'))).toBe(true);
    expect(promptContext(thread).map((m) => m.body.split('\n')[2]!.slice(0, 12))).toEqual([
      'We are evalu',
      'Thanks for r',
      'Priya from f',
      'Thursday 2pm',
    ]);
  });

  it('leaves a collapsed message with its snippet when no quote matches, and keeps unmatched quotes for grounding', () => {
    loadFixture('gmail-2026-12-thread-view.html');
    const raw = readThread(document);
    // Sam's row now claims another sender: no quoted block is his any more.
    raw.messages[1]!.from = { name: 'Someone Else', email: 'else@example.org' };
    const thread = readableThread(raw);
    expect(thread.messages[1]).toMatchObject({ recovered: false, bodyText: '' });
    expect(thread.messages[1]!.snippet).toContain('$38');
    expect(thread.unplaced).toHaveLength(1);
    expect(thread.unplaced[0]).toContain('$38 per seat');
  });

  it('does not read an expanded message twice when a later one quotes it', () => {
    const msg = (id: string, name: string, email: string, body: string, quoted = '') => ({
      id,
      from: { name, email },
      date: null,
      dateText: '',
      bodyText: body,
      quotedText: quoted,
      signatureText: '',
      snippet: '',
      truncated: false,
      collapsed: false,
    });
    const thread = readableThread({
      threadId: 't',
      subject: 's',
      folded: 0,
      selfEmail: 'rep@example.com',
      messages: [
        msg('a', 'Jordan Lee', 'jordan@example.net', 'Can we start the pilot on Monday?'),
        msg(
          'b',
          'Sam Rivera',
          'rep@example.com',
          'Monday works.',
          'On Mon, Nov 2, 2026 at 9:14 AM Jordan Lee <jordan@example.net> wrote:\nCan we start the pilot on Monday?',
        ),
      ],
    });
    expect(thread.unplaced).toEqual([]);
    expect(draftGrounding(thread, []).filter((g) => g.includes('pilot on Monday'))).toHaveLength(1);
  });
});
