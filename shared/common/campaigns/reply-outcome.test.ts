import { describe, expect, it } from 'vitest';
import { classifyReply, isFromRep } from './reply-outcome';

describe('classifyReply', () => {
  it('calls a delivery failure from the mailer daemon a bounce, whatever the classifier said', () => {
    const r = classifyReply({
      fromEmail: 'mailer-daemon@googlemail.com',
      fromName: 'Mail Delivery Subsystem',
      text: "Address not found. Your message wasn't delivered to nobody@example.net",
      intent: 'interested',
      sentiment: 'positive',
    });
    expect(r).toEqual({ outcomes: ['bounce'], rule: 'bounce' });
  });

  it('recognises auto-replies in English and Chinese as out of office, not as replies', () => {
    expect(
      classifyReply({ fromEmail: 'a@x.com', text: 'Automatic reply: I am out of the office until Monday.' }).outcomes,
    ).toEqual(['out_of_office']);
    expect(classifyReply({ fromEmail: 'a@x.com', text: '自动回复：我正在休假中。' }).rule).toBe('out_of_office');
  });

  it('records an unsubscribe request as unsubscribe and not interested', () => {
    expect(classifyReply({ fromEmail: 'a@x.com', text: 'Please remove me from your list.' }).outcomes).toEqual([
      'unsubscribe',
      'not_interested',
    ]);
  });

  it('uses rules, then intent labels, then sentiment', () => {
    expect(classifyReply({ fromEmail: 'a@x.com', text: 'Not interested, thanks.' }).outcomes).toEqual([
      'not_interested',
    ]);
    expect(classifyReply({ fromEmail: 'a@x.com', text: "Great, let's book a call for Tuesday." }).outcomes).toEqual([
      'meeting',
    ]);
    expect(classifyReply({ fromEmail: 'a@x.com', text: 'Tell me more', intent: 'interested' }).outcomes).toEqual([
      'positive_reply',
    ]);
    expect(classifyReply({ fromEmail: 'a@x.com', text: 'Hmm', sentiment: 'positive' }).outcomes).toEqual([
      'positive_reply',
    ]);
    // A positive-sounding price objection is not a positive reply.
    expect(
      classifyReply({
        fromEmail: 'a@x.com',
        text: 'Love it but too pricey',
        sentiment: 'positive',
        intent: 'objection_price',
      }).outcomes,
    ).toEqual(['replied']);
    expect(classifyReply({ fromEmail: 'a@x.com', text: 'What does it cost?', intent: 'question' }).outcomes).toEqual([
      'replied',
    ]);
  });

  it('matches the rep by address, case-insensitively', () => {
    expect(isFromRep(' Rep@Example.com', ['rep@example.com'])).toBe(true);
    expect(isFromRep('jordan@example.net', ['rep@example.com'])).toBe(false);
  });
});
