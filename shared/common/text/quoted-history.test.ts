import { describe, expect, it } from 'vitest';
import { comparable, parseEnglishDate, splitQuotedHistory, splitSignature } from './quoted-history';

// The newest message's quoted history as the Gmail adapter reads it (gmail-2026-12-thread-view.html).
const HISTORY = [
  'On Tue, Nov 3, 2026 at 8:47 AM Priya Shah <priya.shah@example.net> wrote:',
  'Hi Sam,',
  '',
  'Is the price fixed for 12 months after the pilot?',
  '',
  'Priya',
  '',
  '--',
  'Priya Shah | Finance Manager | Northwind Example Ltd.',
  'On Mon, Nov 2, 2026 at 11:02\u202fAM Sam Rivera <rep@example.com> wrote:',
  'For a 40-seat pilot we can offer $38 per seat per month.',
  'On Mon, Nov 2, 2026 at 9:14 AM Jordan Lee <jordan.lee@example.net>',
  'wrote:',
  'We would like to run a pilot in Q1.',
].join('\n');

describe('splitQuotedHistory', () => {
  it('splits nested quotes at their attributions, newest first, with sender, date and signature', () => {
    const blocks = splitQuotedHistory(HISTORY);
    expect(blocks.map((b) => [b.name, b.email])).toEqual([
      ['Priya Shah', 'priya.shah@example.net'],
      ['Sam Rivera', 'rep@example.com'],
      ['Jordan Lee', 'jordan.lee@example.net'],
    ]);
    expect(blocks[0]!.body).toBe('Hi Sam,\n\nIs the price fixed for 12 months after the pilot?\n\nPriya');
    expect(blocks[0]!.signature).toBe('Priya Shah | Finance Manager | Northwind Example Ltd.');
    expect(blocks[1]!.body).toBe('For a 40-seat pilot we can offer $38 per seat per month.');
    // A wrapped attribution (two lines) still starts a block.
    expect(blocks[2]!.body).toBe('We would like to run a pilot in Q1.');
    expect(blocks[1]!.time).toBe(new Date(2026, 10, 2, 11, 2).getTime());
  });

  it('reads a Chinese attribution and finds nothing in text without one', () => {
    const [block] = splitQuotedHistory('在 2026年11月2日 09:14，李明 <li.ming@example.cn> 写道：\n价格是多少？');
    expect(block).toMatchObject({ email: 'li.ming@example.cn', body: '价格是多少？' });
    expect(splitQuotedHistory('Just a message.\nNo quote here.')).toEqual([]);
  });

  it('does not take a sentence that merely starts with "On" for an attribution', () => {
    expect(splitQuotedHistory('On Monday we can talk about what you wrote.\nThanks')).toEqual([]);
  });
});

describe('splitSignature', () => {
  it('splits at the last "--" line when what follows is short', () => {
    expect(splitSignature('Hello\n\nSam\n--\nSam Rivera\n+1 555 0100')).toEqual({
      body: 'Hello\n\nSam',
      signature: 'Sam Rivera\n+1 555 0100',
    });
    const long = `Hello\n--\n${Array.from({ length: 20 }, (_, i) => `line ${i}`).join('\n')}`;
    expect(splitSignature(long)).toEqual({ body: long, signature: '' });
    expect(splitSignature('No signature')).toEqual({ body: 'No signature', signature: '' });
  });
});

describe('helpers', () => {
  it('compares letters and digits only, and parses English dates with a year', () => {
    expect(comparable('Hi Sam, We are…')).toBe('hisamweare');
    expect(parseEnglishDate('Tue, Nov 3, 2026 at 8:47\u202fAM')).toBe(new Date(2026, 10, 3, 8, 47).getTime());
    expect(parseEnglishDate('Nov 3 at 8:47 AM')).toBeNull();
  });
});
