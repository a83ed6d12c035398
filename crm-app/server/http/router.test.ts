import { describe, expect, it } from 'vitest';
import { HttpError } from './errors';
import { createRouter, type Route } from './router';

const handler: Route['handler'] = async () => ({ status: 200, body: {} });
const route = createRouter([
  { method: 'GET', path: '/healthz', handler },
  { method: 'GET', path: '/v1/contacts/:contactId/persona', handler },
  { method: 'POST', path: '/v1/contacts/:contactId/persona', handler },
  { method: 'GET', path: '/files/a.b', handler },
]);

function failure(method: string, pathname: string): HttpError {
  try {
    route(method, pathname);
  } catch (error) {
    if (error instanceof HttpError) return error;
    throw error;
  }
  throw new Error('expected a routing failure');
}

describe('createRouter', () => {
  it('matches literal paths', () => {
    expect(route('GET', '/healthz').route.path).toBe('/healthz');
  });

  it('extracts and decodes path parameters', () => {
    expect(route('GET', '/v1/contacts/12%2034/persona').params).toEqual({ contactId: '12 34' });
  });

  it('picks the route of the request method', () => {
    expect(route('POST', '/v1/contacts/1/persona').route.method).toBe('POST');
  });

  it('answers 404 for an unknown path, also for a near miss', () => {
    for (const path of ['/nope', '/healthz/', '/v1/contacts//persona', '/files/aXb']) {
      expect(failure('GET', path)).toMatchObject({ status: 404, code: 'not_found' });
    }
  });

  it('answers 405 with Allow for a known path and another method', () => {
    const error = failure('DELETE', '/v1/contacts/1/persona');
    expect(error).toMatchObject({ status: 405, code: 'method_not_allowed', headers: { allow: 'GET, POST' } });
  });

  it('passes a malformed escape through for the route to reject', () => {
    expect(route('GET', '/v1/contacts/%zz/persona').params).toEqual({ contactId: '%zz' });
  });
});
