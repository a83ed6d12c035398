/**
 * The custom object campaign results are also written to on Enterprise portals, where HubSpot's reports can group
 * and count them by campaign, variant and outcome (a note's text cannot be reported on). Records are upserted by
 * `closer_event_id`, a unique-value property, so a retried batch updates its record instead of adding another.
 */
export const CAMPAIGN_RESULT_OBJECT = 'closer_campaign_result';

const text = (name: string, label: string) => ({ name, label, type: 'string', fieldType: 'text' });

export const CAMPAIGN_RESULT_SCHEMA = {
  name: CAMPAIGN_RESULT_OBJECT,
  labels: { singular: 'Closer campaign result', plural: 'Closer campaign results' },
  primaryDisplayProperty: 'closer_campaign',
  secondaryDisplayProperties: ['closer_variant', 'closer_outcome'],
  requiredProperties: ['closer_event_id', 'closer_campaign'],
  searchableProperties: ['closer_campaign', 'closer_variant'],
  properties: [
    { ...text('closer_event_id', 'Closer event id'), hasUniqueValue: true },
    text('closer_campaign', 'Campaign'),
    text('closer_variant', 'Variant'),
    text('closer_outcome', 'Outcome'),
    text('closer_sentiment', 'Reply sentiment'),
    text('closer_intent', 'Reply intent'),
    { name: 'closer_occurred_at', label: 'Occurred at', type: 'datetime', fieldType: 'date' },
  ],
  associatedObjects: ['CONTACT'],
};

/** What a campaign.event job carries for the custom object: derived labels only, never message text. */
export interface CampaignResultFields {
  campaign: string;
  variant: string;
  outcome: string;
  sentiment?: string;
  intent?: string;
}

export function resultObjectProperties(
  eventId: string,
  occurredAt: string,
  fields: CampaignResultFields,
): Record<string, string> {
  return {
    closer_event_id: eventId,
    closer_campaign: fields.campaign,
    closer_variant: fields.variant,
    closer_outcome: fields.outcome,
    closer_occurred_at: occurredAt,
    ...(fields.sentiment === undefined ? {} : { closer_sentiment: fields.sentiment }),
    ...(fields.intent === undefined ? {} : { closer_intent: fields.intent }),
  };
}
