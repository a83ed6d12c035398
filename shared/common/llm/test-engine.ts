import { EchoEngine, tokenize } from './echo-engine';
import { EngineFailure, lastUserMessage, type ChatRequest, type EngineFailureKind, type FinishReason } from './engine';

/** A reply rule: the first rule whose `match` is found in the conversation answers. */
export interface ScriptRule {
  match: string;
  reply: string;
}

/** One fault, fired once: after `afterTokens` tokens of the next generation, or while loading. */
export interface ScriptFault {
  kind: EngineFailureKind;
  afterTokens?: number;
  during?: 'generate' | 'load';
}

export interface TestScript {
  rules: ScriptRule[];
  faults: ScriptFault[];
}

/**
 * The deterministic engine used by unit tests, E2E tests and benchmarks: scripted replies (JSON included), a
 * configurable delay, and injected failures. The script lives outside the engine (owned by the host) so a fault
 * fires once even when the engine is reloaded to recover from it.
 */
export class TestEngine extends EchoEngine {
  override readonly engineId: string = 'test';
  private readonly script: TestScript;
  private readonly delayMs: number;

  constructor(model: string, script: TestScript, options: { tokenDelayMs?: number; loadDelayMs?: number } = {}) {
    super(model, options);
    this.script = script;
    this.delayMs = options.tokenDelayMs ?? 0;
  }

  override async load(onProgress?: Parameters<EchoEngine['load']>[0]): Promise<void> {
    const fault = this.takeFault('load');
    if (fault) throw new EngineFailure(fault.kind, `Injected ${fault.kind} while loading ${this.model}`);
    await super.load(onProgress);
  }

  override async *generate(request: ChatRequest, signal: AbortSignal): AsyncGenerator<string, FinishReason, void> {
    const conversation = request.messages.map((m) => m.content).join('\n');
    const rule = this.script.rules.find((r) => conversation.includes(r.match));
    const text = rule ? rule.reply : `Echo: ${lastUserMessage(request.messages)}`;
    const fault = this.takeFault('generate');
    let emitted = 0;
    for (const token of tokenize(text)) {
      if (signal.aborted) return 'stop';
      if (fault && emitted >= (fault.afterTokens ?? 0))
        throw new EngineFailure(fault.kind, `Injected ${fault.kind} after ${emitted} tokens`);
      if (emitted >= request.maxTokens) return 'length';
      if (request.stop?.some((s) => token.includes(s))) return 'stop';
      if (this.delayMs > 0) await new Promise<void>((r) => setTimeout(() => r(), this.delayMs));
      else await Promise.resolve();
      emitted += 1;
      yield token;
    }
    if (fault) throw new EngineFailure(fault.kind, `Injected ${fault.kind} after ${emitted} tokens`);
    return 'stop';
  }

  private takeFault(phase: 'generate' | 'load'): ScriptFault | undefined {
    const i = this.script.faults.findIndex((f) => (f.during ?? 'generate') === phase);
    return i >= 0 ? this.script.faults.splice(i, 1)[0] : undefined;
  }
}
