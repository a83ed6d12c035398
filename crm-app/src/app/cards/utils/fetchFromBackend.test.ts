import { hubspot } from '@hubspot/ui-extensions';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { BACKEND_ORIGIN, BACKEND_TIMEOUT_MS } from '../config/backend.ts';
import { jsonResponse, textResponse } from '../test-utils/mocks.ts';
import { BackendError, fetchFromBackend } from './fetchFromBackend.ts';

const Schema = z.object({ ok: z.literal(true) });

async function failure(promise: Promise<unknown>): Promise<BackendError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BackendError);
  return error as BackendError;
}

describe('fetchFromBackend', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('GETs the backend origin with an explicit timeout and returns the validated body', async () => {
    const fetchSpy = vi.spyOn(hubspot, 'fetch').mockResolvedValue(jsonResponse({ ok: true, extra: 1 }));

    await expect(fetchFromBackend('/v1/thing', Schema)).resolves.toEqual({ ok: true });
    expect(fetchSpy).toHaveBeenCalledWith(`${BACKEND_ORIGIN}/v1/thing`, {
      method: 'GET',
      timeout: BACKEND_TIMEOUT_MS,
    });
  });

  it('turns a non-ok status into an http error carrying the status', async () => {
    vi.spyOn(hubspot, 'fetch').mockResolvedValue(jsonResponse({ error: 'nope' }, 503));

    const error = await failure(fetchFromBackend('/v1/thing', Schema));
    expect(error.kind).toBe('http');
    expect(error.status).toBe(503);
  });

  it('rejects a body that is not JSON', async () => {
    vi.spyOn(hubspot, 'fetch').mockResolvedValue(textResponse('<html>gateway</html>'));

    expect((await failure(fetchFromBackend('/v1/thing', Schema))).kind).toBe('invalid-response');
  });

  it('rejects JSON of the wrong shape and says which field', async () => {
    vi.spyOn(hubspot, 'fetch').mockResolvedValue(jsonResponse({ ok: 'yes' }));

    const error = await failure(fetchFromBackend('/v1/thing', Schema));
    expect(error.kind).toBe('invalid-response');
    expect(error.message).toContain('ok');
  });

  it('reports a rejected hubspot.fetch as a network error', async () => {
    vi.spyOn(hubspot, 'fetch').mockRejectedValue(new Error('connection reset'));

    const error = await failure(fetchFromBackend('/v1/thing', Schema));
    expect(error.kind).toBe('network');
    expect(error.message).toContain('connection reset');
  });

  it('gives up on its own when the host never answers', async () => {
    vi.useFakeTimers();
    vi.spyOn(hubspot, 'fetch').mockReturnValue(new Promise<Response>(() => {}));

    const pending = failure(fetchFromBackend('/v1/thing', Schema, { timeoutMs: 100 }));
    await vi.advanceTimersByTimeAsync(5_000);
    expect((await pending).kind).toBe('timeout');
  });

  it.each(['v1/thing', '//evil.example/x'])(
    'refuses the path %s, which could leave the backend origin',
    async (path) => {
      const fetchSpy = vi.spyOn(hubspot, 'fetch');

      await failure(fetchFromBackend(path, Schema));
      expect(fetchSpy).not.toHaveBeenCalled();
    },
  );
});
