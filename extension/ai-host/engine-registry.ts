import { EchoEngine } from '../../shared/common/llm/echo-engine';
import { EngineFailure, type TextEngine } from '../../shared/common/llm/engine';
import { TestEngine, type TestScript } from '../../shared/common/llm/test-engine';
import type { Expectation } from '../messaging/methods';

/** A concrete engine request: `auto` already resolved by the host. */
export type ResolvedExpectation = Omit<Expectation, 'engine'> & { engine: Exclude<Expectation['engine'], 'auto'> };

/** Creates the engine a request expects. GPU and browser engines are imported lazily: Node tests never load them. */
export async function createEngine(expect: ResolvedExpectation, script: TestScript): Promise<TextEngine> {
  switch (expect.engine) {
    case 'echo':
      return new EchoEngine(expect.model, { tokenDelayMs: expect.tokenDelayMs ?? 0 });
    case 'test':
      return new TestEngine(expect.model, script, { tokenDelayMs: expect.tokenDelayMs ?? 0 });
    case 'webllm': {
      const { WebLlmEngine } = await import('./engines/webllm-engine');
      return new WebLlmEngine(expect.model, expect.modelBaseUrl);
    }
    case 'prompt-api': {
      const { PromptApiEngine } = await import('./engines/prompt-api-engine');
      return new PromptApiEngine();
    }
    default:
      throw new EngineFailure('unsupported', `Unknown engine ${String((expect as { engine: unknown }).engine)}`);
  }
}
