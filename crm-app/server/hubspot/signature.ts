/**
 * HubSpot request signature v3: base64(HMAC-SHA256(client secret, method + full URI + raw body + timestamp)),
 * headers X-HubSpot-Signature-v3 and X-HubSpot-Request-Timestamp (ms). Stale (> 5 min) or wrong signatures are refused.
 *
 * The URI is the one the request was sent to (`https://` + host + path + query), with exactly these escapes decoded
 * before hashing and no others: %3A %2F %3F %40 %21 %24 %27 %28 %29 %2A %2C %3B (developers.hubspot.com, "Validating
 * requests from HubSpot", v3 section). So `userEmail=a%2Bb%40x.io` (what hubspot.fetch appends) is hashed as
 * `userEmail=a%2Bb@x.io`: the `@` decoded, the `+` left as sent. The URI must be the raw request target, not a
 * re-serialised URL: re-serialising may change escapes HubSpot hashed as they were.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { HttpError } from '../http/errors';

export const MAX_SIGNATURE_AGE_MS = 5 * 60_000;

const DECODED: Record<string, string> = {
  '%3A': ':',
  '%2F': '/',
  '%3F': '?',
  '%40': '@',
  '%21': '!',
  '%24': '$',
  '%27': "'",
  '%28': '(',
  '%29': ')',
  '%2A': '*',
  '%2C': ',',
  '%3B': ';',
};

/** The URI as HubSpot hashes it: the listed escapes decoded, every other one (and every other byte) as sent. */
export function signingUri(uri: string): string {
  return uri.replace(/%(?:3A|2F|3F|40|21|24|27|28|29|2A|2C|3B)/g, (escape) => DECODED[escape] ?? escape);
}

/** Signs a request as HubSpot does; `uri` is the full URI as sent (its escapes are decoded here, as HubSpot does). */
export function signV3(secret: string, method: string, uri: string, body: string, timestamp: string): string {
  return createHmac('sha256', secret)
    .update(`${method}${signingUri(uri)}${body}${timestamp}`, 'utf8')
    .digest('base64');
}

export function verifyV3(
  secret: string,
  method: string,
  uri: string,
  body: Buffer,
  headers: IncomingHttpHeaders,
  now = Date.now(),
): void {
  const signature = headers['x-hubspot-signature-v3'];
  const timestamp = headers['x-hubspot-request-timestamp'];
  if (typeof signature !== 'string' || typeof timestamp !== 'string' || !/^\d{1,16}$/.test(timestamp)) {
    throw new HttpError(401, 'invalid_signature', 'Missing HubSpot signature headers');
  }
  if (Math.abs(now - Number(timestamp)) > MAX_SIGNATURE_AGE_MS) {
    throw new HttpError(401, 'invalid_signature', 'The HubSpot signature timestamp is too old');
  }
  const expected = Buffer.from(signV3(secret, method, uri, body.toString('utf8'), timestamp));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw new HttpError(401, 'invalid_signature', 'The HubSpot signature does not match');
  }
}
