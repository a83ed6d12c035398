import {
  EngineFailure,
  classifyEngineError,
  type ChatRequest,
  type FinishReason,
  type LoadProgress,
  type TextEngine,
} from '../../../shared/common/llm/engine';

/**
 * The part of Chrome's built-in Prompt API (`LanguageModel`, shipped to extensions since Chrome 138) we use, with
 * today's names (`contextUsage`, `contextWindow`, `measureContextUsage()`) and the older ones Chrome 138-141 used
 * (`inputUsage`, `inputQuota`, `measureInputUsage()`), read whichever exists.
 */
export interface LanguageModelSession {
  promptStreaming(
    input: string,
    options?: { signal?: AbortSignal; responseConstraint?: object },
  ): ReadableStream<string>;
  measureContextUsage?(input: string): Promise<number>;
  measureInputUsage?(input: string): Promise<number>;
  readonly contextUsage?: number;
  readonly contextWindow?: number;
  readonly inputUsage?: number;
  readonly inputQuota?: number;
  destroy(): void;
}
export interface LanguageModelCreateOptions {
  initialPrompts?: Array<{ role: string; content: string }>;
  temperature?: number;
  topK?: number;
  expectedInputs?: Array<{ type: 'text'; languages: string[] }>;
  expectedOutputs?: Array<{ type: 'text'; languages: string[] }>;
  monitor?: (m: EventTarget) => void;
  signal?: AbortSignal;
}
export interface LanguageModelStatic {
  availability(options?: Omit<LanguageModelCreateOptions, 'monitor' | 'signal' | 'initialPrompts'>): Promise<string>;
  create(options?: LanguageModelCreateOptions): Promise<LanguageModelSession>;
  params?(): Promise<{ defaultTopK: number; maxTopK: number; defaultTemperature: number; maxTemperature: number }>;
}

const globalApi = () => (globalThis as { LanguageModel?: LanguageModelStatic }).LanguageModel;

/** The language a request is in: what it says, else Chinese when its last message is mostly Han script. */
export function requestLanguage(request: ChatRequest): string {
  if (request.language) return request.language.split('-')[0] ?? 'en';
  const last = request.messages[request.messages.length - 1]?.content ?? '';
  const han = (last.match(/\p{Script=Han}/gu) ?? []).length;
  return han > 0 && han * 4 >= last.replace(/\s/g, '').length ? 'zh' : 'en';
}

/** The create/availability options for a language: both sides declared, so Chrome refuses what it cannot do. */
const languageOptions = (language: string) => ({
  expectedInputs: [{ type: 'text' as const, languages: [language] }],
  expectedOutputs: [{ type: 'text' as const, languages: [language] }],
});

const measure = (session: LanguageModelSession, text: string): Promise<number> | null =>
  session.measureContextUsage?.(text) ?? session.measureInputUsage?.(text) ?? null;
const windowOf = (session: LanguageModelSession) => session.contextWindow ?? session.inputQuota ?? null;
const usageOf = (session: LanguageModelSession) => session.contextUsage ?? session.inputUsage ?? 0;

/**
 * Chrome's built-in model (Gemini Nano), the first fallback when WebGPU cannot run web-llm. It never downloads the
 * model itself: `create()` needs user activation while the model is `downloadable`, and the offscreen document
 * that hosts this engine never has any. The download starts from a click in the options page.
 */
export class PromptApiEngine implements TextEngine {
  readonly engineId = 'prompt-api';
  readonly model = 'chrome-built-in';
  constructor(private readonly api: () => LanguageModelStatic | undefined = globalApi) {}

  async load(onProgress?: (p: LoadProgress) => void): Promise<void> {
    const lm = this.api();
    if (!lm) throw new EngineFailure('unsupported', 'This browser has no built-in Prompt API');
    const availability = await lm.availability(languageOptions('en'));
    if (availability === 'unavailable')
      throw new EngineFailure('unsupported', "Chrome's built-in model is unavailable on this device");
    if (availability === 'downloadable' || availability === 'downloading')
      throw new EngineFailure(
        'needs_download',
        availability === 'downloading'
          ? 'Chrome is still downloading its built-in model; try again when it has finished'
          : "Chrome's built-in model is not downloaded yet: start the download in Closer's options (Language models)",
      );
    onProgress?.({ progress: 1, text: "Chrome's built-in model is ready" });
  }

  async *generate(request: ChatRequest, signal: AbortSignal): AsyncGenerator<string, FinishReason, void> {
    const lm = this.api();
    if (!lm) throw new EngineFailure('unsupported', 'This browser has no built-in Prompt API');
    const language = requestLanguage(request);
    const langOpts = languageOptions(language);
    // Chinese (or any language) may not be supported by this Chrome's model: say so rather than answer in English.
    if ((await lm.availability(langOpts)) === 'unavailable')
      throw new EngineFailure(
        'unsupported',
        `Chrome's built-in model does not support the language "${language}" on this device`,
      );
    const history = request.messages.slice(0, -1);
    const last = request.messages[request.messages.length - 1]?.content ?? '';
    // Chrome rejects topK without temperature and the other way round: both, from its own defaults, or neither.
    const sampling =
      request.temperature === undefined
        ? {}
        : { temperature: request.temperature, topK: (await lm.params?.())?.defaultTopK ?? 3 };
    let session: LanguageModelSession | null = null;
    try {
      session = await lm.create({ initialPrompts: history, ...sampling, ...langOpts, signal });
      // The system prompt and history are already counted in the session; check the new message and the room
      // left for the reply before prompting, so a long thread fails clearly instead of being cut by Chrome.
      const window = windowOf(session);
      const promptTokens = await measure(session, last);
      if (window !== null && promptTokens !== null) {
        const needed = usageOf(session) + promptTokens + Math.min(request.maxTokens, 256);
        if (needed > window)
          throw new EngineFailure(
            'context_too_long',
            `The thread is too long for Chrome's built-in model (${needed} of ${window} tokens): shorten it or use a WebGPU model`,
          );
      }
      const stream = session.promptStreaming(last, {
        signal,
        responseConstraint: request.responseFormat?.schema ? JSON.parse(request.responseFormat.schema) : undefined,
      });
      const reader = stream.getReader();
      // The API has no max-tokens option: count the reply's tokens with the model's own tokenizer.
      let text = '';
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return 'stop';
        text += value;
        yield value;
        const used = (await measure(session, text)) ?? Math.ceil(text.length / 4);
        if (used >= request.maxTokens) {
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
