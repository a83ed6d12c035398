/**
 * HubSpot's v3 signature as HubSpot computes it (developers.hubspot.com, "Validating requests from HubSpot", v3): the
 * expected values are HMACs over strings written out by hand here, not produced by the code under test.
 */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signingUri, signV3, verifyV3 } from './signature';

const SECRET = 'hubspot-app-client-secret';
const TIMESTAMP = '1765100000000';
const hmac = (source: string) => createHmac('sha256', SECRET).update(source, 'utf8').digest('base64');
const headers = (signature: string) => ({
  'x-hubspot-signature-v3': signature,
  'x-hubspot-request-timestamp': TIMESTAMP,
});

describe('HubSpot signature v3', () => {
  // What hubspot.fetch appends to a card's request: portalId, userId, userEmail (with @ and +), appId.
  const sent =
    'https://closer.example.com/v1/card/persona?objectId=51&portalId=4242&userId=77&userEmail=ada%2Bsales%40example.com&appId=9001';
  // HubSpot decodes %40 but not %2B before hashing.
  const hashed =
    'https://closer.example.com/v1/card/persona?objectId=51&portalId=4242&userId=77&userEmail=ada%2Bsales@example.com&appId=9001';

  it('decodes exactly the listed escapes and no others', () => {
    expect(signingUri('/p?a=%3A%2F%3F%40%21%24%27%28%29%2A%2C%3B')).toBe("/p?a=:/?@!$'()*,;");
    expect(signingUri('/p?a=%2B%20%25%26%3D%23%5B%7E')).toBe('/p?a=%2B%20%25%26%3D%23%5B%7E');
    expect(signingUri(sent)).toBe(hashed);
  });

  it('accepts a card request signed as HubSpot signs it, with userEmail carrying @ and +', () => {
    const signature = hmac(`GET${hashed}${TIMESTAMP}`);
    expect(signV3(SECRET, 'GET', sent, '', TIMESTAMP)).toBe(signature);
    expect(() =>
      verifyV3(SECRET, 'GET', sent, Buffer.alloc(0), headers(signature), Number(TIMESTAMP) + 1_000),
    ).not.toThrow();
    // Hashing the URI as it arrived (with %40) gives another signature: the bug this replaces.
    expect(hmac(`GET${sent}${TIMESTAMP}`)).not.toBe(signature);
  });

  it('refuses a signature over the URI with the + decoded, and a changed query', () => {
    const plusDecoded = hmac(`GET${hashed.replace('%2B', '+')}${TIMESTAMP}`);
    expect(() => verifyV3(SECRET, 'GET', sent, Buffer.alloc(0), headers(plusDecoded), Number(TIMESTAMP))).toThrow(
      /does not match/,
    );
    const signature = hmac(`GET${hashed}${TIMESTAMP}`);
    const tampered = sent.replace('portalId=4242', 'portalId=4243');
    expect(() => verifyV3(SECRET, 'GET', tampered, Buffer.alloc(0), headers(signature), Number(TIMESTAMP))).toThrow(
      /does not match/,
    );
  });

  it('hashes a POST body as sent, over an http loopback URI as in local development', () => {
    // Assumed, not verified without a live `hs project dev` session: local development signs with the app's secret
    // over the local URI it calls (README, "HubSpot behaviours relied on").
    const uri = 'http://localhost:8787/v1/campaign-results?portalId=4242&userEmail=rep%40example.com';
    const body = '{"items":[{"email":"a+b@example.com"}]}';
    const signature = hmac(
      `POST${'http://localhost:8787/v1/campaign-results?portalId=4242&userEmail=rep@example.com'}${body}${TIMESTAMP}`,
    );
    expect(() => verifyV3(SECRET, 'POST', uri, Buffer.from(body), headers(signature), Number(TIMESTAMP))).not.toThrow();
  });
});
