import { describe, expect, it } from 'vitest';
import { PromptApiEngine, requestLanguage, type LanguageModelStatic } from './prompt-api-engine';
import { DOCUMENTED, languageModelStandIn, type StandInOptions } from '../test-support/language-model-standin';
import { EngineFailure, type ChatRequest } from '../../../shared/common/llm/engine';

const engineWith = (o: StandInOptions) => {
  const s = languageModelStandIn(o);
  return { engine: new PromptApiEngine(() => s.api as unknown as LanguageModelStatic), state: s.state };
};
const run = async (engine: PromptApiEngine, request: ChatRequest) => {
  let text = '';
  const gen = engine.generate(request, new AbortController().signal);
  for (let step = await gen.next(); ; step = await gen.next()) {
    if (step.done) return { text, finish: step.value };
    text += step.value;
  }
};
const req = (content: string, over: Partial<ChatRequest> = {}): ChatRequest => ({
  messages: [
    { role: 'system', content: 'You write short replies.' },
    { role: 'user', content },
  ],
  maxTokens: 100,
  ...over,
});

describe('Prompt API engine against the documented surface', () => {
  it('the stand-in implements exactly the documented names, and the engine uses only those', async () => {
    const { api } = languageModelStandIn({ availability: 'available' });
    expect(Object.keys(api).sort()).toEqual([...DOCUMENTED.static].sort());
    const session = await api.create();
    expect(Object.keys(Object.getOwnPropertyDescriptors(session)).sort()).toEqual([...DOCUMENTED.session].sort());
    const source = (await import('node:fs')).readFileSync(new URL('./prompt-api-engine.ts', import.meta.url), 'utf8');
    for (const name of [
      'availability',
      'create',
      'promptStreaming',
      'measureContextUsage',
      'contextUsage',
      'contextWindow',
    ])
      expect(source).toContain(name);
  });

  it('never downloads from the host: a downloadable model asks for a click in the options page', async () => {
    const { engine, state } = engineWith({ availability: 'downloadable' });
    await expect(engine.load()).rejects.toMatchObject({ kind: 'needs_download' });
    expect(state.downloads).toBe(0);
  });

  it('sends temperature and topK together or not at all', async () => {
    const { engine, state } = engineWith({ availability: 'available' });
    expect((await run(engine, req('Reply to Jane'))).text).toBe('Thanks, Tuesday works.');
    await run(engine, req('Reply to Jane', { temperature: 0.4 }));
    expect('topK' in (state.created[0] ?? {})).toBe(false);
    expect(state.created[1]).toMatchObject({ temperature: 0.4, topK: 3 });
  });

  it('declares the input and output language, and says plainly when Chinese is not supported', async () => {
    const { engine, state } = engineWith({ availability: 'available' });
    await run(engine, req('Reply to Jane'));
    expect(state.created[0]).toMatchObject({
      expectedInputs: [{ type: 'text', languages: ['en'] }],
      expectedOutputs: [{ type: 'text', languages: ['en'] }],
    });
    expect(requestLanguage(req('请回复张先生，周二可以。'))).toBe('zh');
    const err = await run(engine, req('请回复张先生，周二可以。')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EngineFailure);
    expect((err as EngineFailure).message).toContain('does not support the language "zh"');
    const zh = engineWith({ availability: 'available', languages: ['en', 'zh'], reply: '好的，周二见。' });
    expect((await run(zh.engine, req('请回复张先生，周二可以。'))).text).toBe('好的，周二见。');
  });

  it('checks the context window before a long thread, and counts reply tokens with the API', async () => {
    const { engine } = engineWith({ availability: 'available', contextWindow: 300 });
    const long = Array.from({ length: 400 }, (_, i) => `word${i}`).join(' ');
    await expect(run(engine, req(long))).rejects.toMatchObject({ kind: 'context_too_long' });
    const short = engineWith({ availability: 'available', reply: '好的，周二见。我们到时候再谈。', languages: ['zh'] });
    // Seven Han characters are seven tokens, not one "word".
    expect(await run(short.engine, req('请回复。', { maxTokens: 7 }))).toMatchObject({ finish: 'length' });
  });
});
