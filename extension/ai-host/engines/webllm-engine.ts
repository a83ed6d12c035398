import { browser } from 'wxt/browser';
import type { ChatCompletionMessageParam, MLCEngineInterface } from '@mlc-ai/web-llm';
import {
  EngineFailure,
  classifyEngineError,
  type ChatRequest,
  type FinishReason,
  type LoadProgress,
  type TextEngine,
} from '../../../shared/common/llm/engine';
import { loadAppConfig } from './webllm-config';

/**
 * web-llm on WebGPU, in a dedicated worker started by the AI host. The library (about 6 MB) is imported only when
 * this engine is first used, so pages that never generate do not pay for it.
 */
export class WebLlmEngine implements TextEngine {
  readonly engineId = 'webllm';
  readonly model: string;
  private readonly modelBaseUrl?: string;
  private engine: MLCEngineInterface | null = null;
  private worker: Worker | null = null;

  constructor(model: string, modelBaseUrl?: string) {
    this.model = model;
    this.modelBaseUrl = modelBaseUrl;
  }

  async load(onProgress?: (p: LoadProgress) => void, signal?: AbortSignal): Promise<void> {
    const webllm = await import('@mlc-ai/web-llm');
    const appConfig = await loadAppConfig(this.modelBaseUrl);
    if (!appConfig.model_list.some((m) => m.model_id === this.model))
      throw new EngineFailure('load_failed', `Unknown model ${this.model}`);
    this.worker = new Worker(browser.runtime.getURL('/webllm-worker.js'));
    const abort = () => void this.unload();
    signal?.addEventListener('abort', abort, { once: true });
    try {
      this.engine = await webllm.CreateWebWorkerMLCEngine(this.worker, this.model, {
        appConfig,
        initProgressCallback: (r) => onProgress?.({ progress: r.progress, text: r.text }),
      });
    } catch (err) {
      await this.unload();
      if (signal?.aborted) throw new EngineFailure('load_failed', 'Download cancelled');
      const failure = classifyEngineError(err);
      throw failure.kind === 'generation_failed' ? new EngineFailure('load_failed', failure.message) : failure;
    } finally {
      signal?.removeEventListener('abort', abort);
    }
  }

  async *generate(request: ChatRequest, signal: AbortSignal): AsyncGenerator<string, FinishReason, void> {
    const engine = this.engine;
    if (!engine) throw new EngineFailure('load_failed', `${this.model} is not loaded`);
    const onAbort = () => engine.interruptGenerate();
    signal.addEventListener('abort', onAbort, { once: true });
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
      });
      let finish: FinishReason = 'stop';
      for await (const chunk of chunks) {
        const choice = chunk.choices[0];
        const piece = choice?.delta?.content;
        if (piece) yield piece;
        if (choice?.finish_reason === 'length') finish = 'length';
      }
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
    await engine?.unload().catch(() => undefined);
    this.worker?.terminate();
    this.worker = null;
  }
}

/** Whether web-llm has this model's files in its cache. */
export async function isModelCached(model: string, modelBaseUrl?: string): Promise<boolean> {
  const webllm = await import('@mlc-ai/web-llm');
  return webllm.hasModelInCache(model, await loadAppConfig(modelBaseUrl)).catch(() => false);
}

/** Removes a model's weights, library and config from web-llm's cache. */
export async function deleteCachedModel(model: string, modelBaseUrl?: string): Promise<void> {
  const webllm = await import('@mlc-ai/web-llm');
  await webllm.deleteModelAllInfoInCache(model, await loadAppConfig(modelBaseUrl));
}
