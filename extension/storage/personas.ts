import { personaKey, type CrmContact, type MessageSignal } from '../../shared/common/persona/crm';
import type { LocalPersonaFields } from '../../shared/common/persona/local-fields';
import type { CloserDb } from './db';
import type { PersonaRecord } from './schema';

/** The persona store as the persona feature uses it: HubSpot contacts, keyed `hs:{portal}:{contact}`. */

/** Reply history of one contact as analysed on this device (intent, sentiment; no text is kept). */
export async function readSignals(db: CloserDb, email: string | null): Promise<MessageSignal[]> {
  if (!email) return [];
  const records = await db.getAllFromIndex('messages', 'by-contact', email.toLowerCase());
  return records.map((m) => ({
    id: m.id,
    at: m.analysedAt,
    ...(m.sentiment ? { sentiment: m.sentiment } : {}),
    ...(m.intent ? { intent: m.intent } : {}),
  }));
}

/** The record to store for a freshly built (not yet reviewed) persona. */
export function draftRecord(
  crm: CrmContact,
  name: string,
  fields: LocalPersonaFields,
  origin: 'llm' | 'rules',
  now: number,
  promptVersion?: string,
): PersonaRecord & { name: string } {
  return {
    contactId: personaKey(crm.portalId, crm.contactId),
    fields: fields as PersonaRecord['fields'],
    updatedAt: now,
    ...(crm.email ? { email: crm.email.toLowerCase() } : {}),
    portalId: Number(crm.portalId),
    hubspotId: crm.contactId,
    origin,
    ...(promptVersion ? { promptVersion } : {}),
    status: 'draft',
    name,
  };
}
