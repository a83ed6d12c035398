/**
 * Idempotent portal setup after install: on every object type Closer writes to (contacts, notes, emails), the
 * `closer` property group and Closer's properties (existing ones are left alone: 409 counts as done), then the campaign-result custom object only where /crm/v3/schemas answers
 * (Enterprise). What was set up, and the custom object's type id, are stored in installs.setup.
 */
import type { Database } from '../db/database';
import { HubSpotError, type HubSpotClient } from './hubspot-client';
import { PROPERTIES_BY_OBJECT_TYPE, PROPERTY_GROUP, type SetupObjectType } from '../sync/properties';
import { CAMPAIGN_RESULT_SCHEMA } from './campaign-result-object';

export interface SetupResult {
  group: 'created' | 'existed';
  /** Contact properties created by this setup. */
  propertiesCreated: string[];
  /** Properties created on the other object types (notes, emails), by type. */
  objectPropertiesCreated?: Partial<Record<SetupObjectType, string[]>>;
  customObject: 'created' | 'existed' | 'unavailable';
  /** Where results are also written as custom object records (Enterprise); absent on every other tier. */
  customObjectTypeId?: string;
}

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
  const groups: string[] = [];
  const createdByType: Partial<Record<SetupObjectType, string[]>> = {};
  for (const type of Object.keys(PROPERTIES_BY_OBJECT_TYPE) as SetupObjectType[]) {
    if (await created(`/crm/v3/properties/${type}/groups`, PROPERTY_GROUP)) groups.push(type);
    const { body: existing } = await hubspot.request<{ results: { name: string }[] }>(
      portalId,
      'GET',
      `/crm/v3/properties/${type}`,
    );
    const have = new Set(existing.results.map((p) => p.name));
    const made: string[] = [];
    for (const property of PROPERTIES_BY_OBJECT_TYPE[type].filter((p) => !have.has(p.name))) {
      if (await created(`/crm/v3/properties/${type}`, property)) made.push(property.name);
    }
    createdByType[type] = made;
  }
  const group = groups.includes('contacts') ? 'created' : 'existed';
  const propertiesCreated = createdByType.contacts ?? [];
  const objectPropertiesCreated = { notes: createdByType.notes ?? [], emails: createdByType.emails ?? [] };
  const result: SetupResult = {
    group,
    propertiesCreated,
    objectPropertiesCreated,
    ...(await setupResultObject(hubspot, portalId)),
  };
  await db.query('UPDATE installs SET setup = $2::jsonb WHERE portal_id = $1', [portalId, JSON.stringify(result)]);
  return result;
}

type SchemaList = { results: { name?: string; objectTypeId?: string }[] };

/** The campaign-result custom object: found or created where the tier allows custom objects, else `unavailable`. */
async function setupResultObject(
  hubspot: HubSpotClient,
  portalId: number,
): Promise<Pick<SetupResult, 'customObject' | 'customObjectTypeId'>> {
  const find = async () => {
    const { body } = await hubspot.request<SchemaList>(portalId, 'GET', '/crm/v3/schemas');
    return body.results.find((s) => s.name === CAMPAIGN_RESULT_SCHEMA.name)?.objectTypeId;
  };
  try {
    const existing = await find();
    if (existing) return { customObject: 'existed', customObjectTypeId: existing };
    try {
      const { body } = await hubspot.request<{ objectTypeId: string }>(
        portalId,
        'POST',
        '/crm/v3/schemas',
        CAMPAIGN_RESULT_SCHEMA,
      );
      return { customObject: 'created', customObjectTypeId: body.objectTypeId };
    } catch (error) {
      // Another setup created it between our read and our write.
      if (!(error instanceof HubSpotError) || error.status !== 409) throw error;
      const raced = await find();
      if (!raced) throw error;
      return { customObject: 'existed', customObjectTypeId: raced };
    }
  } catch (error) {
    if (!(error instanceof HubSpotError) || (error.status !== 403 && error.status !== 404)) throw error;
    return { customObject: 'unavailable' }; // not Enterprise: results stay notes on the contact
  }
}
