import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createRouter, makeRequest } from './router';
import { ProtocolError } from './errors';
import { PROTOCOL } from './envelopes';

const methods = {
  add: { params: z.object({ a: z.number(), b: z.number() }).strict(), result: z.number() },
  fail: { params: z.object({}), result: z.never() },
  boom: { params: z.object({}), result: z.never() },
};
const route = createRouter(methods, {
  add: ({ a, b }) => a + b,
  fail: () => {
    throw new ProtocolError('engine_error', 'engine fell over');
  },
  boom: () => {
    throw new TypeError('undefined is not a function');
  },
});

describe('createRouter', () => {
  it('answers a good request with its result', async () => {
    expect(await route(makeRequest<typeof methods, 'add'>('1', 'add', { a: 2, b: 3 }))).toEqual({
      protocol: PROTOCOL,
      kind: 'response',
      id: '1',
      ok: true,
      result: 5,
    });
  });

  it.each([
    ['null', null],
    ['a string', 'hello'],
    ['no protocol', { kind: 'request', id: 'x', method: 'add', params: {} }],
    ['another protocol version', { protocol: 'closer/0', kind: 'request', id: 'x', method: 'add', params: {} }],
    ['an over-long id', { protocol: PROTOCOL, kind: 'request', id: 'x'.repeat(65), method: 'add', params: {} }],
    ['a numeric method', { protocol: PROTOCOL, kind: 'request', id: 'x', method: 7, params: {} }],
  ])('answers %s with bad_request', async (_label, raw) => {
    const res = await route(raw);
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.code).toBe('bad_request');
  });

  it('answers an unknown method, including prototype keys, with unknown_method', async () => {
    for (const method of ['nope', 'toString', '__proto__', 'constructor']) {
      const res = await route({ protocol: PROTOCOL, kind: 'request', id: 'x', method, params: {} });
      expect(res).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    }
  });

  it('answers bad params with invalid_params and names the field', async () => {
    const res = await route({
      protocol: PROTOCOL,
      kind: 'request',
      id: 'x',
      method: 'add',
      params: { a: 1, b: 'two' },
    });
    expect(res).toMatchObject({ ok: false, error: { code: 'invalid_params' } });
    if (!res.ok) expect(res.error.message).toContain('b');
  });

  it('keeps typed handler errors and wraps untyped ones as internal', async () => {
    expect(await route(makeRequest<typeof methods, 'fail'>('f', 'fail', {}))).toMatchObject({
      ok: false,
      error: { code: 'engine_error', message: 'engine fell over' },
    });
    expect(await route(makeRequest<typeof methods, 'boom'>('b', 'boom', {}))).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
  });

  it('keeps serving after malformed input', async () => {
    await route(undefined);
    await route({ protocol: PROTOCOL, kind: 'request', id: '', method: '', params: null });
    expect(await route(makeRequest<typeof methods, 'add'>('2', 'add', { a: 1, b: 1 }))).toMatchObject({
      ok: true,
      result: 2,
    });
  });
});
