/**
 * What keeps another site from approving a device sign-in for whoever visits it. The /connect forms are
 * same-origin only: a POST must carry this backend's `Origin` (and, where the browser sends it, `Sec-Fetch-Site:
 * same-origin`), and the approve and deny forms carry a token bound to the browser that was shown the code (an
 * HttpOnly, SameSite=Strict cookie set with the page) and to that code. Someone who asked for a code themselves can
 * fetch the page, but not the victim's cookie, so a token they copy does not verify in the victim's browser.
 * Wrong codes typed from one address are counted: after five in ten minutes that address is refused for the rest
 * of the window, so nobody guesses a live code.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export const CONNECT_COOKIE = 'closer_connect';
export const WRONG_CODE_LIMIT = 5;
export const WRONG_CODE_WINDOW_MS = 10 * 60_000;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** Null when the request comes from this backend's own pages; otherwise why it is refused (for the log). */
export function crossSiteProblem(headers: IncomingHttpHeaders, publicUrl: string): string | null {
  const expected = new URL(publicUrl).origin;
  const origin = first(headers.origin);
  if (origin === undefined) return 'no Origin header';
  if (origin !== expected) return 'Origin is another site';
  const site = first(headers['sec-fetch-site']);
  if (site !== undefined && site !== 'same-origin') return `Sec-Fetch-Site is ${site}`;
  return null;
}

export function cookieValue(headers: IncomingHttpHeaders, name: string): string | null {
  for (const part of (first(headers.cookie) ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return null;
}

/** A fresh browser nonce and the Set-Cookie header that stores it for the /connect pages only. */
export function newConnectCookie(publicUrl: string): { nonce: string; setCookie: string } {
  const nonce = randomBytes(24).toString('base64url');
  const secure = new URL(publicUrl).protocol === 'https:' ? '; Secure' : '';
  return {
    nonce,
    setCookie: `${CONNECT_COOKIE}=${nonce}; Path=/connect; HttpOnly; SameSite=Strict; Max-Age=600${secure}`,
  };
}

/** The form key is derived from the token key, so production needs no extra secret and a rotation changes both. */
function formKey(secret: Buffer): Buffer {
  return createHmac('sha256', secret).update('closer /connect form token').digest();
}

export function formToken(secret: Buffer, nonce: string, codeId: string): string {
  return createHmac('sha256', formKey(secret)).update(`${nonce}.${codeId}`).digest('base64url');
}

export function formTokenValid(secret: Buffer, nonce: string | null, codeId: string, token: string | null): boolean {
  if (!nonce || !token) return false;
  const expected = Buffer.from(formToken(secret, nonce, codeId));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** Wrong codes per address in fixed ten-minute windows. */
export class WrongCodeTries {
  private readonly tries = new Map<string, { windowStart: number; count: number }>();

  locked(address: string, now = Date.now()): boolean {
    const entry = this.tries.get(address);
    return entry !== undefined && now - entry.windowStart < WRONG_CODE_WINDOW_MS && entry.count >= WRONG_CODE_LIMIT;
  }

  record(address: string, now = Date.now()): void {
    const entry = this.tries.get(address);
    if (!entry || now - entry.windowStart >= WRONG_CODE_WINDOW_MS) {
      if (this.tries.size > 10_000) this.tries.clear();
      this.tries.set(address, { windowStart: now, count: 1 });
    } else {
      entry.count += 1;
    }
  }
}
