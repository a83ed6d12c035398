import { PERSONA_FIELD_NAMES, type PersonaFieldName } from '../../../shared/common/llm/structured/persona-schema';
import type { LocalPersonaField } from '../../../shared/common/persona/local-fields';
import { approvedUpsertItem, upsertIdempotencyKey, type UpsertPreview } from '../../../shared/common/persona/to-upsert';
import type { PersonaView } from '../../messaging/persona-methods';

/** Pure edits of a persona view, shared by the HubSpot panel and the side panel's review. */

export const fieldNames = (p: PersonaView): PersonaFieldName[] => PERSONA_FIELD_NAMES.filter((n) => p.fields[n]);

/** A person's edit: the value changes, the evidence kind is kept (`edited:<source>`), and it needs approval again. */
export function editField(p: PersonaView, name: PersonaFieldName, value: string): PersonaView {
  const field = p.fields[name] as LocalPersonaField | undefined;
  if (!field || field.value === value) return p;
  const source = field.source.startsWith('edited:') ? field.source : `edited:${field.source}`;
  return { ...p, fields: { ...p.fields, [name]: { ...field, value, source, approved: false } } };
}

export function approveField(p: PersonaView, name: PersonaFieldName, approved: boolean): PersonaView {
  const field = p.fields[name];
  if (!field) return p;
  return { ...p, fields: { ...p.fields, [name]: { ...field, approved } } };
}

export function approveAll(p: PersonaView, approved: boolean): PersonaView {
  const fields = { ...p.fields };
  for (const n of fieldNames(p)) fields[n] = { ...(fields[n] as LocalPersonaField), approved };
  return { ...p, fields };
}

/** Empty values are dropped rather than synced. */
export function withoutEmpty(p: PersonaView): PersonaView {
  const fields = { ...p.fields };
  for (const n of fieldNames(p)) if (!fields[n]?.value.trim()) delete fields[n];
  return { ...p, fields };
}

/** What would be queued if approved now (the preview shows exactly this). */
export function previewUpsert(p: PersonaView, approvedAt: number): UpsertPreview {
  return approvedUpsertItem({
    fields: p.fields,
    origin: p.origin,
    email: p.email,
    hubspotContactId: p.contactId,
    approvedAt,
    idempotencyKey: upsertIdempotencyKey(p.portalId, p.contactId, approvedAt),
    ...(p.promptVersion ? { promptVersion: p.promptVersion } : {}),
  });
}

export function formatSeconds(s: number): string {
  if (s < 60) return `${Math.max(1, Math.round(s))} s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m} min ${Math.round(s % 60)} s` : `${Math.floor(m / 60)} h ${m % 60} min`;
}
