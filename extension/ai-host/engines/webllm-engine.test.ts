import { describe, expect, it } from 'vitest';
import type { AppConfig } from '@mlc-ai/web-llm';
import { WebLlmEngine } from './webllm-engine';
import { createHostService } from '../host-service';
import { webLlmStandIn, type StandInBehaviour } from '../test-support/webllm-standin';
import { buildCatalogue } from '../../../shared/common/llm/catalogue';
import type { DeviceReport } from '../../../shared/common/llm/device';
import { EchoEngine } from '../../../shared/common/llm/echo-engine';
import { EngineFailure, type TextEngine } from '../../../shared/common/llm/engine';
import { PROTOCOL, type StreamServerMessage } from '../../../shared/common/protocol/envelopes';

const BIG = 'Llama-3.2-3B-Instruct-q4f16_1-MLC';
const SMALL = 'Qwen2.5-0.5B-Instruct-q4f16_1-MLC';
const RECORDS = [
  { model_id: BIG, model: 'https://m.example/a/', model_lib: 'https://m.example/a.wasm', vram_required_MB: 2264 },
  { model_id: SMALL, model: 'https://m.example/b/', model_lib: 'https://m.example/b.wasm', vram_required_MB: 945 },
];
const appConfig = async () => ({ model_list: RECORDS }) as unknown as AppConfig;
const GPU: DeviceReport = {
  webgpu: true,
  adapter: { vendor: 'acme', architecture: 'x', description: 'Acme GPU', isFallbackAdapter: false },
  shaderF16: true,
  maxBufferSize: 2 ** 31,
  maxStorageBufferBindingSize: 2 ** 31,
  deviceMemoryGB: 16,
  promptApi: 'available',
};

const behaviour = (b: Partial<StandInBehaviour> = {}): StandInBehaviour => ({
  reload: 'ok',
  reply: 'Hi Jane, Tuesday works.',
  ...b,
});

/** A host whose web-llm engines run web-llm's real client and handler over the stand-in worker. */
function hostWith(b: StandInBehaviour, opts: { failToStart?: boolean; promptApi?: () => TextEngine } = {}) {
  const standIn = webLlmStandIn(b, opts);
  const created: string[] = [];
  const host = createHostService({
    detectDevice: async () => GPU,
    loadCatalogue: async () => buildCatalogue(RECORDS),
    createEngine: async (e) => {
      created.push(`${e.engine}:${e.model}`);
      if (e.engine === 'webllm')
        return new WebLlmEngine(e.model, undefined, { createWorker: standIn.createWorker, appConfig });
      if (e.engine === 'prompt-api' && opts.promptApi) return opts.promptApi();
      return new EchoEngine(e.model);
    },
  });
  return { host, standIn, created };
}

/** Starts a stream on its own channel; `cancel` sends stream.cancel, `done` resolves with every message. */
function startStream(host: ReturnType<typeof createHostService>, method: string, params: unknown) {
  const messages: StreamServerMessage[] = [];
  let resolve!: (m: StreamServerMessage[]) => void;
  const done = new Promise<StreamServerMessage[]>((r) => (resolve = r));
  let onChunk: (() => void) | null = null;
  const server = host.createStreamServer((m) => {
    messages.push(m);
    if (m.kind === 'stream.chunk') onChunk?.();
    else resolve(messages);
  });
  server.receive({ protocol: PROTOCOL, kind: 'stream.start', id: 's', method, params, credits: 1000 });
  return {
    done,
    messages,
    firstChunk: new Promise<void>((r) => (onChunk = r)),
    cancel: () => server.receive({ protocol: PROTOCOL, kind: 'stream.cancel', id: 's' }),
  };
}
const text = (msgs: StreamServerMessage[]) =>
  msgs.flatMap((m) => (m.kind === 'stream.chunk' ? [(m.data as { token: string }).token] : [])).join('');
const chat = (content: string) => ({ messages: [{ role: 'user', content }], maxTokens: 100 });

