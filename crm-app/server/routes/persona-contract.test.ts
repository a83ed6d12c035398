/**
 * The card (its own package) and the server each declare the persona response with zod. This keeps them in step:
 * whatever the server may send, the card must accept, and the other way round.
 */
import { describe, expect, it } from 'vitest';
import {
  PERSONA_FIELD_NAMES as CARD_FIELD_NAMES_IN_CARD,
  PersonaResponseSchema as CardPersonaResponse,
} from '../../src/app/cards/types/persona';
import { PERSONA_FIELD_NAMES } from '../../../shared/common/llm/structured/persona-schema';
import { fullPersona } from '../test-support/personas';
import { mergePersona } from '../sync/properties';
import { CARD_FIELD_NAMES, cardPersona, PersonaResponse as ServerPersonaResponse } from './persona';

const field = (name: string, source = 'crm', updatedAt = '2026-11-20T10:00:00.000Z') => ({
  name,
  value: 'x',
  confidence: 0.5,
  source,
  updatedAt,
});
const persona = (overrides: object = {}) => ({
  label: 'Champion',
  summary: '',
  confidence: 1,
  origin: 'llm',
  updatedAt: '2026-11-20T10:00:00.000Z',
  fields: [],
  ...overrides,
});

const SAMPLES = [
  { contactId: '123', persona: null, campaignEvents: 0 },
  { contactId: '9007199254740993', persona: persona(), campaignEvents: 4 },
  {
    contactId: '7',
    persona: persona({
      label: 'Skeptic',
      summary: 'Needs proof.',
      confidence: 0,
      origin: 'rules',
      updatedAt: '2026-11-20T10:00:00+01:00',
      fields: [field('role'), field('segment', 'rules'), field('bestTimeToReach', 'thread', '2026-11-21T08:00:00Z')],
    }),
    campaignEvents: 0,
  },
];

const INVALID = [
  { contactId: '1', persona: persona({ label: '' }), campaignEvents: 0 },
  { contactId: '1', persona: persona({ confidence: 1.5 }), campaignEvents: 0 },
  { contactId: '1', persona: persona({ updatedAt: 'yesterday' }), campaignEvents: 0 },
  { contactId: '1', persona: persona({ origin: 'human' }), campaignEvents: 0 },
  { contactId: '1', persona: persona({ fields: [field('age')] }), campaignEvents: 0 },
  { contactId: '1', persona: persona({ fields: [field('role', 'guess')] }), campaignEvents: 0 },
  { contactId: '1', persona: persona({ fields: [{ ...field('role'), confidence: -0.1 }] }), campaignEvents: 0 },
  { contactId: '1', persona: null, campaignEvents: -1 },
  { contactId: '1', campaignEvents: 0 },
  { contactId: 'abc', persona: null, campaignEvents: 0 },
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

  it('lists the same fields, in the persona schema order, on both sides', () => {
    expect([...CARD_FIELD_NAMES]).toEqual(PERSONA_FIELD_NAMES);
    expect([...CARD_FIELD_NAMES_IN_CARD]).toEqual(PERSONA_FIELD_NAMES);
  });

  it('what the server builds from a stored persona is what the card accepts', () => {
    const { merged } = mergePersona(null, fullPersona());
    const body = { contactId: '42', persona: cardPersona(merged), campaignEvents: 1 };
    expect(ServerPersonaResponse.parse(body)).toEqual(body);
    expect(CardPersonaResponse.parse(body).persona?.fields).toHaveLength(12);
  });
});
