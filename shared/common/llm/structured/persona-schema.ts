import { z } from 'zod';
import { findProtectedAttributes, PROTECTED_CATEGORIES } from './protected-attributes';

/**
 * The persona the model drafts from a thread and CRM facts, before a person reviews it. Every field carries a
 * confidence and where it came from, so the UI can show evidence and only approved fields are synced. There are no
 * fields for protected attributes, unknown keys are rejected, and values that mention one are rejected too.
 */

/** Where a field's evidence came from: the email thread, the CRM facts given as grounding, or an inference. */
export const PersonaSourceSchema = z.enum(['thread', 'crm', 'inferred']);
export type PersonaSource = z.infer<typeof PersonaSourceSchema>;

/** One observed value. Short, so small models cannot fill a field with an essay. */
export const PersonaFieldSchema = z.strictObject({
  value: z.string().trim().min(1).max(200),
  confidence: z.number().min(0).max(1),
  source: PersonaSourceSchema,
});
export type PersonaField = z.infer<typeof PersonaFieldSchema>;

export const SENIORITY_LEVELS = ['individual_contributor', 'manager', 'director', 'vp', 'c_level', 'owner'] as const;
export const PREFERRED_TONES = ['formal', 'friendly', 'direct', 'detailed', 'casual'] as const;
export const PREFERRED_CHANNELS = ['email', 'phone', 'video_call', 'chat', 'in_person', 'linkedin', 'wechat'] as const;
export const BUYING_STAGES = [
  'awareness',
  'consideration',
  'evaluation',
  'negotiation',
  'closed_won',
  'closed_lost',
] as const;

const enumField = <T extends readonly [string, ...string[]]>(values: T) =>
  z.strictObject({ value: z.enum(values), confidence: z.number().min(0).max(1), source: PersonaSourceSchema });

/** Lists hold at most this many items: a persona is a summary, not a transcript. */
export const MAX_PERSONA_LIST_ITEMS = 6;
const listField = z.array(PersonaFieldSchema).max(MAX_PERSONA_LIST_ITEMS);

const PersonaShape = z.strictObject({
  /** Job title or function, e.g. "Head of Revenue Operations". */
  role: PersonaFieldSchema.nullable(),
  seniority: enumField(SENIORITY_LEVELS).nullable(),
  /** Industry, size and situation of their company. */
  companyContext: PersonaFieldSchema.nullable(),
  goals: listField,
  painPoints: listField,
  /** Objections the contact actually raised. */
  objectionsHeard: listField,
  /** Professional interests and topics they engage with. */
  interests: listField,
  preferredTone: enumField(PREFERRED_TONES).nullable(),
  preferredChannel: enumField(PREFERRED_CHANNELS).nullable(),
  /** Free text such as "weekday mornings (CET)". */
  bestTimeToReach: PersonaFieldSchema.nullable(),
  buyingStage: enumField(BUYING_STAGES).nullable(),
  /** Market segment, e.g. "mid-market fintech". */
  segment: PersonaFieldSchema.nullable(),
});

/** The persona fields, in the order the prompt describes them. */
export const PERSONA_FIELD_NAMES = Object.keys(PersonaShape.shape) as (keyof typeof PersonaShape.shape)[];
export type PersonaFieldName = (typeof PERSONA_FIELD_NAMES)[number];

/** Calls `visit` with every string value in a parsed draft and its path. */
function forEachValue(
  draft: unknown,
  path: (string | number)[],
  visit: (text: string, path: (string | number)[]) => void,
) {
  if (typeof draft === 'string') visit(draft, path);
  else if (Array.isArray(draft)) draft.forEach((item, i) => forEachValue(item, [...path, i], visit));
  else if (draft !== null && typeof draft === 'object') {
    for (const [key, item] of Object.entries(draft)) forEachValue(item, [...path, key], visit);
  }
}

/**
 * A persona draft as the model must return it: every key present (null or [] when there is no evidence), no other
 * keys, and no value that mentions age, gender, ethnicity, religion, health, politics, sexuality or family status.
 */
export const PersonaDraftSchema = PersonaShape.superRefine((draft, ctx) => {
  forEachValue(draft, [], (text, path) => {
    for (const found of findProtectedAttributes(text)) {
      ctx.addIssue({
        code: 'custom',
        path,
        message: `mentions a protected attribute (${found.category}: "${found.match}"); personas must not record ${PROTECTED_CATEGORIES.join(', ')}`,
      });
    }
  });
});
export type PersonaDraft = z.infer<typeof PersonaDraftSchema>;

let cachedJsonSchema: Record<string, unknown> | undefined;

/** The draft's JSON Schema, for engines that constrain decoding to a schema (the keyword check cannot be expressed). */
export function personaJsonSchema(): Record<string, unknown> {
  cachedJsonSchema ??= z.toJSONSchema(PersonaShape) as Record<string, unknown>;
  return cachedJsonSchema;
}
