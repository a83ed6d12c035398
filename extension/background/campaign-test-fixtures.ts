import { openCloserDb, type CloserDb } from '../storage/db';
import type { CampaignDefinition } from '../messaging/campaign-methods';

/** Campaign fixtures shared by the tests of campaign-definitions, campaign-events and campaign-dashboard. */

let n = 0;
export const freshDb = () => openCloserDb(undefined, `campaign-test-${++n}-${Math.random()}`);

export const DEF: CampaignDefinition = {
  campaign: {
    id: 'q1',
    name: 'Q1 pilot',
    goal: 'positive_reply',
    targetSegments: [{ id: 'technical_buyer', label: { en: 'technical buyers', zh: '技术型买家' } }],
  },
  variants: [
    {
      id: 'a',
      campaignId: 'q1',
      name: 'Variant A',
      kind: 'prompt',
      ref: 'reply-draft',
      version: 1,
      tone: 'friendly',
      channel: 'email',
    },
    {
      id: 'b',
      campaignId: 'q1',
      name: 'Variant B',
      kind: 'template',
      ref: 't-b',
      version: '2',
      tone: 'formal',
      channel: 'email',
    },
  ],
};

/** A tagged send as `page.recordSend` writes it. */
export async function putSend(db: CloserDb, i: number, variant: string, threadId: string, at: number) {
  await db.put('events', {
    id: `s${i}`,
    type: 'sent',
    at,
    threadId,
    contactId: `c${i}@example.net`,
    to: [`c${i}@example.net`],
    campaignId: 'q1',
    variantId: variant,
    detail: { segment: 'technical_buyer', rep: 'rep@example.com' },
  });
}
