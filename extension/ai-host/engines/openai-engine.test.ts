import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OpenAiCompatibleEngine, isLoopback, type EndpointExchange } from './openai-engine';
import type { ChatRequest } from '../../../shared/common/llm/engine';

/** A local OpenAI-compatible server: each model name picks a behaviour. */
let server: Server;
let base = '';
const seen: Array<{ auth?: string; body: Record<string, unknown>; closedEarly: boolean }> = [];
let release: (() => void) | null = null;

const sse = (content: string, finish: string | null = null) =>
  `data: ${JSON.stringify({ choices: [{ index: 0, delta: content ? { content } : {}, finish_reason: finish }] })}\n\n`;

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      const body = JSON.parse(raw) as Record<string, unknown>;
      const entry = { auth: req.headers.authorization, body, closedEarly: false };
      seen.push(entry);
      res.on('close', () => (entry.closedEarly = !res.writableEnded));
      const model = body.model as string;
      if (model === 'needs-key' && req.headers.authorization !== 'Bearer good')
        return res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"bad key"}');
      if (model === 'broken') return res.writeHead(500).end('model crashed');
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      if (model === 'silent') return; // never sends a token
      if (model === 'endless') {
        // Streams until the client goes away or the test releases it.
        const t = setInterval(() => res.write(sse('more ')), 5);
        release = () => (clearInterval(t), res.end());
        res.on('close', () => clearInterval(t));
        return;
      }
      const words = model === 'bad-json' ? ['{"subject": ', '"Hi'] : ['Hi ', 'Jane, ', 'Tuesday ', 'works.'];
      for (const w of words) res.write(sse(w));
      res.write(sse('', 'stop'));
      res.end('data: [DONE]\n\n');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const req = (over: Partial<ChatRequest> = {}): ChatRequest => ({
  messages: [{ role: 'user', content: 'Reply to Jane' }],
  maxTokens: 50,
  ...over,
});
async function run(
  model: string,
  opts: { apiKey?: string; request?: ChatRequest; signal?: AbortSignal; firstTokenTimeoutMs?: number } = {},
) {
  const records: EndpointExchange[] = [];
  const engine = new OpenAiCompatibleEngine(
    { baseUrl: base, model, apiKey: opts.apiKey },
    { record: (e) => records.push(e), firstTokenTimeoutMs: opts.firstTokenTimeoutMs },
  );
  let text = '';
  const gen = engine.generate(opts.request ?? req(), opts.signal ?? new AbortController().signal);
  try {
    for (let s = await gen.next(); ; s = await gen.next()) {
      if (s.done) return { text, finish: s.value, records, error: null };
      text += s.value;
      if (text.length > 20 && opts.signal) (opts.signal as AbortSignal & { stop?: () => void }).stop?.();
    }
  } catch (error) {
    return { text, finish: null, records, error: error as Error };
  }
}

describe('OpenAI-compatible endpoint (a local server the test starts)', () => {
  it('streams a draft, with the key sent and both byte counts recorded', async () => {
    const r = await run('needs-key', { apiKey: 'good' });
    expect(r.text).toBe('Hi Jane, Tuesday works.');
    expect(r.finish).toBe('stop');
    expect(seen.at(-1)?.auth).toBe('Bearer good');
    expect(seen.at(-1)?.body).toMatchObject({ model: 'needs-key', stream: true, max_tokens: 50 });
    expect(r.records).toHaveLength(1);
    expect(r.records[0]).toMatchObject({ url: `${base}/chat/completions`, status: 200 });
    expect(r.records[0]?.sentBytes).toBe(Buffer.byteLength(JSON.stringify(seen.at(-1)?.body)));
    expect(r.records[0]?.receivedBytes).toBeGreaterThan(100);
  });

  it('cancel mid-stream stops the server’s stream', async () => {
    const controller = new AbortController();
    const signal = Object.assign(controller.signal, { stop: () => controller.abort() });
    const r = await run('endless', { signal });
    expect(r.error).toBeNull();
    expect(r.text.startsWith('more more more')).toBe(true);
    await expect.poll(() => seen.at(-1)?.closedEarly).toBe(true);
    release?.();
  });

  it('401, 500 and a silent server each give a clear error', async () => {
    expect((await run('needs-key', { apiKey: 'wrong' })).error?.message).toContain('HTTP 401');
    const crashed = await run('broken');
    expect(crashed.error?.message).toContain('HTTP 500: model crashed');
    expect(crashed.records[0]?.status).toBe(500);
    // Silent for ever: any wait ends in the error, so a short one keeps the test quick on any machine.
    expect((await run('silent', { firstTokenTimeoutMs: 200 })).error?.message).toContain('sent nothing');
  });

  it('refuses broken JSON for structured output, and asks with the schema', async () => {
    const schema = JSON.stringify({ type: 'object', properties: { subject: { type: 'string' } } });
    const r = await run('bad-json', { request: req({ responseFormat: { type: 'json_object', schema } }) });
    expect(r.error?.message).toContain('valid JSON');
    expect(seen.at(-1)?.body.response_format).toMatchObject({ type: 'json_schema', json_schema: { name: 'reply' } });
  });

  it('knows which URLs keep the text on this machine', () => {
    expect(isLoopback('http://127.0.0.1:11434/v1')).toBe(true);
    expect(isLoopback('http://localhost:1234/v1')).toBe(true);
    expect(isLoopback('http://[::1]:8080/v1')).toBe(true);
    expect(isLoopback('https://llm.example.com/v1')).toBe(false);
    expect(isLoopback('http://127.0.0.1.evil.example/v1')).toBe(false);
  });
});
