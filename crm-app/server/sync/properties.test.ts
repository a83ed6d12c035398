import { describe, expect, it } from 'vitest';
import { fullPersona, syncedPersona } from '../test-support/personas';
import { CONTACT_PROPERTIES, fieldsJson, mergePersona, PERSONA_FIELD_PROPERTIES } from './properties';

describe('persona properties', () => {
  it('maps every persona field to its own contact property, plus label, origin and the evidence JSON', () => {
    const { properties } = mergePersona(null, fullPersona());
    expect(properties).toMatchObject({
      closer_persona_label: 'Director · mid-market fintech',
      closer_persona_summary: 'Runs revenue operations; wants fewer tools.',
      closer_persona_confidence: '0.7',
      closer_persona_updated_at: '2026-11-28T10:00:00.000Z',
      closer_persona_origin: 'llm',
      closer_persona_role: 'Head of Revenue Operations',
      closer_persona_seniority: 'director',
      closer_persona_company_context: 'Series B fintech, 200 staff',
      closer_persona_goals: 'Consolidate tooling; faster quarter close',
      closer_persona_pain_points: 'Manual CRM hygiene',
      closer_persona_objections: 'Price per seat',
      closer_persona_interests: 'Forecasting; automation',
      closer_persona_preferred_tone: 'direct',
      closer_persona_preferred_channel: 'email',
      closer_persona_best_time: 'weekday mornings (CET)',
      closer_persona_buying_stage: 'evaluation',
      closer_persona_segment: 'mid-market fintech',
    });
    const evidence = JSON.parse(fieldsJson(mergePersona(null, fullPersona()).merged)) as Record<string, unknown>;
    expect(Object.keys(evidence)).toHaveLength(12);
    expect(evidence.role).toEqual({ confidence: 0.9, source: 'crm' });
    // Every property written is one portal setup creates (the evidence JSON too, added by the worker).
    const defined = new Set(CONTACT_PROPERTIES.map((p) => p.name));
    expect([...Object.keys(properties), 'closer_persona_fields_json'].filter((name) => !defined.has(name))).toEqual([]);
    expect(new Set(Object.values(PERSONA_FIELD_PROPERTIES).map((p) => p.name)).size).toBe(12);
  });

  it('merges per field: a newer approval wins, a late older one changes only what it still wins', () => {
    const first = mergePersona(null, fullPersona());
    const newer = mergePersona(
      first.merged,
      syncedPersona({
        label: 'Champion',
        approvedAt: '2026-11-29T10:00:00.000Z',
        fields: { role: { value: 'CRO', confidence: 0.95, source: 'thread' } },
      }),
    );
    expect(newer.merged.label).toBe('Champion');
    expect(newer.merged.fields.role).toMatchObject({ value: 'CRO', updatedAt: '2026-11-29T10:00:00.000Z' });
    // Fields the newer approval did not touch keep their value and their own last update.
    expect(newer.merged.fields.segment).toMatchObject({
      value: 'mid-market fintech',
      updatedAt: '2026-11-28T10:00:00.000Z',
    });
    expect(newer.merged.summary).toBe('Runs revenue operations; wants fewer tools.');
    expect(newer.properties.closer_persona_segment).toBeUndefined();

    const late = mergePersona(
      newer.merged,
      syncedPersona({
        label: 'Stale',
        approvedAt: '2026-11-27T10:00:00.000Z',
        fields: {
          role: { value: 'Old role', confidence: 0.1, source: 'crm' },
          interests: { value: 'Old interests', confidence: 0.1, source: 'crm' },
        },
      }),
    );
    expect(late.merged.label).toBe('Champion');
    expect(late.merged.fields.role?.value).toBe('CRO');
    expect(late.properties.closer_persona_label).toBeUndefined();
    expect(late.properties.closer_persona_role).toBeUndefined();
    // interests was last approved on the 28th: the 27th's value is older and loses too.
    expect(late.merged.fields.interests?.value).toBe('Forecasting; automation');
    expect(late.properties).toEqual({});
  });
});
