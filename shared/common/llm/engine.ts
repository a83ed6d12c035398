/**
 * The interface every text generator in the AI host implements (the echo engine now; web-llm and Chrome's Prompt
 * API later). Callers never know which one runs or where.
 */
export interface GenerateRequest {
  prompt: string;
  maxTokens: number;
}

export type FinishReason = 'stop' | 'length';

export interface LoadProgress {
  /** 0..1 */
  progress: number;
  text: string;
}

export interface TextEngine {
  readonly engineId: string;
  readonly model: string;
  load(onProgress?: (p: LoadProgress) => void): Promise<void>;
  /** Yields tokens; returns why it stopped. Must stop promptly when `signal` aborts. */
  generate(request: GenerateRequest, signal: AbortSignal): AsyncGenerator<string, FinishReason, void>;
  unload(): Promise<void>;
}
