/** The contact properties Closer owns in HubSpot (group `closer`), and how a synced persona maps onto them. */
import type { SyncedPersona } from '../../../shared/common/persona/synced';
import type { PersonaFieldName } from '../../../shared/common/llm/structured/persona-schema';

export const PROPERTY_GROUP = { name: 'closer', label: 'Closer', displayOrder: -1 };

/** One HubSpot contact property per persona field; list fields arrive joined with "; ", hence textareas. */
export const PERSONA_FIELD_PROPERTIES: Record<PersonaFieldName, { name: string; label: string; fieldType: string }> = {
  role: { name: 'closer_persona_role', label: 'Closer persona: role', fieldType: 'text' },
  seniority: { name: 'closer_persona_seniority', label: 'Closer persona: seniority', fieldType: 'text' },
  companyContext: {
    name: 'closer_persona_company_context',
    label: 'Closer persona: company context',
    fieldType: 'textarea',
  },
  goals: { name: 'closer_persona_goals', label: 'Closer persona: goals', fieldType: 'textarea' },
  painPoints: { name: 'closer_persona_pain_points', label: 'Closer persona: pain points', fieldType: 'textarea' },
  objectionsHeard: { name: 'closer_persona_objections', label: 'Closer persona: objections', fieldType: 'textarea' },
  interests: { name: 'closer_persona_interests', label: 'Closer persona: interests', fieldType: 'textarea' },
  preferredTone: { name: 'closer_persona_preferred_tone', label: 'Closer persona: preferred tone', fieldType: 'text' },
  preferredChannel: {
    name: 'closer_persona_preferred_channel',
    label: 'Closer persona: preferred channel',
    fieldType: 'text',
  },
  bestTimeToReach: { name: 'closer_persona_best_time', label: 'Closer persona: best time to reach', fieldType: 'text' },
  buyingStage: { name: 'closer_persona_buying_stage', label: 'Closer persona: buying stage', fieldType: 'text' },
  segment: { name: 'closer_persona_segment', label: 'Closer persona: segment', fieldType: 'text' },
};

export const CONTACT_PROPERTIES = [
  { name: 'closer_persona_label', label: 'Closer persona', type: 'string', fieldType: 'text' },
  { name: 'closer_persona_summary', label: 'Closer persona summary', type: 'string', fieldType: 'textarea' },
  { name: 'closer_persona_confidence', label: 'Closer persona confidence', type: 'number', fieldType: 'number' },
  { name: 'closer_persona_updated_at', label: 'Closer persona updated', type: 'datetime', fieldType: 'date' },
  {
    name: 'closer_persona_origin',
    label: 'Closer persona origin',
    type: 'enumeration',
    fieldType: 'select',
    options: [
      { label: 'On-device model', value: 'llm', displayOrder: 0, hidden: false },
      { label: 'Rules (CRM fields and history)', value: 'rules', displayOrder: 1, hidden: false },
    ],
  },
  ...Object.values(PERSONA_FIELD_PROPERTIES).map((p) => ({ ...p, type: 'string' })),
  {
    name: 'closer_persona_fields_json',
    label: 'Closer persona field evidence',
    description: 'JSON: for each persona field, its confidence (0-1) and source (thread, crm, inferred, rules).',
    type: 'string',
    fieldType: 'textarea',
  },
  { name: 'closer_campaign_events', label: 'Closer campaign events', type: 'number', fieldType: 'number' },
  { name: 'closer_last_campaign_event_at', label: 'Closer last campaign event', type: 'datetime', fieldType: 'date' },
].map((p) => ({ ...p, groupName: PROPERTY_GROUP.name }));

/**
 * The properties Closer writes on notes and emails (besides HubSpot's own hs_* ones): the campaign event id that
 * makes a retried create findable. HubSpot defines properties per object type and refuses a write naming one the
 * object type lacks, so portal setup creates these on each type.
 */
export const ENGAGEMENT_PROPERTIES = [
  {
    name: 'closer_event_id',
    label: 'Closer event id',
    description: 'The Closer campaign event this engagement records.',
    type: 'string',
    fieldType: 'text',
    groupName: PROPERTY_GROUP.name,
  },
];

