import { PERSONA_FIELD_NAMES, type PersonaDraft, type PersonaFieldName } from '../llm/structured/persona-schema';
import type { CrmContact } from './crm';

/**
 * The persona as kept on this device: one entry per field, each with its value, confidence, where it came from and
 * whether a person approved it. List fields (goals, pain points, …) are one entry joined with "; ", the form in
 * which they are synced, so what is edited is what is sent.
 */
export interface LocalPersonaField {
  value: string;
  confidence: number;
  /**
   * Evidence, as `kind` or `kind:detail`: `crm:jobtitle` (a CRM property), `crm:engagement:77` (a CRM activity),
   * `message:abc` (a local message's intent/sentiment), `thread` (the correspondence), `inferred` (the model's own
   * conclusion), `rules:lifecyclestage` (the non-LLM fallback, from that input), `edited:<source>` (changed by a person).
   */
  source: string;
  approved: boolean;
}
export type LocalPersonaFields = Partial<Record<PersonaFieldName, LocalPersonaField>>;

export const LIST_SEPARATOR = '; ';

const clamp01 = (n: number) => Math.min(1, Math.max(0, n));
const round2 = (n: number) => Math.round(n * 100) / 100;

/** The CRM property (or activity) a value came from: the one whose value it contains, or that contains it. */
function crmSourceOf(value: string, crm: CrmContact | null): string {
  if (!crm) return 'crm';
  const v = value.toLowerCase();
  for (const [name, raw] of Object.entries(crm.properties)) {
    const p = raw?.trim().toLowerCase();
    if (p && p.length >= 3 && (v.includes(p) || p.includes(v))) return `crm:${name}`;
  }
  for (const e of crm.engagements) {
    const text = `${e.title ?? ''} ${e.text ?? ''}`.toLowerCase();
    if (v.length >= 4 && text.includes(v)) return `crm:engagement:${e.id}`;
  }
  return 'crm';
}

/** Turns a validated model draft into local fields (none approved yet), naming the CRM property behind each value. */
export function fieldsFromDraft(draft: PersonaDraft, crm: CrmContact | null): LocalPersonaFields {
  const out: LocalPersonaFields = {};
  for (const name of PERSONA_FIELD_NAMES) {
    const entry = draft[name];
    const items = Array.isArray(entry) ? entry : entry ? [entry] : [];
    if (items.length === 0) continue;
    const value = items.map((i) => i.value.trim()).join(LIST_SEPARATOR);
    const confidence = round2(items.reduce((n, i) => n + i.confidence, 0) / items.length);
    const first = items[0] as (typeof items)[number];
    const source = first.source === 'crm' ? crmSourceOf(first.value, crm) : first.source;
    out[name] = { value, confidence: clamp01(confidence), source, approved: false };
  }
  return out;
}

/**
 * A fresh draft replaces the old one, except that a field a person approved and the new draft agrees with keeps
 * its approval (and a field a person edited and approved is kept as they wrote it).
 */
export function mergeRefreshed(previous: LocalPersonaFields, fresh: LocalPersonaFields): LocalPersonaFields {
  const out: LocalPersonaFields = { ...fresh };
  for (const name of PERSONA_FIELD_NAMES) {
    const old = previous[name];
    if (!old?.approved) continue;
    const now = fresh[name];
    if (old.source.startsWith('edited') || !now) out[name] = old;
    else if (now.value === old.value) out[name] = { ...now, approved: true };
  }
  return out;
}
