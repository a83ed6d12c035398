import { z } from 'zod';
import { ProtocolErrorSchema } from './errors';

/** Bumped when an envelope changes shape; a peer speaking another version gets `bad_request`. */
export const PROTOCOL = 'closer/1' as const;

const Id = z.string().min(1).max(64);
const MethodName = z.string().min(1).max(64);

/** One request, answered by exactly one response with the same id. */
export const RequestEnvelopeSchema = z.object({
  protocol: z.literal(PROTOCOL),
  kind: z.literal('request'),
  id: Id,
  method: MethodName,
  params: z.unknown(),
});
export type RequestEnvelope = z.infer<typeof RequestEnvelopeSchema>;

export const ResponseEnvelopeSchema = z.discriminatedUnion('ok', [
  z.object({
    protocol: z.literal(PROTOCOL),
    kind: z.literal('response'),
    id: Id,
    ok: z.literal(true),
    result: z.unknown(),
  }),
  z.object({
    protocol: z.literal(PROTOCOL),
    kind: z.literal('response'),
    id: Id,
    ok: z.literal(false),
    error: ProtocolErrorSchema,
  }),
]);
export type ResponseEnvelope = z.infer<typeof ResponseEnvelopeSchema>;

/**
 * Streams are pulled with credits (back-pressure): the consumer grants `credits` chunks at start and more with
 * `stream.credit`; the producer never has more chunks in flight than it was granted.
 */
export const StreamClientMessageSchema = z.discriminatedUnion('kind', [
  z.object({
    protocol: z.literal(PROTOCOL),
    kind: z.literal('stream.start'),
    id: Id,
    method: MethodName,
    params: z.unknown(),
    credits: z.number().int().min(1).max(1_024),
  }),
  z.object({
    protocol: z.literal(PROTOCOL),
    kind: z.literal('stream.credit'),
    id: Id,
    credits: z.number().int().min(1).max(1_024),
  }),
  z.object({ protocol: z.literal(PROTOCOL), kind: z.literal('stream.cancel'), id: Id }),
]);
export type StreamClientMessage = z.infer<typeof StreamClientMessageSchema>;

export const StreamServerMessageSchema = z.discriminatedUnion('kind', [
  z.object({
    protocol: z.literal(PROTOCOL),
    kind: z.literal('stream.chunk'),
    id: Id,
    seq: z.number().int().min(0),
    data: z.unknown(),
  }),
  z.object({ protocol: z.literal(PROTOCOL), kind: z.literal('stream.end'), id: Id, data: z.unknown() }),
  z.object({ protocol: z.literal(PROTOCOL), kind: z.literal('stream.error'), id: Id, error: ProtocolErrorSchema }),
]);
export type StreamServerMessage = z.infer<typeof StreamServerMessageSchema>;

/** Builds an error response for a request whose id may itself be unreadable. */
export function errorResponse(
  id: unknown,
  code: z.infer<typeof ProtocolErrorSchema>['code'],
  message: string,
): ResponseEnvelope {
  const safeId = typeof id === 'string' && id.length > 0 && id.length <= 64 ? id : 'unknown';
  return {
    protocol: PROTOCOL,
    kind: 'response',
    id: safeId,
    ok: false,
    error: { code, message: message.slice(0, 2_000) },
  };
}
