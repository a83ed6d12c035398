import { personaKey, type CrmContact, type MessageSignal } from '../../../shared/common/persona/crm';
import type { LocalPersonaFields } from '../../../shared/common/persona/local-fields';
import type { PersonaView } from '../../messaging/persona-methods';
import type { CloserDb } from '../../storage/db';
import type { PersonaRecord } from '../../storage/schema';

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

/** A stored record as the view the UI edits. */
export function viewOf(record: PersonaRecord): PersonaView | null {
  const [, portalId, contactId] = record.contactId.split(':');
  if (!portalId || !contactId) return null;
  return {
    key: record.contactId,
    portalId,
    contactId,
    email: record.email ?? null,
    ...((record as PersonaRecord & { name?: string }).name ? { name: (record as { name?: string }).name } : {}),
    fields: record.fields as PersonaView['fields'],
    origin: record.origin ?? 'llm',
    status: record.status ?? 'draft',
    ...(record.promptVersion ? { promptVersion: record.promptVersion } : {}),
    updatedAt: record.updatedAt,
    ...(record.approvedAt ? { approvedAt: record.approvedAt } : {}),
  };
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
