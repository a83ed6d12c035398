/**
 * Properties and property groups, per object type, as HubSpot's CRM Properties API v3 defines them
 * (HubSpot/HubSpot-public-api-spec-collection, PublicApiSpecs/CRM/Properties/Rollouts/…/v3/properties.json:
 * `POST /crm/v3/properties/{objectType}`, `…/{objectType}/groups`; `Property.type` is one of bool, enumeration, date,
 * datetime, string, number, phone_number), and how record writes are checked against them (the objects guides:
 * an undefined property or a value of the wrong type is refused with a 400 "Property values were not valid"; notes and
 * emails need `hs_timestamp`).
 */
import { validation, SandboxError } from './errors';
import { groupsOf, propertiesOf, type PortalState, type PropertyDef, type PropertyObjectType } from './state';

type Body = Record<string, unknown>;

interface PropertyProblem {
  message: string;
  code: string;
  context: { propertyName: string[] };
}

/** Why one value does not fit its definition, or undefined when it does. */
function valueProblem(def: PropertyDef, value: string | null): PropertyProblem | undefined {
  if (value === null || value === '') return undefined; // clearing a value is always allowed
  const problem = (code: string, message: string) => ({ code, message, context: { propertyName: [def.name] } });
  switch (def.type) {
    case 'number':
      return Number.isFinite(Number(value)) ? undefined : problem('INVALID_NUMBER', `${value} is not a valid number`);
    case 'bool':
      return value === 'true' || value === 'false'
        ? undefined
        : problem('INVALID_BOOLEAN', `${value} is not a valid boolean`);
    case 'date':
    case 'datetime':
      // HubSpot takes epoch milliseconds or an ISO 8601 string.
      return /^\d{1,15}$/.test(value) || !Number.isNaN(Date.parse(value))
        ? undefined
        : problem('INVALID_DATE', `${value} is not a valid date`);
    case 'enumeration': {
      if (!def.options || def.options.length === 0) return undefined; // owner ids and the like: options come from elsewhere
      const allowed = new Set(def.options.map((o) => o.value));
      const given = def.fieldType === 'checkbox' ? value.split(';') : [value];
      const bad = given.find((v) => !allowed.has(v));
      return bad === undefined
        ? undefined
        : problem('INVALID_OPTION', `${bad} was not one of the allowed options: ${[...allowed].join(', ')}`);
    }
    default:
      return undefined;
  }
}

/**
 * Checks a record's properties against the object type's definitions. `required` names properties a create must
 * carry (hs_timestamp on engagements). Throws HubSpot's validation error listing every problem.
 */
export function checkProperties(
  portal: PortalState,
  type: PropertyObjectType,
  properties: Record<string, string | null>,
  required: readonly string[] = [],
): void {
  const defs = propertiesOf(portal, type);
  const problems: PropertyProblem[] = [];
  for (const [name, value] of Object.entries(properties)) {
    const def = defs.get(name);
    if (!def) {
      problems.push({
        message: `Property "${name}" does not exist`,
        code: 'PROPERTY_DOESNT_EXIST',
        context: { propertyName: [name] },
      });
      continue;
    }
    const problem = valueProblem(def, value);
    if (problem) problems.push(problem);
  }
  for (const name of required.filter((n) => !properties[n])) {
    problems.push({
      message: `Property "${name}" is required`,
      code: 'REQUIRED_PROPERTY',
      context: { propertyName: [name] },
    });
  }
  if (problems.length > 0) throw validation('Property values were not valid', { errors: problems });
}

const PROPERTY_TYPES = new Set(['bool', 'enumeration', 'date', 'datetime', 'string', 'number', 'phone_number']);

function propertyInput(body: Body): PropertyDef {
  for (const field of ['name', 'label', 'type', 'fieldType', 'groupName'] as const) {
    if (typeof body[field] !== 'string' || body[field] === '') throw validation(`Property is missing "${field}"`);
  }
  if (!PROPERTY_TYPES.has(String(body.type))) throw validation(`Unknown property type ${String(body.type)}`);
  if (body.type === 'enumeration' && body.options !== undefined && !Array.isArray(body.options)) {
    throw validation('"options" must be an array');
  }
  return body as unknown as PropertyDef;
}

/** `POST /crm/v3/properties/{objectType}`: 201 with the property, 409 when the name is taken on that object type. */
export function createProperty(portal: PortalState, type: PropertyObjectType, body: Body) {
  const property = propertyInput(body);
  const defs = propertiesOf(portal, type);
  if (defs.has(property.name)) {
    throw new SandboxError(409, 'OBJECT_ALREADY_EXISTS', `Property named '${property.name}' already exists.`);
  }
  if (!groupsOf(portal, type).has(property.groupName)) {
    throw validation(`Property group ${property.groupName} does not exist`);
  }
  defs.set(property.name, { ...property });
  return { status: 201, body: property };
}

/** `POST /crm/v3/properties/{objectType}/groups`. */
export function createGroup(portal: PortalState, type: PropertyObjectType, body: Body) {
  if (typeof body.name !== 'string' || typeof body.label !== 'string')
    throw validation('Group needs "name" and "label"');
  const groups = groupsOf(portal, type);
  if (groups.has(body.name)) {
    throw new SandboxError(409, 'OBJECT_ALREADY_EXISTS', `A property group named '${body.name}' already exists.`);
  }
  const group = { name: body.name, label: body.label, displayOrder: Number(body.displayOrder ?? -1), archived: false };
  groups.set(group.name, group);
  return { status: 201, body: group };
}

export function listProperties(portal: PortalState, type: PropertyObjectType) {
  return { status: 200, body: { results: [...propertiesOf(portal, type).values()] } };
}

export function listGroups(portal: PortalState, type: PropertyObjectType) {
  return { status: 200, body: { results: [...groupsOf(portal, type).values()] } };
}