/** Every object type Closer writes to, with the properties of its own it writes there. */
export const PROPERTIES_BY_OBJECT_TYPE = {
  contacts: CONTACT_PROPERTIES,
  notes: ENGAGEMENT_PROPERTIES,
  emails: ENGAGEMENT_PROPERTIES,
} as const;
export type SetupObjectType = keyof typeof PROPERTIES_BY_OBJECT_TYPE;

/** Every `closer_*` contact property name, for reads that return what Closer wrote. */
export const CLOSER_PROPERTY_NAMES = CONTACT_PROPERTIES.map((p) => p.name);

/** A persona field as kept locally: the synced value plus when its approval was made. */
export interface StoredPersonaField {
  value: string;
  confidence: number;
  source: string;
  updatedAt: string;
}

/** The merged persona kept in contact_personas.persona: the newest approval of each field wins. */
export interface StoredPersona {
  label: string;
  summary?: string;
  confidence: number;
  origin: 'llm' | 'rules';
  approvedAt: string;
  promptVersion?: string;
  fields: Partial<Record<PersonaFieldName, StoredPersonaField>>;
}

/**
 * Merges an approved persona into what is stored. Returns the merged persona and the HubSpot properties to write:
 * only what this approval won (an older approval arriving late changes nothing it lost). The evidence JSON
 * (`closer_persona_fields_json`) is not among them: the sync worker adds it from the stored persona when it sends,
 * so HubSpot gets the evidence of the merged whole, and jobs stay small (the database's cost grows with bytes).
 */
export function mergePersona(
  stored: StoredPersona | null,
  incoming: SyncedPersona,
): { merged: StoredPersona; properties: Record<string, string> } {
  const at = incoming.approvedAt;
  const newer = (than: string | undefined) => than === undefined || Date.parse(at) >= Date.parse(than);
  const properties: Record<string, string> = {};
  const headWins = newer(stored?.approvedAt);
  const merged: StoredPersona = headWins
    ? {
        label: incoming.label,
        confidence: incoming.confidence,
        origin: incoming.origin,
        approvedAt: at,
        fields: { ...stored?.fields },
        ...(incoming.summary === undefined
          ? stored?.summary === undefined
            ? {}
            : { summary: stored.summary }
          : { summary: incoming.summary }),
        ...(incoming.promptVersion === undefined ? {} : { promptVersion: incoming.promptVersion }),
      }
    : { ...(stored as StoredPersona), fields: { ...stored?.fields } };
  if (headWins) {
    properties.closer_persona_label = merged.label;
    if (incoming.summary !== undefined) properties.closer_persona_summary = incoming.summary;
    properties.closer_persona_confidence = String(merged.confidence);
    properties.closer_persona_updated_at = at;
    properties.closer_persona_origin = merged.origin;
  }
  for (const [name, field] of Object.entries(incoming.fields) as [
    PersonaFieldName,
    SyncedPersona['fields'][string],
  ][]) {
    if (!field || !newer(merged.fields[name]?.updatedAt)) continue;
    merged.fields[name] = { value: field.value, confidence: field.confidence, source: field.source, updatedAt: at };
    properties[PERSONA_FIELD_PROPERTIES[name].name] = field.value;
  }
  return { merged, properties };
}

/** `closer_persona_fields_json`: {field: {confidence, source}} in the persona schema's field order. */
export function fieldsJson(persona: {
  fields: Partial<Record<PersonaFieldName, { confidence: number; source: string }>>;
}): string {
  const out: Record<string, { confidence: number; source: string }> = {};
  for (const name of Object.keys(PERSONA_FIELD_PROPERTIES) as PersonaFieldName[]) {
    const field = persona.fields[name];
    if (field) out[name] = { confidence: field.confidence, source: field.source };
  }
  return JSON.stringify(out);
}

/**
 * The persona properties kept in contact_personas.properties (for the summary and team priors): the head only. Field
 * values live once, in contact_personas.persona.
 */
export const LOCAL_PERSONA_PROPERTIES = new Set([
  'closer_persona_label',
  'closer_persona_summary',
  'closer_persona_confidence',
  'closer_persona_updated_at',
  'closer_persona_origin',
]);
