import { browser } from 'wxt/browser';
import { PROTOCOL, ResponseEnvelopeSchema } from '../../shared/common/protocol/envelopes';
import { ProtocolError, describeZodError } from '../../shared/common/protocol/errors';
import type { ChunkOf, EndOf, ParamsOf, ResultOf, StreamParamsOf } from '../../shared/common/protocol/define';
import { consumeStream } from '../../shared/common/protocol/stream-client';
import { methods, streams, type Methods, type Streams } from './methods';
import { STREAM_PORT_NAME } from './ports';

const newId = () => crypto.randomUUID();

/**
 * Calls a method through the service worker and returns its validated result. Throws `ProtocolError` on any failure,
 * including an answer that does not match the method's result schema.
 */
export async function request<K extends keyof Methods & string>(
  method: K,
  params: ParamsOf<Methods, K>,
  options: { timeoutMs?: number } = {},
): Promise<ResultOf<Methods, K>> {
  const id = newId();
  const envelope = { protocol: PROTOCOL, kind: 'request', id, method, params };
  const timeoutMs = options.timeoutMs ?? 60_000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let raw: unknown;
  try {
    raw = await Promise.race([
      browser.runtime.sendMessage(envelope),
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new ProtocolError('timeout', `${method} took longer than ${timeoutMs} ms`)),
          timeoutMs,
        );
      }),
    ]);
  } catch (err) {
    if (err instanceof ProtocolError) throw err;
    // "Extension context invalidated" or "Receiving end does not exist": the extension is unreachable from here.
    throw new ProtocolError('host_unavailable', err instanceof Error ? err.message : String(err));
  } finally {
    clearTimeout(timer);
  }
  const res = ResponseEnvelopeSchema.safeParse(raw);
  if (!res.success)
    throw new ProtocolError('invalid_response', `Unreadable answer to ${method}: ${describeZodError(res.error)}`);
  if (res.data.id !== id) throw new ProtocolError('invalid_response', `Answer to ${method} has another id`);
  if (!res.data.ok) throw new ProtocolError(res.data.error.code, res.data.error.message);
  const result = methods[method].result.safeParse(res.data.result);
  if (!result.success)
    throw new ProtocolError('invalid_response', `${method} result: ${describeZodError(result.error)}`);
  return result.data as ResultOf<Methods, K>;
}

/** Runs a streaming method; `onChunk` sees each validated chunk; resolves with the end summary. */
export function stream<K extends keyof Streams & string>(
  method: K,
  params: StreamParamsOf<Streams, K>,
  options: { onChunk: (chunk: ChunkOf<Streams, K>) => void; signal?: AbortSignal; window?: number },
): Promise<EndOf<Streams, K>> {
  let port: ReturnType<typeof browser.runtime.connect>;
  try {
    port = browser.runtime.connect({ name: STREAM_PORT_NAME });
  } catch (err) {
    return Promise.reject(new ProtocolError('host_unavailable', err instanceof Error ? err.message : String(err)));
  }
  const channel = {
    send: (m: unknown) => {
      try {
        port.postMessage(m);
      } catch {
        // Port closed; onClose reports it.
      }
    },
    subscribe: (fn: (m: unknown) => void) => {
      port.onMessage.addListener(fn);
      return () => port.onMessage.removeListener(fn);
    },
    onClose: (fn: () => void) => {
      port.onDisconnect.addListener(fn);
      return () => port.onDisconnect.removeListener(fn);
    },
  };
  return consumeStream(streams[method], channel, newId(), method, params, options).finally(() =>
    port.disconnect(),
  ) as Promise<EndOf<Streams, K>>;
}
