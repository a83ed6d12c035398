/** Turns claimed jobs into HubSpot records: one upsert input per contact, properties merged in job order. */
import type { CampaignResultFields } from '../hubspot/campaign-result-object';
import type { ClaimedJob } from './jobs';

export interface ContactRecord {
  email: string;
  properties: Record<string, string>;
  jobIds: string[];
  /** The HubSpot record the persona was built on: updated by id instead of upserted by email. */
  hubspotContactId?: string;
}

export interface EngagementInput {
  jobId: string;
  email: string;
  eventId: string;
  type: 'notes' | 'emails';
  properties: Record<string, string>;
  occurredAt: string;
  /** A campaign result's labels, for the custom object (Enterprise); absent for other events and older jobs. */
  result?: CampaignResultFields;
}

/** Coalesces several updates of one contact into one record; a later job's value of a property wins. */
export function coalesce(jobs: ClaimedJob[]): ContactRecord[] {
  const byEmail = new Map<string, ContactRecord>();
  for (const job of jobs) {
    const record = byEmail.get(job.contactKey) ?? { email: job.contactKey, properties: {}, jobIds: [] };
    const properties = (job.payload.properties ?? {}) as Record<string, string>;
    Object.assign(record.properties, properties);
    const hubspotContactId = job.payload.hubspotContactId;
    if (typeof hubspotContactId === 'string') record.hubspotContactId = hubspotContactId;
    record.jobIds.push(job.id);
    byEmail.set(job.contactKey, record);
  }
  return [...byEmail.values()];
}

export function engagementsOf(jobs: ClaimedJob[]): EngagementInput[] {
  return jobs
    .filter((job) => job.kind === 'campaign.event')
    .map((job) => {
      const p = job.payload as {
        eventId: string;
        channel: 'note' | 'email';
        subject?: string;
        body: string;
        occurredAt: string;
        result?: CampaignResultFields;
      };
      const type = p.channel === 'email' ? 'emails' : 'notes';
      const properties: Record<string, string> =
        type === 'notes'
          ? { hs_timestamp: p.occurredAt, hs_note_body: p.body, closer_event_id: p.eventId }
          : {
              hs_timestamp: p.occurredAt,
              hs_email_subject: p.subject ?? '',
              hs_email_text: p.body,
              hs_email_direction: 'EMAIL',
              closer_event_id: p.eventId,
            };
      return {
        jobId: job.id,
        email: job.contactKey,
        eventId: p.eventId,
        type,
        properties,
        occurredAt: p.occurredAt,
        ...(p.result === undefined ? {} : { result: p.result }),
      };
    });
}