describe('web-llm engine over web-llm’s own worker protocol', () => {
  it('a download cancelled mid-way ends the load at once, and the next request loads normally', async () => {
    const b = behaviour({ reload: 'hang' });
    const { host, standIn } = hostWith(b);
    const load = startStream(host, 'host.loadModel', { expect: { engine: 'webllm', model: SMALL } });
    await load.firstChunk; // web-llm reported download progress: the worker is busy in reload()
    load.cancel();
    const end = await load.done;
    expect(end.at(-1)).toMatchObject({ kind: 'stream.error' });
    expect(standIn.workers[0]?.terminated).toBe(true);
    // Without the race, CreateWebWorkerMLCEngine never settles and this request waits on the load lock for ever.
    b.reload = 'ok';
    const next = await startStream(host, 'host.generate', {
      request: chat('x'),
      expect: { engine: 'webllm', model: SMALL },
    }).done;
    expect(next.at(-1)).toMatchObject({ kind: 'stream.end', data: { model: SMALL } });
    expect(text(next)).toBe('Hi Jane, Tuesday works.');
  });

  it('a worker whose script fails to load releases the lock with a clear error', async () => {
    const { host } = hostWith(behaviour(), { failToStart: true });
    const first = await startStream(host, 'host.generate', {
      request: chat('x'),
      expect: { engine: 'webllm', model: SMALL },
    }).done;
    expect(JSON.stringify(first.at(-1))).toContain('model worker could not start');
    const echo = await host.route({
      protocol: PROTOCOL,
      kind: 'request',
      id: 'e',
      method: 'host.echo',
      params: { text: 'still here', expect: { engine: 'echo', model: 'e' } },
    });
    expect(echo).toMatchObject({ ok: true, result: { text: 'still here' } });
  });

  it('DeviceLostError from reload() moves to the same model once, a smaller one, the Prompt API, then none', async () => {
    let promptApiWorks = true;
    const prompt = () => {
      const e = new EchoEngine('chrome-built-in');
      Object.defineProperty(e, 'engineId', { value: 'prompt-api' });
      if (!promptApiWorks) e.load = async () => Promise.reject(new EngineFailure('device_lost', 'Device lost'));
      return e;
    };
    const { host, created } = hostWith(behaviour({ reload: 'device_lost' }), { promptApi: prompt });
    const expectBig = { engine: 'webllm', model: BIG };
    const errors: string[] = [];
    for (let i = 0; i < 3; i++) {
      const msgs = await startStream(host, 'host.generate', { request: chat('x'), expect: expectBig }).done;
      errors.push(JSON.stringify(msgs.at(-1)));
    }
    // The panel shows each message: what failed, why, and what the next request will use.
    expect(errors[0]).toContain('The WebGPU device was lost while loading the model');
    expect(errors[0]).toContain(`The next request will use webllm:${BIG}`);
    expect(errors[1]).toContain(`The next request will use webllm:${SMALL}`);
    expect(errors[2]).toContain('The next request will use prompt-api:chrome-built-in');
    const fourth = await startStream(host, 'host.generate', { request: chat('x'), expect: expectBig }).done;
    expect(fourth.at(-1)).toMatchObject({ kind: 'stream.end', data: { engine: 'prompt-api' } });
    expect(created).toEqual([`webllm:${BIG}`, `webllm:${BIG}`, `webllm:${SMALL}`, 'prompt-api:chrome-built-in']);

    // The Prompt API's own device loss ends the chain: no generator, said plainly.
    promptApiWorks = false;
    await host.route({
      protocol: PROTOCOL,
      kind: 'request',
      id: 'u',
      method: 'host.echo',
      params: { text: 'switch', expect: { engine: 'echo', model: 'e' } },
    });
    const fifth = await startStream(host, 'host.generate', { request: chat('x'), expect: expectBig }).done;
    expect(JSON.stringify(fifth.at(-1))).toContain('No other generator is available');
  });

  it('a device lost mid-stream keeps the partial text, and the retry replaces the dead engine', async () => {
    const { host, standIn } = hostWith(behaviour({ loseDeviceAfter: 2 }));
    const expectSmall = { engine: 'webllm', model: SMALL };
    const first = await startStream(host, 'host.generate', { request: chat('x'), expect: expectSmall }).done;
    expect(text(first)).toBe('Hi Jane, ');
    expect(first.at(-1)).toMatchObject({ kind: 'stream.error' });
    // web-llm unloaded itself: the next request gets its ModelNotLoadedError, and the host loads the model again.
    const retry = await startStream(host, 'host.generate', { request: chat('x'), expect: expectSmall }).done;
    expect(retry.at(-1)).toMatchObject({ kind: 'stream.end', data: { model: SMALL } });
    expect(text(retry)).toBe('Hi Jane, Tuesday works.');
    expect(standIn.engines.flatMap((e) => e.reloads)).toEqual([SMALL, SMALL]);
  });

  it('two tabs generating: cancelling one does not stop the other', async () => {
    const gates: Array<() => void> = [];
    const b = behaviour({ pace: () => new Promise<void>((r) => gates.push(r)) });
    const { host } = hostWith(b);
    const expectSmall = { engine: 'webllm', model: SMALL };
    await startStream(host, 'host.loadModel', { expect: expectSmall }).done;
    const tabA = startStream(host, 'host.generate', { request: chat('a'), expect: expectSmall });
    const tabB = startStream(host, 'host.generate', { request: chat('b'), expect: expectSmall });
    // A produces its first word, then is cancelled while B waits for its turn.
    while (gates.length === 0) await new Promise((r) => setTimeout(r, 0));
    gates.shift()?.();
    await tabA.firstChunk;
    tabA.cancel();
    while (tabB.messages.at(-1)?.kind !== 'stream.end' && tabB.messages.at(-1)?.kind !== 'stream.error') {
      gates.shift()?.();
      await new Promise((r) => setTimeout(r, 0));
    }
    const [a, bMsgs] = await Promise.all([tabA.done, tabB.done]);
    expect(text(a)).toBe('Hi ');
    expect(bMsgs.at(-1)).toMatchObject({ kind: 'stream.end' });
    expect(text(bMsgs)).toBe('Hi Jane, Tuesday works.');
  });

  it('a cancelled request that is still waiting never interrupts the running one', async () => {
    const gates: Array<() => void> = [];
    const { host, standIn } = hostWith(behaviour({ pace: () => new Promise<void>((r) => gates.push(r)) }));
    const expectSmall = { engine: 'webllm', model: SMALL };
    await startStream(host, 'host.loadModel', { expect: expectSmall }).done;
    const tabA = startStream(host, 'host.generate', { request: chat('a'), expect: expectSmall });
    const tabB = startStream(host, 'host.generate', { request: chat('b'), expect: expectSmall });
    while (gates.length === 0) await new Promise((r) => setTimeout(r, 0));
    tabB.cancel();
    const b = await tabB.done;
    expect(text(b)).toBe('');
    for (;;) {
      const gate = gates.shift();
      if (gate) gate();
      else if (tabA.messages.at(-1)?.kind === 'stream.end') break;
      await new Promise((r) => setTimeout(r, 0));
    }
    expect(text(await tabA.done)).toBe('Hi Jane, Tuesday works.');
    expect(standIn.engines[0]?.interrupts ?? 0).toBe(0);
  });

  it('asks Qwen3-class models not to think, and strips thinking that arrives anyway', async () => {
    const qwen3 = 'Qwen3-0.6B-q4f16_1-MLC';
    const standIn = webLlmStandIn(behaviour({ reply: '<think>\nplan </think>\n\nDear Jane' }));
    const seen: unknown[] = [];
    const engine = new WebLlmEngine(qwen3, undefined, {
      createWorker: () => {
        const w = standIn.createWorker();
        const post = w.postMessage.bind(w);
        w.postMessage = (m: { kind?: string; content?: { request?: unknown } }) => {
          if (m.kind === 'chatCompletionStreamInit') seen.push(m.content?.request);
          post(m);
        };
        return w;
      },
      appConfig: async () => ({ model_list: [{ ...RECORDS[0], model_id: qwen3 }] }) as unknown as AppConfig,
    });
    await engine.load();
    let out = '';
    for await (const piece of engine.generate(chat('x') as never, new AbortController().signal)) out += piece;
    expect(seen[0]).toMatchObject({ extra_body: { enable_thinking: false } });
    expect(out).toBe('Dear Jane');
    await engine.unload();
  });
});
