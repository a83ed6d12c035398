import { describe, expect, it } from 'vitest';
import { callToActionFor, knowledgeFor, newMessageGrounding, personaHint, replyModeFor } from './compose-context';

const field = (value: string, approved: boolean) => ({ value, confidence: 0.8, source: 'crm', approved });
const local = {
  key: 'hs:1:2',
  portalId: '1',
  contactId: '2',
  email: 'alex@example.org',
  name: 'Alex Kim',
  fields: {
    role: field('Head of Sales Ops', true),
    painPoints: field('slow replies; long onboarding', true),
    goals: field('guessed goal', false),
  },
  origin: 'rules' as const,
  status: 'approved' as const,
  updatedAt: 1,
};

describe('personaHint', () => {
  it('puts approved fields only into prompts, lists split', () => {
    expect(personaHint(local, null)).toEqual({
      name: 'Alex Kim',
      role: 'Head of Sales Ops',
      painPoints: ['slow replies', 'long onboarding'],
    });
  });

  it('takes the synced persona label as the segment when the local record has none', () => {
    const synced = {
      email: 'alex@example.org',
      hubspotId: '2',
      persona: { label: 'Operations buyer', summary: 's', confidence: 0.7 },
      campaignEvents: 0,
      pendingSync: 0,
    };
    expect(personaHint(null, synced)).toEqual({ segment: 'Operations buyer' });
    expect(personaHint(null, null)).toBeUndefined();
  });
});

describe('newMessageGrounding', () => {
  it('grounds a new message on facts, recipients and persona values', () => {
    expect(newMessageGrounding(['Price: $38'], ['alex@example.org'], { role: 'CFO', goals: ['cut costs'] })).toEqual([
      'Price: $38',
      'alex@example.org',
      'CFO',
      'cut costs',
    ]);
  });
});

describe('replyModeFor', () => {
  it('chooses support for questions and negative messages, sales otherwise', () => {
    expect(replyModeFor('question', 'neutral')).toBe('support');
    expect(replyModeFor('interested', 'negative')).toBe('support');
    expect(replyModeFor('interested', 'positive')).toBe('sales');
    expect(replyModeFor(undefined, undefined)).toBe('sales');
  });
});

describe('callToActionFor', () => {
  it('asks for a meeting in the draft language, with the rep notes', () => {
    expect(callToActionFor('meeting', '', 'en')).toContain('20-minute meeting');
    expect(callToActionFor('meeting', 'next week', 'zh')).toMatch(/会议.*next week/);
    expect(callToActionFor('cold', '  ', 'en')).toBeUndefined();
  });
});

describe('knowledgeFor', () => {
  const items = [
    { name: 'Refunds', description: 'Duplicate charges are refunded within 5 days.', tags: ['billing'] },
    { name: 'SSO pack', description: 'Single sign-on for teams.', tags: ['security'], url: 'https://example.com/sso' },
  ];
  it('keeps the items that share words with the message, best first', () => {
    expect(knowledgeFor(items, 'I was charged twice, duplicate charges again!')).toEqual([
      'Refunds: Duplicate charges are refunded within 5 days.',
    ]);
    expect(knowledgeFor(items, 'hello')).toEqual([]);
  });
});
