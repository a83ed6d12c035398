/** The CRM endpoints of the sandbox: properties and groups, contacts batch/search, engagements, associations v4. */
import { validation, SandboxError } from './errors';
import { checkProperties } from './properties';
import {
  associate,
  newObjectId,
  type CrmObject,
  type CustomSchema,
  type EngagementType,
  type PortalState,
  type PropertyDef,
} from './state';

export const MAX_BATCH = 100;
/** `POST` paths shared by the router, the rate limit's exemptions and the scope guards. */
export const CUSTOM_UPSERT_PATH = /^\/crm\/v3\/objects\/(?<type>2-\d+|p\d+_[a-z0-9_]+)\/batch\/upsert$/;
export const ASSOCIATE_DEFAULT_PATH =
  /^\/crm\/v4\/associations\/(?<fromType>[\w-]+)\/(?<toType>[\w-]+)\/batch\/associate\/default$/;
/** HubSpot's association type ids (HUBSPOT_DEFINED) from an engagement to a contact. */
export const ENGAGEMENT_TO_CONTACT_TYPE: Record<EngagementType, number> = { notes: 202, emails: 198 };

type Body = Record<string, unknown>;
export interface Answer {
  status: number;
  body: unknown;
}

const now = () => new Date().toISOString();

/**
 * Per-record outcomes a test injects into batch writes: HubSpot answers 207 Multi-Status with the records it wrote
 * in `results` and the others in `errors` (spec: BatchResponseSimplePublicObjectWithErrors; `numErrors`, each error a
 * StandardError), and the failed ones are not applied.
 */
export interface RecordFaults {
  /** Keys (an upserted contact's email, an engagement's or result's closer_event_id, an updated id) refused for good. */
  refuse(key: string): boolean;
  /** Rolled per record: a transient failure of that record alone. */
  transient(): boolean;
}
export const NO_RECORD_FAULTS: RecordFaults = { refuse: () => false, transient: () => false };

/** The StandardError of one record of a batch, naming the record as HubSpot's batch errors do (context.ids). */
function recordError(fault: 'refused' | 'transient', key: string, traceId?: unknown): Record<string, unknown> {
  return {
    status: 'error',
    category: fault === 'refused' ? 'VALIDATION_ERROR' : 'INTERNAL_ERROR',
    message:
      fault === 'refused' ? `Record ${key} was refused (injected)` : `Record ${key} failed (injected, transient)`,
    context: { ids: [key], ...(typeof traceId === 'string' ? { objectWriteTraceId: [traceId] } : {}) },
    errors: [],
    links: {},
  };
}

/** Which fault, if any, hits the record with this key. */
function faultOf(faults: RecordFaults, key: string): 'refused' | 'transient' | undefined {
  if (faults.refuse(key)) return 'refused';
  return faults.transient() ? 'transient' : undefined;
}

function inputsOf(body: Body): Body[] {
  const inputs = body.inputs;
  if (!Array.isArray(inputs)) throw validation('Invalid input JSON: "inputs" must be an array');
  if (inputs.length > MAX_BATCH) {
    throw validation(`Batch input limit exceeded: at most ${MAX_BATCH} inputs, got ${inputs.length}`, {
      context: { limit: [String(MAX_BATCH)] },
    });
  }
  return inputs.map((input) => {
    if (input === null || typeof input !== 'object') throw validation('Invalid input JSON: each input is an object');
    return input as Body;
  });
}

function stringProperties(value: unknown): Record<string, string | null> {
  if (value === undefined) return {};
  if (value === null || typeof value !== 'object') throw validation('Invalid input JSON: "properties" is an object');
  const out: Record<string, string | null> = {};
  for (const [key, raw] of Object.entries(value)) out[key] = raw === null ? null : String(raw);
  return out;
}

function view(object: CrmObject, properties?: string[]): Record<string, unknown> {
  const picked: Record<string, string | null> = {};
  const names = properties ?? Object.keys(object.properties);
  for (const name of names) picked[name] = object.properties[name] ?? null;
  picked.hs_object_id = object.id;
  return {
    id: object.id,
    properties: picked,
    createdAt: object.createdAt,
    updatedAt: object.updatedAt,
    archived: false,
  };
}

