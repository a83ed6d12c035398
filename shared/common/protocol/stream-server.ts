import { z } from 'zod';
import { PROTOCOL, StreamClientMessageSchema, type StreamServerMessage } from './envelopes';
import { ProtocolError, describeZodError } from './errors';
import type { StreamMap } from './define';

/** A stream handler yields chunks and returns the end summary; it must stop when `signal` aborts. */
export type StreamHandler<P, C, E> = (params: P, signal: AbortSignal) => AsyncGenerator<C, E, void>;

export type StreamHandlers<S extends StreamMap> = {
  [K in keyof S]?: StreamHandler<z.output<S[K]['params']>, z.input<S[K]['chunk']>, z.input<S[K]['end']>>;
};

interface ActiveStream {
  controller: AbortController;
  credits: number;
  wake: (() => void) | null;
}

/**
 * Serves stream messages arriving on one channel (a port may carry many streams, told apart by id). Producers wait
 * for credits before each chunk, so a slow consumer slows the engine instead of filling memory.
 */
export function createStreamServer<S extends StreamMap>(
  streams: S,
  handlers: StreamHandlers<S>,
  rawSend: (m: StreamServerMessage) => void,
) {
  const active = new Map<string, ActiveStream>();
  const send = (m: StreamServerMessage) => {
    try {
      rawSend(m);
    } catch {
      // The channel closed under us; its close handler aborts the streams, nothing more to tell anyone.
    }
  };

  const fail = (id: string, error: ProtocolError) =>
    send({ protocol: PROTOCOL, kind: 'stream.error', id, error: error.toData() });

  async function run(id: string, method: string, params: unknown, credits: number) {
    const spec = Object.hasOwn(streams, method) ? streams[method] : undefined;
    const handler = Object.hasOwn(handlers, method) ? handlers[method as keyof S] : undefined;
    if (!spec || !handler) return fail(id, new ProtocolError('unknown_method', `Unknown stream "${method}"`));
    const parsed = spec.params.safeParse(params);
    if (!parsed.success)
      return fail(id, new ProtocolError('invalid_params', `${method}: ${describeZodError(parsed.error)}`));
    if (active.has(id)) return fail(id, new ProtocolError('bad_request', `Stream id "${id}" is already in use`));

    const state: ActiveStream = { controller: new AbortController(), credits, wake: null };
    active.set(id, state);
    const { signal } = state.controller;
    let seq = 0;
    try {
      const gen = handler(parsed.data as never, signal);
      const cancel = () => {
        // Not awaited: the engine sees the aborted signal and finishes its current step on its own.
        gen.return(undefined as never).catch(() => undefined);
        return new ProtocolError('cancelled', 'Cancelled by the client');
      };
      let pending = gen.next();
      for (;;) {
        const step = await pending;
        if (signal.aborted) throw cancel();
        if (step.done) {
          send({ protocol: PROTOCOL, kind: 'stream.end', id, data: step.value });
          return;
        }
        while (state.credits <= 0 && !signal.aborted) await new Promise<void>((resolve) => (state.wake = resolve));
        if (signal.aborted) throw cancel();
        // Ask for the next piece before sending this one, so the engine works while the message goes out. The
        // producer is then at most one piece ahead of the credits it was granted.
        pending = gen.next();
        pending.catch(() => undefined);
        state.credits -= 1;
        send({ protocol: PROTOCOL, kind: 'stream.chunk', id, seq: seq++, data: step.value });
      }
    } catch (err) {
      fail(id, ProtocolError.from(err));
    } finally {
      active.delete(id);
    }
  }

  return {
    /** Handles one incoming message; answers malformed ones with a typed error and never throws. */
    receive(raw: unknown): void {
      const msg = StreamClientMessageSchema.safeParse(raw);
      if (!msg.success) {
        const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
        if (typeof id === 'string' && id.length > 0 && id.length <= 64)
          fail(id, new ProtocolError('bad_request', `Malformed stream message: ${describeZodError(msg.error)}`));
        return;
      }
      const m = msg.data;
      if (m.kind === 'stream.start') {
        void run(m.id, m.method, m.params, m.credits);
        return;
      }
      const state = active.get(m.id);
      if (!state) return;
      if (m.kind === 'stream.credit') state.credits += m.credits;
      else state.controller.abort();
      state.wake?.();
      state.wake = null;
    },
    /** Stops every stream, e.g. when the channel they were flowing through closed. */
    abortAll(): void {
      for (const state of active.values()) {
        state.controller.abort();
        state.wake?.();
      }
    },
    get activeCount() {
      return active.size;
    },
  };
}
