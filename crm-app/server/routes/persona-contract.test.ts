/**
 * The card (its own package) and the server each declare the persona response with zod. This keeps them in step:
 * whatever the server may send, the card must accept, and the other way round.
 */
import { describe, expect, it } from 'vitest';
import { PersonaResponseSchema as CardPersonaResponse } from '../../src/app/cards/types/persona';
import { PersonaResponse as ServerPersonaResponse } from './persona';

const SAMPLES = [
  { contactId: '123', persona: null },
  {
    contactId: '9007199254740993',
    persona: { label: 'Champion', summary: '', confidence: 1, updatedAt: '2026-11-20T10:00:00.000Z' },
  },
  {
    contactId: '7',
    persona: { label: 'Skeptic', summary: 'Needs proof.', confidence: 0, updatedAt: '2026-11-20T10:00:00+01:00' },
  },
];

const INVALID = [
  { contactId: '1', persona: { label: '', summary: 'x', confidence: 0.5, updatedAt: '2026-11-20T10:00:00Z' } },
  { contactId: '1', persona: { label: 'x', summary: 'x', confidence: 1.5, updatedAt: '2026-11-20T10:00:00Z' } },
  { contactId: '1', persona: { label: 'x', summary: 'x', confidence: 0.5, updatedAt: 'yesterday' } },
  { contactId: '1' },
  { contactId: 'abc', persona: null },
];

describe('persona response contract (card <-> server)', () => {
  it.each(SAMPLES)('both sides accept %j', (sample) => {
    expect(ServerPersonaResponse.parse(sample)).toEqual(sample);
    expect(CardPersonaResponse.parse(sample)).toEqual(sample);
  });

  it.each(INVALID)('both sides reject %j', (sample) => {
    expect(ServerPersonaResponse.safeParse(sample).success).toBe(false);
    expect(CardPersonaResponse.safeParse(sample).success).toBe(false);
  });
});