function batchAnswer(results: unknown[], errors: unknown[]): Answer {
  const base = { status: 'COMPLETE', results, startedAt: now(), completedAt: now() };
  return errors.length > 0
    ? { status: 207, body: { ...base, numErrors: errors.length, errors } }
    : { status: 200, body: base };
}

function createContact(portal: PortalState, email: string | undefined, properties: Record<string, string | null>) {
  const stamp = now();
  const contact: CrmObject = { id: newObjectId(), properties, createdAt: stamp, updatedAt: stamp, archived: false };
  portal.contacts.set(contact.id, contact);
  portal.indexedAt.set(contact.id, Date.now());
  if (email) {
    const key = email.toLowerCase();
    portal.contactByEmail.set(key, contact.id);
    portal.contactCreations.set(key, (portal.contactCreations.get(key) ?? 0) + 1);
  }
  return contact;
}

export function contactsBatchUpsert(portal: PortalState, body: Body, faults = NO_RECORD_FAULTS): Answer {
  const inputs = inputsOf(body);
  const results: unknown[] = [];
  const errors: unknown[] = [];
  for (const input of inputs) {
    if (input.idProperty !== 'email') throw validation('Upsert of contacts requires idProperty "email"');
    if (typeof input.id !== 'string' || !input.id.includes('@')) throw validation('Invalid email for upsert');
    const properties = stringProperties(input.properties);
    checkProperties(portal, 'contacts', properties);
  }
  for (const input of inputs) {
    const email = String(input.id).toLowerCase();
    const fault = faultOf(faults, email);
    if (fault) {
      errors.push(recordError(fault, String(input.id)));
      continue;
    }
    const properties = stringProperties(input.properties);
    const existingId = portal.contactByEmail.get(email);
    const existing = existingId === undefined ? undefined : portal.contacts.get(existingId);
    if (existing) {
      Object.assign(existing.properties, properties);
      existing.updatedAt = now();
      results.push({ ...view(existing), new: false });
    } else {
      results.push({ ...view(createContact(portal, email, { ...properties, email })), new: true });
    }
  }
  return batchAnswer(results, errors);
}

export function contactsBatchUpdate(portal: PortalState, body: Body, faults = NO_RECORD_FAULTS): Answer {
  const inputs = inputsOf(body);
  for (const input of inputs) checkProperties(portal, 'contacts', stringProperties(input.properties));
  const results: unknown[] = [];
  const errors: unknown[] = [];
  for (const input of inputs) {
    const contact = portal.contacts.get(String(input.id));
    if (!contact) {
      errors.push({
        status: 'error',
        category: 'OBJECT_NOT_FOUND',
        message: 'Object not found',
        context: { ids: [String(input.id)] },
      });
      continue;
    }
    const fault =
      faultOf(faults, String(input.id)) ?? (contact.properties.email && faultOf(faults, contact.properties.email));
    if (fault) {
      errors.push(recordError(fault, String(input.id)));
      continue;
    }
    Object.assign(contact.properties, stringProperties(input.properties));
    contact.updatedAt = now();
    results.push(view(contact));
  }
  return batchAnswer(results, errors);
}

export function contactsBatchRead(portal: PortalState, body: Body): Answer {
  const inputs = inputsOf(body);
  const properties = Array.isArray(body.properties) ? body.properties.map(String) : undefined;
  const byEmail = body.idProperty === 'email';
  const results: unknown[] = [];
  const errors: unknown[] = [];
  for (const input of inputs) {
    const key = String(input.id);
    const id = byEmail ? portal.contactByEmail.get(key.toLowerCase()) : key;
    const contact = id === undefined ? undefined : portal.contacts.get(id);
    if (contact) results.push(view(contact, properties));
    else
      errors.push({
        status: 'error',
        category: 'OBJECT_NOT_FOUND',
        message: 'Object not found',
        context: { ids: [key] },
      });
  }
  return batchAnswer(results, errors);
}

