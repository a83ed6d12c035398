import { describe, expect, it, vi } from 'vitest';
import { createHostService } from '../host-service';
import { EchoEngine } from '../../../shared/common/llm/echo-engine';
import { PROTOCOL } from '../../../shared/common/protocol/envelopes';

const req = (id: string, method: string, params: unknown) => ({
  protocol: PROTOCOL,
  kind: 'request',
  id,
  method,
  params,
});

describe('AI host service', () => {
  it('loads an engine once for many concurrent callers', async () => {
    const factory = vi.fn((e: { model: string }) => new EchoEngine(e.model, { loadDelayMs: 20 }));
    const host = createHostService({ engineFactory: factory });
    const calls = Array.from({ length: 10 }, (_, i) =>
      host.route(req(String(i), 'host.echo', { text: `tab ${i}`, expect: { engine: 'echo', model: 'm' } })),
    );
    const results = await Promise.all(calls);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(factory).toHaveBeenCalledTimes(1);
  });

  it('reloads when a request expects another model, and reports it in status', async () => {
    const host = createHostService();
    await host.route(req('1', 'host.echo', { text: 'a', expect: { engine: 'echo', model: 'one' } }));
    await host.route(req('2', 'host.echo', { text: 'b', expect: { engine: 'echo', model: 'two' } }));
    const status = await host.route(req('3', 'host.status', {}));
    expect(status).toMatchObject({ ok: true, result: { loads: 2, loaded: { engine: 'echo', model: 'two' } } });
  });

  it('turns a failing load into engine_error and recovers on the next request', async () => {
    let fail = true;
    const host = createHostService({
      engineFactory: (e) => {
        const engine = new EchoEngine(e.model);
        if (fail) engine.load = async () => Promise.reject(new Error('out of memory'));
        return engine;
      },
    });
    const bad = await host.route(req('1', 'host.echo', { text: 'a', expect: { engine: 'echo', model: 'big' } }));
    expect(bad).toMatchObject({ ok: false, error: { code: 'engine_error' } });
    if (!bad.ok) expect(bad.error.message).toContain('out of memory');
    fail = false;
    const good = await host.route(req('2', 'host.echo', { text: 'a', expect: { engine: 'echo', model: 'big' } }));
    expect(good.ok).toBe(true);
  });
});
