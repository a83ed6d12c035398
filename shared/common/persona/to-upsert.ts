import { redactPii } from '../privacy';
import { PERSONA_FIELD_NAMES, type PersonaFieldName } from '../llm/structured/persona-schema';
import type { LocalPersonaFields } from './local-fields';
import { PersonaUpsertItemSchema, type PersonaUpsertItem, type SyncedSource } from './synced';

/** Why a persona cannot be queued yet, for the UI. */
export type UpsertProblem = 'nothing_approved' | 'no_email' | 'invalid';

export interface UpsertPreview {
  item: PersonaUpsertItem | null;
  problem: UpsertProblem | null;
  /** Problem details (schema issues), in English. */
  detail?: string;
  /** How many PII spans (e-mails, phones, …) were replaced in the approved values. */
  redactions: number;
}

/**
 * A local source (`crm:jobtitle`, `message:abc`, `edited:crm:jobtitle`, …) as the coarse kind the backend accepts.
 * A person's edit keeps the kind of the evidence it started from.
 */
export function syncedSourceOf(source: string, origin: 'llm' | 'rules'): SyncedSource {
  const parts = source.split(':');
  const kind = parts[0] === 'edited' ? (parts[1] ?? 'inferred') : parts[0];
  if (origin === 'rules' && kind !== 'crm') return 'rules';
  if (kind === 'crm') return 'crm';
  if (kind === 'message' || kind === 'thread') return 'thread';
  if (kind === 'rules') return 'rules';
  return 'inferred';
}

const label = (fields: LocalPersonaFields, approved: Set<PersonaFieldName>) => {
  const pick = (name: PersonaFieldName) => (approved.has(name) ? fields[name]?.value : undefined);
  const parts = [pick('role') ?? pick('seniority')?.replace(/_/g, ' '), pick('segment') ?? pick('companyContext')];
  const text = parts.filter(Boolean).join(' · ') || pick('buyingStage')?.replace(/_/g, ' ') || 'Persona';
  return text.length > 100 ? `${text.slice(0, 99)}…` : text;
};

/**
 * The one thing that leaves the device for a persona: the approved fields only, each value passed through PII
 * redaction, validated against the contract the backend checks too. Unapproved fields, the correspondence and any
 * other local data never get here.
 */
export function approvedUpsertItem(input: {
  fields: LocalPersonaFields;
  origin: 'llm' | 'rules';
  email: string | null | undefined;
  hubspotContactId?: string;
  approvedAt: number;
  idempotencyKey: string;
  promptVersion?: string;
}): UpsertPreview {
  const approved = new Set(PERSONA_FIELD_NAMES.filter((n) => input.fields[n]?.approved));
  if (approved.size === 0) return { item: null, problem: 'nothing_approved', redactions: 0 };
  if (!input.email) return { item: null, problem: 'no_email', redactions: 0 };
  let redactions = 0;
  const fields: Record<string, { value: string; confidence: number; source: SyncedSource }> = {};
  const redactedFields: LocalPersonaFields = {};
  for (const name of approved) {
    const f = input.fields[name];
    if (!f) continue;
    const r = redactPii(f.value.slice(0, 1_000));
    redactions += r.findings.length;
    fields[name] = { value: r.text, confidence: f.confidence, source: syncedSourceOf(f.source, input.origin) };
    redactedFields[name] = { ...f, value: r.text };
  }
  const values = Object.values(fields);
  const parsed = PersonaUpsertItemSchema.safeParse({
    idempotencyKey: input.idempotencyKey,
    email: input.email.toLowerCase(),
    ...(input.hubspotContactId ? { hubspotContactId: input.hubspotContactId } : {}),
    persona: {
      label: label(redactedFields, approved),
      confidence: Math.round((values.reduce((n, f) => n + f.confidence, 0) / values.length) * 100) / 100,
      origin: input.origin,
      fields,
      approvedAt: new Date(input.approvedAt).toISOString(),
      ...(input.promptVersion ? { promptVersion: input.promptVersion } : {}),
    },
  });
  if (!parsed.success)
    return {
      item: null,
      problem: 'invalid',
      detail: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
      redactions,
    };
  return { item: parsed.data, problem: null, redactions };
}

/** Stable per approval, so a retried enqueue of the same approval is one item for the backend. */
export const upsertIdempotencyKey = (portalId: string | number, contactId: string, approvedAt: number) =>
  `persona:${portalId}:${contactId}:${approvedAt}`;