/** `GET /crm/v3/objects/contacts/{id}?properties=a&properties=b,c` (repeated or comma-separated, as HubSpot takes). */
export function contactGetById(portal: PortalState, id: string, url: URL): Answer {
  const contact = portal.contacts.get(id);
  if (!contact) throw new SandboxError(404, 'OBJECT_NOT_FOUND', `Object not found.  objectId are usually numeric.`);
  const requested = url.searchParams
    .getAll('properties')
    .flatMap((p) => p.split(','))
    .filter(Boolean);
  const properties = requested.length > 0 ? requested : ['email', 'firstname', 'lastname', 'createdate'];
  return { status: 200, body: view(contact, properties) };
}

/** `POST /crm/v3/objects/{notes|emails}/batch/read` by id; unknown ids come back as errors (207). */
export function engagementsBatchRead(portal: PortalState, type: EngagementType, body: Body): Answer {
  const inputs = inputsOf(body);
  const properties = Array.isArray(body.properties) ? body.properties.map(String) : undefined;
  const results: unknown[] = [];
  const errors: unknown[] = [];
  for (const input of inputs) {
    const object = portal.engagements[type].get(String(input.id));
    if (object) results.push(view(object, properties));
    else
      errors.push({
        status: 'error',
        category: 'OBJECT_NOT_FOUND',
        message: 'Object not found',
        context: { ids: [String(input.id)] },
      });
  }
  return batchAnswer(results, errors);
}

/**
 * `POST /crm/v3/objects/{notes|emails}/batch/create`: every input's properties are checked first (a bad one refuses the
 * whole batch with 400, nothing written), `hs_timestamp` is required, association targets must exist. 201 when all
 * were created, 207 with `errors` when injected faults hit some records.
 */
export function engagementsBatchCreate(
  portal: PortalState,
  type: EngagementType,
  body: Body,
  faults = NO_RECORD_FAULTS,
): Answer {
  const inputs = inputsOf(body);
  const results: unknown[] = [];
  const errors: unknown[] = [];
  for (const input of inputs) {
    checkProperties(portal, type, stringProperties(input.properties), ['hs_timestamp']);
    for (const association of (Array.isArray(input.associations) ? input.associations : []) as Body[]) {
      const to = association.to as { id?: unknown } | undefined;
      if (!portal.contacts.has(String(to?.id)))
        throw validation(`Association target contact ${String(to?.id)} not found`);
    }
  }
  for (const input of inputs) {
    const properties = stringProperties(input.properties);
    const key = properties.closer_event_id ?? String(input.objectWriteTraceId ?? '');
    const fault = key ? faultOf(faults, key) : undefined;
    if (fault) {
      errors.push(recordError(fault, key, input.objectWriteTraceId));
      continue;
    }
    const stamp = now();
    const object: CrmObject = { id: newObjectId(), properties, createdAt: stamp, updatedAt: stamp, archived: false };
    portal.engagements[type].set(object.id, object);
    portal.indexedAt.set(object.id, Date.now());
    for (const association of (Array.isArray(input.associations) ? input.associations : []) as Body[]) {
      const to = association.to as { id: unknown };
      const types = (Array.isArray(association.types) ? association.types : []) as { associationTypeId?: number }[];
      associate(
        portal,
        type,
        object.id,
        'contacts',
        String(to.id),
        types[0]?.associationTypeId ?? ENGAGEMENT_TO_CONTACT_TYPE[type],
      );
    }
    results.push({
      ...view(object),
      ...(typeof input.objectWriteTraceId === 'string' ? { objectWriteTraceId: input.objectWriteTraceId } : {}),
    });
  }
  const base = { status: 'COMPLETE', results, startedAt: now(), completedAt: now() };
  return errors.length > 0
    ? { status: 207, body: { ...base, numErrors: errors.length, errors } }
    : { status: 201, body: base };
}

