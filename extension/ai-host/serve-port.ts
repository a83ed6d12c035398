import { PROTOCOL } from '../../shared/common/protocol/envelopes';
import type { PortLike } from '../../shared/common/protocol/port';
import type { HostService } from './host-service';

/** First message on a host port: tells the service worker the host is listening, and which host instance it is. */
export const hostReady = (hostId: string) => ({ protocol: PROTOCOL, kind: 'host.ready' as const, hostId });

/**
 * Serves one connection from the service worker: requests and stream messages, multiplexed by id. Anything
 * unreadable gets a typed error when it has an id to answer to, and is dropped otherwise.
 */
export function serveHostPort(port: PortLike, service: HostService): void {
  const streamServer = service.createStreamServer((m) => safePost(port, m));
  port.onMessage.addListener((raw) => {
    const kind = typeof raw === 'object' && raw !== null ? (raw as { kind?: unknown }).kind : undefined;
    if (typeof kind === 'string' && kind.startsWith('stream.')) return streamServer.receive(raw);
    void service.route(raw).then((res) => safePost(port, res));
  });
  port.onDisconnect.addListener(() => streamServer.close());
  safePost(port, hostReady(service.hostId));
}

function safePost(port: PortLike, message: unknown) {
  try {
    port.postMessage(message);
  } catch {
    // The port closed between the work and the answer; the other side already treats that as an error.
  }
}
