/**
 * The interface every text generator in the AI host implements: the echo and scripted test engines, web-llm on
 * WebGPU and Chrome's built-in Prompt API. OpenAI-shaped so prompts and tests read the same for all of them;
 * callers never know which engine runs or where.
 */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface ResponseFormat {
  type: 'json_object';
  /** JSON schema as a string (web-llm's grammar-constrained decoding takes it in this form). */
  schema?: string;
}

export interface ChatRequest {
  messages: ChatMessage[];
  maxTokens: number;
  temperature?: number;
  stop?: string[];
  responseFormat?: ResponseFormat;
  /** The language of the input and the reply (BCP 47, e.g. "en", "zh"); engines that must declare it infer it. */
  language?: string;
}

export type FinishReason = 'stop' | 'length';

export interface LoadProgress {
  /** 0..1 */
  progress: number;
  text: string;
  loadedBytes?: number;
  totalBytes?: number;
}

/** Why an engine failed, so the host can choose: retry, reload smaller, fall back, or just report. */
export type EngineFailureKind =
  | 'device_lost'
  | 'out_of_memory'
  | 'load_failed'
  | 'cancelled'
  | 'unsupported'
  | 'needs_download'
  | 'context_too_long'
  | 'generation_failed';

export class EngineFailure extends Error {
  readonly kind: EngineFailureKind;
  constructor(kind: EngineFailureKind, message: string) {
    super(message);
    this.name = 'EngineFailure';
    this.kind = kind;
  }
}

/** Classifies an error thrown by a GPU engine by its message (WebGPU and web-llm report these as plain errors). */
export function classifyEngineError(err: unknown): EngineFailure {
  if (err instanceof EngineFailure) return err;
  // web-llm's worker sends errors across as `err.toString()`: "DeviceLostError: The WebGPU device was lost…".
  const message = err instanceof Error ? err.message : String(err);
  // web-llm unloads its model by itself when the device is lost outside reload(); the next request then gets
  // ModelNotLoadedError. The engine is dead, not the request: treat it as the device loss it is.
  if (/ModelNotLoadedError|Model not loaded before trying to complete|is not loaded with a model/.test(message))
    return new EngineFailure('device_lost', `The GPU device was lost earlier and the model was unloaded (${message})`);
  if (/device (was )?lost|GPUDeviceLostInfo|DXGI_ERROR_DEVICE|context lost/i.test(message))
    return new EngineFailure('device_lost', message);
  if (/out of memory|OOM|allocation failed|createBuffer.*failed|Not enough memory/i.test(message))
    return new EngineFailure('out_of_memory', message);
  return new EngineFailure('generation_failed', message);
}

export interface TextEngine {
  readonly engineId: string;
  readonly model: string;
  load(onProgress?: (p: LoadProgress) => void, signal?: AbortSignal): Promise<void>;
  /** Yields text pieces; returns why it stopped. Must stop promptly when `signal` aborts. */
  generate(request: ChatRequest, signal: AbortSignal): AsyncGenerator<string, FinishReason, void>;
  unload(): Promise<void>;
}

/** The last user message: what the echo and test engines answer to. */
export const lastUserMessage = (messages: ChatMessage[]) =>
  [...messages].reverse().find((m) => m.role === 'user')?.content ?? '';
