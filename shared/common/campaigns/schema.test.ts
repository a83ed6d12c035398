import { describe, expect, it } from 'vitest';
import { CampaignSchema, OutcomeEventSchema, TeamPriorSchema, VariantSchema, parseOutcomeEvents } from './schema';

const event = {
  type: 'sent',
  at: Date.UTC(2026, 0, 5),
  campaignId: 'c1',
  variantId: 'v1',
  contactId: 'k1',
  segment: 'technical_buyer',
  rep: 'rep-ana',
};

describe('schemas', () => {
  it('accept a campaign, a variant and an event', () => {
    expect(
      CampaignSchema.parse({
        id: 'c1',
        name: 'Q1 logistics',
        goal: 'positive_reply',
        targetSegments: [{ id: 'technical_buyer', label: { en: 'technical buyers', zh: '技术型买家' } }],
      }).goal,
    ).toBe('positive_reply');
    expect(
      VariantSchema.parse({
        id: 'v1',
        campaignId: 'c1',
        name: 'B',
        kind: 'prompt',
        ref: 'cold-intro',
        version: 3,
        tone: 'warm but brief',
        channel: 'linkedin',
      }).channel,
    ).toBe('linkedin');
    expect(OutcomeEventSchema.parse({ ...event, sentiment: 'positive' }).sentiment).toBe('positive');
  });

  it('reject what statistics must not see', () => {
    expect(OutcomeEventSchema.safeParse({ ...event, type: 'opened' }).success).toBe(false);
    expect(OutcomeEventSchema.safeParse({ ...event, at: -1 }).success).toBe(false);
    expect(OutcomeEventSchema.safeParse({ ...event, contactId: 'a\u0000b' }).success).toBe(false);
    expect(OutcomeEventSchema.safeParse({ ...event, channel: 'fax' }).success).toBe(false);
    expect(TeamPriorSchema.safeParse({ arm: 'a', sends: 3, positives: 4 }).success).toBe(false);
    expect(CampaignSchema.safeParse({ id: 'c', name: 'n', goal: 'reply', targetSegments: [] }).success).toBe(false);
  });

  it('parseOutcomeEvents keeps good rows and reports bad ones by index', () => {
    const r = parseOutcomeEvents([event, { ...event, type: 'clicked' }, null, { ...event, contactId: 'k2' }]);
    expect(r.events.map((e) => e.contactId)).toEqual(['k1', 'k2']);
    expect(r.rejected.map((x) => x.index)).toEqual([1, 2]);
    expect(r.rejected[0]!.message).toContain('type');
  });
});
