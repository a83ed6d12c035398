import {
  PROTOCOL,
  ResponseEnvelopeSchema,
  StreamServerMessageSchema,
  type StreamClientMessage,
  type StreamServerMessage,
} from '../../shared/common/protocol/envelopes';
import { ProtocolError } from '../../shared/common/protocol/errors';
import type { PortLike } from '../../shared/common/protocol/port';

export interface HostConnectionDeps {
  /** Makes sure the AI host document exists (creates it if needed). */
  ensureHost: () => Promise<void>;
  /** Opens a new port to the AI host. */
  connect: () => PortLike;
  readyTimeoutMs?: number;
  attempts?: number;
}

interface Connection {
  port: PortLike;
  hostId: string;
  pending: Map<string, { resolve: (v: unknown) => void; reject: (e: ProtocolError) => void }>;
  streams: Map<string, (m: StreamServerMessage) => void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The service worker's link to the AI host. It holds no model state: if the worker was killed, the next call
 * reconnects (creating the host document if it is gone too) and the host reloads what the request expects.
 */
export function createHostConnection(deps: HostConnectionDeps) {
  const readyTimeoutMs = deps.readyTimeoutMs ?? 10_000;
  const attempts = deps.attempts ?? 5;
  let current: Promise<Connection> | null = null;

  function openOnce(): Promise<Connection> {
    return new Promise((resolve, reject) => {
      const port = deps.connect();
      let ready = false;
      const conn: Connection = { port, hostId: '', pending: new Map(), streams: new Map() };
      const timer = setTimeout(() => {
        if (ready) return;
        try {
          port.disconnect();
        } catch {
          // Already closed.
        }
        reject(new ProtocolError('host_unavailable', 'The AI host did not answer in time'));
      }, readyTimeoutMs);
      port.onMessage.addListener((raw) => {
        if (!ready) {
          const r = raw as { kind?: unknown; hostId?: unknown };
          if (r && r.kind === 'host.ready' && typeof r.hostId === 'string') {
            ready = true;
            conn.hostId = r.hostId;
            clearTimeout(timer);
            resolve(conn);
          }
          return;
        }
        dispatch(conn, raw);
      });
      port.onDisconnect.addListener(() => {
        clearTimeout(timer);
        if (!ready) return reject(new ProtocolError('host_unavailable', 'The AI host closed the connection'));
        if (current)
          void current.then(
            (c) => c === conn && (current = null),
            () => undefined,
          );
        const err = new ProtocolError('host_unavailable', 'The AI host connection closed');
        for (const p of conn.pending.values()) p.reject(err);
        conn.pending.clear();
        for (const [id, listener] of conn.streams)
          listener({ protocol: PROTOCOL, kind: 'stream.error', id, error: err.toData() });
        conn.streams.clear();
      });
    });
  }

  function dispatch(conn: Connection, raw: unknown) {
    const kind = (raw as { kind?: unknown })?.kind;
    if (kind === 'response') {
      const res = ResponseEnvelopeSchema.safeParse(raw);
      if (!res.success) return;
      const waiter = conn.pending.get(res.data.id);
      if (!waiter) return;
      conn.pending.delete(res.data.id);
      if (res.data.ok) waiter.resolve(res.data.result);
      else waiter.reject(new ProtocolError(res.data.error.code, res.data.error.message));
      return;
    }
    const msg = StreamServerMessageSchema.safeParse(raw);
    if (!msg.success) return;
    const listener = conn.streams.get(msg.data.id);
    if (!listener) return;
    if (msg.data.kind !== 'stream.chunk') conn.streams.delete(msg.data.id);
    listener(msg.data);
  }

  async function open(): Promise<Connection> {
    let last: unknown;
    for (let i = 0; i < attempts; i++) {
      try {
        await deps.ensureHost();
        return await openOnce();
      } catch (err) {
        last = err;
        // The host document may still be loading its script: give it a moment.
        await sleep(50 * (i + 1));
      }
    }
    throw new ProtocolError('host_unavailable', `Could not reach the AI host: ${ProtocolError.from(last).message}`);
  }

  function get(): Promise<Connection> {
    current ??= open().catch((err) => {
      current = null;
      throw err;
    });
    return current;
  }

  return {
    /** Calls a host method; rejects with a `ProtocolError` carrying the host's code. */
    async call(method: string, params: unknown, timeoutMs = 60_000): Promise<unknown> {
      const conn = await get();
      const id = crypto.randomUUID();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          conn.pending.delete(id);
          reject(new ProtocolError('timeout', `${method} took longer than ${timeoutMs} ms`));
        }, timeoutMs);
        conn.pending.set(id, {
          resolve: (v) => (clearTimeout(timer), resolve(v)),
          reject: (e) => (clearTimeout(timer), reject(e)),
        });
        try {
          conn.port.postMessage({ protocol: PROTOCOL, kind: 'request', id, method, params });
        } catch {
          // The port died between lookup and use: forget it so the next call reconnects.
          conn.pending.delete(id);
          clearTimeout(timer);
          if (current)
            void current.then(
              (c) => c === conn && (current = null),
              () => undefined,
            );
          reject(new ProtocolError('host_unavailable', 'The AI host connection closed'));
        }
      });
    },
    /** Starts a stream on the host; its server messages go to `listener` until it ends or errors. */
    async openStream(
      start: StreamClientMessage & { kind: 'stream.start' },
      listener: (m: StreamServerMessage) => void,
    ) {
      const conn = await get();
      conn.streams.set(start.id, listener);
      conn.port.postMessage(start);
      return {
        send(m: StreamClientMessage) {
          if (conn.streams.has(m.id)) conn.port.postMessage(m);
        },
      };
    },
    /** The id of the host instance currently connected, if any (for diagnostics). */
    async hostId(): Promise<string> {
      return (await get()).hostId;
    },
  };
}
export type HostConnection = ReturnType<typeof createHostConnection>;
