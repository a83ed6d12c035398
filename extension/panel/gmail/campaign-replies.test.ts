import { describe, expect, it } from 'vitest';
import { pickReplies } from './campaign-replies';

const msg = (id: string, email: string, date: string | null) => ({
  id,
  from: { name: email, email },
  date,
  dateText: '',
  bodyText: 'text',
  quotedText: '',
  signatureText: '',
  snippet: '',
  truncated: false,
  collapsed: false,
});

describe('pickReplies', () => {
  it('keeps dated messages after the send that the rep did not write and that are not recorded yet', () => {
    const sentAt = Date.parse('2026-11-10T00:00:00Z');
    const thread = {
      threadId: 't',
      subject: 's',
      selfEmail: 'rep@example.com',
      folded: 0,
      messages: [
        msg('before', 'a@x.com', '2026-11-09T10:00:00Z'),
        msg('mine', 'REP@example.com', '2026-11-11T10:00:00Z'),
        msg('undated', 'a@x.com', null),
        msg('done', 'a@x.com', '2026-11-11T10:00:00Z'),
        msg('reply', 'a@x.com', '2026-11-12T10:00:00Z'),
      ],
    };
    expect(pickReplies(thread, sentAt, new Set(['done'])).map((m) => [m.id, m.at])).toEqual([
      ['reply', Date.parse('2026-11-12T10:00:00Z')],
    ]);
  });
});
