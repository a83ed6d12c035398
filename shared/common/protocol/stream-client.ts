import { PROTOCOL, StreamServerMessageSchema } from './envelopes';
import { ProtocolError, describeZodError } from './errors';
import type { StreamSpec } from './define';
import type { z } from 'zod';

export interface StreamOptions<C> {
  onChunk: (chunk: C) => void;
  signal?: AbortSignal;
  /** How many chunks may be in flight before the consumer grants more. */
  window?: number;
}

/**
 * Consumes one stream over a message channel. Resolves with the validated end summary, rejects with a
 * `ProtocolError` (cancelled, the producer's error, an unreadable message, or the channel closing mid-stream).
 */
export function consumeStream<S extends StreamSpec>(
  spec: S,
  channel: {
    send: (message: unknown) => void;
    subscribe: (listener: (message: unknown) => void) => () => void;
    onClose: (listener: () => void) => () => void;
  },
  id: string,
  method: string,
  params: unknown,
  options: StreamOptions<z.output<S['chunk']>>,
): Promise<z.output<S['end']>> {
  const window = Math.max(2, options.window ?? 16);
  return new Promise((resolve, reject) => {
    let consumed = 0;
    let expectedSeq = 0;
    const cleanups: Array<() => void> = [];
    const finish = (fn: () => void) => {
      for (const c of cleanups.splice(0)) c();
      fn();
    };
    const onAbort = () => {
      channel.send({ protocol: PROTOCOL, kind: 'stream.cancel', id });
      finish(() => reject(new ProtocolError('cancelled', 'Cancelled')));
    };
    if (options.signal?.aborted) return reject(new ProtocolError('cancelled', 'Cancelled'));
    options.signal?.addEventListener('abort', onAbort, { once: true });
    cleanups.push(() => options.signal?.removeEventListener('abort', onAbort));

    cleanups.push(
      channel.onClose(() =>
        finish(() => reject(new ProtocolError('host_unavailable', 'The connection closed mid-stream'))),
      ),
    );
    cleanups.push(
      channel.subscribe((raw) => {
        const parsed = StreamServerMessageSchema.safeParse(raw);
        if (!parsed.success || parsed.data.id !== id) return;
        const m = parsed.data;
        if (m.kind === 'stream.error') return finish(() => reject(new ProtocolError(m.error.code, m.error.message)));
        if (m.kind === 'stream.end') {
          const end = spec.end.safeParse(m.data);
          return finish(() =>
            end.success
              ? resolve(end.data as z.output<S['end']>)
              : reject(new ProtocolError('invalid_response', `Bad stream end: ${describeZodError(end.error)}`)),
          );
        }
        const chunk = spec.chunk.safeParse(m.data);
        if (!chunk.success || m.seq !== expectedSeq) {
          channel.send({ protocol: PROTOCOL, kind: 'stream.cancel', id });
          const why = chunk.success ? `chunk ${m.seq} arrived, ${expectedSeq} expected` : describeZodError(chunk.error);
          return finish(() => reject(new ProtocolError('invalid_response', `Bad stream chunk: ${why}`)));
        }
        expectedSeq += 1;
        options.onChunk(chunk.data as z.output<S['chunk']>);
        consumed += 1;
        // Grant credits back in halves of the window so the producer rarely stalls, yet never runs ahead.
        if (consumed >= window / 2) {
          channel.send({ protocol: PROTOCOL, kind: 'stream.credit', id, credits: consumed });
          consumed = 0;
        }
      }),
    );
    channel.send({ protocol: PROTOCOL, kind: 'stream.start', id, method, params, credits: window });
  });
}
