import type { AppConfig, ChatCompletionMessageParam, MLCEngineInterface } from '@mlc-ai/web-llm';
import {
  EngineFailure,
  classifyEngineError,
  type ChatRequest,
  type FinishReason,
  type LoadProgress,
  type TextEngine,
} from '../../../shared/common/llm/engine';
import { isThinkingModel, stripThinking } from '../../../shared/common/llm/thinking';
import { loadAppConfig } from './webllm-config';

/** What the engine needs from its surroundings; tests pass a worker that runs web-llm's handler in-process. */
export interface WebLlmDeps {
  createWorker?: () => Worker;
  appConfig?: (modelBaseUrl?: string) => Promise<AppConfig>;
  /** How long unload() waits for the worker to answer before terminating it anyway. */
  unloadWaitMs?: number;
}

async function defaultWorker(): Promise<Worker> {
  const { browser } = await import('wxt/browser');
  return new Worker(browser.runtime.getURL('/webllm-worker.js'));
}

/**
 * web-llm on WebGPU, in a dedicated worker started by the AI host. The library (about 6 MB) is imported only when
 * this engine is first used, so pages that never generate do not pay for it.
 *
 * Two facts of web-llm 0.2.86's `WebWorkerMLCEngine` shape this class: a request's promise settles only when the
 * worker answers (a terminated worker or one whose script never loaded leaves `CreateWebWorkerMLCEngine` pending
 * for ever), and `interruptGenerate()` stops whatever the worker is generating, whoever asked.
 */
export class WebLlmEngine implements TextEngine {
  readonly engineId = 'webllm';
  readonly model: string;
  private readonly modelBaseUrl?: string;
  private readonly deps: WebLlmDeps;
  private engine: MLCEngineInterface | null = null;
  private worker: Worker | null = null;
  /** Generations run one at a time, so a cancel interrupts only its own request (see the class comment). */
  private turn: Promise<void> = Promise.resolve();

  constructor(model: string, modelBaseUrl?: string, deps: WebLlmDeps = {}) {
    this.model = model;
    this.modelBaseUrl = modelBaseUrl;
    this.deps = deps;
  }

  async load(onProgress?: (p: LoadProgress) => void, signal?: AbortSignal): Promise<void> {
    const webllm = await import('@mlc-ai/web-llm');
    const appConfig = await (this.deps.appConfig ?? loadAppConfig)(this.modelBaseUrl);
    if (!appConfig.model_list.some((m) => m.model_id === this.model))
      throw new EngineFailure('load_failed', `Unknown model ${this.model}`);
    if (signal?.aborted) throw new EngineFailure('cancelled', 'Download cancelled');
    const worker = this.deps.createWorker ? this.deps.createWorker() : await defaultWorker();
    this.worker = worker;
    // web-llm never settles its promise when the worker dies or fails to start, so the load is raced against
    // both: the caller (and the host's load lock behind it) is released at once either way.
    let stop: (reason: EngineFailure) => void = () => undefined;
    const stopped = new Promise<never>((_, reject) => (stop = reject));
    const onAbort = () => stop(new EngineFailure('cancelled', 'Download cancelled'));
    const onError = (e: Event) =>
      stop(
        new EngineFailure(
          'load_failed',
          `The model worker could not start${(e as ErrorEvent).message ? `: ${(e as ErrorEvent).message}` : ''}`,
        ),
      );
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.addEventListener('error', onError);
    worker.addEventListener('messageerror', onError);
    try {
      this.engine = await Promise.race([
        webllm.CreateWebWorkerMLCEngine(worker, this.model, {
          appConfig,
          initProgressCallback: (r) => onProgress?.({ progress: r.progress, text: r.text }),
        }),
        stopped,
      ]);
    } catch (err) {
      this.kill();
      throw err instanceof EngineFailure && err.kind === 'cancelled' ? err : asLoadFailure(err);
    } finally {
      signal?.removeEventListener('abort', onAbort);
      worker.removeEventListener('error', onError);
      worker.removeEventListener('messageerror', onError);
    }
  }

