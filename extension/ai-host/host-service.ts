import { createRouter, type Handlers } from '../../shared/common/protocol/router';
import { createStreamServer, type StreamHandlers } from '../../shared/common/protocol/stream-server';
import { ProtocolError } from '../../shared/common/protocol/errors';
import type { StreamServerMessage } from '../../shared/common/protocol/envelopes';
import { EngineFailure, classifyEngineError, type LoadProgress, type TextEngine } from '../../shared/common/llm/engine';
import type { TestScript } from '../../shared/common/llm/test-engine';
import type { DeviceReport } from '../../shared/common/llm/device';
import type { CatalogueEntry } from '../../shared/common/llm/catalogue';
import { chooseEngine, recommendModel, smallerModels, whyNot } from '../../shared/common/llm/select-engine';
import { methods, streams, type Expectation, type Methods, type Streams } from '../messaging/methods';
import { createEngine, type ResolvedExpectation } from './engine-registry';

/** What the host needs from its surroundings; tests pass fakes, the offscreen document the real ones. */
export interface HostDeps {
  hostId?: string;
  createEngine?: (expect: ResolvedExpectation, script: TestScript) => Promise<TextEngine>;
  detectDevice?: () => Promise<DeviceReport>;
  loadCatalogue?: (modelBaseUrl?: string) => Promise<CatalogueEntry[]>;
  isCached?: (model: string, modelBaseUrl?: string) => Promise<boolean>;
  deleteCached?: (model: string, modelBaseUrl?: string) => Promise<void>;
  /** Further handlers served by the host (the analysis models). */
  extraHandlers?: Handlers<Methods>;
  /** Further handlers that generate text: they get the host's own engine (one loaded model for everything). */
  generatingHandlers?: Array<(tools: HostTools) => Handlers<Methods>>;
}

/** What generating handlers may use of the host. */
export interface HostTools {
  /** The engine `expect` asks for, loaded if needed (serialised with every other load). */
  ensureEngine: (expect: Expectation) => Promise<TextEngine>;
  /** False when `expect` resolves to no generator on this device (no WebGPU, no Prompt API). */
  canGenerate: (expect: Expectation) => Promise<boolean>;
}

const NO_DEVICE: DeviceReport = {
  webgpu: false,
  webgpuProblem: 'no_navigator_gpu',
  shaderF16: false,
  maxBufferSize: 0,
  maxStorageBufferBindingSize: 0,
  deviceMemoryGB: null,
  promptApi: 'absent',
};

const isGpuFailure = (f: EngineFailure) => f.kind === 'device_lost' || f.kind === 'out_of_memory';
const nextStepText = (next: string) =>
  next === 'none' ? 'No other generator is available.' : `The next request will use ${next}.`;

const keyOf = (e: Expectation | ResolvedExpectation) =>
  `${e.engine}|${e.model}|${e.tokenDelayMs ?? 0}|${e.modelBaseUrl ?? ''}`;

/**
 * The AI host: the one place where engines live. It keeps at most one engine loaded and reloads lazily whenever a
 * request expects something else — which is how it recovers after any other context was restarted. When a GPU
 * engine fails hard (device lost, out of memory) it drops the engine and remembers a substitute (the same model
 * once more, then a smaller one, then the Prompt API) for the next request.
 */
