/**
 * @fileoverview Factories of the campaign endpoints' answers for card tests; each call returns fresh objects.
 */
import type {
  ContactCampaignResult,
  ContactCampaignsResponse,
  TeamResultsResponse,
  VariantResult,
} from '../types/campaigns.ts';

export function createMockContactResult(overrides: Partial<ContactCampaignResult> = {}): ContactCampaignResult {
  return {
    campaignId: 'c1',
    campaignName: 'Q4 launch',
    variantId: 'a',
    variantName: 'Short and direct',
    channel: 'email',
    sentAt: '2026-11-02T09:00:00.000Z',
    replied: true,
    lastOutcome: 'positive_reply',
    lastOutcomeAt: '2026-11-11T09:00:00.000Z',
    replySentiment: 'positive',
    replyIntent: 'pricing',
    ...overrides,
  };
}

export function createMockContactCampaigns(
  overrides: Partial<ContactCampaignsResponse> = {},
): ContactCampaignsResponse {
  return { contactId: '123', results: [], sentimentTrend: [], ...overrides };
}

export function createMockVariant(overrides: Partial<VariantResult> = {}): VariantResult {
  return {
    variantId: 'a',
    variantName: 'Short and direct',
    sends: 41,
    replies: 12,
    positiveReplies: 6,
    meetings: 2,
    replyRate: 12 / 41,
    positiveRate: 6 / 41,
    replyInterval: { low: 0.19, high: 0.41, level: 0.9 },
    positiveInterval: { low: 0.076, high: 0.255, level: 0.9 },
    ...overrides,
  };
}

export function createMockTeamResults(overrides: Partial<TeamResultsResponse> = {}): TeamResultsResponse {
  return { minSends: 30, level: 0.9, campaigns: [], ...overrides };
}
