import type { PortLike } from './port';

/** Two connected in-memory ports, delivering asynchronously like `chrome.runtime.Port` (structured-cloned). */
interface MemoryPort extends PortLike {
  closed: boolean;
  peer: MemoryPort;
  messageListeners: Array<(m: unknown) => void>;
  disconnectListeners: Array<() => void>;
}

export function memoryPortPair(name = 'test'): [MemoryPort, MemoryPort] {
  const make = (): MemoryPort => {
    const messageListeners: Array<(m: unknown) => void> = [];
    const disconnectListeners: Array<() => void> = [];
    return {
      name,
      closed: false,
      peer: null as unknown as MemoryPort,
      postMessage(message: unknown) {
        if (this.closed) throw new Error('Attempting to use a disconnected port object');
        const copy = structuredClone(message);
        const peer = this.peer;
        queueMicrotask(() => {
          if (!peer.closed) for (const l of peer.messageListeners) l(copy);
        });
      },
      disconnect() {
        if (this.closed) return;
        this.closed = true;
        const peer = this.peer;
        queueMicrotask(() => {
          if (peer.closed) return;
          peer.closed = true;
          for (const l of peer.disconnectListeners) l();
        });
      },
      messageListeners,
      disconnectListeners,
      onMessage: { addListener: (l: (m: unknown) => void) => messageListeners.push(l) },
      onDisconnect: { addListener: (l: () => void) => disconnectListeners.push(l) },
    };
  };
  const a = make();
  const b = make();
  a.peer = b;
  b.peer = a;
  return [a, b];
}

/** Adapts a port to the channel shape `consumeStream` takes. */
export function channelOf(port: PortLike) {
  return {
    send: (m: unknown) => port.postMessage(m),
    subscribe: (fn: (m: unknown) => void) => {
      let active = true;
      port.onMessage.addListener((m) => active && fn(m));
      return () => (active = false);
    },
    onClose: (fn: () => void) => {
      let active = true;
      port.onDisconnect.addListener(() => active && fn());
      return () => (active = false);
    },
  };
}
