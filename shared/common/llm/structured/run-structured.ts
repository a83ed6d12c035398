import type { z } from 'zod';
import type { FinishReason, TextEngine } from '../engine';
import type { ChatMessage, ChatRequest } from './chat';
import { StructuredOutputError, type StructuredErrorKind } from './errors';
import { buildRepairMessages } from './repair';
import { parseStructured } from './validate';

/** What a generator returns: the text, and if known why it stopped ('length' = hit the token limit). */
export interface GenerationOutput {
  text: string;
  finishReason?: FinishReason;
}

/** Runs one chat completion. `request` carries the sampling settings; `messages` may differ from it on a retry. */
export type Generate = (messages: ChatMessage[], request: ChatRequest) => Promise<string | GenerationOutput>;

export interface StructuredResult<T> {
  value: T;
  /** 1 when the first answer was valid, 2 when the repair retry was needed. */
  attempts: 1 | 2;
  /** The model text the value was parsed from. */
  output: string;
}

/**
 * A Generate backed by a TextEngine: runs the request (with the messages of this attempt) and joins the pieces.
 * `signal` aborts the generation; the engine's own errors pass through.
 */
export function engineGenerate(engine: TextEngine, signal: AbortSignal): Generate {
  return async (messages, request) => {
    const pieces = engine.generate({ ...request, messages }, signal);
    let text = '';
    for (;;) {
      const next = await pieces.next();
      if (next.done) return { text, finishReason: next.value };
      text += next.value;
    }
  };
}

const FINAL_MESSAGES: Record<StructuredErrorKind, string> = {
  no_json: 'The model did not return a usable JSON object, even after a retry.',
  truncated:
    "The model's answer was cut off before its JSON was complete, even after asking for a shorter one. Try less context or a higher token limit.",
  schema: "The model's answer did not have the expected fields, even after a retry",
};

/**
 * Generate → extract and validate → on failure, one repair retry with the problems spelled out → a typed value or a
 * StructuredOutputError. Errors thrown by `generate` itself (engine failure, abort) pass through unchanged.
 */
export async function runStructured<S extends z.ZodType>(
  generate: Generate,
  request: ChatRequest,
  schema: S,
): Promise<StructuredResult<z.output<S>>> {
  const ask = async (messages: ChatMessage[]) => {
    const raw = await generate(messages, { ...request, messages });
    const { text, finishReason } = typeof raw === 'string' ? { text: raw, finishReason: undefined } : raw;
    return { text, parsed: parseStructured(text, schema, finishReason) };
  };

  const first = await ask(request.messages);
  if (first.parsed.ok) return { value: first.parsed.value, attempts: 1, output: first.text };

  const second = await ask(buildRepairMessages(request.messages, first.text, first.parsed));
  if (second.parsed.ok) return { value: second.parsed.value, attempts: 2, output: second.text };

  const { kind, issues } = second.parsed;
  const message =
    kind === 'schema' ? `${FINAL_MESSAGES.schema}: ${issues.slice(0, 3).join('; ')}.` : FINAL_MESSAGES[kind];
  throw new StructuredOutputError(kind, message, { issues, attempts: 2, output: second.text });
}
