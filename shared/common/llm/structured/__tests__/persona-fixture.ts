import type { PersonaDraft } from '../persona-schema';

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
