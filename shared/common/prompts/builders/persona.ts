import { personaJsonSchema } from '../../llm/structured/persona-schema';
import { assemblePrompt } from '../build';
import { sanitizeInline } from '../sanitize';
import { PERSONA } from '../templates/persona';
import type { PromptInput, PromptRequest } from '../types';

/** Whom the persona is about, when the thread has several people on the other side. */
export interface PersonaContact {
  name?: string;
  email?: string;
}

function contactBlock(contact: PersonaContact | undefined): string {
  const lines = [
    contact?.name ? `Name: ${sanitizeInline(contact.name)}` : '',
    contact?.email ? `Email: ${sanitizeInline(contact.email)}` : '',
  ].filter(Boolean);
  return lines.length ? ['<contact>', ...lines, '</contact>'].join('\n') : '';
}

/**
 * A persona draft of one contact as JSON (responseFormat carries the JSON Schema as a string, as web-llm takes it);
 * run it with
 * `runStructured(generate, request, PersonaDraftSchema)`. `input.persona` is what is already known.
 */
export function buildPersonaPrompt(input: PromptInput & { contact?: PersonaContact }): PromptRequest {
  const block = contactBlock(input.contact);
  return assemblePrompt(PERSONA, input, {
    contactBlock: block,
    vars: { contact: block ? 'the person in <contact>' : 'the main person on the other side (sender="them")' },
    responseFormat: { type: 'json_object', schema: JSON.stringify(personaJsonSchema()) },
  });
}
