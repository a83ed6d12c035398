/**
 * Accepting campaign results from the extension: stored in campaign_results and queued for HubSpot (a note on the
 * contact, plus its roll-up properties) in one transaction, so an accepted result is never lost and a repeated
 * idempotency key changes nothing, neither here nor in HubSpot.
 */
import type { CampaignResultItem } from '../../../shared/common/campaigns/synced';
import type { Database } from '../db/database';
import { enqueueCampaignEventJobs } from '../sync/enqueue';
import type { NewJob } from '../sync/jobs';

export interface AcceptResult {
  accepted: number;
  duplicates: number;
}

const OUTCOME_WORDS: Record<CampaignResultItem['outcome'], string> = {
  sent: 'sent',
  replied: 'replied',
  positive_reply: 'positive reply',
  meeting: 'meeting booked',
  not_interested: 'not interested',
  unsubscribe: 'unsubscribed',
  bounce: 'bounced',
  out_of_office: 'out of office',
};

/**
 * The note HubSpot shows on the contact. No message text exists here to send (the reply never leaves the device):
 * only the campaign, variant, outcome and the on-device labels.
 */
export function resultNoteBody(item: CampaignResultItem): string {
  const labels = [item.sentiment, item.intent].filter((v): v is string => v !== undefined);
  const details = labels.length > 0 ? ` (${labels.join(', ')})` : '';
  return `Closer · campaign ${item.campaignName} · variant ${item.variantName} · ${OUTCOME_WORDS[item.outcome]}${details}`;
}

export async function acceptCampaignResults(
  db: Database,
  portalId: number,
  userId: string,
  batch: CampaignResultItem[],
): Promise<AcceptResult> {
  // In key order (stable, so the first of repeated keys stays first): two concurrent deliveries of the same keys then
  // wait for each other on the unique index instead of deadlocking.
  const items = [...batch].sort((a, b) =>
    a.idempotencyKey < b.idempotencyKey ? -1 : a.idempotencyKey > b.idempotencyKey ? 1 : 0,
  );
  const rows = items.map((item) => ({
    key: item.idempotencyKey,
    campaign_id: item.campaignId,
    campaign_name: item.campaignName,
    variant_id: item.variantId,
    variant_name: item.variantName,
    channel: item.channel,
    segment: item.segment ?? null,
    email: item.email.toLowerCase(),
    outcome: item.outcome,
    sentiment: item.sentiment ?? null,
    intent: item.intent ?? null,
    occurred_at: item.occurredAt,
  }));
  return db.transaction(async (tx) => {
    // The first delivery of a key wins; a later one with other content is a client bug and is ignored, not merged.
    const { rows: inserted } = await tx.query<{ idempotency_key: string }>(
      `INSERT INTO campaign_results (portal_id, user_id, idempotency_key, campaign_id, campaign_name, variant_id,
                                     variant_name, channel, segment, email, outcome, sentiment, intent, occurred_at)
       SELECT $1, $2, r.key, r.campaign_id, r.campaign_name, r.variant_id, r.variant_name, r.channel, r.segment,
              r.email, r.outcome, r.sentiment, r.intent, r.occurred_at
         FROM jsonb_to_recordset($3::jsonb) AS r(key text, campaign_id text, campaign_name text, variant_id text,
              variant_name text, channel text, segment text, email text, outcome text, sentiment text, intent text,
              occurred_at timestamptz)
       ON CONFLICT (portal_id, idempotency_key) DO NOTHING
       RETURNING idempotency_key`,
      [portalId, userId, JSON.stringify(rows)],
    );
    const fresh = new Set(inserted.map((r) => r.idempotency_key));
    // A batch may repeat a key: only its first item counts (ON CONFLICT kept that one).
    const queued = new Set<string>();
    const jobs: NewJob[] = [];
    for (const item of items) {
      if (!fresh.has(item.idempotencyKey) || queued.has(item.idempotencyKey)) continue;
      queued.add(item.idempotencyKey);
      jobs.push({
        kind: 'campaign.event',
        idempotencyKey: `result:${item.idempotencyKey}`,
        contactKey: item.email.toLowerCase(),
        payload: {
          eventId: `${portalId}:result:${item.idempotencyKey}`,
          channel: 'note',
          body: resultNoteBody(item),
          occurredAt: item.occurredAt,
          result: {
            campaign: item.campaignName,
            variant: item.variantName,
            outcome: item.outcome,
            ...(item.sentiment === undefined ? {} : { sentiment: item.sentiment }),
            ...(item.intent === undefined ? {} : { intent: item.intent }),
          },
        },
      });
    }
    await enqueueCampaignEventJobs(tx, portalId, jobs);
    return { accepted: jobs.length, duplicates: items.length - jobs.length };
  });
}
