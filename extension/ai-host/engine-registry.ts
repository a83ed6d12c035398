import { EchoEngine } from '../../shared/common/llm/echo-engine';
import type { TextEngine } from '../../shared/common/llm/engine';
import type { Expectation } from '../messaging/methods';

/** Creates the engine a request expects. Later issues add web-llm and the Prompt API here. */
export function createEngine(expect: Expectation): TextEngine {
  switch (expect.engine) {
    case 'echo':
      return new EchoEngine(expect.model, { tokenDelayMs: expect.tokenDelayMs ?? 0 });
  }
}