export function associateDefault(portal: PortalState, params: Record<string, string>): Answer {
  const { fromType = '', fromId = '', toType = '', toId = '' } = params;
  const exists = (type: string, id: string) =>
    type === 'contacts' ? portal.contacts.has(id) : (portal.engagements[type as EngagementType]?.has(id) ?? false);
  if (!exists(fromType, fromId) || !exists(toType, toId))
    throw new SandboxError(404, 'OBJECT_NOT_FOUND', 'Object not found');
  const typeId = toType === 'contacts' ? (ENGAGEMENT_TO_CONTACT_TYPE[fromType as EngagementType] ?? 1) : 1;
  associate(portal, fromType, fromId, toType, toId, typeId);
  return { status: 200, body: { status: 'COMPLETE', results: [{ from: { id: fromId }, to: { id: toId } }] } };
}

export function listAssociations(portal: PortalState, params: Record<string, string>): Answer {
  const links = portal.associations.get(`${params.fromType}:${params.fromId}`) ?? new Set<string>();
  const results = [...links]
    .map((link) => link.split(':'))
    .filter(([type]) => type === params.toType)
    .map(([, id, typeId]) => ({
      toObjectId: Number(id),
      associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: Number(typeId), label: null }],
    }));
  return { status: 200, body: { results } };
}

const PropertyInput = (body: Body): PropertyDef => {
  for (const field of ['name', 'label', 'type', 'fieldType', 'groupName'] as const) {
    if (typeof body[field] !== 'string' || body[field] === '') throw validation(`Property is missing "${field}"`);
  }
  return body as unknown as PropertyDef;
};

/** A custom object type by its objectTypeId (`2-…`) or fully qualified name (`p{portal}_{name}`). */
export function schemaOf(portal: PortalState, objectType: string): CustomSchema {
  const schema = portal.schemas.find((x) => x.objectTypeId === objectType || x.fullyQualifiedName === objectType);
  if (!schema) throw new SandboxError(404, 'OBJECT_NOT_FOUND', `Unable to infer object type from: ${objectType}`);
  return schema;
}

export function schemas(portal: PortalState, method: string, body: Body): Answer {
  if (portal.tier !== 'enterprise') {
    throw new SandboxError(
      403,
      'MISSING_SCOPES',
      'This portal does not have access to custom objects (Enterprise only).',
      {
        errors: [{ message: 'The account must be Enterprise to use custom objects', code: 'MISSING_SCOPES' }],
      },
    );
  }
  if (method === 'GET') return { status: 200, body: { results: portal.schemas } };
  if (typeof body.name !== 'string' || !/^[a-z][a-z0-9_]*$/.test(body.name)) throw validation('Schema needs "name"');
  if (portal.schemas.some((x) => x.name === body.name)) {
    throw new SandboxError(409, 'OBJECT_ALREADY_EXISTS', `Object type with name ${body.name} already exists`);
  }
  const properties = Array.isArray(body.properties) ? (body.properties as Body[]) : [];
  if (properties.length === 0) throw validation('Schema needs at least one property');
  const defs = properties.map((p) => ({
    ...PropertyInput({ groupName: 'closer', ...p }),
    hasUniqueValue: p.hasUniqueValue === true,
  }));
  const names = new Set(defs.map((d) => d.name));
  const required = Array.isArray(body.requiredProperties) ? body.requiredProperties.map(String) : [];
  const missing = required.filter((name) => !names.has(name));
  if (missing.length > 0) throw validation(`Required properties are not defined: ${missing.join(', ')}`);
  const schema: CustomSchema = {
    id: newObjectId(),
    objectTypeId: `2-${newObjectId()}`,
    name: body.name,
    fullyQualifiedName: `p${portal.id}_${body.name}`,
    labels: body.labels,
    ...(typeof body.primaryDisplayProperty === 'string' ? { primaryDisplayProperty: body.primaryDisplayProperty } : {}),
    requiredProperties: required,
    properties: defs,
    associatedObjects: Array.isArray(body.associatedObjects) ? body.associatedObjects.map(String) : [],
  };
  portal.schemas.push(schema);
  portal.customObjects.set(schema.objectTypeId, new Map());
  portal.customUnique.set(schema.objectTypeId, new Map());
  return { status: 201, body: schema };
}

