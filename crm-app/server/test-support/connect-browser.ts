/**
 * The /connect pages as a browser drives them: the person types the code (POST /connect/code from the page's own
 * origin), the answer sets the page cookie and carries the form token, and Approve or Deny posts both back.
 */
import { createHash, randomBytes } from 'node:crypto';

export interface OpenedCode {
  response: Response;
  html: string;
  /** The approve page's form token; null when the answer was not the approve page. */
  formToken: string | null;
}

export function newVerifier(): { codeVerifier: string; codeChallenge: string } {
  const codeVerifier = randomBytes(32).toString('base64url');
  return { codeVerifier, codeChallenge: createHash('sha256').update(codeVerifier).digest('base64url') };
}

export function connectBrowser(serverUrl: string) {
  const origin = new URL(serverUrl).origin;
  let cookie = '';
  const post = (path: string, form: Record<string, string>, headers: Record<string, string> = {}) =>
    fetch(`${serverUrl}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin,
        'sec-fetch-site': 'same-origin',
        ...(cookie ? { cookie } : {}),
        ...headers,
      },
      body: new URLSearchParams(form).toString(),
      redirect: 'manual',
    });
  return {
    get cookie() {
      return cookie;
    },
    set cookie(value: string) {
      cookie = value;
    },
    /** Types the code into the /connect form. */
    async open(userCode: string, lang = 'en', headers: Record<string, string> = {}): Promise<OpenedCode> {
      const response = await post('/connect/code', { code: userCode, lang }, headers);
      const setCookie = response.headers.get('set-cookie');
      if (setCookie) cookie = setCookie.split(';')[0] ?? '';
      const html = await response.text();
      return { response, html, formToken: /name="formToken" value="([^"]+)"/.exec(html)?.[1] ?? null };
    },
    submit(action: 'approve' | 'deny', form: Record<string, string>, headers: Record<string, string> = {}) {
      return post(`/connect/${action}`, form, headers);
    },
  };
}
