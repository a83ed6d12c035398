/** The contact properties Closer owns in HubSpot (group `closer`), and how a persona maps onto them. */
export const PROPERTY_GROUP = { name: 'closer', label: 'Closer', displayOrder: -1 };

export const CONTACT_PROPERTIES = [
  { name: 'closer_persona_label', label: 'Closer persona', type: 'string', fieldType: 'text' },
  { name: 'closer_persona_summary', label: 'Closer persona summary', type: 'string', fieldType: 'textarea' },
  { name: 'closer_persona_confidence', label: 'Closer persona confidence', type: 'number', fieldType: 'number' },
  { name: 'closer_persona_updated_at', label: 'Closer persona updated', type: 'datetime', fieldType: 'date' },
  { name: 'closer_campaign_events', label: 'Closer campaign events', type: 'number', fieldType: 'number' },
  { name: 'closer_last_campaign_event_at', label: 'Closer last campaign event', type: 'datetime', fieldType: 'date' },
].map((p) => ({ ...p, groupName: PROPERTY_GROUP.name }));

export interface Persona {
  label: string;
  summary?: string | undefined;
  confidence?: number | undefined;
  updatedAt?: string | undefined;
}

export function personaProperties(persona: Persona): Record<string, string> {
  const out: Record<string, string> = { closer_persona_label: persona.label };
  if (persona.summary !== undefined) out.closer_persona_summary = persona.summary;
  if (persona.confidence !== undefined) out.closer_persona_confidence = String(persona.confidence);
  out.closer_persona_updated_at = persona.updatedAt ?? new Date().toISOString();
  return out;
}
