import {
  EngineFailure,
  type ChatRequest,
  type FinishReason,
  type LoadProgress,
  type TextEngine,
} from '../../../shared/common/llm/engine';

/** A user's own OpenAI-compatible endpoint: a local Ollama or LM Studio, or a team server. */
export interface OpenAiEndpoint {
  /** Base URL up to and including the API version, e.g. http://127.0.0.1:11434/v1 */
  baseUrl: string;
  model: string;
  apiKey?: string;
}

/** One request to the endpoint, for the privacy ledger: where the text went and how many bytes each way. */
export interface EndpointExchange {
  url: string;
  status: number;
  sentBytes: number;
  receivedBytes: number;
}

export interface OpenAiDeps {
  fetch?: typeof fetch;
  /** Called once per request, also when it failed or was cancelled. */
  record?: (e: EndpointExchange) => void;
  /** How long to wait for the first token before giving up (a model loading on a cold server can be slow). */
  firstTokenTimeoutMs?: number;
}

/** Whether text sent to this URL stays on this machine (the panel says so, or says where it goes). */
export function isLoopback(url: string): boolean {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

const encoder = new TextEncoder();

/**
 * Chat completions from an OpenAI-compatible endpoint, streamed as server-sent events. Unlike the on-device
 * engines, the text leaves the browser: every request is reported through `record` for the privacy ledger.
 */
export class OpenAiCompatibleEngine implements TextEngine {
  readonly engineId = 'openai-compatible';
  readonly model: string;
  constructor(
    private readonly endpoint: OpenAiEndpoint,
    private readonly deps: OpenAiDeps = {},
  ) {
    this.model = endpoint.model;
  }

  async load(onProgress?: (p: LoadProgress) => void): Promise<void> {
    // Nothing to download; the first request shows whether the endpoint answers.
    onProgress?.({ progress: 1, text: `Using ${new URL(this.endpoint.baseUrl).origin}` });
  }

  async *generate(request: ChatRequest, signal: AbortSignal): AsyncGenerator<string, FinishReason, void> {
    const url = `${this.endpoint.baseUrl.replace(/\/+$/, '')}/chat/completions`;
    const schema = request.responseFormat?.schema;
    const body = JSON.stringify({
      model: this.endpoint.model,
      messages: request.messages,
      stream: true,
      max_tokens: request.maxTokens,
      ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
      ...(request.stop ? { stop: request.stop } : {}),
      ...(request.responseFormat
        ? {
            response_format: schema
              ? { type: 'json_schema', json_schema: { name: 'reply', schema: JSON.parse(schema) as object } }
              : { type: 'json_object' },
          }
        : {}),
    });
    const exchange: EndpointExchange = { url, status: 0, sentBytes: encoder.encode(body).length, receivedBytes: 0 };
    const controller = new AbortController();
    const stop = () => controller.abort();
    signal.addEventListener('abort', stop, { once: true });
    const waitMs = this.deps.firstTokenTimeoutMs ?? 60_000;
    let timedOut = false;
    let timer: ReturnType<typeof setTimeout> | undefined = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, waitMs);
    const clear = () => (clearTimeout(timer), (timer = undefined));
    let text = '';
    let finish: FinishReason = 'stop';
    try {
      const res = await (this.deps.fetch ?? fetch)(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(this.endpoint.apiKey ? { authorization: `Bearer ${this.endpoint.apiKey}` } : {}),
        },
        body,
        signal: controller.signal,
        credentials: 'omit',
      });
      exchange.status = res.status;
      if (!res.ok || !res.body) {
        const detail = (await res.text().catch(() => '')).slice(0, 200);
        exchange.receivedBytes += encoder.encode(detail).length;
        throw new EngineFailure(
          res.status === 401 || res.status === 403 ? 'unsupported' : 'generation_failed',
          res.status === 401 || res.status === 403
            ? `The endpoint refused the request (HTTP ${res.status}): check the API key`
            : `The endpoint failed (HTTP ${res.status}${detail ? `: ${detail}` : ''})`,
        );
      }
      const reader = res.body.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        exchange.receivedBytes += value.length;
        buffer += decoder.decode(value, { stream: true });
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        for (const line of lines) {
          const data = line.startsWith('data:') ? line.slice(5).trim() : null;
          if (!data) continue;
          if (data === '[DONE]') return checked(text, schema !== undefined || !!request.responseFormat, finish);
          let chunk: { choices?: Array<{ delta?: { content?: string }; finish_reason?: string | null }> };
          try {
            chunk = JSON.parse(data) as typeof chunk;
          } catch {
            throw new EngineFailure('generation_failed', 'The endpoint sent a malformed stream event');
          }
          const choice = chunk.choices?.[0];
          if (choice?.finish_reason === 'length') finish = 'length';
          const piece = choice?.delta?.content;
          if (piece) {
            clear();
            text += piece;
            yield piece;
          }
        }
      }
      return checked(text, !!request.responseFormat, finish);
    } catch (err) {
      if (signal.aborted) return 'stop';
      if (timedOut)
        throw new EngineFailure('generation_failed', `The endpoint sent nothing for ${Math.round(waitMs / 1000)} s`);
      if (err instanceof EngineFailure) throw err;
      throw new EngineFailure('generation_failed', `The endpoint could not be reached (${String(err)})`);
    } finally {
      clear();
      signal.removeEventListener('abort', stop);
      controller.abort(); // closes the connection if the caller stopped reading early
      this.deps.record?.(exchange);
    }
  }

  async unload(): Promise<void> {}
}

/** Structured output must be JSON: an endpoint that ignored the response format is an error, not a draft. */
function checked(text: string, wantsJson: boolean, finish: FinishReason): FinishReason {
  if (wantsJson && finish === 'stop') {
    try {
      JSON.parse(text);
    } catch {
      throw new EngineFailure('generation_failed', 'The endpoint did not return valid JSON for a structured request');
    }
  }
  return finish;
}
