import { describe, expect, it, vi } from 'vitest';
import { createHostService, type HostDeps } from './host-service';
import { EchoEngine } from '../../shared/common/llm/echo-engine';
import { TestEngine, type TestScript } from '../../shared/common/llm/test-engine';
import { EngineFailure, type TextEngine } from '../../shared/common/llm/engine';
import { PROTOCOL, type StreamServerMessage } from '../../shared/common/protocol/envelopes';
import type { DeviceReport } from '../../shared/common/llm/device';
import { buildCatalogue } from '../../shared/common/llm/catalogue';
import type { ResolvedExpectation } from './engine-registry';

const req = (id: string, method: string, params: unknown) => ({
  protocol: PROTOCOL,
  kind: 'request',
  id,
  method,
  params,
});
const chat = (content: string, maxTokens = 100) => ({ messages: [{ role: 'user', content }], maxTokens });

const GPU: DeviceReport = {
  webgpu: true,
  adapter: { vendor: 'acme', architecture: 'x', description: 'Acme GPU', isFallbackAdapter: false },
  shaderF16: true,
  maxBufferSize: 2 ** 30,
  maxStorageBufferBindingSize: 2 ** 30,
  deviceMemoryGB: 8,
  promptApi: 'absent',
};
const CATALOGUE = buildCatalogue([
  { model_id: 'Llama-3.2-1B-Instruct-q4f16_1-MLC', vram_required_MB: 879, low_resource_required: true },
  { model_id: 'Qwen2.5-0.5B-Instruct-q4f16_1-MLC', vram_required_MB: 945, low_resource_required: true },
  { model_id: 'SmolLM2-360M-Instruct-q4f16_1-MLC', vram_required_MB: 376, low_resource_required: true },
]);

/** Runs one stream on the host and collects what comes back. */
async function runStream(host: ReturnType<typeof createHostService>, method: string, params: unknown) {
  const messages: StreamServerMessage[] = [];
  let resolve!: () => void;
  const finished = new Promise<void>((r) => (resolve = r));
  const server = host.createStreamServer((m) => {
    messages.push(m);
    if (m.kind !== 'stream.chunk') resolve();
  });
  server.receive({ protocol: PROTOCOL, kind: 'stream.start', id: 's', method, params, credits: 1000 });
  await finished;
  return messages;
}

/** An engine factory that makes "GPU" engines out of test engines, recording what was created. */
function fakeGpu(extra: Partial<HostDeps> = {}) {
  const created: ResolvedExpectation[] = [];
  const deps: HostDeps = {
    detectDevice: async () => GPU,
    loadCatalogue: async () => CATALOGUE,
    createEngine: async (e: ResolvedExpectation, script: TestScript): Promise<TextEngine> => {
      created.push(e);
      const engine = new TestEngine(e.model, script);
      Object.defineProperty(engine, 'engineId', { value: e.engine });
      return engine;
    },
    ...extra,
  };
  return { created, host: createHostService(deps) };
}

