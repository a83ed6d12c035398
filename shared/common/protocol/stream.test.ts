import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createStreamServer } from './stream-server';
import { consumeStream } from './stream-client';
import { PROTOCOL, type StreamServerMessage } from './envelopes';
import { ProtocolError } from './errors';
import { channelOf, memoryPortPair } from './memory-port.test-utils';

const streams = {
  count: {
    params: z.object({ n: z.number().int().min(0).max(10_000) }),
    chunk: z.object({ i: z.number() }),
    end: z.object({ total: z.number() }),
  },
  broken: { params: z.object({}), chunk: z.object({ i: z.number() }), end: z.object({ total: z.number() }) },
};

function setup(opts: { produced?: number[] } = {}) {
  const [client, server] = memoryPortPair();
  const srv = createStreamServer(
    streams,
    {
      count: async function* ({ n }, signal) {
        for (let i = 0; i < n; i++) {
          if (signal.aborted) break;
          opts.produced?.push(i);
          yield { i };
        }
        return { total: n };
      },
      broken: async function* () {
        yield { i: 0 };
        throw new ProtocolError('engine_error', 'device lost');
      },
    },
    (m) => server.postMessage(m),
  );
  server.onMessage.addListener((m) => srv.receive(m));
  server.onDisconnect.addListener(() => srv.abortAll());
  return { client, server, srv };
}

describe('streams', () => {
  it('delivers every chunk in order, then the end summary', async () => {
    const { client } = setup();
    const seen: number[] = [];
    const end = await consumeStream(
      streams.count,
      channelOf(client),
      's1',
      'count',
      { n: 50 },
      { onChunk: (c) => seen.push(c.i), window: 4 },
    );
    expect(end).toEqual({ total: 50 });
    expect(seen).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it('never lets the producer run ahead of the credits granted', async () => {
    const produced: number[] = [];
    const { client } = setup({ produced });
    const channel = channelOf(client);
    // Grant 3 credits and never more: the producer must stop at 3 chunks.
    const received: unknown[] = [];
    channel.subscribe((m) => received.push(m));
    channel.send({
      protocol: PROTOCOL,
      kind: 'stream.start',
      id: 'bp',
      method: 'count',
      params: { n: 100 },
      credits: 3,
    });
    await new Promise((r) => setTimeout(r, 30));
    expect(received.filter((m) => (m as StreamServerMessage).kind === 'stream.chunk')).toHaveLength(3);
    expect(produced.length).toBeLessThanOrEqual(4);
    channel.send({ protocol: PROTOCOL, kind: 'stream.credit', id: 'bp', credits: 2 });
    await new Promise((r) => setTimeout(r, 30));
    expect(received.filter((m) => (m as StreamServerMessage).kind === 'stream.chunk')).toHaveLength(5);
  });

  it('cancels midway and the producer stops', async () => {
    const produced: number[] = [];
    const { client, srv } = setup({ produced });
    const controller = new AbortController();
    const seen: number[] = [];
    const done = consumeStream(
      streams.count,
      channelOf(client),
      'c1',
      'count',
      { n: 10_000 },
      {
        window: 4,
        signal: controller.signal,
        onChunk: (c) => {
          seen.push(c.i);
          if (c.i === 5) controller.abort();
        },
      },
    );
    await expect(done).rejects.toMatchObject({ code: 'cancelled' });
    await new Promise((r) => setTimeout(r, 20));
    expect(srv.activeCount).toBe(0);
    expect(produced.length).toBeLessThan(20);
  });

  it('reports a producer failure as a typed error after the chunks before it', async () => {
    const { client } = setup();
    const seen: number[] = [];
    await expect(
      consumeStream(streams.broken, channelOf(client), 'b1', 'broken', {}, { onChunk: (c) => seen.push(c.i) }),
    ).rejects.toMatchObject({ code: 'engine_error', message: 'device lost' });
    expect(seen).toEqual([0]);
  });

  it('rejects unknown streams and bad params with typed errors', async () => {
    const { client } = setup();
    await expect(
      consumeStream(streams.count, channelOf(client), 'u1', 'nope', {}, { onChunk: () => undefined }),
    ).rejects.toMatchObject({ code: 'unknown_method' });
    await expect(
      consumeStream(streams.count, channelOf(client), 'p1', 'count', { n: -1 }, { onChunk: () => undefined }),
    ).rejects.toMatchObject({ code: 'invalid_params' });
  });

  it('rejects with host_unavailable when the channel closes mid-stream', async () => {
    const { client, server } = setup();
    const done = consumeStream(
      streams.count,
      channelOf(client),
      'd1',
      'count',
      { n: 10_000 },
      {
        window: 2,
        onChunk: (c) => c.i === 3 && server.disconnect(),
      },
    );
    await expect(done).rejects.toMatchObject({ code: 'host_unavailable' });
  });

  it('answers a malformed stream message that has an id, and ignores one without', async () => {
    const { client } = setup();
    const received: StreamServerMessage[] = [];
    client.onMessage.addListener((m) => received.push(m as StreamServerMessage));
    client.postMessage({ protocol: PROTOCOL, kind: 'stream.start', id: 'm1', method: 'count', params: {}, credits: 0 });
    client.postMessage({ garbage: true });
    await new Promise((r) => setTimeout(r, 10));
    expect(received).toEqual([
      expect.objectContaining({
        kind: 'stream.error',
        id: 'm1',
        error: expect.objectContaining({ code: 'bad_request' }),
      }),
    ]);
  });

  it('rejects a chunk that breaks the schema and cancels the stream', async () => {
    const [client, server] = memoryPortPair();
    server.onMessage.addListener((m) => {
      const msg = m as { kind: string; id: string };
      if (msg.kind === 'stream.start')
        server.postMessage({ protocol: PROTOCOL, kind: 'stream.chunk', id: msg.id, seq: 0, data: { i: 'x' } });
    });
    await expect(
      consumeStream(streams.count, channelOf(client), 'z1', 'count', { n: 1 }, { onChunk: () => undefined }),
    ).rejects.toMatchObject({ code: 'invalid_response' });
  });
});
