/**
 * Idempotent portal setup after install: the `closer` property group and Closer's contact properties (existing ones
 * are left alone: 409 counts as done), then a custom object only where /crm/v3/schemas answers (Enterprise).
 * What was set up is stored in installs.setup.
 */
import type { Database } from '../db/database';
import { HubSpotError, type HubSpotClient } from '../sync/hubspot-client';
import { CONTACT_PROPERTIES, PROPERTY_GROUP } from '../sync/properties';

export interface SetupResult {
  group: 'created' | 'existed';
  propertiesCreated: string[];
  customObject: 'created' | 'existed' | 'unavailable';
}

const PERSONA_SCHEMA = {
  name: 'closer_persona',
  labels: { singular: 'Closer persona', plural: 'Closer personas' },
  primaryDisplayProperty: 'label',
  requiredProperties: ['label'],
  properties: [{ name: 'label', label: 'Label', type: 'string', fieldType: 'text' }],
  associatedObjects: ['CONTACT'],
};

export async function setupPortal(db: Database, hubspot: HubSpotClient, portalId: number): Promise<SetupResult> {
  const created = async (path: string, body: unknown): Promise<boolean> => {
    try {
      await hubspot.request(portalId, 'POST', path, body);
      return true;
    } catch (error) {
      if (error instanceof HubSpotError && error.status === 409) return false;
      throw error;
    }
  };
  const group = (await created('/crm/v3/properties/contacts/groups', PROPERTY_GROUP)) ? 'created' : 'existed';
  const { body: existing } = await hubspot.request<{ results: { name: string }[] }>(
    portalId,
    'GET',
    '/crm/v3/properties/contacts',
  );
  const have = new Set(existing.results.map((p) => p.name));
  const propertiesCreated: string[] = [];
  for (const property of CONTACT_PROPERTIES.filter((p) => !have.has(p.name))) {
    if (await created('/crm/v3/properties/contacts', property)) propertiesCreated.push(property.name);
  }
  let customObject: SetupResult['customObject'];
  try {
    const { body } = await hubspot.request<{ results: { name?: string }[] }>(portalId, 'GET', '/crm/v3/schemas');
    if (body.results.some((s) => s.name === PERSONA_SCHEMA.name)) customObject = 'existed';
    else customObject = (await created('/crm/v3/schemas', PERSONA_SCHEMA)) ? 'created' : 'existed';
  } catch (error) {
    if (!(error instanceof HubSpotError) || (error.status !== 403 && error.status !== 404)) throw error;
    customObject = 'unavailable'; // not Enterprise: persona data stays on contact properties only
  }
  const result: SetupResult = { group, propertiesCreated, customObject };
  await db.query('UPDATE installs SET setup = $2::jsonb WHERE portal_id = $1', [portalId, JSON.stringify(result)]);
  return result;
}
