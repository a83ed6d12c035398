import {
  EngineFailure,
  classifyEngineError,
  type ChatRequest,
  type FinishReason,
  type LoadProgress,
  type TextEngine,
} from '../../../shared/common/llm/engine';

/** The part of Chrome's built-in Prompt API (`LanguageModel`) we use. */
interface LanguageModelSession {
  promptStreaming(
    input: string,
    options?: { signal?: AbortSignal; responseConstraint?: object },
  ): ReadableStream<string>;
  destroy(): void;
}
interface LanguageModelStatic {
  availability(): Promise<string>;
  create(options: {
    initialPrompts?: Array<{ role: string; content: string }>;
    temperature?: number;
    topK?: number;
    monitor?: (m: EventTarget) => void;
    signal?: AbortSignal;
  }): Promise<LanguageModelSession>;
}

const api = () => (globalThis as { LanguageModel?: LanguageModelStatic }).LanguageModel;

/** Chrome's built-in model (Gemini Nano), the first fallback when WebGPU cannot run web-llm. */
export class PromptApiEngine implements TextEngine {
  readonly engineId = 'prompt-api';
  readonly model = 'chrome-built-in';

  async load(onProgress?: (p: LoadProgress) => void, signal?: AbortSignal): Promise<void> {
    const lm = api();
    if (!lm) throw new EngineFailure('unsupported', 'This browser has no built-in Prompt API');
    const availability = await lm.availability();
    if (availability === 'unavailable')
      throw new EngineFailure('unsupported', 'The built-in model is unavailable here');
    // Creating a session downloads the model when needed; report its progress, then drop the probe session.
    const session = await lm.create({
      signal,
      monitor: (m) =>
        m.addEventListener('downloadprogress', (e) =>
          onProgress?.({
            progress: (e as unknown as { loaded: number }).loaded,
            text: 'Downloading the built-in model',
          }),
        ),
    });
    session.destroy();
  }

  async *generate(request: ChatRequest, signal: AbortSignal): AsyncGenerator<string, FinishReason, void> {
    const lm = api();
    if (!lm) throw new EngineFailure('unsupported', 'This browser has no built-in Prompt API');
    const history = request.messages.slice(0, -1);
    const last = request.messages[request.messages.length - 1];
    let session: LanguageModelSession | null = null;
    try {
      session = await lm.create({ initialPrompts: history, temperature: request.temperature, topK: 3, signal });
      const stream = session.promptStreaming(last?.content ?? '', {
        signal,
        responseConstraint: request.responseFormat?.schema ? JSON.parse(request.responseFormat.schema) : undefined,
      });
      const reader = stream.getReader();
      // Chrome streams text pieces; count words as a token budget, as the API has no max-tokens option.
      let words = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return 'stop';
        words += value.split(/\s+/).filter(Boolean).length;
        yield value;
        if (words >= request.maxTokens) {
          await reader.cancel();
          return 'length';
        }
      }
    } catch (err) {
      if (signal.aborted) return 'stop';
      throw classifyEngineError(err);
    } finally {
      session?.destroy();
    }
  }

  async unload(): Promise<void> {}
}
