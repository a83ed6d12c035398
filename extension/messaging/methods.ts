import { z } from 'zod';
import type { MethodMap, StreamMap } from '../../shared/common/protocol/define';

/**
 * What the caller expects the AI host to have loaded. Every host request carries it, so a host that was restarted
 * (or a service worker that forgot everything) reloads lazily instead of failing.
 */
export const ExpectationSchema = z.object({
  engine: z.enum(['echo']),
  model: z.string().min(1).max(200),
  /** Test hook: the echo engine's delay between tokens. */
  tokenDelayMs: z.number().int().min(0).max(5_000).optional(),
});
export type Expectation = z.infer<typeof ExpectationSchema>;

export const HostStatusSchema = z.object({
  hostId: z.string(),
  startedAt: z.number(),
  loaded: z.object({ engine: z.string(), model: z.string() }).nullable(),
  loads: z.number().int(),
  activeStreams: z.number().int(),
});
export type HostStatus = z.infer<typeof HostStatusSchema>;

export const DraftSchema = z.object({
  id: z.string().min(1).max(128),
  threadId: z.string().max(256).optional(),
  body: z.string().max(200_000),
  createdAt: z.number(),
  promptVersion: z.string().max(64).optional(),
});
export type Draft = z.infer<typeof DraftSchema>;

const MAX_PROMPT_CHARS = 100_000;

/** Request/response methods. `host.*` runs in the AI host; the rest in the service worker. */
export const methods = {
  'sw.ping': {
    params: z.object({}).strict(),
    result: z.object({ workerStartedAt: z.number(), now: z.number() }),
  },
  'host.status': {
    params: z.object({}).strict(),
    result: HostStatusSchema,
  },
  'host.echo': {
    params: z.object({ text: z.string().max(MAX_PROMPT_CHARS), expect: ExpectationSchema }).strict(),
    result: z.object({ text: z.string(), hostId: z.string(), engine: z.string(), model: z.string() }),
  },
  'store.putDraft': {
    params: z.object({ draft: DraftSchema }).strict(),
    result: z.object({ id: z.string() }),
  },
  'store.getDraft': {
    params: z.object({ id: z.string().min(1).max(128) }).strict(),
    result: DraftSchema.nullable(),
  },
  'store.counts': {
    params: z.object({}).strict(),
    result: z.record(z.string(), z.number().int()),
  },
} satisfies MethodMap;
export type Methods = typeof methods;

/** Streaming methods (all served by the AI host). */
export const streams = {
  'host.generate': {
    params: z
      .object({
        prompt: z.string().max(MAX_PROMPT_CHARS),
        maxTokens: z.number().int().min(1).max(8_192),
        expect: ExpectationSchema,
      })
      .strict(),
    chunk: z.object({ token: z.string() }),
    end: z.object({ tokens: z.number().int(), finishReason: z.enum(['stop', 'length']), hostId: z.string() }),
  },
} satisfies StreamMap;
export type Streams = typeof streams;

/** Methods the service worker forwards to the AI host rather than answering itself. */
export const isHostMethod = (method: string) => method.startsWith('host.');
