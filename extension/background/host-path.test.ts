import { describe, expect, it, vi } from 'vitest';
import { channelOf, memoryPortPair } from '../../shared/common/protocol/memory-port.test-utils';
import { consumeStream } from '../../shared/common/protocol/stream-client';
import { PROTOCOL } from '../../shared/common/protocol/envelopes';
import type { PortLike } from '../../shared/common/protocol/port';
import { createHostService, type HostService } from '../ai-host/host-service';
import { serveHostPort } from '../ai-host/serve-port';
import { streams } from '../messaging/methods';
import { createHostConnection } from './host-connection';
import { createBackgroundRouter } from './router';
import { relayStreamPort } from './stream-relay';

const expect1 = { engine: 'echo' as const, model: 'echo-1' };

/** A host "document" that can be closed and re-created, and a worker that can be killed and re-started. */
function world() {
  let host: HostService | null = null;
  let hostPorts: PortLike[] = [];
  const ensureHost = vi.fn(async () => {
    host ??= createHostService();
  });
  const connect = () => {
    const [workerSide, hostSide] = memoryPortPair('closer/host');
    if (host) serveHostPort(hostSide, host);
    hostPorts.push(workerSide);
    return workerSide;
  };
  const startWorker = () => {
    const conn = createHostConnection({ ensureHost, connect, readyTimeoutMs: 200, attempts: 3 });
    return { conn, route: createBackgroundRouter(conn, {}) };
  };
  return {
    ensureHost,
    startWorker,
    get host() {
      return host;
    },
    /** Chrome killing the worker: its ports to the host close. */
    killWorkerPorts() {
      for (const p of hostPorts) p.disconnect();
      hostPorts = [];
    },
    closeHostDocument() {
      host = null;
      for (const p of hostPorts) p.disconnect();
      hostPorts = [];
    },
  };
}

const req = (id: string, method: string, params: unknown) => ({
  protocol: PROTOCOL,
  kind: 'request',
  id,
  method,
  params,
});

describe('service worker → AI host', () => {
  it('forwards host requests and answers with the host result', async () => {
    const w = world();
    const { route } = w.startWorker();
    const res = await route(req('1', 'host.echo', { text: 'hi', expect: expect1 }));
    expect(res).toMatchObject({ ok: true, result: { text: 'hi', engine: 'echo', model: 'echo-1' } });
    expect(w.ensureHost).toHaveBeenCalled();
  });

  it('validates params in the worker: the host never sees a malformed request', async () => {
    const w = world();
    const { route } = w.startWorker();
    const res = await route(req('2', 'host.echo', { text: 42, expect: expect1 }));
    expect(res).toMatchObject({ ok: false, error: { code: 'invalid_params' } });
    expect(w.host).toBeNull();
  });

  it('survives a killed worker: a new worker reconnects and the host keeps its loaded engine', async () => {
    const w = world();
    const first = w.startWorker();
    const a = await first.route(req('a', 'host.echo', { text: 'one', expect: expect1 }));
    const hostId = a.ok ? (a.result as { hostId: string }).hostId : '';
    w.killWorkerPorts();
    const second = w.startWorker();
    const b = await second.route(req('b', 'host.echo', { text: 'two', expect: expect1 }));
    expect(b).toMatchObject({ ok: true, result: { text: 'two', hostId } });
    const status = await second.route(req('s', 'host.status', {}));
    expect(status).toMatchObject({ ok: true, result: { loads: 1, loaded: { model: 'echo-1' } } });
  });

  it('re-creates a closed host document and reloads what the request expects', async () => {
    const w = world();
    const { route } = w.startWorker();
    await route(req('a', 'host.echo', { text: 'one', expect: expect1 }));
    w.closeHostDocument();
    await new Promise((r) => setTimeout(r, 5));
    const b = await route(req('b', 'host.echo', { text: 'two', expect: { engine: 'echo', model: 'echo-2' } }));
    expect(b).toMatchObject({ ok: true, result: { text: 'two', model: 'echo-2' } });
  });

  it('reports host_unavailable when the host cannot be reached at all', async () => {
    const conn = createHostConnection({
      ensureHost: async () => undefined,
      connect: () => memoryPortPair()[0],
      readyTimeoutMs: 20,
      attempts: 2,
    });
    const route = createBackgroundRouter(conn, {});
    expect(await route(req('x', 'host.status', {}))).toMatchObject({ ok: false, error: { code: 'host_unavailable' } });
  });

  it('relays a stream from a client port through the worker to the host and back', async () => {
    const w = world();
    const { conn } = w.startWorker();
    const [client, workerSide] = memoryPortPair('closer/stream');
    relayStreamPort(workerSide, conn, streams);
    const tokens: string[] = [];
    const end = await consumeStream(
      streams['host.generate'],
      channelOf(client),
      'g1',
      'host.generate',
      { request: { messages: [{ role: 'user', content: 'stream me please' }], maxTokens: 100 }, expect: expect1 },
      { onChunk: (c) => tokens.push(c.token), window: 2 },
    );
    expect(tokens.join('')).toBe('Echo: stream me please');
    expect(end).toMatchObject({ tokens: tokens.length, finishReason: 'stop' });
  });

  it('stops the host stream when the client goes away', async () => {
    const w = world();
    const { conn } = w.startWorker();
    const [client, workerSide] = memoryPortPair('closer/stream');
    relayStreamPort(workerSide, conn, streams);
    const channel = channelOf(client);
    channel.send({
      protocol: PROTOCOL,
      kind: 'stream.start',
      id: 'g2',
      method: 'host.generate',
      params: {
        request: { messages: [{ role: 'user', content: 'word '.repeat(2000) }], maxTokens: 4000 },
        expect: { ...expect1, tokenDelayMs: 1 },
      },
      credits: 1000,
    });
    await new Promise((r) => setTimeout(r, 30));
    const status = await conn.call('host.status', {});
    expect((status as { activeStreams: number }).activeStreams).toBe(1);
    client.disconnect();
    await new Promise((r) => setTimeout(r, 30));
    expect(((await conn.call('host.status', {})) as { activeStreams: number }).activeStreams).toBe(0);
  });

  it('answers a malformed stream start with a typed error and keeps relaying', async () => {
    const w = world();
    const { conn } = w.startWorker();
    const [client, workerSide] = memoryPortPair('closer/stream');
    relayStreamPort(workerSide, conn, streams);
    const channel = channelOf(client);
    await expect(
      consumeStream(
        streams['host.generate'],
        channel,
        'bad',
        'host.generate',
        { prompt: 1 },
        { onChunk: () => undefined },
      ),
    ).rejects.toMatchObject({ code: 'invalid_params' });
    const end = await consumeStream(
      streams['host.generate'],
      channel,
      'good',
      'host.generate',
      { request: { messages: [{ role: 'user', content: 'ok' }], maxTokens: 2 }, expect: expect1 },
      { onChunk: () => undefined },
    );
    expect(end).toMatchObject({ tokens: 2, finishReason: 'length' });
  });
});
