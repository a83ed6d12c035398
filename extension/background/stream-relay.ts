import { PROTOCOL, StreamClientMessageSchema, type StreamClientMessage } from '../../shared/common/protocol/envelopes';
import { ProtocolError, describeZodError } from '../../shared/common/protocol/errors';
import type { PortLike } from '../../shared/common/protocol/port';
import type { StreamMap } from '../../shared/common/protocol/define';
import type { HostConnection } from './host-connection';
import { checkModelBase } from './model-base';

/**
 * Relays one client's stream port to the AI host. Starts are validated here, at the boundary, so nothing malformed
 * reaches the host; the client's credits and cancels pass through; a client that goes away cancels its streams.
 */
export function relayStreamPort(
  client: PortLike,
  host: HostConnection,
  streams: StreamMap,
  modelBase: () => Promise<string | null> = async () => null,
): void {
  const open = new Map<string, { send: (m: StreamClientMessage) => void }>();
  let chain: Promise<void> = Promise.resolve();
  const post = (m: unknown) => {
    try {
      client.postMessage(m);
    } catch {
      // Client gone; onDisconnect cleans up.
    }
  };
  const fail = (id: string, err: ProtocolError) =>
    post({ protocol: PROTOCOL, kind: 'stream.error', id, error: err.toData() });

  async function handle(raw: unknown) {
    const parsed = StreamClientMessageSchema.safeParse(raw);
    if (!parsed.success) {
      const id = (raw as { id?: unknown } | null)?.id;
      if (typeof id === 'string' && id.length > 0 && id.length <= 64)
        fail(id, new ProtocolError('bad_request', `Malformed stream message: ${describeZodError(parsed.error)}`));
      return;
    }
    const m = parsed.data;
    if (m.kind !== 'stream.start') return open.get(m.id)?.send(m);
    const spec = Object.hasOwn(streams, m.method) ? streams[m.method] : undefined;
    if (!spec) return fail(m.id, new ProtocolError('unknown_method', `Unknown stream "${m.method}"`));
    const params = spec.params.safeParse(m.params);
    if (!params.success)
      return fail(m.id, new ProtocolError('invalid_params', `${m.method}: ${describeZodError(params.error)}`));
    try {
      checkModelBase(m.method, params.data, await modelBase());
      const handle = await host.openStream(m, (serverMsg) => {
        if (serverMsg.kind !== 'stream.chunk') open.delete(serverMsg.id);
        post(serverMsg);
      });
      open.set(m.id, handle);
    } catch (err) {
      fail(m.id, ProtocolError.from(err));
    }
  }

  client.onMessage.addListener((raw) => {
    // Sequential, so a credit or cancel never overtakes the start it belongs to.
    chain = chain.then(() => handle(raw)).catch(() => undefined);
  });
  client.onDisconnect.addListener(() => {
    for (const [id, h] of open) h.send({ protocol: PROTOCOL, kind: 'stream.cancel', id });
    open.clear();
  });
}
