import { describe, expect, it } from 'vitest';
import { PersonaUpsertItemSchema } from './synced';

const item = {
  idempotencyKey: 'persona:42:1',
  email: 'ada@example.com',
  hubspotContactId: '42',
  persona: {
    label: 'Director · fintech',
    confidence: 0.7,
    origin: 'llm',
    fields: { role: { value: 'Head of RevOps', confidence: 0.9, source: 'crm' } },
    approvedAt: '2026-11-29T00:00:00.000Z',
  },
};

describe('synced persona contract', () => {
  it('accepts an approved persona with known fields', () => {
    expect(PersonaUpsertItemSchema.parse(item).persona.fields.role?.value).toBe('Head of RevOps');
  });
  it('rejects unknown fields, unknown sources and non-numeric record ids', () => {
    const bad = (patch: object) => PersonaUpsertItemSchema.safeParse({ ...item, ...patch }).success;
    expect(bad({ persona: { ...item.persona, fields: { age: { value: '40', confidence: 1, source: 'crm' } } } })).toBe(
      false,
    );
    expect(
      bad({ persona: { ...item.persona, fields: { role: { value: 'x', confidence: 1, source: 'guess' } } } }),
    ).toBe(false);
    expect(bad({ hubspotContactId: '12a' })).toBe(false);
    expect(bad({ extra: 1 })).toBe(false);
  });
});
