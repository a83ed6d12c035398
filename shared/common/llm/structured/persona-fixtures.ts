/**
 * Persona drafts for tests, E2E and benchmarks, in the shape a model must answer (`PersonaDraftSchema`). One module,
 * so a field added to the schema is added to every fixture at once.
 */
import type { PersonaDraft } from './persona-schema';

/** A draft with every field present and empty: what a model answers when it inferred nothing. */
export function emptyPersonaDraft(): PersonaDraft {
  return {
    role: null,
    seniority: null,
    companyContext: null,
    goals: [],
    painPoints: [],
    objectionsHeard: [],
    interests: [],
    preferredTone: null,
    preferredChannel: null,
    bestTimeToReach: null,
    buyingStage: null,
    segment: null,
  };
}

/** An empty draft with `fields` filled in: a test names only the fields it is about. */
export function personaDraft(fields: Partial<PersonaDraft>): PersonaDraft {
  return { ...emptyPersonaDraft(), ...fields };
}

/** A complete, valid persona draft; tests copy it and break one thing. */
export function validPersona(): PersonaDraft {
  return {
    role: { value: 'Head of Revenue Operations', confidence: 0.9, source: 'thread' },
    seniority: { value: 'director', confidence: 0.7, source: 'inferred' },
    companyContext: { value: 'Mid-market logistics company, 400 staff', confidence: 0.8, source: 'crm' },
    goals: [{ value: 'Cut time spent on CRM data entry', confidence: 0.8, source: 'thread' }],
    painPoints: [{ value: 'Their CRM is 10 years old and slow', confidence: 0.9, source: 'thread' }],
    objectionsHeard: [{ value: 'Worried about migration downtime', confidence: 0.9, source: 'thread' }],
    interests: [],
    preferredTone: { value: 'direct', confidence: 0.6, source: 'inferred' },
    preferredChannel: { value: 'email', confidence: 0.7, source: 'thread' },
    bestTimeToReach: null,
    buyingStage: { value: 'evaluation', confidence: 0.7, source: 'thread' },
    segment: { value: 'mid-market logistics', confidence: 0.6, source: 'crm' },
  };
}
