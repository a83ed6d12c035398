import { lastUserMessage, type ChatRequest, type FinishReason, type LoadProgress, type TextEngine } from './engine';

export interface EchoEngineOptions {
  /** Milliseconds between tokens; 0 yields on the microtask queue only. */
  tokenDelayMs?: number;
  /** Milliseconds the fake "load" takes, reported as progress. */
  loadDelayMs?: number;
}

/** Splits text into word-and-space tokens, so joining the tokens gives the text back exactly. */
export function tokenize(text: string): string[] {
  return text.match(/\s+|[^\s]+/g) ?? [];
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (ms <= 0 || signal.aborted) return resolve();
    const onAbort = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });

/**
 * A deterministic engine: it answers "Echo: <prompt>" token by token. It exists so the whole path (panel →
 * service worker → AI host → back) can be exercised and measured without a model.
 */
export class EchoEngine implements TextEngine {
  readonly engineId: string = 'echo';
  readonly model: string;
  private loaded = false;
  private readonly options: Required<EchoEngineOptions>;

  constructor(model = 'echo-1', options: EchoEngineOptions = {}) {
    this.model = model;
    this.options = { tokenDelayMs: options.tokenDelayMs ?? 0, loadDelayMs: options.loadDelayMs ?? 0 };
  }

  async load(onProgress?: (p: LoadProgress) => void): Promise<void> {
    const steps = 4;
    for (let i = 1; i <= steps; i++) {
      await new Promise<void>((r) => setTimeout(() => r(), this.options.loadDelayMs / steps));
      onProgress?.({ progress: i / steps, text: `Loading ${this.model} (${i}/${steps})` });
    }
    this.loaded = true;
  }

  async *generate(request: ChatRequest, signal: AbortSignal): AsyncGenerator<string, FinishReason, void> {
    if (!this.loaded) throw new Error(`${this.model} is not loaded`);
    const tokens = tokenize(`Echo: ${lastUserMessage(request.messages)}`);
    let emitted = 0;
    for (const token of tokens) {
      if (signal.aborted) return 'stop';
      if (emitted >= request.maxTokens) return 'length';
      await sleep(this.options.tokenDelayMs, signal);
      if (signal.aborted) return 'stop';
      emitted += 1;
      yield token;
    }
    return 'stop';
  }

  async unload(): Promise<void> {
    this.loaded = false;
  }
}
