import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { validPersona } from './persona-fixtures';
import type { ChatMessage, ChatRequest } from './chat';
import { StructuredOutputError } from './errors';
import { PersonaDraftSchema } from './persona-schema';
import { buildRepairMessages } from './repair';
import type { FinishReason, TextEngine } from '../engine';
import { engineGenerate, runStructured, type GenerationOutput } from './run-structured';

const request: ChatRequest = {
  messages: [
    { role: 'system', content: 'Answer with JSON.' },
    { role: 'user', content: 'Who is this?' },
  ],
  maxTokens: 200,
  temperature: 0.1,
};

/** A generator that answers from a script and records what it was asked. */
function scripted(...answers: (string | GenerationOutput)[]) {
  const calls: ChatMessage[][] = [];
  const generate = async (messages: ChatMessage[]) => {
    calls.push(messages);
    const answer = answers[calls.length - 1];
    if (answer === undefined) throw new Error('asked too many times');
    return answer;
  };
  return { generate, calls };
}

const Schema = z.strictObject({ name: z.string(), score: z.number().min(0).max(1) });

async function failure(promise: Promise<unknown>): Promise<StructuredOutputError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof StructuredOutputError) return err;
    throw err;
  }
  throw new Error('expected a StructuredOutputError');
}

describe('runStructured', () => {
  it('returns the value when the first answer is valid', async () => {
    const { generate, calls } = scripted('Here you go:\n```json\n{"name": "Ann", "score": 0.5}\n```');
    const result = await runStructured(generate, request, Schema);
    expect(result).toMatchObject({ value: { name: 'Ann', score: 0.5 }, attempts: 1 });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toEqual(request.messages);
  });

  it('retries once with the validation errors and returns the repaired value', async () => {
    const { generate, calls } = scripted('{"name": "Ann", "score": 7}', '{"name": "Ann", "score": 0.7}');
    const result = await runStructured(generate, request, Schema);
    expect(result).toMatchObject({ value: { score: 0.7 }, attempts: 2 });
    const retry = calls[1] ?? [];
    expect(retry.slice(0, 2)).toEqual(request.messages);
    expect(retry[2]).toEqual({ role: 'assistant', content: '{"name": "Ann", "score": 7}' });
    expect(retry[3]?.role).toBe('user');
    expect(retry[3]?.content).toMatch(/score: Too big/);
  });

  it('throws a schema error naming the problems when the retry is invalid too', async () => {
    const { generate } = scripted('{"name": 1, "score": 0.5}', '{"name": "Ann", "score": 0.5, "age": 40}');
    const error = await failure(runStructured(generate, request, Schema));
    expect(error.kind).toBe('schema');
    expect(error.attempts).toBe(2);
    expect(error.issues).toEqual(['(root): Unrecognized key: "age"']);
    expect(error.message).toMatch(/did not have the expected fields, even after a retry: \(root\): Unrecognized key/);
    expect(error.output).toContain('"age": 40');
  });

  it('throws no_json when the model answers prose twice', async () => {
    const { generate, calls } = scripted('I am not sure who this is.', 'Sorry, I cannot tell.');
    const error = await failure(runStructured(generate, request, Schema));
    expect(error.kind).toBe('no_json');
    expect(error.message).toMatch(/did not return a usable JSON object/);
    expect(calls[1]?.at(-1)?.content).toMatch(/contains no JSON object/);
  });

  it('asks for a shorter answer after a truncated one, without echoing it', async () => {
    const { generate, calls } = scripted('{"name": "Ann", "score": 0.', '{"name": "Ann", "score": 0.4}');
    const result = await runStructured(generate, request, Schema);
    expect(result.attempts).toBe(2);
    const retry = calls[1] ?? [];
    expect(retry).toHaveLength(3);
    expect(retry[2]?.content).toMatch(/cut off.*shorter/s);
  });

  it('treats finishReason "length" as truncation and reports it after two cut-off answers', async () => {
    const { generate } = scripted(
      { text: 'Let me think about this carefully', finishReason: 'length' },
      { text: '{"name": "An', finishReason: 'length' },
    );
    const error = await failure(runStructured(generate, request, Schema));
    expect(error.kind).toBe('truncated');
    expect(error.message).toMatch(/cut off/);
  });

  it('passes the sampling settings to the generator', async () => {
    let seen: ChatRequest | undefined;
    await runStructured(
      async (_messages, req) => {
        seen = req;
        return '{"name": "A", "score": 1}';
      },
      request,
      Schema,
    );
    expect(seen).toMatchObject({ maxTokens: 200, temperature: 0.1 });
  });

  it('lets engine errors through unchanged', async () => {
    const boom = new Error('GPU lost');
    await expect(
      runStructured(
        async () => {
          throw boom;
        },
        request,
        Schema,
      ),
    ).rejects.toBe(boom);
  });

  it('repairs a persona that mentions a protected attribute', async () => {
    const bad = {
      ...validPersona(),
      interests: [{ value: 'Volunteers at his mosque', confidence: 0.6, source: 'thread' }],
    };
    const good = {
      ...validPersona(),
      interests: [{ value: 'Community volunteering', confidence: 0.6, source: 'thread' }],
    };
    const { generate, calls } = scripted(JSON.stringify(bad), JSON.stringify(good));
    const result = await runStructured(generate, request, PersonaDraftSchema);
    expect(result.value.interests[0]?.value).toBe('Community volunteering');
    expect(calls[1]?.at(-1)?.content).toMatch(/interests\.0\.value: mentions a protected attribute \(religion/);
  });

  it('rejects a persona that keeps a protected attribute after the retry', async () => {
    const bad = JSON.stringify({ ...validPersona(), age: { value: '45', confidence: 0.9, source: 'thread' } });
    const { generate } = scripted(bad, bad);
    const error = await failure(runStructured(generate, request, PersonaDraftSchema));
    expect(error.kind).toBe('schema');
    expect(error.issues.join('\n')).toMatch(/Unrecognized key: "age"/);
  });
});

/** A minimal engine that streams scripted answers in small pieces, stopping at maxTokens pieces like a real one. */
function fakeEngine(answers: string[]): TextEngine & { requests: ChatRequest[] } {
  const requests: ChatRequest[] = [];
  return {
    engineId: 'fake',
    model: 'fake-1',
    requests,
    load: async () => {},
    unload: async () => {},
    async *generate(req: ChatRequest): AsyncGenerator<string, FinishReason, void> {
      requests.push(req);
      const pieces = (answers[requests.length - 1] ?? '').match(/.{1,4}/gs) ?? [];
      for (const [i, piece] of pieces.entries()) {
        if (i >= req.maxTokens) return 'length';
        yield piece;
      }
      return 'stop';
    },
  };
}

describe('engineGenerate', () => {
  it('runs a TextEngine with the messages of each attempt', async () => {
    const engine = fakeEngine(['{"name": "Ann", "score": 3}', '{"name": "Ann", "score": 0.3}']);
    const result = await runStructured(engineGenerate(engine, new AbortController().signal), request, Schema);
    expect(result).toMatchObject({ value: { name: 'Ann', score: 0.3 }, attempts: 2 });
    expect(engine.requests[0]?.messages).toEqual(request.messages);
    expect(engine.requests[1]?.messages).toHaveLength(4);
    expect(engine.requests[1]?.temperature).toBe(0.1);
  });

  it('reports the engine stopping at its token limit as truncation', async () => {
    const long = JSON.stringify({ name: 'A'.repeat(100), score: 0.5 });
    const engine = fakeEngine([long, long]);
    const error = await failure(
      runStructured(engineGenerate(engine, new AbortController().signal), { ...request, maxTokens: 5 }, Schema),
    );
    expect(error.kind).toBe('truncated');
  });
});

describe('buildRepairMessages', () => {
  it('clips a very long failed answer', () => {
    const messages = buildRepairMessages(request.messages, 'x'.repeat(10_000), {
      kind: 'no_json',
      summary: 'The answer contains no JSON object.',
      issues: [],
    });
    expect(messages[2]?.content.length).toBeLessThanOrEqual(3_000);
  });
});
