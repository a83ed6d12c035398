/**
 * @fileoverview Static mocks and factories for card tests. Factories take overrides and return fresh objects, so a
 * test never mutates another test's data. Responses are real `Response` objects, as `hubspot.fetch` returns.
 */
import type { Persona, PersonaResponse } from '../types/persona.ts';

// ==== Backend payloads ====

export function createMockPersona(overrides: Partial<Persona> = {}): Persona {
  return {
    label: 'Technical evaluator',
    summary: 'Asks for specifics and benchmarks before committing.',
    confidence: 0.82,
    origin: 'llm',
    updatedAt: '2026-11-20T10:00:00.000Z',
    fields: [
      { name: 'role', value: 'Head of RevOps', confidence: 0.9, source: 'crm', updatedAt: '2026-11-20T10:00:00.000Z' },
      {
        name: 'objectionsHeard',
        value: 'Price per seat',
        confidence: 0.35,
        source: 'thread',
        updatedAt: '2026-11-18T09:30:00.000Z',
      },
    ],
    ...overrides,
  };
}

export function createMockPersonaResponse(overrides: Partial<PersonaResponse> = {}): PersonaResponse {
  return { contactId: '123', persona: null, campaignEvents: 0, ...overrides };
}

// ==== hubspot.fetch results ====

export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

export function textResponse(body: string, status = 200): Response {
  return new Response(body, { status, headers: { 'content-type': 'text/plain' } });
}
