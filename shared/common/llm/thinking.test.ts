import { describe, expect, it } from 'vitest';
import { isThinkingModel, stripThinking } from './thinking';
import { classifyEngineError } from './engine';

const run = (pieces: string[]) => {
  const s = stripThinking();
  return pieces.map((p) => s.push(p)).join('') + s.flush();
};

describe('thinking text never reaches a draft', () => {
  it('drops a think block, also when its tags are split across pieces', () => {
    expect(run(['<think>\nplan it</think>\n\nDear Jane'])).toBe('Dear Jane');
    expect(run(['<thi', 'nk>plan', '</thi', 'nk>', '\n', 'Dear', ' Jane'])).toBe('Dear Jane');
    expect(run(['Dear Jane <3'])).toBe('Dear Jane <3');
    expect(run(['a < b', ' and <', 'think>x</think>c'])).toBe('a < b and c');
  });

  it('knows which models think by default', () => {
    expect(isThinkingModel('Qwen3-0.6B-q4f16_1-MLC')).toBe(true);
    expect(isThinkingModel('DeepSeek-R1-Distill-Qwen-7B-q4f16_1-MLC')).toBe(true);
    expect(isThinkingModel('Qwen2.5-0.5B-Instruct-q4f16_1-MLC')).toBe(false);
  });
});

describe('web-llm errors as the host must see them', () => {
  it('treats ModelNotLoadedError (the engine unloaded itself after a device loss) as a device loss', () => {
    const msg =
      'ModelNotLoadedError: Model not loaded before trying to complete ChatCompletionRequest. Please ensure you have called MLCEngine.reload(model)';
    expect(classifyEngineError(msg).kind).toBe('device_lost');
    expect(classifyEngineError(new Error('Failed to fetch')).kind).toBe('generation_failed');
  });
});
