/** In-memory CRM of the sandbox: portals with contacts, engagements, properties, groups and associations. */
import { RollingWindow } from './rate-limiter';

export type Tier = 'free' | 'starter' | 'professional' | 'enterprise';

export interface CrmObject {
  id: string;
  properties: Record<string, string | null>;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
}

export interface PropertyDef {
  name: string;
  label: string;
  type: string;
  fieldType: string;
  groupName: string;
  description?: string;
  options?: unknown[];
}

export interface PropertyGroup {
  name: string;
  label: string;
  displayOrder: number;
  archived: boolean;
}

export type EngagementType = 'notes' | 'emails';

/** A custom object schema as /crm/v3/schemas answers it (the fields the sandbox checks). */
export interface CustomSchema {
  id: string;
  objectTypeId: string;
  name: string;
  fullyQualifiedName: string;
  labels: unknown;
  primaryDisplayProperty?: string;
  requiredProperties: string[];
  properties: (PropertyDef & { hasUniqueValue?: boolean })[];
  associatedObjects: string[];
}

export interface PortalState {
  id: number;
  tier: Tier;
  /** Scopes this portal cannot grant beyond its tier's limits (e.g. `sales-email-read` without Sales Hub seats). */
  withheldScopes: Set<string>;
  contacts: Map<string, CrmObject>;
  /** lower-cased email -> contact id (email is contacts' unique property). */
  contactByEmail: Map<string, string>;
  engagements: Record<EngagementType, Map<string, CrmObject>>;
  /** `${fromType}:${fromId}` -> set of `${toType}:${toId}:${typeId}`. */
  associations: Map<string, Set<string>>;
  properties: Map<string, PropertyDef>;
  groups: Map<string, PropertyGroup>;
  schemas: CustomSchema[];
  /** Records of each custom object, by objectTypeId. */
  customObjects: Map<string, Map<string, CrmObject>>;
  /** Per objectTypeId: `${uniqueProperty}\u0000${value}` -> record id, as HubSpot indexes unique-value properties. */
  customUnique: Map<string, Map<string, string>>;
  limiter: RollingWindow;
  /** Every contact creation per email, to count contacts created twice. */
  contactCreations: Map<string, number>;
  /** Requests answered (including 429s and injected faults), by status code. */
  statusCounts: Map<number, number>;
}

const DEFAULT_CONTACT_PROPERTIES = [
  'email',
  'firstname',
  'lastname',
  'company',
  'jobtitle',
  'industry',
  'lifecyclestage',
  'hs_lead_status',
  'city',
  'country',
  'hs_object_id',
];
const DEFAULT_ENGAGEMENT_PROPERTIES = ['hs_timestamp', 'hs_note_body', 'hs_email_subject', 'hs_email_text'];

let nextId = 10_000;
export function newObjectId(): string {
  nextId += 1;
  return String(nextId);
}

export function createPortal(
  id: number,
  tier: Tier,
  rate: { max: number; windowMs: number },
  withheldScopes: string[] = [],
): PortalState {
  const properties = new Map<string, PropertyDef>();
  for (const name of DEFAULT_CONTACT_PROPERTIES) {
    properties.set(name, { name, label: name, type: 'string', fieldType: 'text', groupName: 'contactinformation' });
  }
  return {
    id,
    tier,
    withheldScopes: new Set(withheldScopes),
    contacts: new Map(),
    contactByEmail: new Map(),
    engagements: { notes: new Map(), emails: new Map() },
    associations: new Map(),
    properties,
    groups: new Map([
      [
        'contactinformation',
        { name: 'contactinformation', label: 'Contact information', displayOrder: -1, archived: false },
      ],
    ]),
    schemas: [],
    customObjects: new Map(),
    customUnique: new Map(),
    limiter: new RollingWindow(rate.max, rate.windowMs),
    contactCreations: new Map(),
    statusCounts: new Map(),
  };
}

/** Engagement properties are not checked against definitions; the sandbox accepts any, like a portal with them set up. */
export function engagementPropertiesKnown(): string[] {
  return DEFAULT_ENGAGEMENT_PROPERTIES;
}

export function associate(portal: PortalState, from: string, fromId: string, to: string, toId: string, typeId: number) {
  const link = (a: string, b: string) => {
    const set = portal.associations.get(a) ?? new Set<string>();
    set.add(b);
    portal.associations.set(a, set);
  };
  link(`${from}:${fromId}`, `${to}:${toId}:${typeId}`);
  link(`${to}:${toId}`, `${from}:${fromId}:${typeId}`);
}

/** Contacts created more than once for one email, plus engagements or custom records sharing a `closer_event_id`. */
export function countDuplicates(portal: PortalState): { contacts: number; engagements: number } {
  let contacts = 0;
  for (const n of portal.contactCreations.values()) if (n > 1) contacts += n - 1;
  let engagements = 0;
  for (const map of [...Object.values(portal.engagements), ...portal.customObjects.values()]) {
    const seen = new Map<string, number>();
    for (const object of map.values()) {
      const key = object.properties.closer_event_id;
      if (key) seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    for (const n of seen.values()) if (n > 1) engagements += n - 1;
  }
  return { contacts, engagements };
}
