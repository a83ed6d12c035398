/** Synced personas for tests and benchmarks, in the shape the extension's outbox sends. */
import type { PersonaUpsertItem, SyncedPersona } from '../../../shared/common/persona/synced';

export function syncedPersona(overrides: Partial<SyncedPersona> = {}): SyncedPersona {
  return {
    label: 'Director · mid-market fintech',
    confidence: 0.7,
    origin: 'llm',
    fields: {},
    approvedAt: '2026-11-28T10:00:00.000Z',
    ...overrides,
  };
}

/** A full persona: every field filled, sources of each kind. */
export function fullPersona(overrides: Partial<SyncedPersona> = {}): SyncedPersona {
  return syncedPersona({
    summary: 'Runs revenue operations; wants fewer tools.',
    fields: {
      role: { value: 'Head of Revenue Operations', confidence: 0.9, source: 'crm' },
      seniority: { value: 'director', confidence: 0.8, source: 'crm' },
      companyContext: { value: 'Series B fintech, 200 staff', confidence: 0.6, source: 'inferred' },
      goals: { value: 'Consolidate tooling; faster quarter close', confidence: 0.7, source: 'thread' },
      painPoints: { value: 'Manual CRM hygiene', confidence: 0.75, source: 'thread' },
      objectionsHeard: { value: 'Price per seat', confidence: 0.85, source: 'thread' },
      interests: { value: 'Forecasting; automation', confidence: 0.5, source: 'inferred' },
      preferredTone: { value: 'direct', confidence: 0.6, source: 'thread' },
      preferredChannel: { value: 'email', confidence: 0.7, source: 'thread' },
      bestTimeToReach: { value: 'weekday mornings (CET)', confidence: 0.4, source: 'thread' },
      buyingStage: { value: 'evaluation', confidence: 0.65, source: 'thread' },
      segment: { value: 'mid-market fintech', confidence: 0.7, source: 'rules' },
    },
    ...overrides,
  });
}

export function personaItem(
  idempotencyKey: string,
  email: string,
  persona: Partial<SyncedPersona> = {},
  hubspotContactId?: string,
): PersonaUpsertItem {
  return {
    idempotencyKey,
    email,
    ...(hubspotContactId === undefined ? {} : { hubspotContactId }),
    persona: syncedPersona(persona),
  };
}