export function createHostService(deps: HostDeps = {}) {
  const hostId = deps.hostId ?? crypto.randomUUID();
  const startedAt = Date.now();
  const makeEngine = deps.createEngine ?? createEngine;
  const script: TestScript = { rules: [], faults: [] };
  let current: { key: string; engine: TextEngine } | null = null;
  let loads = 0;
  let device: Promise<DeviceReport> | null = null;
  let lastFailure: { kind: string; message: string; at: number; recoveredWith: string } | null = null;
  const substitutes = new Map<string, ResolvedExpectation | 'none'>();
  const failureCounts = new Map<string, number>();
  const substituteKeys = new Set<string>();
  const servers = new Set<{ activeCount: number }>();

  const getDevice = () => (device ??= (deps.detectDevice ?? (async () => NO_DEVICE))().catch(() => NO_DEVICE));
  const getCatalogue = (base?: string) => (deps.loadCatalogue ? deps.loadCatalogue(base) : Promise.resolve([]));

  async function resolve(expect: Expectation): Promise<ResolvedExpectation> {
    let resolved: ResolvedExpectation | 'none';
    if (expect.engine === 'auto') {
      const dev = await getDevice();
      const choice = chooseEngine(dev, dev.webgpu ? await getCatalogue(expect.modelBaseUrl) : [], expect.model || null);
      resolved = choice.engine === 'none' ? 'none' : { ...expect, engine: choice.engine, model: choice.model ?? '' };
    } else resolved = { ...expect, engine: expect.engine };
    // Follow the chain of substitutes (a model, then a smaller one, then the Prompt API) to its current end.
    for (let hops = 0; resolved !== 'none' && hops < 16; hops++) {
      const sub = substitutes.get(keyOf(resolved));
      if (!sub) break;
      resolved = sub;
    }
    if (resolved === 'none')
      throw new ProtocolError(
        'engine_error',
        'No text generator is available on this device (no usable WebGPU adapter, no built-in Prompt API).',
      );
    return resolved;
  }

  /** Serialises every ensure: ten tabs asking at once must not load ten models. */
  let lock: Promise<unknown> = Promise.resolve();
  function ensure(expect: Expectation, onProgress?: (p: LoadProgress) => void, signal?: AbortSignal) {
    const run = lock.then(() => ensureNow(expect, onProgress, signal));
    lock = run.catch(() => undefined);
    return run;
  }

  async function ensureNow(expect: Expectation, onProgress?: (p: LoadProgress) => void, signal?: AbortSignal) {
    const resolved = await resolve(expect);
    const key = keyOf(resolved);
    if (current?.key === key) return current.engine;
    if (current) await current.engine.unload();
    current = null;
    const engine = await makeEngine(resolved, script);
    try {
      await engine.load(onProgress, signal);
    } catch (err) {
      await engine.unload().catch(() => undefined);
      const f = classifyEngineError(err);
      // web-llm throws DeviceLostError from reload() when the model does not fit: move down the fallback chain so
      // the next request does not retry the same too-large model, and say which step comes next.
      const next = isGpuFailure(f) ? await recover(expect, null, f) : null;
      throw new ProtocolError(
        'engine_error',
        `Could not load ${resolved.engine} ${resolved.model}: ${f.message}` + (next ? ` ${nextStepText(next)}` : ''),
      );
    }
    loads += 1;
    current = { key, engine };
    return engine;
  }

  /** After a hard failure: drop the engine and pick what the next request for the same expectation gets. */
  async function recover(expect: Expectation, failed: TextEngine | null, failure: EngineFailure): Promise<string> {
    const resolved = await resolve(expect).catch(() => null);
    if (failed && current?.engine === failed) current = null;
    await failed?.unload().catch(() => undefined);
    if (!resolved) return 'none';
    const key = keyOf(resolved);
    const count = (failureCounts.get(key) ?? 0) + 1;
    failureCounts.set(key, count);
    let next: ResolvedExpectation | 'none' = resolved;
    // A lost device is often transient (driver reset, tab in background): reload the requested model once. A
    // substitute that fails is not retried: the chain moves on.
    const sameAgain = failure.kind === 'device_lost' && count === 1 && !substituteKeys.has(key);
    if (!sameAgain && resolved.engine === 'webllm') {
      const dev = await getDevice();
      const smaller = smallerModels(await getCatalogue(resolved.modelBaseUrl), dev, resolved.model)[0];
      next = smaller
        ? { ...resolved, model: smaller.id }
        : dev.promptApi === 'available' || dev.promptApi === 'downloadable'
          ? { ...resolved, engine: 'prompt-api', model: 'chrome-built-in' }
          : 'none';
    } else if (!sameAgain && resolved.engine === 'prompt-api') next = 'none'; // the last step of the chain
    if (next !== resolved) {
      substitutes.set(key, next);
      if (next !== 'none') substituteKeys.add(keyOf(next));
    }
    const recoveredWith = next === 'none' ? 'none' : `${next.engine}:${next.model}`;
    lastFailure = { kind: failure.kind, message: failure.message, at: Date.now(), recoveredWith };
    return recoveredWith;
  }

  const tools: HostTools = {
    ensureEngine: (expect) => ensure(expect),
    canGenerate: (expect) =>
      resolve(expect).then(
        () => true,
        () => false,
      ),
  };
  const handlers: Handlers<Methods> = {
    ...deps.extraHandlers,
    ...Object.assign({}, ...(deps.generatingHandlers ?? []).map((make) => make(tools))),
    'host.status': () => ({
      hostId,
      startedAt,
      loaded: current ? { engine: current.engine.engineId, model: current.engine.model } : null,
      loads,
      activeStreams: [...servers].reduce((n, s) => n + s.activeCount, 0),
      lastFailure,
    }),
    'host.echo': async ({ text, expect }) => {
      const engine = await ensure(expect);
      return { text, hostId, engine: engine.engineId, model: engine.model };
    },
    'host.capabilities': async ({ preferredModel }) => {
      const dev = await getDevice();
      return { device: dev, choice: chooseEngine(dev, dev.webgpu ? await getCatalogue() : [], preferredModel ?? null) };
    },
    'host.catalogue': async ({ modelBaseUrl }) => {
      const dev = await getDevice();
      const catalogue = await getCatalogue(modelBaseUrl);
      const recommended = recommendModel(catalogue, dev)?.id;
      const entries = await Promise.all(
        catalogue.map(async (e) => ({
          ...e,
          problem: whyNot(e, dev),
          cached: deps.isCached ? await deps.isCached(e.id, modelBaseUrl).catch(() => false) : false,
          recommended: e.id === recommended,
        })),
      );
      return { entries };
    },
    'host.deleteModel': async ({ model, modelBaseUrl }) => {
      if (current?.engine.model === model) {
        await current.engine.unload();
        current = null;
      }
      if (!deps.deleteCached) return { deleted: false };
      await deps.deleteCached(model, modelBaseUrl);
      return { deleted: true };
    },
    'host.testScript': ({ rules, faults }) => {
      script.rules.splice(0, script.rules.length, ...rules);
      script.faults.splice(0, script.faults.length, ...faults);
      return { ok: true as const };
    },
    'host.benchDirect': async ({ request, expect }) => {
      const engine = await ensure(expect);
      const controller = new AbortController();
      const t0 = performance.now();
      let ttftMs = -1;
      let tokens = 0;
      const gen = engine.generate(request, controller.signal);
      for (let step = await gen.next(); !step.done; step = await gen.next()) {
        if (ttftMs < 0) ttftMs = performance.now() - t0;
        tokens += 1;
      }
      return { ttftMs, tokens, totalMs: performance.now() - t0, engine: engine.engineId };
    },
  };

  const streamHandlers: StreamHandlers<Streams> = {
    'host.generate': async function* ({ request, expect }, signal) {
      let engine = await ensure(expect);
      let gen = engine.generate(request, signal);
      let tokens = 0;
      let replaced = false;
      for (;;) {
        let step: IteratorResult<string, 'stop' | 'length'>;
        try {
          step = await gen.next();
        } catch (err) {
          const failure = classifyEngineError(err);
          if (isGpuFailure(failure)) {
            const next = await recover(expect, engine, failure);
            // A device lost between requests leaves a dead engine (web-llm's ModelNotLoadedError): nothing was
            // shown yet, so replace it and serve this request instead of failing it.
            if (tokens === 0 && !replaced && next !== 'none' && !signal.aborted) {
              replaced = true;
              engine = await ensure(expect);
              gen = engine.generate(request, signal);
              continue;
            }
            throw new ProtocolError(
              'engine_error',
              `${failure.kind === 'device_lost' ? 'The GPU device was lost' : 'The GPU ran out of memory'} (${failure.message}). ` +
                nextStepText(next),
            );
          }
          throw new ProtocolError('engine_error', failure.message);
        }
        if (step.done)
          return { tokens, finishReason: step.value, hostId, engine: engine.engineId, model: engine.model };
        tokens += 1;
        yield { token: step.value };
      }
    },
    'host.loadModel': async function* ({ expect }, signal) {
      const t0 = Date.now();
      const queue: LoadProgress[] = [];
      let wake: (() => void) | null = null;
      let done = false;
      let error: unknown = null;
      let engine: TextEngine | null = null;
      const push = (p: LoadProgress) => {
        queue.push(p);
        wake?.();
      };
      void ensure(expect, push, signal).then(
        (e) => ((engine = e), (done = true), wake?.()),
        (err: unknown) => ((error = err), (done = true), wake?.()),
      );
      for (;;) {
        while (queue.length > 0) {
          const p = queue.shift() as LoadProgress;
          const elapsed = (Date.now() - t0) / 1000;
          // Time left from the average rate so far: honest enough for a progress bar, never negative.
          const etaSeconds =
            p.progress > 0.01 && p.progress < 1 ? Math.round((elapsed / p.progress) * (1 - p.progress)) : null;
          yield { ...p, etaSeconds };
        }
        if (done) break;
        await new Promise<void>((r) => (wake = r));
        wake = null;
      }
      if (error) throw error;
      const e = engine as TextEngine | null;
      if (!e) throw new ProtocolError('engine_error', 'The model did not load');
      return { engine: e.engineId, model: e.model, ms: Date.now() - t0 };
    },
  };

  const route = createRouter(methods, handlers);

  return {
    hostId,
    route,
    /** One stream server per channel, so closing a channel aborts only its own streams. */
    createStreamServer(send: (m: StreamServerMessage) => void) {
      const server = createStreamServer(streams, streamHandlers, send);
      servers.add(server);
      return { ...server, close: () => (server.abortAll(), servers.delete(server)) };
    },
  };
}
export type HostService = ReturnType<typeof createHostService>;