describe('AI host service', () => {
  it('loads an engine once for many concurrent callers', async () => {
    const factory = vi.fn(async (e: ResolvedExpectation) => new EchoEngine(e.model, { loadDelayMs: 20 }));
    const host = createHostService({ createEngine: factory });
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        host.route(req(String(i), 'host.echo', { text: `tab ${i}`, expect: { engine: 'echo', model: 'm' } })),
      ),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(factory).toHaveBeenCalledTimes(1);
  });

  it('reloads when a request expects another model, and reports it in status', async () => {
    const host = createHostService();
    await host.route(req('1', 'host.echo', { text: 'a', expect: { engine: 'echo', model: 'one' } }));
    await host.route(req('2', 'host.echo', { text: 'b', expect: { engine: 'echo', model: 'two' } }));
    const status = await host.route(req('3', 'host.status', {}));
    expect(status).toMatchObject({ ok: true, result: { loads: 2, loaded: { engine: 'echo', model: 'two' } } });
  });

  it('turns a failing load into engine_error and recovers on the next request', async () => {
    let fail = true;
    const host = createHostService({
      createEngine: async (e) => {
        const engine = new EchoEngine(e.model);
        if (fail) engine.load = async () => Promise.reject(new Error('out of memory'));
        return engine;
      },
    });
    const bad = await host.route(req('1', 'host.echo', { text: 'a', expect: { engine: 'echo', model: 'big' } }));
    expect(bad).toMatchObject({ ok: false, error: { code: 'engine_error' } });
    if (!bad.ok) expect(bad.error.message).toContain('out of memory');
    fail = false;
    expect((await host.route(req('2', 'host.echo', { text: 'a', expect: { engine: 'echo', model: 'big' } }))).ok).toBe(
      true,
    );
  });

  it('auto picks web-llm with the recommended model on a real GPU', async () => {
    const { host, created } = fakeGpu();
    const caps = await host.route(req('c', 'host.capabilities', {}));
    expect(caps).toMatchObject({
      ok: true,
      result: { choice: { engine: 'webllm', model: 'Qwen2.5-0.5B-Instruct-q4f16_1-MLC', tier: 'small' } },
    });
    const msgs = await runStream(host, 'host.generate', { request: chat('hi'), expect: { engine: 'auto', model: '' } });
    expect(msgs.at(-1)).toMatchObject({
      kind: 'stream.end',
      data: { engine: 'webllm', model: 'Qwen2.5-0.5B-Instruct-q4f16_1-MLC' },
    });
    expect(created).toHaveLength(1);
  });

  it('auto without WebGPU or Prompt API says plainly that no generator is available', async () => {
    const host = createHostService();
    const caps = await host.route(req('c', 'host.capabilities', {}));
    expect(caps).toMatchObject({ ok: true, result: { choice: { engine: 'none' } } });
    const msgs = await runStream(host, 'host.generate', { request: chat('hi'), expect: { engine: 'auto', model: '' } });
    expect(msgs.at(-1)).toMatchObject({ kind: 'stream.error', error: { code: 'engine_error' } });
    expect(JSON.stringify(msgs.at(-1))).toContain('No text generator');
  });

  it('after a lost device reloads the same model once, then moves to a smaller one', async () => {
    const { host, created } = fakeGpu();
    const expect1 = { engine: 'webllm' as const, model: 'Llama-3.2-1B-Instruct-q4f16_1-MLC' };
    await host.route(req('t', 'host.testScript', { rules: [], faults: [{ kind: 'device_lost', afterTokens: 1 }] }));
    const first = await runStream(host, 'host.generate', { request: chat('one two three'), expect: expect1 });
    expect(first.filter((m) => m.kind === 'stream.chunk')).toHaveLength(1);
    expect(first.at(-1)).toMatchObject({ kind: 'stream.error', error: { code: 'engine_error' } });
    expect(JSON.stringify(first.at(-1))).toContain('device was lost');
    const retry = await runStream(host, 'host.generate', { request: chat('one two three'), expect: expect1 });
    expect(retry.at(-1)).toMatchObject({ kind: 'stream.end', data: { model: expect1.model } });

    await host.route(req('t2', 'host.testScript', { rules: [], faults: [{ kind: 'device_lost', afterTokens: 0 }] }));
    await runStream(host, 'host.generate', { request: chat('again'), expect: expect1 });
    const status = await host.route(req('s', 'host.status', {}));
    expect(status).toMatchObject({
      ok: true,
      result: { lastFailure: { kind: 'device_lost', recoveredWith: 'webllm:SmolLM2-360M-Instruct-q4f16_1-MLC' } },
    });
    const after = await runStream(host, 'host.generate', { request: chat('again'), expect: expect1 });
    expect(after.at(-1)).toMatchObject({ kind: 'stream.end', data: { model: 'SmolLM2-360M-Instruct-q4f16_1-MLC' } });
    expect(created.map((c) => c.model)).toEqual([expect1.model, expect1.model, 'SmolLM2-360M-Instruct-q4f16_1-MLC']);
  });

  it('out of memory on the smallest model falls back to the Prompt API when present', async () => {
    const { host } = fakeGpu({ detectDevice: async () => ({ ...GPU, promptApi: 'available' }) });
    const smallest = { engine: 'webllm' as const, model: 'SmolLM2-360M-Instruct-q4f16_1-MLC' };
    await host.route(req('t', 'host.testScript', { rules: [], faults: [{ kind: 'out_of_memory', afterTokens: 0 }] }));
    await runStream(host, 'host.generate', { request: chat('x'), expect: smallest });
    const after = await runStream(host, 'host.generate', { request: chat('x'), expect: smallest });
    expect(after.at(-1)).toMatchObject({ kind: 'stream.end', data: { engine: 'prompt-api' } });
  });

  it('answers from the test script: rules, JSON replies and max tokens', async () => {
    const host = createHostService();
    await host.route(
      req('t', 'host.testScript', { rules: [{ match: 'persona', reply: '{"role": "CTO"}' }], faults: [] }),
    );
    const msgs = await runStream(host, 'host.generate', {
      request: chat('Build a persona please'),
      expect: { engine: 'test', model: 't' },
    });
    const text = msgs.flatMap((m) => (m.kind === 'stream.chunk' ? [(m.data as { token: string }).token] : [])).join('');
    expect(JSON.parse(text)).toEqual({ role: 'CTO' });
    const short = await runStream(host, 'host.generate', {
      request: chat('a b c d e f', 3),
      expect: { engine: 'test', model: 't' },
    });
    expect(short.at(-1)).toMatchObject({ kind: 'stream.end', data: { tokens: 3, finishReason: 'length' } });
  });

  it('streams load progress with a time estimate, then the loaded model', async () => {
    const host = createHostService({ createEngine: async (e) => new EchoEngine(e.model, { loadDelayMs: 40 }) });
    const msgs = await runStream(host, 'host.loadModel', { expect: { engine: 'echo', model: 'slow' } });
    const progress = msgs
      .filter((m) => m.kind === 'stream.chunk')
      .map((m) => (m.data as { progress: number }).progress);
    expect(progress).toEqual([0.25, 0.5, 0.75, 1]);
    expect(msgs.at(-1)).toMatchObject({ kind: 'stream.end', data: { engine: 'echo', model: 'slow' } });
  });

  it('reports a load failure of the load stream as engine_error', async () => {
    const host = createHostService({
      createEngine: async (e) => {
        const engine = new EchoEngine(e.model);
        engine.load = async () => Promise.reject(new EngineFailure('load_failed', 'Failed to fetch'));
        return engine;
      },
    });
    const msgs = await runStream(host, 'host.loadModel', { expect: { engine: 'echo', model: 'x' } });
    expect(msgs.at(-1)).toMatchObject({ kind: 'stream.error', error: { code: 'engine_error' } });
    expect(JSON.stringify(msgs.at(-1))).toContain('Failed to fetch');
  });

  it('benchDirect times the engine without the protocol', async () => {
    const host = createHostService();
    const res = await host.route(
      req('b', 'host.benchDirect', { request: chat('one two three'), expect: { engine: 'test', model: 't' } }),
    );
    expect(res).toMatchObject({ ok: true, result: { tokens: 7, engine: 'test' } });
  });
});
