import { z } from 'zod';
import { PROTOCOL, RequestEnvelopeSchema, errorResponse, type ResponseEnvelope } from './envelopes';
import { ProtocolError, describeZodError } from './errors';
import type { MethodMap, ParamsOf, ResultOf } from './define';

/** Handlers get the validated params and whatever the transport knows about the caller (e.g. its tab). */
export type Handlers<M extends MethodMap, C = unknown> = {
  [K in keyof M]?: (params: z.output<M[K]['params']>, context: C) => Promise<ResultOf<M, K>> | ResultOf<M, K>;
};

/** Largest request we accept in one message: a guard against hostile pages flooding the router. */
export const MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

/**
 * Turns any incoming value into exactly one response envelope. It never throws: a malformed envelope, an unknown
 * method, bad params or a failing handler each become a typed error response, and the router keeps serving.
 */
export function createRouter<M extends MethodMap, C = unknown>(methods: M, handlers: Handlers<M, C>) {
  return async function route(raw: unknown, context?: C): Promise<ResponseEnvelope> {
    const envelope = RequestEnvelopeSchema.safeParse(raw);
    if (!envelope.success) {
      const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
      return errorResponse(id, 'bad_request', `Malformed request: ${describeZodError(envelope.error)}`);
    }
    const { id, method, params } = envelope.data;
    const spec = Object.hasOwn(methods, method) ? methods[method] : undefined;
    const handler = Object.hasOwn(handlers, method) ? handlers[method as keyof M] : undefined;
    if (!spec || !handler) return errorResponse(id, 'unknown_method', `Unknown method "${method}"`);
    const parsed = spec.params.safeParse(params);
    if (!parsed.success) return errorResponse(id, 'invalid_params', `${method}: ${describeZodError(parsed.error)}`);
    try {
      const result = await handler(parsed.data as never, context as C);
      return { protocol: PROTOCOL, kind: 'response', id, ok: true, result };
    } catch (err) {
      const e = ProtocolError.from(err);
      return errorResponse(id, e.code, e.message);
    }
  };
}

/** Builds a well-formed request envelope (used by clients and tests). */
export function makeRequest<M extends MethodMap, K extends keyof M & string>(
  id: string,
  method: K,
  params: ParamsOf<M, K>,
) {
  return { protocol: PROTOCOL, kind: 'request' as const, id, method, params };
}