  async *generate(request: ChatRequest, signal: AbortSignal): AsyncGenerator<string, FinishReason, void> {
    const engine = this.engine;
    if (!engine) throw new EngineFailure('device_lost', `${this.model} is not loaded`);
    const before = this.turn;
    let release!: () => void;
    this.turn = new Promise<void>((r) => (release = r));
    try {
      // A request cancelled while waiting never reaches the worker, so it cannot interrupt anyone.
      const turnOrAbort = await Promise.race([
        before.then(() => 'turn' as const),
        new Promise<'abort'>((r) =>
          signal.aborted ? r('abort') : signal.addEventListener('abort', () => r('abort'), { once: true }),
        ),
      ]);
      if (turnOrAbort === 'abort' || signal.aborted) return 'stop';
      return yield* this.generateNow(engine, request, signal);
    } finally {
      // Only after every earlier request has finished, or two requests would overlap in the worker.
      void before.then(release);
    }
  }

  private async *generateNow(
    engine: MLCEngineInterface,
    request: ChatRequest,
    signal: AbortSignal,
  ): AsyncGenerator<string, FinishReason, void> {
    const onAbort = () => engine.interruptGenerate();
    signal.addEventListener('abort', onAbort, { once: true });
    const thinking = isThinkingModel(this.model);
    try {
      const chunks = await engine.chat.completions.create({
        messages: request.messages as ChatCompletionMessageParam[],
        stream: true,
        max_tokens: request.maxTokens,
        temperature: request.temperature,
        stop: request.stop,
        response_format: request.responseFormat
          ? { type: 'json_object', ...(request.responseFormat.schema ? { schema: request.responseFormat.schema } : {}) }
          : undefined,
        // Qwen3-class models think aloud unless told not to; web-llm then pre-fills an empty <think> block.
        ...(thinking ? { extra_body: { enable_thinking: false } } : {}),
      });
      let finish: FinishReason = 'stop';
      const strip = thinking ? stripThinking() : null;
      for await (const chunk of chunks) {
        const choice = chunk.choices[0];
        const raw = choice?.delta?.content;
        // Belt and braces: a model that thinks anyway never puts its thinking into a draft.
        const piece = raw && strip ? strip.push(raw) : raw;
        if (piece) yield piece;
        if (choice?.finish_reason === 'length') finish = 'length';
      }
      const rest = strip?.flush();
      if (rest) yield rest;
      return finish;
    } catch (err) {
      throw classifyEngineError(err);
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  }

  async unload(): Promise<void> {
    const engine = this.engine;
    this.engine = null;
    if (engine) {
      // A worker stuck in a download or lost with its device may never answer: wait a little, then terminate.
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([
        engine.unload().catch(() => undefined),
        new Promise((r) => (timer = setTimeout(r, this.deps.unloadWaitMs ?? 2_000))),
      ]);
      clearTimeout(timer);
    }
    this.kill();
  }

  private kill() {
    this.engine = null;
    this.worker?.terminate();
    this.worker = null;
  }
}

/** A load error as the host must see it: GPU losses stay what they are (the host falls back), the rest is load_failed. */
function asLoadFailure(err: unknown): EngineFailure {
  const failure = classifyEngineError(err);
  return failure.kind === 'generation_failed' ? new EngineFailure('load_failed', failure.message) : failure;
}

/** Whether web-llm has this model's files in its cache. */
export async function isModelCached(model: string, modelBaseUrl?: string): Promise<boolean> {
  const webllm = await import('@mlc-ai/web-llm');
  return webllm.hasModelInCache(model, await loadAppConfig(modelBaseUrl)).catch(() => false);
}

/** Removes a model's weights, library and config from web-llm's cache (the cache is keyed by the URLs used). */
export async function deleteCachedModel(model: string, modelBaseUrl?: string): Promise<void> {
  const webllm = await import('@mlc-ai/web-llm');
  await webllm.deleteModelAllInfoInCache(model, await loadAppConfig(modelBaseUrl));
}
