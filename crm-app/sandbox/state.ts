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
  options?: { value: string; label?: string }[];
}

/** Object types whose properties the sandbox defines and checks (contacts plus the engagements Closer writes). */
export type PropertyObjectType = 'contacts' | EngagementType;
export const PROPERTY_OBJECT_TYPES: readonly PropertyObjectType[] = ['contacts', 'notes', 'emails'];

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
  /** Contact properties (kept as its own field: most tests and the stats endpoint read it). */
  properties: Map<string, PropertyDef>;
  groups: Map<string, PropertyGroup>;
  /**
   * Properties and groups of the other object types. HubSpot defines properties per object type: a property created
   * on contacts does not exist on notes (POST /crm/v3/properties/{objectType}, spec "CRM Properties" v3).
   */
  engagementProperties: Record<EngagementType, Map<string, PropertyDef>>;
  engagementGroups: Record<EngagementType, Map<string, PropertyGroup>>;
  schemas: CustomSchema[];
  /** Records of each custom object, by objectTypeId. */
  customObjects: Map<string, Map<string, CrmObject>>;
  /** Per objectTypeId: `${uniqueProperty}\u0000${value}` -> record id, as HubSpot indexes unique-value properties. */
  customUnique: Map<string, Map<string, string>>;
  limiter: RollingWindow;
  /** CRM search's own per-second limit (not part of the ten-second window). */
  searchLimiter: RollingWindow;
  /** When each record was written: search sees it only once the portal's indexing lag has passed. */
  indexedAt: Map<string, number>;
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
/**
 * The default properties of notes and emails the product touches, with their HubSpot types (developers.hubspot.com
 * docs "Engagements: notes" and "Engagements: emails"; hs_email_direction's options from the emails guide).
 */
const DEFAULT_ENGAGEMENT_PROPERTIES: Record<EngagementType, Omit<PropertyDef, 'label' | 'groupName'>[]> = {
  notes: [
    { name: 'hs_timestamp', type: 'datetime', fieldType: 'date' },
    { name: 'hs_note_body', type: 'string', fieldType: 'html' },
    { name: 'hubspot_owner_id', type: 'enumeration', fieldType: 'select' },
    { name: 'hs_attachment_ids', type: 'enumeration', fieldType: 'checkbox' },
  ],
  emails: [
    { name: 'hs_timestamp', type: 'datetime', fieldType: 'date' },
    { name: 'hs_email_subject', type: 'string', fieldType: 'text' },
    { name: 'hs_email_text', type: 'string', fieldType: 'textarea' },
    { name: 'hs_email_html', type: 'string', fieldType: 'html' },
    {
      name: 'hs_email_direction',
      type: 'enumeration',
      fieldType: 'select',
      options: ['EMAIL', 'INCOMING_EMAIL', 'FORWARDED_EMAIL'].map((value) => ({ value, label: value })),
    },
    {
      name: 'hs_email_status',
      type: 'enumeration',
      fieldType: 'select',
      options: ['BOUNCED', 'FAILED', 'SCHEDULED', 'SENDING', 'SENT'].map((value) => ({ value, label: value })),
    },
    { name: 'hubspot_owner_id', type: 'enumeration', fieldType: 'select' },
  ],
};
const ENGAGEMENT_GROUP: Record<EngagementType, string> = { notes: 'noteinformation', emails: 'emailinformation' };

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
  searchPerSecond = 4,
): PortalState {
  const properties = new Map<string, PropertyDef>();
  for (const name of DEFAULT_CONTACT_PROPERTIES) {
    properties.set(name, { name, label: name, type: 'string', fieldType: 'text', groupName: 'contactinformation' });
  }
  const engagementDefaults = (type: EngagementType) =>
    new Map(
      DEFAULT_ENGAGEMENT_PROPERTIES[type].map((p) => [
        p.name,
        { ...p, label: p.name, groupName: ENGAGEMENT_GROUP[type] } as PropertyDef,
      ]),
    );
  const engagementGroup = (type: EngagementType) =>
    new Map([
      [ENGAGEMENT_GROUP[type], { name: ENGAGEMENT_GROUP[type], label: type, displayOrder: -1, archived: false }],
    ]);
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
    engagementProperties: { notes: engagementDefaults('notes'), emails: engagementDefaults('emails') },
    engagementGroups: { notes: engagementGroup('notes'), emails: engagementGroup('emails') },
    schemas: [],
    customObjects: new Map(),
    customUnique: new Map(),
    limiter: new RollingWindow(rate.max, rate.windowMs),
    searchLimiter: new RollingWindow(searchPerSecond, 1_000),
    indexedAt: new Map(),
    contactCreations: new Map(),
    statusCounts: new Map(),
  };
}

/** The property definitions of one object type. */
export function propertiesOf(portal: PortalState, type: PropertyObjectType): Map<string, PropertyDef> {
  return type === 'contacts' ? portal.properties : portal.engagementProperties[type];
}

export function groupsOf(portal: PortalState, type: PropertyObjectType): Map<string, PropertyGroup> {
  return type === 'contacts' ? portal.groups : portal.engagementGroups[type];
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
