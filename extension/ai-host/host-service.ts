import { createRouter, type Handlers } from '../../shared/common/protocol/router';
import { createStreamServer, type StreamHandlers } from '../../shared/common/protocol/stream-server';
import { ProtocolError } from '../../shared/common/protocol/errors';
import type { TextEngine } from '../../shared/common/llm/engine';
import type { StreamServerMessage } from '../../shared/common/protocol/envelopes';
import { methods, streams, type Expectation, type Methods, type Streams } from '../messaging/methods';
import { createEngine } from './engine-registry';

const sameExpectation = (a: Expectation, b: Expectation) =>
  a.engine === b.engine && a.model === b.model && (a.tokenDelayMs ?? 0) === (b.tokenDelayMs ?? 0);

/**
 * The AI host: the one place where engines live. It keeps at most one engine loaded and reloads lazily whenever a
 * request expects something else, which is how it recovers after any other context was restarted.
 */
export function createHostService(options: { hostId?: string; engineFactory?: (e: Expectation) => TextEngine } = {}) {
  const hostId = options.hostId ?? crypto.randomUUID();
  const startedAt = Date.now();
  const engineFactory = options.engineFactory ?? createEngine;
  let current: { expect: Expectation; engine: TextEngine } | null = null;
  let loading: Promise<TextEngine> | null = null;
  let loads = 0;
  const servers = new Set<{ activeCount: number }>();

  async function ensure(expect: Expectation): Promise<TextEngine> {
    // Serialise loads: ten tabs asking at once must not load ten models.
    while (loading) await loading.catch(() => undefined);
    if (current && sameExpectation(current.expect, expect)) return current.engine;
    loading = (async () => {
      if (current) await current.engine.unload();
      current = null;
      const engine = engineFactory(expect);
      try {
        await engine.load();
      } catch (err) {
        throw new ProtocolError('engine_error', `Could not load ${expect.model}: ${ProtocolError.from(err).message}`);
      }
      loads += 1;
      current = { expect, engine };
      return engine;
    })();
    try {
      return await loading;
    } finally {
      loading = null;
    }
  }

  const handlers: Handlers<Methods> = {
    'host.status': () => ({
      hostId,
      startedAt,
      loaded: current ? { engine: current.engine.engineId, model: current.engine.model } : null,
      loads,
      activeStreams: [...servers].reduce((n, s) => n + s.activeCount, 0),
    }),
    'host.echo': async ({ text, expect }) => {
      const engine = await ensure(expect);
      return { text, hostId, engine: engine.engineId, model: engine.model };
    },
  };

  const streamHandlers: StreamHandlers<Streams> = {
    'host.generate': async function* ({ prompt, maxTokens, expect }, signal) {
      const engine = await ensure(expect);
      const gen = engine.generate({ prompt, maxTokens }, signal);
      let tokens = 0;
      for (;;) {
        let step: IteratorResult<string, 'stop' | 'length'>;
        try {
          step = await gen.next();
        } catch (err) {
          throw new ProtocolError('engine_error', ProtocolError.from(err).message);
        }
        if (step.done) return { tokens, finishReason: step.value, hostId };
        tokens += 1;
        yield { token: step.value };
      }
    },
  };

  const route = createRouter(methods, handlers);

  return {
    hostId,
    route,
    /** One stream server per channel, so closing a channel aborts only its own streams. */
    createStreamServer(send: (m: StreamServerMessage) => void) {
      const server = createStreamServer(streams, streamHandlers, send);
      servers.add(server);
      return { ...server, close: () => (server.abortAll(), servers.delete(server)) };
    },
  };
}
export type HostService = ReturnType<typeof createHostService>;