/** Batch upsert of custom object records by one of the schema's unique properties, as HubSpot does it. */
export function customBatchUpsert(
  portal: PortalState,
  objectType: string,
  body: Body,
  faults = NO_RECORD_FAULTS,
): Answer {
  const schema = schemaOf(portal, objectType);
  const records = portal.customObjects.get(schema.objectTypeId) ?? new Map<string, CrmObject>();
  const unique = portal.customUnique.get(schema.objectTypeId) ?? new Map<string, string>();
  const defined = new Map(schema.properties.map((p) => [p.name, p]));
  // The whole batch is checked before anything is written: a bad input leaves the others unapplied too.
  const planned = inputsOf(body).map((input) => {
    const idProperty = String(input.idProperty ?? '');
    if (!defined.get(idProperty)?.hasUniqueValue) {
      throw validation(`idProperty ${idProperty} is not a unique-value property of ${schema.name}`);
    }
    if (typeof input.id !== 'string' || input.id === '') throw validation('Upsert needs an "id" value');
    const properties = { ...stringProperties(input.properties), [idProperty]: input.id };
    const unknown = Object.keys(properties).filter((name) => !defined.has(name));
    if (unknown.length > 0) throw validation(`Property "${unknown[0]}" does not exist on ${schema.name}`);
    const key = `${idProperty}\u0000${input.id}`;
    const existing = records.get(unique.get(key) ?? '');
    const missing = existing ? [] : schema.requiredProperties.filter((name) => !properties[name]);
    if (missing.length > 0) throw validation(`Missing required properties: ${missing.join(', ')}`);
    return { key, properties, existing };
  });
  const results: unknown[] = [];
  const errors: unknown[] = [];
  for (const { key, properties, existing } of planned) {
    const id = key.split('\u0000')[1] ?? '';
    const fault = faultOf(faults, id);
    if (fault) {
      errors.push(recordError(fault, id));
      continue;
    }
    // A key repeated within the batch: its first input created the record.
    const record = existing ?? records.get(unique.get(key) ?? '');
    if (record) {
      Object.assign(record.properties, properties);
      record.updatedAt = now();
      results.push({ ...view(record), new: false });
      continue;
    }
    const stamp = now();
    const created: CrmObject = { id: newObjectId(), properties, createdAt: stamp, updatedAt: stamp, archived: false };
    records.set(created.id, created);
    for (const p of schema.properties.filter((d) => d.hasUniqueValue && properties[d.name] !== undefined)) {
      unique.set(`${p.name}\u0000${properties[p.name]}`, created.id);
    }
    results.push({ ...view(created), new: true });
  }
  return batchAnswer(results, errors);
}

/**
 * `POST /crm/v4/associations/{from}/{to}/batch/associate/default` between a custom object and contacts: HubSpot's
 * default (unlabelled) association, idempotent like HubSpot's.
 */
export function batchAssociateDefault(portal: PortalState, params: Record<string, string>, body: Body): Answer {
  const { fromType = '', toType = '' } = params;
  const exists = (type: string, id: string): boolean => {
    if (type === 'contacts' || type === '0-1') return portal.contacts.has(id);
    return portal.customObjects.get(schemaOf(portal, type).objectTypeId)?.has(id) ?? false;
  };
  const name = (type: string) =>
    type === 'contacts' || type === '0-1' ? 'contacts' : schemaOf(portal, type).objectTypeId;
  const inputs = inputsOf(body).map((input) => ({
    from: String((input.from as Body | undefined)?.id ?? ''),
    to: String((input.to as Body | undefined)?.id ?? ''),
  }));
  const missing = inputs.filter((i) => !exists(fromType, i.from) || !exists(toType, i.to));
  if (missing.length > 0) throw validation(`Objects not found: ${missing.map((m) => `${m.from}->${m.to}`).join(', ')}`);
  for (const input of inputs) associate(portal, name(fromType), input.from, name(toType), input.to, 1);
  return {
    status: 200,
    body: { status: 'COMPLETE', results: inputs.map((i) => ({ from: { id: i.from }, to: { id: i.to } })) },
  };
}
